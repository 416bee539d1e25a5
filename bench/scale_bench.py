"""Latency of the hot paths for members seeded by `liftwell bench seed`, at any database size.

    DATABASE_URL=postgres://... DJANGO_SETTINGS_MODULE=liftwell.web.settings \
        python -m bench.scale_bench --seed 1 --sample 40 --rounds 5 [--json FILE]

Takes `--sample` members who trained in the last 60 days (spread over the whole id range), then for
`--rounds` rounds asks, as each of them, for: log a set, the workout list, one exercise's progress and
the weekly view (and the coach home when the coaching app has one). Requests go through Django's
test client, so every middleware, the token check, the ORM and the database are timed, without an
HTTP server and its client sharing the two cores. A first round warms up and is not counted.
Everything runs in one transaction that is rolled back: the seeded data stays as it was.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any


class _Rollback(Exception):
    pass


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    rank = max(1, round(q * len(ordered) + 0.5 - 1e-9))  # nearest rank
    return ordered[min(rank, len(ordered)) - 1]


def run(*, seed: int, sample: int, rounds: int) -> dict[str, Any]:
    from django.db import connection, transaction
    from django.db.models import Count, Max
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    from liftwell.web.accounts.models import User
    from liftwell.web.accounts.tokens import create_token
    from liftwell.web.training.models import Workout, WorkoutSet

    members = User.objects.filter(username__startswith=f"seed{seed}-").count()
    newest = Workout.objects.aggregate(last=Max("started_at"))["last"] or timezone.now()
    active = list(
        Workout.objects.filter(
            owner__username__startswith=f"seed{seed}-", started_at__gte=newest - timedelta(days=60)
        )
        .values_list("owner_id", flat=True)
        .distinct()
        .order_by("owner_id")
    )
    assert active, "seed members first: liftwell bench seed --users N"
    step = max(1, len(active) // sample)
    chosen = active[::step][:sample]
    durations: dict[str, list[float]] = {}
    coach_clients = 0
    queries: dict[str, list[int]] = {}
    load_before = os.getloadavg()
    try:
        with transaction.atomic():
            calls: list[tuple[str, Callable[[], Any]]] = []
            for user in User.objects.filter(id__in=chosen):
                _, token = create_token(user=user, name="scale bench")
                client = Client(headers={"Authorization": f"Bearer {token}"}, HTTP_HOST="localhost")
                top = (
                    WorkoutSet.objects.filter(owner=user)
                    .values("exercise_id")
                    .order_by()
                    .annotate(n=Count("id"))
                    .order_by("-n", "exercise_id")
                    .first()
                )
                assert top is not None
                exercise_id = top["exercise_id"]
                workout = client.post(
                    "/api/v1/workouts",
                    {"client_id": str(uuid.uuid4()), "time_zone": "UTC"},
                    content_type="application/json",
                ).json()

                def log_set(c: Client = client, w: int = workout["id"], e: int = exercise_id) -> Any:
                    body = {"client_id": str(uuid.uuid4()), "exercise_id": e, "load_kg": "100", "reps": 5}
                    return c.post(f"/api/v1/workouts/{w}/sets", body, content_type="application/json")

                calls += [
                    ("log a set", log_set),
                    ("workout list", lambda c=client: c.get("/api/v1/workouts")),
                    (
                        "exercise progress",
                        lambda c=client, e=exercise_id: c.get(f"/api/v1/progress/exercises/{e}"),
                    ),
                    ("weekly view", lambda c=client: c.get("/api/v1/progress/weeks")),
                ]
            coach, coach_clients = _busiest_coach()
            if coach is not None:  # the coaching app's home, for the coach with the most clients
                web = _signed_in_coach(coach)
                path = reverse("coach-home")
                calls.append(("coach home", lambda w=web, p=path: w.get(p)))
            rng = random.Random(seed)
            for round_number in range(rounds + 1):
                order = calls[:]
                rng.shuffle(order)
                for name, call in order:
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        response = call()
                        elapsed = (time.perf_counter() - started) * 1000
                    assert response.status_code < 400, (name, response.status_code, response.content[:200])
                    if round_number:  # the first round warms up
                        durations.setdefault(name, []).append(elapsed)
                        queries.setdefault(name, []).append(len(captured))
            raise _Rollback
    except _Rollback:
        pass
    sizes = {
        "members": members,
        "workouts": Workout.objects.count(),
        "sets": WorkoutSet.objects.count(),
    }
    return {
        "database": connection.vendor,
        "sizes": sizes,
        "sampled_members": len(chosen),
        "coach_clients": coach_clients,
        "rounds": rounds,
        "load_average_before_after": [round(load_before[0], 1), round(os.getloadavg()[0], 1)],
        "paths": {
            name: {
                "n": len(values),
                "p50_ms": round(percentile(values, 0.50), 1),
                "p90_ms": round(percentile(values, 0.90), 1),
                "p99_ms": round(percentile(values, 0.99), 1),
                "queries": max(queries[name]),
            }
            for name, values in durations.items()
        },
    }


def _busiest_coach() -> tuple[Any, int]:
    from django.apps import apps
    from django.db.models import Count

    if not apps.is_installed("liftwell.web.coaching"):
        return None, 0
    grant = apps.get_model("coaching", "Grant")
    top = grant.objects.filter(status="active").values("coach").annotate(n=Count("id")).order_by("-n").first()
    if top is None:
        return None, 0
    from liftwell.web.accounts.models import User

    return User.objects.get(pk=top["coach"]), int(top["n"])


def _signed_in_coach(coach: Any) -> Any:
    """A client signed in as the coach with two-factor verified, as after entering a code."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=coach, name="scale bench", confirmed=True)
    web = Client(HTTP_HOST="localhost")
    web.force_login(coach)
    session = web.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return web


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    import django

    django.setup()
    result = run(seed=args.seed, sample=args.sample, rounds=args.rounds)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
