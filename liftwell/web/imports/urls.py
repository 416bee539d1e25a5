from django.urls import path

from liftwell.web.imports import views

urlpatterns = [
    path("", views.import_upload, name="import-upload"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("<uuid:pending_id>/", views.import_preview, name="import-preview"),
    path("<uuid:pending_id>/confirm/", views.import_confirm, name="import-confirm"),
]
