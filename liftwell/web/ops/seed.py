"""Synthetic members for benchmarks: `liftwell bench seed --users N --years Y [--seed S]`.

Each member is drawn from their own random generator (seeded by S and their number), so the same
command with the same --until date writes the same rows, and a second run adds nobody who exists.
A member picks a split (full body, upper/lower, push/pull/legs), trains 1-5 days a week from a start
date inside the window, and either keeps going or drops out after a few months, as gym members do.
Loads climb towards a plateau with four-week waves and deloads; body weight drifts; some members log
blood pressure, lab values and check-ins. Every 250th member is a coach with up to 200 clients when
the coaching app is installed (see `seed_coaching`).

Speed: rows are built as tuples with ids assigned here (the run must be the only writer), written with
COPY on PostgreSQL and `bulk_create` elsewhere, one transaction per batch of members; the id
sequences are moved past the new rows at the end.
"""

from __future__ import annotations

import math
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.health.models import BloodPressure, BodyMeasurement, LabResult, WellbeingCheckIn
from liftwell.web.ops.bulk import Ids, Rows, relax_commit, reset_sequences, write_rows
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

PASSWORD = "bench-Passw0rd!"
COACH_EVERY = 250
CLIENTS_PER_COACH = 200
TIME_ZONES = ("Europe/Berlin", "Europe/London", "America/New_York", "America/Chicago", "Asia/Tokyo", "UTC")


@dataclass(frozen=True)
class Lift:
    slug: str
    start_kg: float
    plateau_kg: float
    reps: int
    step_kg: float = 2.5


def _day(*lifts: Lift) -> tuple[Lift, ...]:
    return lifts


SQUAT = Lift("barbell-back-squat", 40, 150, 5)
BENCH = Lift("barbell-bench-press", 30, 105, 5)
DEADLIFT = Lift("barbell-deadlift", 50, 185, 5)
PRESS = Lift("barbell-overhead-press", 20, 65, 6)
ROW = Lift("barbell-bent-over-row", 30, 95, 8)
RDL = Lift("barbell-romanian-deadlift", 40, 130, 8)
PULLDOWN = Lift("cable-lat-pulldown", 30, 85, 10)
LEG_PRESS = Lift("machine-leg-press", 80, 240, 10, 5)
LEG_CURL = Lift("machine-seated-leg-curl", 20, 70, 12)
CALF = Lift("machine-standing-calf-raise", 40, 120, 12, 5)
INCLINE_DB = Lift("dumbbell-incline-bench-press", 12, 40, 10, 2)
LATERAL = Lift("dumbbell-lateral-raise", 4, 14, 15, 1)
SEATED_ROW = Lift("cable-seated-row", 30, 90, 10)
SPLIT_SQUAT = Lift("dumbbell-bulgarian-split-squat", 8, 34, 10, 2)

SPLITS: tuple[tuple[tuple[Lift, ...], ...], ...] = (
    # Full body, alternating A/B.
    (_day(SQUAT, BENCH, ROW, LATERAL), _day(DEADLIFT, PRESS, PULLDOWN, CALF)),
    # Upper/lower.
    (
        _day(BENCH, ROW, PRESS, PULLDOWN, LATERAL),
        _day(SQUAT, RDL, LEG_PRESS, LEG_CURL, CALF),
        _day(INCLINE_DB, SEATED_ROW, PRESS, LATERAL),
        _day(DEADLIFT, SPLIT_SQUAT, LEG_CURL, CALF),
    ),
    # Push/pull/legs.
    (
        _day(BENCH, PRESS, INCLINE_DB, LATERAL),
        _day(DEADLIFT, ROW, PULLDOWN, SEATED_ROW),
        _day(SQUAT, LEG_PRESS, LEG_CURL, CALF),
    ),
)
ALL_SLUGS = sorted({lift.slug for split in SPLITS for day in split for lift in day})


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
    Workout: (
        "id",
        "owner_id",
        "client_id",
        "title",
        "started_at",
        "ended_at",
        "time_zone",
        "local_date",
        "created_at",
        "updated_at",
    ),
    WorkoutExercise: ("id", "owner_id", "workout_id", "exercise_id", "client_id", "position", "rest_s"),
    WorkoutSet: (
        "id",
        "owner_id",
        "workout_id",
        "workout_exercise_id",
        "exercise_id",
        "client_id",
        "position",
        "kind",
        "load_kg",
        "reps",
        "rpe",
        "completed",
        "completed_at",
        "rest_s",
        "created_at",
        "updated_at",
    ),
    BodyMeasurement: ("id", "owner_id", "measured_on", "weight_kg", "waist_cm", "created_at", "updated_at"),
    BloodPressure: (
        "id",
        "owner_id",
        "measured_on",
        "systolic_mmhg",
        "diastolic_mmhg",
        "resting_hr_bpm",
        "created_at",
        "updated_at",
    ),
    LabResult: ("id", "owner_id", "measured_on", "kind", "value", "entered_unit", "created_at", "updated_at"),
    WellbeingCheckIn: (
        "id",
        "owner_id",
        "measured_on",
        "sleep_quality",
        "mood",
        "energy",
        "pain",
        "created_at",
        "updated_at",
    ),
}


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _kg(value: float, step: float) -> Decimal:
    return Decimal(str(round(max(value, 0.0) / step) * step)).quantize(Decimal("0.000001"))


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
    exercise_ids = dict(Exercise.objects.filter(owner=None, slug__in=ALL_SLUGS).values_list("slug", "id"))
    missing = set(ALL_SLUGS) - exercise_ids.keys()
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
    for start in range(0, len(numbers), batch_users):
        rows = Rows()
        for number in numbers[start : start + batch_users]:
            _member(
                rows,
                ids,
                seed=seed,
                number=number,
                years=years,
                until=until,
                password=password,
                exercise_ids=exercise_ids,
            )
        with transaction.atomic():
            relax_commit()
            for model, model_rows in rows.by_model.items():
                write_rows(model, COLUMNS[model], model_rows)
                totals[model.__name__] = totals.get(model.__name__, 0) + len(model_rows)
        written += rows.count(User)
        log(f"{written:,} of {len(numbers):,} members written ({time.perf_counter() - started:.0f} s)")
    reset_sequences(list(COLUMNS))
    coaches, grants = seed_coaching(seed=seed, users=users)
    return SeedResult(written, coaches, grants, totals, time.perf_counter() - started)


def _member(
    rows: Rows,
    ids: Ids,
    *,
    seed: int,
    number: int,
    years: float,
    until: date,
    password: str,
    exercise_ids: dict[str, int],
) -> None:
    rng = random.Random(f"{seed}:{number}")
    user_id = ids.take(User)
    window_days = max(int(years * 365), 7)
    first_day = until - timedelta(days=rng.randrange(window_days))
    joined = datetime.combine(first_day, datetime.min.time(), tzinfo=UTC)
    sex = rng.choice(("female", "male", "unsaid"))
    strength = rng.uniform(0.55, 1.0) if sex == "female" else rng.uniform(0.75, 1.25)
    rows.add(
        User,
        (
            user_id,
            member_username(seed, number),
            f"{member_username(seed, number)}@example.org",
            password,
            joined,
            "",
            "lb" if rng.random() < 0.3 else "kg",
            rng.choice(TIME_ZONES),
            rng.randint(1950, 2006),
            sex,
            _kg(rng.gauss(165 if sex == "female" else 177, 7), 0.1),
        ),
    )
    # About a third keep training to the end of the window; the rest stop after weeks or months.
    stays = rng.random() < 0.35
    last_day = until if stays else min(until, first_day + timedelta(weeks=rng.expovariate(1 / 14) + 2))
    _training(
        rows,
        ids,
        rng,
        user_id=user_id,
        first_day=first_day,
        last_day=last_day,
        strength=strength,
        exercise_ids=exercise_ids,
    )
    _health(rows, ids, rng, user_id=user_id, first_day=first_day, last_day=until)


def _training(
    rows: Rows,
    ids: Ids,
    rng: random.Random,
    *,
    user_id: int,
    first_day: date,
    last_day: date,
    strength: float,
    exercise_ids: dict[str, int],
) -> None:
    split = rng.choice(SPLITS)
    days_a_week = rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))
    weekdays = sorted(rng.sample(range(7), days_a_week))
    hour = rng.choice((6, 7, 12, 17, 18, 19))
    session = 0
    day = first_day
    while day <= last_day:
        week = (day - first_day).days // 7
        if day.weekday() in weekdays and rng.random() < 0.88:  # some sessions are missed
            lifts = split[session % len(split)]
            session += 1
            started = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(
                hours=hour, minutes=rng.randrange(60)
            )
            _workout(
                rows,
                ids,
                rng,
                user_id=user_id,
                day=day,
                started=started,
                week=week,
                lifts=lifts,
                strength=strength,
                exercise_ids=exercise_ids,
            )
        day += timedelta(days=1)


def _workout(
    rows: Rows,
    ids: Ids,
    rng: random.Random,
    *,
    user_id: int,
    day: date,
    started: datetime,
    week: int,
    lifts: Sequence[Lift],
    strength: float,
    exercise_ids: dict[str, int],
) -> None:
    workout_id = ids.take(Workout)
    moment = started
    for position, lift in enumerate(lifts):
        block_id = ids.take(WorkoutExercise)
        exercise_id = exercise_ids[lift.slug]
        rows.add(WorkoutExercise, (block_id, user_id, workout_id, exercise_id, _uuid(rng), position, 120))
        trend = lift.start_kg + (lift.plateau_kg - lift.start_kg) * (1 - math.exp(-week / 60))
        load = trend * strength * (1.0, 1.025, 1.05, 0.85)[week % 4] * rng.uniform(0.98, 1.02)
        for set_position in range(rng.choice((3, 3, 4))):
            warmup = position == 0 and set_position == 0
            kind = "warmup" if warmup else "working"
            reps = lift.reps - (1 if not warmup and rng.random() < 0.2 else 0)
            rpe = None if warmup else Decimal(rng.choice(("7.0", "7.5", "8.0", "8.5", "9.0")))
            moment += timedelta(seconds=rng.randint(90, 210))
            rows.add(
                WorkoutSet,
                (
                    ids.take(WorkoutSet),
                    user_id,
                    workout_id,
                    block_id,
                    exercise_id,
                    _uuid(rng),
                    set_position,
                    kind,
                    _kg(load * (0.6 if warmup else 1.0), lift.step_kg),
                    reps,
                    rpe,
                    True,
                    moment,
                    120,
                    moment,
                    moment,
                ),
            )
    rows.add(
        Workout,
        (
            workout_id,
            user_id,
            _uuid(rng),
            "",
            started,
            moment + timedelta(minutes=2),
            "UTC",
            day,
            started,
            moment,
        ),
    )


def _health(
    rows: Rows, ids: Ids, rng: random.Random, *, user_id: int, first_day: date, last_day: date
) -> None:
    stamp = datetime.combine(first_day, datetime.min.time(), tzinfo=UTC)
    if rng.random() < 0.6:  # weigh-ins, about weekly, drifting slowly
        weight = rng.uniform(55, 100)
        day = first_day
        while day <= last_day:
            weight += rng.gauss(-0.02, 0.4)
            rows.add(
                BodyMeasurement,
                (
                    ids.take(BodyMeasurement),
                    user_id,
                    day,
                    _kg(weight, 0.1),
                    _kg(weight * 0.9, 0.5) if rng.random() < 0.2 else None,
                    stamp,
                    stamp,
                ),
            )
            day += timedelta(days=rng.randint(5, 10))
    if rng.random() < 0.3:  # blood pressure, about monthly
        systolic = rng.randint(105, 150)
        day = first_day
        while day <= last_day:
            rows.add(
                BloodPressure,
                (
                    ids.take(BloodPressure),
                    user_id,
                    day,
                    systolic + rng.randint(-8, 8),
                    int(systolic * 0.63) + rng.randint(-5, 5),
                    rng.randint(50, 85),
                    stamp,
                    stamp,
                ),
            )
            day += timedelta(days=rng.randint(20, 40))
    if rng.random() < 0.2:  # a lipid panel and HbA1c twice a year
        day = first_day
        while day <= last_day:
            rows.add(
                LabResult,
                (
                    ids.take(LabResult),
                    user_id,
                    day,
                    "ldl",
                    _kg(rng.uniform(1.8, 4.5), 0.01),
                    "mmol/L",
                    stamp,
                    stamp,
                ),
            )
            rows.add(
                LabResult,
                (
                    ids.take(LabResult),
                    user_id,
                    day,
                    "hba1c",
                    _kg(rng.uniform(4.8, 6.8), 0.1),
                    "%",
                    stamp,
                    stamp,
                ),
            )
            day += timedelta(days=182)
    if rng.random() < 0.25:  # weekly check-ins
        day = first_day
        while day <= last_day:
            rows.add(
                WellbeingCheckIn,
                (
                    ids.take(WellbeingCheckIn),
                    user_id,
                    day,
                    rng.randint(2, 5),
                    rng.randint(2, 5),
                    rng.randint(2, 5),
                    rng.randint(0, 4),
                    stamp,
                    stamp,
                ),
            )
            day += timedelta(days=7)


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
