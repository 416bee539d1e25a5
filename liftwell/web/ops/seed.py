"""Synthetic members for benchmarks: `liftwell bench seed --users N --years Y [--seed S]`.

Each member is drawn from their own random generator (seeded by S and their number), so the same
command with the same --until date writes the same rows, and a second run adds nobody who exists.
A member picks a split (full body, upper/lower, push/pull/legs), trains 1-5 days a week from a start
date inside the window, and either keeps going or drops out after a few months, as gym members do.
Loads climb towards a plateau with four-week waves and deloads; body weight drifts; some members log
blood pressure, lab values and check-ins (the plan is `liftwell.core.synthetic.members`). Every 250th
member is a coach with up to 200 clients when the coaching app is installed (see `seed_coaching`).

Speed: rows are built as tuples with ids assigned here (the run must be the only writer) and written
by the bulk writer (`training.bulk`: COPY on PostgreSQL, executemany elsewhere), one transaction per
batch of members; the id sequences are moved past the new rows at the end.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from liftwell.core.synthetic.members import MEMBER_SLUGS, SyntheticMember, member
from liftwell.importers.detect import collector_paused
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.health.models import BloodPressure, BodyMeasurement, LabResult, WellbeingCheckIn
from liftwell.web.training.bulk import (
    BLOCK_COLUMNS,
    SET_COLUMNS,
    WORKOUT_COLUMNS,
    Ids,
    block_row,
    insert_rows,
    relax_commit,
    reset_sequences,
    set_row,
    workout_row,
)
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

PASSWORD = "bench-Passw0rd!"
COACH_EVERY = 250
CLIENTS_PER_COACH = 200
STAMPS = ("created_at", "updated_at")  # when a row was logged: the member's own times, so reruns match

# The fields each row gives, by attname; the rest take their model default (fixed once per table).
COLUMNS: dict[type[models.Model], tuple[str, ...]] = {
    User: (
        "id",
        "username",
        "email",
        "password",
        "date_joined",
        "display_name",
        "unit",
        "time_zone",
        "birth_year",
        "sex",
        "height_cm",
    ),
    Workout: ("id", *WORKOUT_COLUMNS, *STAMPS),
    WorkoutExercise: ("id", *BLOCK_COLUMNS),
    WorkoutSet: ("id", *SET_COLUMNS, *STAMPS),
    BodyMeasurement: ("id", "owner_id", "measured_on", "weight_kg", "waist_cm", *STAMPS),
    BloodPressure: (
        "id",
        "owner_id",
        "measured_on",
        "systolic_mmhg",
        "diastolic_mmhg",
        "resting_hr_bpm",
        *STAMPS,
    ),
    LabResult: ("id", "owner_id", "measured_on", "kind", "value", "entered_unit", *STAMPS),
    WellbeingCheckIn: ("id", "owner_id", "measured_on", "sleep_quality", "mood", "energy", "pain", *STAMPS),
}
Rows = dict[type[models.Model], list[tuple[Any, ...]]]


@dataclass(frozen=True)
class SeedResult:
    users: int
    coaches: int
    grants: int
    rows: dict[str, int]
    seconds: float


def member_username(seed: int, number: int) -> str:
    return f"seed{seed}-{number:06d}"


def seed_members(
    *,
    users: int,
    years: float,
    seed: int = 1,
    until: date,
    batch_users: int = 500,
    log: Callable[[str], None] = lambda _: None,
) -> SeedResult:
    """Write `users` members with up to `years` of history ending at `until`; skip ones that exist."""
    started = time.perf_counter()
    exercise_ids = dict(Exercise.objects.filter(owner=None, slug__in=MEMBER_SLUGS).values_list("slug", "id"))
    missing = MEMBER_SLUGS - exercise_ids.keys()
    if missing:
        raise RuntimeError(f"load the exercise library first (liftwell exercises load); missing {missing}")
    existing = set(
        User.objects.filter(username__startswith=f"seed{seed}-").values_list("username", flat=True)
    )
    password = make_password(PASSWORD)  # one hash for every member: hashing 100,000 would take hours
    ids = Ids(COLUMNS)
    totals: dict[str, int] = {}
    written = 0
    numbers = [n for n in range(users) if member_username(seed, n) not in existing]
    # Members are plain values without reference cycles: the cycle collector only costs time here.
    with collector_paused():
        for start in range(0, len(numbers), batch_users):
            rows: Rows = {model: [] for model in COLUMNS}
            for number in numbers[start : start + batch_users]:
                made = member(seed=seed, number=number, years=years, until=until)
                user_id = _add_member(
                    rows, ids, made, username=member_username(seed, number), password=password
                )
                _add_training(rows, ids, made, user_id=user_id, exercise_ids=exercise_ids)
            with transaction.atomic():
                relax_commit()
                for model, model_rows in rows.items():
                    if model_rows:
                        insert_rows(model, COLUMNS[model], model_rows)
                        totals[model.__name__] = totals.get(model.__name__, 0) + len(model_rows)
            written += len(rows[User])
            log(f"{written:,} of {len(numbers):,} members written ({time.perf_counter() - started:.0f} s)")
    reset_sequences(list(COLUMNS))
    coaches, grants = seed_coaching(seed=seed, users=users)
    return SeedResult(written, coaches, grants, totals, time.perf_counter() - started)


def _add_member(rows: Rows, ids: Ids, made: SyntheticMember, *, username: str, password: str) -> int:
    """The member's account and health entries, each stamped with the day they joined; returns their id."""
    user_id = ids.take(User)
    profile = (made.unit, made.time_zone, made.birth_year, made.sex, made.height_cm)
    rows[User].append((user_id, username, f"{username}@example.org", password, made.joined, "", *profile))
    stamps = (made.joined, made.joined)
    for model, entries in (
        (BodyMeasurement, made.weigh_ins),
        (BloodPressure, made.pressures),
        (LabResult, made.labs),
        (WellbeingCheckIn, made.check_ins),
    ):
        rows[model].extend((ids.take(model), user_id, *entry, *stamps) for entry in entries)
    return user_id


def _add_training(
    rows: Rows, ids: Ids, made: SyntheticMember, *, user_id: int, exercise_ids: dict[str, int]
) -> None:
    """The member's workouts, stamped when they started and when their last set was logged."""
    take, add_set = ids.take, rows[WorkoutSet].append  # hundreds of thousands of sets: look up once
    for workout in made.workouts:
        workout_id = ids.take(Workout)
        last = workout.blocks[-1].sets[-1].completed_at
        rows[Workout].append(
            (workout_id, *workout_row(user_id, workout, time_zone="UTC"), workout.started_at, last)
        )
        for block in workout.blocks:
            block_id = ids.take(WorkoutExercise)
            exercise_id = exercise_ids[block.slug]
            rows[WorkoutExercise].append((block_id, *block_row(user_id, workout_id, exercise_id, block)))
            for done in block.sets:
                at = done.completed_at
                add_set(
                    (take(WorkoutSet), *set_row(user_id, workout_id, block_id, exercise_id, done), at, at)
                )


def seed_coaching(*, seed: int, users: int) -> tuple[int, int]:
    """Every COACH_EVERY-th member coaches up to CLIENTS_PER_COACH others (active grants).

    A hook for the coaching app: it does nothing until `liftwell.web.coaching` is installed.
    Returns (coaches, grants).
    """
    if not apps.is_installed("liftwell.web.coaching"):
        return 0, 0
    grant_model = apps.get_model("coaching", "Grant")
    by_name = dict(User.objects.filter(username__startswith=f"seed{seed}-").values_list("username", "id"))
    now = datetime.now(tz=UTC)
    grants = []
    coaches = 0
    for coach_number in range(0, users, COACH_EVERY):
        coach_id = by_name.get(member_username(seed, coach_number))
        if coach_id is None:
            continue
        coaches += 1
        for client_number in range(coach_number + 1, min(coach_number + 1 + CLIENTS_PER_COACH, users)):
            client_id = by_name.get(member_username(seed, client_number))
            if client_id is not None:
                grants.append(
                    grant_model(
                        client_id=client_id,
                        coach_id=coach_id,
                        status="active",
                        invited_by="coach",
                        answered_at=now,
                    )
                )
    grant_model.objects.bulk_create(grants, batch_size=1000, ignore_conflicts=True)
    return coaches, len(grants)
