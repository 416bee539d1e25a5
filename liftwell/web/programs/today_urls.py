from django.urls import path

from liftwell.web.programs import views

urlpatterns = [
    path("", views.today, name="today"),
    path("start/", views.today_start, name="today-start"),
]
