"""Cache and sessions: database sessions without Redis, cached_db sessions in a shared Redis with it.

The Redis tests run when REDIS_URL or CI is set (CI starts Redis on 127.0.0.1:6379) and then fail if
Redis cannot be reached; on a machine with neither they are skipped.
"""

from __future__ import annotations

import os
import uuid

import pytest
from django.core.cache import caches
from django.test import Client
from django.test.utils import override_settings

from liftwell.web.ops.caching import REDIS_BACKEND, cache_settings, session_engine
from tests.conftest import make_user

TEST_REDIS_URL = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
NEEDS_REDIS = bool(os.environ.get("REDIS_URL") or os.environ.get("CI"))


def test_without_redis_sessions_live_in_the_database_and_nothing_is_kept_per_process() -> None:
    assert session_engine("") == "django.contrib.sessions.backends.db"
    local = cache_settings("")["default"]
    assert local["TIMEOUT"] == 0  # a per-process cache must not serve another worker's stale copy


def test_with_redis_both_use_it() -> None:
    shared = cache_settings("redis://cache:6379/0")["default"]
    assert shared["BACKEND"] == REDIS_BACKEND and shared["LOCATION"] == "redis://cache:6379/0"
    assert session_engine("redis://cache:6379/0") == "django.contrib.sessions.backends.cached_db"


@pytest.mark.django_db
def test_the_default_cache_keeps_nothing() -> None:
    caches["default"].set("answer", 42)
    assert caches["default"].get("answer") is None


@pytest.fixture
def redis_url() -> str:
    import redis

    try:
        redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError as error:
        if NEEDS_REDIS:
            pytest.fail(
                f"Redis is required here (CI or REDIS_URL set) but {TEST_REDIS_URL} answered: {error}"
            )
        pytest.skip(f"no Redis at {TEST_REDIS_URL} (set REDIS_URL to run these)")
    return TEST_REDIS_URL


@pytest.mark.django_db
def test_a_session_made_by_one_app_server_is_read_by_another_through_redis(redis_url: str) -> None:
    prefix = f"liftwell-test-{uuid.uuid4().hex}"
    with override_settings(
        CACHES=cache_settings(redis_url, key_prefix=prefix), SESSION_ENGINE=session_engine(redis_url)
    ):
        caches["default"].set("answer", 42)
        assert caches["default"].get("answer") == 42
        owner = make_user("olivia")
        first = Client()
        assert (
            first.post("/accounts/login/", {"username": "olivia", "password": "olivia-Passw0rd!"}).status_code
            == 302
        )
        session_key = first.cookies["sessionid"].value
        # The session is in Redis (read first) and in the database (kept if Redis is flushed).
        assert caches["default"].get(f"django.contrib.sessions.cached_db{session_key}") is not None
        second = Client()  # another app server: nothing shared but the cookie, the database and Redis
        second.cookies["sessionid"] = session_key
        response = second.get("/api/v1/me")
        assert response.status_code == 200 and response.json()["username"] == owner.username
        caches["default"].delete(f"django.contrib.sessions.cached_db{session_key}")
        assert second.get("/api/v1/me").status_code == 200  # still signed in, from the database
