"""The cache and session settings: one shared Redis for every app server, or none at all.

Without Redis, Liftwell keeps nothing in a per-process cache that another worker could contradict.
The audit (grep for lru_cache, functools.cache, module-level dicts, LocMemCache), 2026-11-29:
- sessions live in the database; login throttling (django-axes' database handler) counts there too;
- every `functools.cache`/`lru_cache` holds something that cannot change while the process runs:
  shipped files (health articles, built-in programs, the exercise library in planning), the time-zone
  list, a Markdown renderer, model metadata (backup field lists), or pure functions of their
  arguments (importers' date and duration parsing, decimal formatting, unit conversion);
- Django's own ContentType cache holds rows that change only by a migration, after which every
  server restarts.
None holds a person's data. The local-memory cache Django would fall back on is given a zero timeout,
so that nothing added later can serve one worker's stale copy to a request landing on another.
"""

from __future__ import annotations

from typing import Any

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def cache_settings(redis_url: str, *, key_prefix: str = "liftwell") -> dict[str, Any]:
    """CACHES for settings.py: Redis when a URL is given, else a local cache that keeps nothing."""
    if redis_url:
        return {
            "default": {
                "BACKEND": REDIS_BACKEND,
                "LOCATION": redis_url,
                "KEY_PREFIX": key_prefix,
                # A stuck Redis fails a request after two seconds instead of hanging a worker.
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "liftwell-no-shared-cache",
            # Per process, so it must not keep anything: see the module docstring.
            "TIMEOUT": 0,
        }
    }


def session_engine(redis_url: str) -> str:
    """Database sessions by default; with Redis, read through the cache and written to both."""
    if redis_url:
        return "django.contrib.sessions.backends.cached_db"
    return "django.contrib.sessions.backends.db"
