"""API authentication: a personal token as a Bearer header, or the web session (with CSRF)."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from liftwell.web.accounts.models import User
from liftwell.web.accounts.tokens import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        return user


class ActiveSessionAuth(SessionAuth):
    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


API_AUTH = [TokenAuth(), ActiveSessionAuth()]


def request_user(request: HttpRequest) -> User:
    """The person an API operation runs for: `API_AUTH` has set `request.user` before any operation.

    The one place the API narrows `request.user`; handlers call this rather than reading it themselves.
    """
    return cast(User, request.user)
