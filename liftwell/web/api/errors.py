"""Every API error is JSON `{"error": "..."}` naming the field, with the right status; never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from liftwell.web.training.errors import ClientIdConflict, TrainingError

logger = logging.getLogger("liftwell.api")

# Parts of a pydantic location that say where, not what: left out of the field name people see.
_LOCATION_NOISE = {"body", "query", "path", "payload", "form", "header", "cookie", "__root__"}


def describe_validation_error(errors: list[dict[str, Any]]) -> str:
    messages = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if str(part) not in _LOCATION_NOISE]
        message = str(error.get("msg", "is not valid"))
        message = message.removeprefix("Value error, ")
        messages.append(f"{'.'.join(location)}: {message}" if location else message)
    return "; ".join(messages) or "The request is not valid."


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def on_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"error": describe_validation_error(exc.errors)}, status=422)

    @api.exception_handler(TrainingError)
    def on_training_error(request: HttpRequest, exc: TrainingError) -> HttpResponse:
        status = 409 if isinstance(exc, ClientIdConflict) else 422
        return api.create_response(request, {"error": str(exc)}, status=status)

    @api.exception_handler(AuthenticationError)
    def on_auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return api.create_response(
            request, {"error": "Authentication required: send a Bearer token or sign in."}, status=401
        )

    @api.exception_handler(Http404)
    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, {"error": str(exc) or "Not found."}, status=404)

    @api.exception_handler(PermissionDenied)
    def on_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return api.create_response(request, {"error": str(exc) or "Not allowed."}, status=403)

    @api.exception_handler(HttpError)
    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(request, {"error": str(exc)}, status=exc.status_code)

    @api.exception_handler(Exception)
    def on_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.exception("API error on %s %s", request.method, request.path)
        return api.create_response(request, {"error": "Something went wrong on the server."}, status=500)
