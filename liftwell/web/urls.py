from django.contrib import admin
from django.urls import include, path

from liftwell.web.api.urls import api
from liftwell.web.site import views as site_views

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz", site_views.healthz, name="healthz"),
    path("accounts/", include("liftwell.web.accounts.urls")),
    path("exercises/", include("liftwell.web.exercises.urls")),
    path("log/", include("liftwell.web.training.log_urls")),
    path("history/", include("liftwell.web.training.history_urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
