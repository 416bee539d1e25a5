"""Server-side time of the progress pages for the seeded `bench` user (10 years, ~40,000 sets).

    DJANGO_SETTINGS_MODULE=liftwell.web.settings python -m bench.seed_training
    DJANGO_SETTINGS_MODULE=liftwell.web.settings python -m bench.progress_bench [--runs 30]

Requests go through Django's test client (no HTTP server: view, SQL and template rendering only), signed
in as `bench`, against whatever database the settings point at. Reports p50 / p99 / max of `--runs`
requests after one warm-up, the CPU time of this process (on SQLite that includes the database; it is
less disturbed than wall time when the machine is shared), the SQL query count, and the load average
before and after (the figures mean little without it on a shared machine).
Target: the weekly view and an exercise page under 100 ms p50.

To compare with another version in the same sitting (ratios survive a busy machine better than
milliseconds), export that version with `git archive <commit> | tar -x -C /tmp/base` and run this same
command from /tmp/base against the same data directory, alternating the two.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from typing import Any

TARGET_MS = 100.0


def measure(*, runs: int) -> list[dict[str, Any]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from liftwell.web.accounts.models import User
    from liftwell.web.exercises.models import Exercise
    from liftwell.web.training.models import WorkoutSet

    if connection.vendor == "postgresql":
        # A freshly seeded database has no planner statistics until autovacuum gets to it.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    user = User.objects.get(username="bench")
    sets = WorkoutSet.objects.filter(owner=user, deleted_at=None).count()
    bench_press = Exercise.objects.get(owner=None, slug="barbell-bench-press")
    squat = Exercise.objects.get(owner=None, slug="barbell-back-squat")
    client = Client()
    client.force_login(user)
    cases = [
        ("GET /progress/ (weekly view)", "/progress/"),
        ("GET /progress/exercises/{bench press}/ (12 months)", f"/progress/exercises/{bench_press.pk}/"),
        ("GET /progress/exercises/{squat}/?range=all", f"/progress/exercises/{squat.pk}/?range=all"),
        ("GET /progress/records/", "/progress/records/"),
        ("GET /progress/scores/?bodyweight=85", "/progress/scores/?bodyweight=85"),
        ("GET /api/v1/progress/weeks", "/api/v1/progress/weeks"),
        ("GET /api/v1/progress/exercises/{bench press}", f"/api/v1/progress/exercises/{bench_press.pk}"),
    ]
    results = []
    for name, path in cases:
        assert client.get(path).status_code == 200, path  # warm-up
        timings: list[float] = []
        cpu: list[float] = []
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                began, began_cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                timings.append((time.perf_counter() - began) * 1000)
                cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        timings.sort()
        results.append(
            {
                "request": name,
                "p50": statistics.median(timings),
                "cpu_p50": statistics.median(cpu),
                "p99": timings[round(0.99 * (len(timings) - 1))],
                "max": timings[-1],
                "queries": len(captured.captured_queries),
                "bytes": len(response.content),
            }
        )
    print(f"\n{connection.vendor}: user bench, {sets} live sets, {runs} runs each\n")
    return results


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.conf import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # Production serves hashed static names from a manifest that `liftwell serve` builds; not needed here.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    load_before = os.getloadavg()[0]
    rows = measure(runs=args.runs)
    print(f"load average (1 min): {load_before:.2f} before, {os.getloadavg()[0]:.2f} after\n")
    print("| request | p50 ms | p99 ms | max ms | CPU ms p50 (this process) | SQL queries | KiB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['request']} | {row['p50']:.1f} | {row['p99']:.1f} | {row['max']:.1f} "
            f"| {row['cpu_p50']:.1f} | {row['queries']} "
            f"| {row['bytes'] / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
