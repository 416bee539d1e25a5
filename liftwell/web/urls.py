from django.contrib import admin
from django.urls import include, path

from liftwell.web.api.urls import api
from liftwell.web.ops import views as ops_views
from liftwell.web.pwa import views as pwa_views
from liftwell.web.site import views as site_views

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz", site_views.healthz, name="healthz"),
    path("metrics", ops_views.metrics, name="metrics"),
    path("accounts/two-factor/", include("liftwell.web.accounts.twofactor_urls")),
    path("accounts/", include("liftwell.web.accounts.urls")),
    path("sharing/", include("liftwell.web.coaching.sharing_urls")),
    path("coach/", include("liftwell.web.coaching.coach_urls")),
    path("exercises/", include("liftwell.web.exercises.urls")),
    path("sw.js", pwa_views.service_worker, name="pwa-service-worker"),
    path("manifest.webmanifest", pwa_views.manifest, name="pwa-manifest"),
    path("log/shell/", pwa_views.log_shell, name="log-shell"),
    path("log/", include("liftwell.web.training.log_urls")),
    path("history/", include("liftwell.web.training.history_urls")),
    path("health/", include("liftwell.web.health.urls")),
    path("learn/", include("liftwell.web.health.learn_urls")),
    path("progress/", include("liftwell.web.progress.urls")),
    path("programs/", include("liftwell.web.programs.urls")),
    path("today/", include("liftwell.web.programs.today_urls")),
    path("plan/", include("liftwell.web.planning.urls")),
    path("import/", include("liftwell.web.imports.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "liftwell.web.site.views.not_found"
