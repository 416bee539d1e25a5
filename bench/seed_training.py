"""Seed ten years of training for one user, `bench`, into whatever database the settings point at.

    DJANGO_SETTINGS_MODULE=liftwell.web.settings python -m bench.seed_training [--years 10]

About four sessions a week (an upper/lower split, a few weeks off each year), five exercises of four
sets each: ~40,000 sets over 15 shipped exercises, with loads that climb fast as a novice, slow down,
and wave through four-week blocks with a deload. Every row's client_id is a UUID derived from its
place in the plan and the random generator is seeded, so a second run adds nothing (idempotent) and
an interrupted run fills in what is missing. The password is fixed; the API token is written to a file.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import time
import uuid
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

USERNAME = "bench"
PASSWORD = "bench-Passw0rd!"
TIME_ZONE = "Europe/Berlin"
NAMESPACE = uuid.UUID("6f1d1a52-3c1e-4c4b-9a43-6c1b0be9a001")
BATCH_WORKOUTS = 250
SETS_PER_EXERCISE = 4
# Weekdays trained (Mon, Tue, Thu, Fri) and the split done on each.
TRAINING_DAYS = (0, 1, 3, 4)


@dataclass(frozen=True)
class Lift:
    slug: str
    start_kg: float  # first-week working load
    plateau_kg: float  # where ten years of training levels off
    tau_weeks: float  # how fast it gets there
    reps: int
    step_kg: float  # plate or pin increment
    warmup: bool = False  # the session's first lift starts with a warm-up set


def _lift(slug: str, start: float, plateau: float, tau: float, reps: int, step: float = 2.5) -> Lift:
    return Lift(slug, start, plateau, tau, reps, step)


SPLIT: dict[str, tuple[Lift, ...]] = {
    "Upper A": (
        Lift("barbell-bench-press", 50, 120, 90, 5, 2.5, warmup=True),
        _lift("barbell-bent-over-row", 40, 100, 90, 8),
        _lift("barbell-overhead-press", 30, 70, 110, 6),
        _lift("cable-lat-pulldown", 40, 90, 80, 10),
        _lift("dumbbell-lateral-raise", 6, 16, 120, 12, 1),
    ),
    "Lower A": (
        Lift("barbell-back-squat", 60, 170, 80, 5, 2.5, warmup=True),
        _lift("barbell-romanian-deadlift", 50, 140, 80, 8),
        _lift("machine-leg-press", 100, 260, 70, 10, 5),
        _lift("machine-seated-leg-curl", 30, 75, 90, 12),
        _lift("machine-standing-calf-raise", 50, 130, 90, 12, 5),
    ),
    "Upper B": (
        Lift("barbell-bench-press", 45, 110, 90, 8, 2.5, warmup=True),
        _lift("pull-up", 0, 30, 150, 6),
        _lift("dumbbell-incline-bench-press", 16, 42, 100, 10, 2),
        _lift("cable-seated-row", 40, 95, 80, 10),
        _lift("dumbbell-lateral-raise", 5, 14, 120, 15, 1),
    ),
    "Lower B": (
        Lift("barbell-deadlift", 70, 210, 80, 5, 2.5, warmup=True),
        _lift("barbell-back-squat", 50, 140, 80, 8),
        _lift("dumbbell-bulgarian-split-squat", 10, 36, 100, 10, 2),
        _lift("machine-seated-leg-curl", 25, 65, 90, 15),
        _lift("machine-standing-calf-raise", 40, 110, 90, 15, 5),
    ),
}
ORDER = ("Upper A", "Lower A", "Upper B", "Lower B")


def _rounded(value: float, step: float) -> Decimal:
    return Decimal(str(round(max(value, 0.0) / step) * step)).quantize(Decimal("0.000001"))


def planned_load_kg(lift: Lift, week: int, rng: random.Random) -> float:
    """Saturating progress, a four-week wave (the fourth a deload at 85%), and day-to-day noise."""
    trend = lift.start_kg + (lift.plateau_kg - lift.start_kg) * (1 - math.exp(-week / lift.tau_weeks))
    wave = (1.0, 1.025, 1.05, 0.85)[week % 4]
    return trend * wave * rng.uniform(0.98, 1.02)


@dataclass
class PlannedSet:
    kind: str
    load_kg: Decimal
    reps: int
    rpe: Decimal | None
    rest_s: int


def plan_sets(lift: Lift, week: int, rng: random.Random) -> list[PlannedSet]:
    load = planned_load_kg(lift, week, rng)
    sets: list[PlannedSet] = []
    working = SETS_PER_EXERCISE - 1 if lift.warmup else SETS_PER_EXERCISE
    if lift.warmup:
        sets.append(PlannedSet("warmup", _rounded(load * 0.6, lift.step_kg), lift.reps, None, 90))
    for index in range(working):
        last = index == working - 1
        reps = lift.reps - (1 if last and rng.random() < 0.25 else 0)  # the last set sometimes falls short
        rpe = Decimal(str(min(10.0, 7.0 + 0.5 * index + 0.5 * rng.randint(0, 2))))
        kind = "amrap" if last and not lift.warmup and week % 4 == 2 else "working"
        if kind == "amrap":
            reps += rng.randint(1, 4)
        sets.append(PlannedSet(kind, _rounded(load, lift.step_kg), reps, rpe, 180 if lift.warmup else 120))
    return sets


def training_days(years: float, today: date) -> Iterator[tuple[int, date, str]]:
    """(week number, day, session name), oldest first; about three weeks off a year."""
    start = today - timedelta(days=int(years * 365.25))
    start -= timedelta(days=start.weekday())
    rng = random.Random(7)
    session = 0
    week = 0
    monday = start
    while monday < today:
        if rng.random() >= 3 / 52:  # a week off now and then: holidays, illness
            for weekday in TRAINING_DAYS:
                day = monday + timedelta(days=weekday)
                if day >= today:
                    break
                yield week, day, ORDER[session % len(ORDER)]
                session += 1
            week += 1
        monday += timedelta(days=7)


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


def _client_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts))


def _insert(model: Any, rows: list[Any], owner: Any) -> dict[uuid.UUID, int]:
    """Insert, skipping rows already there (same owner and client_id); return client_id -> pk."""
    from django.db import connection

    model.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    ids = [row.client_id for row in rows]
    # SQLite limits bound parameters per statement; look the ids up in slices.
    step = 900 if connection.vendor == "sqlite" else 10_000
    found: dict[uuid.UUID, int] = {}
    for offset in range(0, len(ids), step):
        chunk = ids[offset : offset + step]
        found.update(model.objects.filter(owner=owner, client_id__in=chunk).values_list("client_id", "pk"))
    return found


def seed(*, years: float, token_file: Path, today: date | None = None) -> dict[str, Any]:
    from django.db import transaction

    from liftwell.web.exercises.models import Exercise
    from liftwell.web.exercises.services import load_shipped_exercises
    from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

    load_shipped_exercises()
    user, _ = _ensure_user_and_token(token_file)
    slugs = sorted({lift.slug for lifts in SPLIT.values() for lift in lifts})
    exercises = dict(Exercise.objects.filter(owner=None, slug__in=slugs).values_list("slug", "pk"))
    missing = set(slugs) - set(exercises)
    if missing:
        raise SystemExit(f"not in the shipped library: {', '.join(sorted(missing))}")

    zone = zoneinfo.ZoneInfo(TIME_ZONE)
    days = list(training_days(years, today or date.today()))
    for offset in range(0, len(days), BATCH_WORKOUTS):
        batch = days[offset : offset + BATCH_WORKOUTS]
        rng = random.Random(offset)  # per batch, so a resumed run plans the same values
        workouts: list[Workout] = []
        plans: list[tuple[uuid.UUID, int, datetime, str]] = []
        for week, day, session in batch:
            local_start = datetime(day.year, day.month, day.day, 18, rng.randint(0, 59), tzinfo=zone)
            started = local_start.astimezone(zoneinfo.ZoneInfo("UTC"))
            client_id = _client_id("workout", day.isoformat())
            workouts.append(
                Workout(
                    owner=user,
                    client_id=client_id,
                    title=session,
                    started_at=started,
                    ended_at=started + timedelta(minutes=rng.randint(55, 80)),
                    time_zone=TIME_ZONE,
                    local_date=day,
                )
            )
            plans.append((client_id, week, started, session))
        with transaction.atomic():
            workout_pks = _insert(Workout, workouts, user)
            blocks: list[WorkoutExercise] = []
            planned: list[tuple[uuid.UUID, int, datetime, Lift, int, int]] = []
            for client_id, week, started, session in plans:
                for position, lift in enumerate(SPLIT[session]):
                    block_id = _client_id(client_id, position)
                    blocks.append(
                        WorkoutExercise(
                            owner=user,
                            client_id=block_id,
                            workout_id=workout_pks[client_id],
                            exercise_id=exercises[lift.slug],
                            position=position,
                            rest_s=180 if lift.warmup else 120,
                        )
                    )
                    planned.append((block_id, workout_pks[client_id], started, lift, week, position))
            block_pks = _insert(WorkoutExercise, blocks, user)
            sets: list[WorkoutSet] = []
            for block_id, workout_pk, started, lift, week, position in planned:
                for index, planned_set in enumerate(plan_sets(lift, week, rng)):
                    done_at = started + timedelta(minutes=3 * (position * SETS_PER_EXERCISE + index) + 2)
                    sets.append(
                        WorkoutSet(
                            owner=user,
                            client_id=_client_id(block_id, index),
                            workout_id=workout_pk,
                            workout_exercise_id=block_pks[block_id],
                            exercise_id=exercises[lift.slug],
                            position=index,
                            kind=planned_set.kind,
                            load_kg=planned_set.load_kg,
                            reps=planned_set.reps,
                            rpe=planned_set.rpe,
                            completed=True,
                            completed_at=done_at,
                            rest_s=planned_set.rest_s,
                        )
                    )
            WorkoutSet.objects.bulk_create(sets, batch_size=2000, ignore_conflicts=True)

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
