from django.urls import path

from liftwell.web.coaching import coach_views, org_views

client = "clients/<int:client_id>/"

urlpatterns = [
    path("", coach_views.coach_home, name="coach-home"),
    path("invite/", coach_views.coach_invite, name="coach-invite"),
    path("invitations/<int:grant_id>/accept/", coach_views.coach_accept, name="coach-accept"),
    path("invitations/<int:grant_id>/decline/", coach_views.coach_decline, name="coach-decline"),
    path(client, coach_views.coach_client, name="coach-client"),
    path(client + "end/", coach_views.coach_client_end, name="coach-client-end"),
    path(
        client + "workouts/<int:workout_id>/", coach_views.coach_client_workout, name="coach-client-workout"
    ),
    path(
        client + "workouts/<int:workout_id>/comments/",
        coach_views.coach_client_comment,
        name="coach-client-comment",
    ),
    path(client + "progress/", coach_views.coach_client_progress, name="coach-client-progress"),
    path(client + "health/", coach_views.coach_client_health, name="coach-client-health"),
    path(client + "program/", coach_views.coach_client_program, name="coach-client-program"),
    path(client + "notes/", coach_views.coach_client_notes, name="coach-client-notes"),
    path(client + "report/", coach_views.coach_client_report, name="coach-client-report"),
    path(client + "report.pdf", coach_views.coach_client_report_pdf, name="coach-client-report-pdf"),
    path("organisations/", org_views.organisations, name="coach-orgs"),
    path("organisations/<int:org_id>/", org_views.organisation, name="coach-org"),
    path("organisations/<int:org_id>/members/", org_views.organisation_add, name="coach-org-add"),
    path(
        "organisations/<int:org_id>/members/<int:membership_id>/remove/",
        org_views.organisation_remove,
        name="coach-org-remove",
    ),
]
