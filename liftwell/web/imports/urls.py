from django.urls import path

from liftwell.web.imports import backup_views, views

urlpatterns = [
    path("", views.import_upload, name="import-upload"),
    path("export.csv", views.export_csv, name="export-csv"),
    path("export.json", backup_views.export_json, name="export-json"),
    path("backup/", backup_views.backup_upload, name="backup-upload"),
    path("backup/<uuid:pending_id>/", backup_views.backup_preview, name="backup-preview"),
    path("backup/<uuid:pending_id>/confirm/", backup_views.backup_confirm, name="backup-confirm"),
    path("<uuid:pending_id>/", views.import_preview, name="import-preview"),
    path("<uuid:pending_id>/confirm/", views.import_confirm, name="import-confirm"),
]
