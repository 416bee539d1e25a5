"""Request counts and durations by route and status, in the Prometheus text format.

Under gunicorn each worker is a process with its own counters. `liftwell serve` therefore points
PROMETHEUS_MULTIPROC_DIR at a fresh folder before the workers start, and prometheus_client's
multiprocess mode adds up every worker's files when /metrics is read: one scrape sees the whole server,
whichever worker answers it. Without that variable (tests, `runserver`) the counters are one process's.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

REQUESTS = Counter(
    "liftwell_http_requests",
    "HTTP requests answered, by method, route pattern and status.",
    ["method", "route", "status"],
)
DURATION = Histogram(
    "liftwell_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route pattern.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def observe(*, method: str, route: str, status: int, duration_s: float) -> None:
    REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    DURATION.labels(method=method, route=route).observe(duration_s)


def exposition() -> tuple[bytes, str]:
    """The current figures, and their content type."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
