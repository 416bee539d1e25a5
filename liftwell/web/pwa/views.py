"""Liftwell as an installable app: the web manifest, the service worker and the logging screen's shell.

The service worker is served by Django at /sw.js (a stable URL with scope `/`) and lists the static
files to keep, by the names `static()` gives them (hashed in production), so a new release is a new
worker with a new cache. Offline, it answers any /log/<uuid>/ with one generic copy of the logging
screen (`log_shell`), which reads the workout's id from the URL and its data from the device.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Static folders the logging screen and the pages around it need offline.
OFFLINE_STATIC = ("liftwell", "vendor/htm", "vendor/htmx")
OFFLINE_SUFFIXES = {".js", ".css", ".svg", ".png"}

SERVICE_WORKER = Path(__file__).with_name("service-worker.js")


def _static_root() -> Path:
    return Path(settings.STATICFILES_DIRS[0])


def offline_assets() -> list[str]:
    """The URLs of the static files to precache, sorted, as templates would link them."""
    root = _static_root()
    names = sorted(
        path.relative_to(root).as_posix()
        for folder in OFFLINE_STATIC
        for path in (root / folder).rglob("*")
        if path.is_file() and path.suffix in OFFLINE_SUFFIXES
    )
    urls = []
    for name in names:
        try:
            urls.append(static(name))
        except ValueError:
            continue  # not collected yet (a file added since collectstatic): fetched when first used
    return urls


def _version(assets: list[str]) -> str:
    """Changes whenever a listed file or the worker changes, so browsers install the new worker."""
    digest = hashlib.sha256(SERVICE_WORKER.read_bytes())
    root = _static_root()
    for folder in OFFLINE_STATIC:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in OFFLINE_SUFFIXES:
                digest.update(path.as_posix().encode())
                digest.update(path.read_bytes())
    digest.update("\n".join(assets).encode())
    return digest.hexdigest()[:16]


@require_GET
@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    assets = offline_assets()
    config = {
        "version": _version(assets),
        "assets": assets,
        "shell": reverse("log-shell"),
        # The warning signs page holds no personal data and should open at the gym with no signal.
        "pages": [reverse("log-start"), reverse("health-warning-signs")],
        "staticPrefix": settings.STATIC_URL,
    }
    body = f"const CONFIG = {json.dumps(config)};\n" + SERVICE_WORKER.read_text()
    return HttpResponse(body, content_type="text/javascript; charset=utf-8")


@require_GET
def manifest(request: HttpRequest) -> JsonResponse:
    icon = static
    data: dict[str, object] = {
        "name": "Liftwell",
        "short_name": "Liftwell",
        "description": "Log your training, even with no signal in the gym.",
        "start_url": reverse("log-start"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5cad",
        "icons": [
            {"src": icon("liftwell/pwa/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": icon("liftwell/pwa/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": icon("liftwell/pwa/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    response = JsonResponse(data)
    response["Content-Type"] = "application/manifest+json"
    return response


@login_required
@never_cache
def log_shell(request: HttpRequest) -> HttpResponse:
    """The logging screen without a workout: the service worker's answer to /log/<uuid>/ offline."""
    return render(request, "training/log_workout.html", {"workout": None, "api_base": "/api/v1/"})
