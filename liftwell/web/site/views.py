"""The home page, the liveness check and the not-found answer."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.training.queries import workout_page


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Alive when the database answers one query; deploys and benchmarks call this."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "ok"})


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    recent, _ = workout_page(request.user, limit=3)
    return render(request, "site/home.html", {"recent": recent})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404: JSON under /api/ (clients parse every API answer as JSON), the site's page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"error": f"No API operation at {request.path}."}, status=404)
    body = loader.render_to_string("404.html", {"request_path": request.path}, request)
    return HttpResponse(body, status=404)
