from django.urls import path

from liftwell.web.exercises import views

urlpatterns = [
    path("", views.exercise_list, name="exercise-list"),
    path("new/", views.exercise_create, name="exercise-create"),
    path("<int:exercise_id>/", views.exercise_detail, name="exercise-detail"),
    path("<int:exercise_id>/hide/", views.exercise_hide, name="exercise-hide"),
]
