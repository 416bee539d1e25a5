"""Seed ten years of training for one user, `bench`, into whatever database the settings point at.

    DJANGO_SETTINGS_MODULE=liftwell.web.settings python -m bench.seed_training [--years 10]

About four sessions a week (an upper/lower split, a few weeks off each year), five exercises of four
sets each: ~40,000 sets over 15 shipped exercises, with loads that climb fast as a novice, slow down,
and wave through four-week blocks with a deload (the plan is `liftwell.core.synthetic.bench`). Every
row's client_id is a UUID derived from its place in the plan and the random generator is seeded, so a
second run adds nothing (idempotent) and an interrupted run fills in what is missing. The password is
fixed; the API token is written to a file.
"""

from __future__ import annotations

import argparse
import os
import time
import zoneinfo
from datetime import date
from pathlib import Path
from typing import Any

from liftwell.core.synthetic.bench import BENCH_SETS, BENCH_SLUGS, bench_training

USERNAME = "bench"
PASSWORD = "bench-Passw0rd!"
TIME_ZONE = "Europe/Berlin"
BATCH_WORKOUTS = 250
SETS_PER_EXERCISE = BENCH_SETS


def _ensure_user_and_token(token_file: Path) -> tuple[Any, str]:
    from liftwell.web.accounts.models import ApiToken, User
    from liftwell.web.accounts.tokens import create_token, hash_token

    user = User.objects.filter(username=USERNAME).first()
    if user is None:
        user = User(username=USERNAME, email="bench@example.org", time_zone=TIME_ZONE, display_name="Bench")
        user.set_password(PASSWORD)
        user.save()
    if token_file.exists():
        token = token_file.read_text().strip()
        if ApiToken.objects.filter(user=user, token_hash=hash_token(token)).exists():
            return user, token
    _, token = create_token(user=user, name="bench")
    token_file.parent.mkdir(parents=True, exist_ok=True)
    token_file.write_text(token + "\n")
    token_file.chmod(0o600)
    return user, token


def seed(*, years: float, token_file: Path, today: date | None = None) -> dict[str, Any]:
    from django.db import transaction

    from liftwell.web.exercises.models import Exercise
    from liftwell.web.exercises.services import load_shipped_exercises
    from liftwell.web.training.bulk import write_workouts
    from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

    load_shipped_exercises()
    user, _ = _ensure_user_and_token(token_file)
    exercises = dict(Exercise.objects.filter(owner=None, slug__in=BENCH_SLUGS).values_list("slug", "pk"))
    missing = BENCH_SLUGS - set(exercises)
    if missing:
        raise SystemExit(f"not in the shipped library: {', '.join(sorted(missing))}")

    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    for batch in bench_training(years=years, today=today or date.today(), zone=zone, batch=BATCH_WORKOUTS):
        with transaction.atomic():
            write_workouts(
                owner_id=user.pk,
                time_zone=TIME_ZONE,
                workouts=batch,
                exercise_ids=exercises,
                skip_existing=True,
            )

    return {
        "user": user,
        "workouts": Workout.objects.filter(owner=user).count(),
        "workout_exercises": WorkoutExercise.objects.filter(owner=user).count(),
        "sets": WorkoutSet.objects.filter(owner=user).count(),
        "exercises": WorkoutSet.objects.filter(owner=user).values("exercise_id").distinct().count(),
    }


def durability() -> str:
    """What the database promises about a committed row, read from the live connection."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA synchronous")
            synchronous = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[cursor.fetchone()[0]]
            cursor.execute("PRAGMA journal_mode")
            return f"sqlite: synchronous={synchronous} journal_mode={cursor.fetchone()[0]}"
        values = []
        for name in ("fsync", "synchronous_commit", "full_page_writes"):
            cursor.execute(f"SHOW {name}")
            values.append(f"{name}={cursor.fetchone()[0]}")
        return f"{connection.vendor}: " + " ".join(values)


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liftwell.web.settings")
    import django

    django.setup()
    from django.conf import settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10.0)
    parser.add_argument(
        "--token-file",
        type=Path,
        default=Path(settings.DATA_DIR) / "bench-token",
        help="where the API token is written (default: LIFTWELL_DATA_DIR/bench-token)",
    )
    args = parser.parse_args(argv)
    began = time.perf_counter()
    counts = seed(years=args.years, token_file=args.token_file)
    took = time.perf_counter() - began
    print(durability())
    print(
        f"user {USERNAME} (password {PASSWORD!r}, token in {args.token_file}): "
        f"{counts['workouts']} workouts, {counts['workout_exercises']} workout exercises, "
        f"{counts['sets']} sets over {counts['exercises']} exercises in {took:.1f} s"
    )


if __name__ == "__main__":
    main()
