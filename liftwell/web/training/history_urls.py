from django.urls import path

from liftwell.web.training import history_views

urlpatterns = [
    path("", history_views.history, name="history"),
]
