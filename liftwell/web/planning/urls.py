from django.urls import path

from liftwell.web.planning import views

urlpatterns = [
    path("", views.questionnaire, name="plan-questionnaire"),
    path("use/", views.use, name="plan-use"),
    path("screening/", views.screening, name="plan-screening"),
    path("screening/<int:pk>/", views.screening_detail, name="plan-screening-detail"),
    path("screening/<int:pk>/clearance/", views.clearance, name="plan-screening-clearance"),
]
