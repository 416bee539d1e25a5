"""SQL queries and in-process time per request for the hot paths, on the seeded `bench` user.

    DJANGO_SETTINGS_MODULE=liftwell.web.settings python -m bench.query_counts [--repeat 20] [--sql]

Runs the requests through Django's test client (no HTTP server) against whatever database the
settings point at, inside a transaction that is rolled back, so the seeded data stays as it was.
Run `python -m bench.seed_training` first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import uuid
from typing import Any


class _Rollback(Exception):
    pass


def measure(*, repeat: int, show_sql: bool) -> list[dict[str, Any]]:
    from django.db import connection, transaction
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from liftwell.web.accounts.models import User
    from liftwell.web.accounts.tokens import create_token
    from liftwell.web.training.models import WorkoutSet

    user = User.objects.get(username="bench")
    top = (
        WorkoutSet.objects.filter(owner=user)
        .values("exercise_id")
        .order_by()
        .annotate(n=Count("id"))
        .order_by("-n", "exercise_id")
        .first()
    )
    assert top is not None, "run python -m bench.seed_training first"
    exercise_id = top["exercise_id"]
    results: list[dict[str, Any]] = []
    try:
        with transaction.atomic():
            _, token = create_token(user=user, name="query counts")
            client = Client(headers={"Authorization": f"Bearer {token}"})
            client.get("/healthz")  # warm up URL resolving and the connection
            workout = client.post(
                "/api/v1/workouts",
                {"client_id": str(uuid.uuid4()), "time_zone": "UTC"},
                content_type="application/json",
            ).json()
            block_id = str(uuid.uuid4())
            client.post(
                f"/api/v1/workouts/{workout['id']}/exercises",
                {"client_id": block_id, "exercise_id": exercise_id},
                content_type="application/json",
            )
            positions = iter(range(10_000))

            def set_body(client_id: str) -> dict[str, Any]:
                return {
                    "client_id": client_id,
                    "exercise_id": exercise_id,
                    "workout_exercise_id": block_id,
                    "position": next(positions),
                    "kind": "working",
                    "load_kg": "102.5",
                    "reps": 5,
                }

            retried = str(uuid.uuid4())
            cases = [
                ("GET /healthz", lambda: client.get("/healthz")),
                ("GET /api/v1/workouts (first page)", lambda: client.get("/api/v1/workouts")),
                (
                    f"GET /api/v1/sets?exercise_id={exercise_id} (first page)",
                    lambda: client.get(f"/api/v1/sets?exercise_id={exercise_id}"),
                ),
                (
                    "POST /api/v1/workouts/{id}/sets (new)",
                    lambda: client.post(
                        f"/api/v1/workouts/{workout['id']}/sets",
                        set_body(str(uuid.uuid4())),
                        content_type="application/json",
                    ),
                ),
                (
                    "POST /api/v1/workouts/{id}/sets (retry)",
                    lambda: client.post(
                        f"/api/v1/workouts/{workout['id']}/sets",
                        {**set_body(retried), "position": 0},
                        content_type="application/json",
                    ),
                ),
            ]
            for name, call in cases:
                call()  # the first call also creates the retried set; afterwards every call is a retry
                timings = []
                for _ in range(repeat):
                    sql_s: list[float] = []

                    def timed(
                        execute: Any,
                        sql: str,
                        params: Any,
                        many: bool,
                        context: Any,
                        sql_s: list[float] = sql_s,
                    ) -> Any:
                        began = time.perf_counter()
                        try:
                            return execute(sql, params, many, context)
                        finally:
                            sql_s.append(time.perf_counter() - began)

                    with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(timed):
                        began = time.perf_counter()
                        response = call()
                        timings.append((time.perf_counter() - began, sum(sql_s)))
                    assert response.status_code < 300, (name, response.status_code, response.content[:300])
                results.append(
                    {
                        "request": name,
                        "queries": len(captured.captured_queries),
                        "median_ms": statistics.median(total for total, _ in timings) * 1000,
                        "sql_median_ms": statistics.median(sql for _, sql in timings) * 1000,
                        "sql": [query["sql"] for query in captured.captured_queries],
                    }
                )
                if show_sql:
                    print(f"--- {name}")
                    for query, seconds in zip(captured.captured_queries, sql_s, strict=False):
                        print(f"  [{seconds * 1000:7.2f} ms] {query['sql'][:400]}")
            raise _Rollback
    except _Rollback:
        pass
    return results


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    import warnings

    import django

    # WhiteNoise warns about a static directory that only `liftwell serve` creates; not our concern here.
    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.db import connection

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--sql", action="store_true", help="print each query with its time")
    args = parser.parse_args(argv)
    # The test client needs "testserver" allowed; the settings are read here, not at import.
    from django.conf import settings

    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    rows = measure(repeat=args.repeat, show_sql=args.sql)
    print(f"\n{connection.vendor}: queries and in-process time per request (median of {args.repeat})\n")
    print("| request | SQL queries | median ms in process | of which SQL, median ms |")
    print("|---|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['request']} | {row['queries']} | {row['median_ms']:.1f} | {row['sql_median_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
