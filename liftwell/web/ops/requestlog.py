"""One JSON line per request, and the /metrics figures, from one middleware.

A line holds the method, the route *pattern* (``api/v1/workouts/<int:workout_id>/sets``, never the
path with its ids or the query string), the status, the duration, the user's id and a request id. It
never holds a body, a header value or a query string, so no health value can reach the logs.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import LazyObject

from liftwell.web.ops import metrics

logger = logging.getLogger("liftwell.request")

# nginx's $request_id is 32 hex characters; accept any short token of safe characters from the proxy.
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
UNMATCHED = "<unmatched>"


def request_id_for(request: HttpRequest) -> str:
    given = request.headers.get("X-Request-ID", "")
    return given if _REQUEST_ID.match(given) else uuid.uuid4().hex


def route_of(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.route if match is not None and match.route else UNMATCHED


def user_id_of(request: HttpRequest) -> int | None:
    """The signed-in user's id, if authentication already loaded them (never loads them itself)."""
    user = request.__dict__.get("user")
    if isinstance(user, LazyObject):
        user = user.__dict__.get("_wrapped")  # `empty` until something asked who this is
    user_id = getattr(user, "pk", None)
    return user_id if isinstance(user_id, int) and getattr(user, "is_authenticated", False) else None


class RequestLogMiddleware:
    """Times each request; logs it when LIFTWELL_LOG_FORMAT=json, counts it when LIFTWELL_METRICS=1."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request_id = request_id_for(request)
        response = self.get_response(request)
        duration_s = time.perf_counter() - started
        response["X-Request-ID"] = request_id
        route = route_of(request)
        if settings.LIFTWELL_LOG_FORMAT == "json":
            logger.info(
                "request",
                extra={
                    "fields": {
                        "method": request.method,
                        "route": route,
                        "status": response.status_code,
                        "duration_ms": round(duration_s * 1000, 2),
                        "user_id": user_id_of(request),
                        "request_id": request_id,
                    }
                },
            )
        if settings.LIFTWELL_METRICS:
            metrics.observe(
                method=str(request.method),
                route=route,
                status=response.status_code,
                duration_s=duration_s,
            )
        return response
