"""Shared test helpers: named users built in code, API clients with real tokens, the shipped library."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.test import Client

    from liftwell.web.accounts.models import User

# Django is imported inside the helpers, so `pytest tests/core -p no:django` runs the pure core alone.


def make_user(username: str, **profile: Any) -> User:
    from liftwell.web.accounts.models import User

    user = User(username=username, email=f"{username}@example.org", **profile)
    user.set_password(f"{username}-Passw0rd!")
    user.save()
    return user


class ApiClient:
    """The Django test client with a Bearer token on every request."""

    def __init__(self, user: User | None) -> None:
        from django.test import Client

        from liftwell.web.accounts.tokens import create_token

        self.client = Client()
        self.headers: dict[str, str] = {}
        if user is not None:
            _, token = create_token(user=user, name="tests")
            self.headers["Authorization"] = f"Bearer {token}"

    def _call(self, method: str, path: str, data: Any = None, **extra: Any) -> Any:
        caller: Callable[..., Any] = getattr(self.client, method)
        kwargs: dict[str, Any] = {"headers": {**self.headers, **extra.pop("headers", {})}, **extra}
        if method in {"post", "patch", "put", "delete"} and data is not None:
            kwargs["content_type"] = "application/json"
        return caller(path, data, **kwargs) if data is not None else caller(path, **kwargs)

    def get(self, path: str, data: Any = None, **extra: Any) -> Any:
        return self._call("get", path, data, **extra)

    def post(self, path: str, data: Any = None, **extra: Any) -> Any:
        return self._call("post", path, data, **extra)

    def patch(self, path: str, data: Any = None, **extra: Any) -> Any:
        return self._call("patch", path, data, **extra)

    def delete(self, path: str, data: Any = None, **extra: Any) -> Any:
        return self._call("delete", path, data, **extra)


@pytest.fixture(autouse=True)
def _test_settings(request: pytest.FixtureRequest) -> None:
    if not request.config.pluginmanager.hasplugin("django"):
        return  # the pure core, run with -p no:django
    settings = request.getfixturevalue("settings")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Production serves hashed names from a manifest that `liftwell serve` builds; tests need none.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def owner(db: None) -> User:
    return make_user("olivia", display_name="Olivia", time_zone="Europe/Berlin")


@pytest.fixture
def stranger(db: None) -> User:
    return make_user("sam")


@pytest.fixture
def owner_client(owner: User) -> Client:
    from django.test import Client

    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def owner_api(owner: User) -> ApiClient:
    return ApiClient(owner)


@pytest.fixture
def stranger_api(stranger: User) -> ApiClient:
    return ApiClient(stranger)


@pytest.fixture
def anon_api(db: None) -> ApiClient:
    return ApiClient(None)


@pytest.fixture
def library(db: None) -> None:
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
