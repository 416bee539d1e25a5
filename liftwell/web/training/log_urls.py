from django.urls import path

from liftwell.web.training import log_views

urlpatterns = [
    path("", log_views.log_start, name="log-start"),
    path("<uuid:client_id>/", log_views.log_workout, name="log-workout"),
]
