"""Shared test helpers: named users built in code, API clients with real tokens, the shipped library."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from django.db.transaction import Atomic
    from django.test import Client
    from pytest_django import DjangoDbBlocker

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


# The fixtures that make pytest-django run a test without its per-test transaction.
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "django_db_reset_sequences"}


def _shares_the_library(item: pytest.Item) -> bool:
    """A test that asks for `library` and runs inside pytest-django's per-test transaction."""
    fixtures = set(getattr(item, "fixturenames", ()))
    if "library" not in fixtures or fixtures & TRANSACTIONAL_FIXTURES:
        return False
    marker = item.get_closest_marker("django_db")
    if marker is None:
        return True
    flags = {**dict(zip(("transaction", "reset_sequences"), marker.args, strict=False)), **marker.kwargs}
    return not (flags.get("transaction") or flags.get("reset_sequences"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The tests that share the library run first and one after another, so it is loaded once (see
    # `_library_transaction`). The sort is stable: pytest-django's order holds for the rest.
    items.sort(key=lambda item: not _shares_the_library(item))


class _LibraryTransaction:
    """A transaction holding the shipped exercise library, open while tests that ask for it run.

    Each test's own transaction nests inside it as a savepoint, as `TestCase.setUpTestData` does, so a
    test's changes are rolled back and the library stays; rolling this one back removes the library, so
    the tests that did not ask for it see an empty table, as before.
    """

    def __init__(self, blocker: DjangoDbBlocker) -> None:
        self.blocker = blocker
        self.atomic: Atomic | None = None

    def open(self) -> None:
        if self.atomic is not None:
            return
        from django.db import transaction

        from liftwell.web.exercises.services import load_shipped_exercises

        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                load_shipped_exercises()
            except BaseException:
                self.close()  # so the next test that asks tries again, not finds an empty library
                raise

    def close(self) -> None:
        if self.atomic is None:
            return
        from django.db import transaction

        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None


@pytest.fixture(scope="session")
def _library_state(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[_LibraryTransaction]:
    state = _LibraryTransaction(django_db_blocker)
    yield state
    state.close()  # before pytest-django drops the test database


@pytest.fixture
def _library_transaction(request: pytest.FixtureRequest, _library_state: _LibraryTransaction) -> None:
    if _shares_the_library(request.node):
        _library_state.open()
    else:
        _library_state.close()


@pytest.fixture
def _django_db_helper(_library_transaction: None, _django_db_helper: None) -> None:
    """pytest-django's per-test transaction (its fixture, extended), opened after `_library_transaction`.

    Every test that uses the database sets this up, so the library's transaction is open or closed
    before the test's own begins.
    """


@pytest.fixture
def library(db: None) -> None:
    """Liftwell's shipped exercise library, in the database for this test.

    Loaded once for the tests that run inside a transaction (`_library_transaction`); a transactional
    test (`transaction=True`, the live server) loads it itself, and its rows are flushed when it ends.
    """
    from liftwell.web.exercises.models import Exercise
    from liftwell.web.exercises.services import load_shipped_exercises

    if not Exercise.objects.filter(owner=None, source=Exercise.Source.LIFTWELL).exists():
        load_shipped_exercises()
