from django.urls import path

from liftwell.web.progress import views

urlpatterns = [
    path("", views.progress_weeks, name="progress"),
    path("exercises/<int:exercise_id>/", views.progress_exercise, name="progress-exercise"),
    path("records/", views.progress_records, name="progress-records"),
    path("scores/", views.progress_scores, name="progress-scores"),
]
