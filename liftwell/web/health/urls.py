from django.urls import path

from liftwell.web.health import views

urlpatterns = [
    path("", views.dashboard, name="health-dashboard"),
    path("settings/", views.health_settings, name="health-settings"),
    path("export/fhir/", views.fhir_export, name="health-fhir-export"),
    path("warning-signs/", views.warning_signs, name="health-warning-signs"),
    path("training-advice/", views.training_advice, name="health-training-advice"),
    path("<slug:slug>/", views.kind_list, name="health-list"),
    path("<slug:slug>/new/", views.kind_new, name="health-new"),
    path("<slug:slug>/<int:entry_id>/edit/", views.kind_edit, name="health-edit"),
    path("<slug:slug>/<int:entry_id>/delete/", views.kind_delete, name="health-delete"),
]
