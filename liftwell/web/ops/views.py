"""/metrics: request counts and durations for Prometheus, off unless LIFTWELL_METRICS is set."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from liftwell.web.ops import metrics as figures


@require_GET
@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    """The Prometheus text format. With LIFTWELL_METRICS_TOKEN set, it asks for that Bearer token."""
    if not settings.LIFTWELL_METRICS:
        raise Http404("Metrics are off.")
    token = settings.LIFTWELL_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            return HttpResponse("A metrics token is needed.\n", status=401, content_type="text/plain")
    body, content_type = figures.exposition()
    return HttpResponse(body, content_type=content_type)
