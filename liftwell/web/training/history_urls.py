from django.urls import path

from liftwell.web.training import history_views

urlpatterns = [
    path("", history_views.history, name="history"),
    path("calendar/", history_views.history_calendar, name="history-calendar"),
    path("<int:workout_id>/", history_views.history_workout, name="history-workout"),
    path("<int:workout_id>/delete/", history_views.history_workout_delete, name="history-workout-delete"),
    path("<int:workout_id>/restore/", history_views.history_workout_restore, name="history-workout-restore"),
    path("sets/<int:set_id>/", history_views.history_set, name="history-set"),
    path("sets/<int:set_id>/edit/", history_views.history_set_edit, name="history-set-edit"),
    path("sets/<int:set_id>/delete/", history_views.history_set_delete, name="history-set-delete"),
    path("sets/<int:set_id>/restore/", history_views.history_set_restore, name="history-set-restore"),
    path("exercise/<int:exercise_id>/", history_views.history_exercise, name="history-exercise"),
]
