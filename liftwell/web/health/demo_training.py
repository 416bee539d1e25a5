"""Two years of realistic training for the demo account, written with the importers' bulk insert.

A beginner in their late fifties trains three days a week (Monday, Wednesday, Friday), alternating two
full-body sessions: the major lifts, each with a warm-up, then accessories for the back, grip, balance,
power and the trunk. Loads rise quickly at first and then slowly, the way novices progress; some weeks
hold only one or two sessions, and holidays and the odd cold leave weeks empty; the first session back
after ten days or more is lighter. Deterministic: the same seed and dates give the same rows.
"""

from __future__ import annotations

import math
import random
import uuid
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import load_shipped_exercises
from liftwell.web.training.bulk import insert_rows
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

DEMO_NAMESPACE = uuid.UUID("0d3c7e6a-8c59-4d3e-9f0a-2b8d5e1c4a77")
SESSION_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday


@dataclass(frozen=True)
class Lift:
    """One exercise in a session: `sets` x `reps` at a load heading from `start_kg` to `end_kg`.

    `seconds` makes it a timed hold (the load is ignored), `metres` a carry."""

    slug: str
    start_kg: float
    end_kg: float
    sets: int
    reps: int
    step_kg: float = 2.5
    warmups: int = 0
    rest_s: int = 90
    seconds: tuple[int, int] | None = None
    metres: int | None = None


SESSIONS: tuple[tuple[str, tuple[Lift, ...]], ...] = (
    (
        "Full body A",
        (
            Lift("barbell-back-squat", 40, 100, 3, 5, warmups=2, rest_s=180),
            Lift("barbell-bench-press", 35, 72.5, 3, 5, warmups=1, rest_s=150),
            Lift("barbell-bent-over-row", 30, 62.5, 3, 8, rest_s=120),
            Lift("dumbbell-step-up", 6, 18, 2, 8, step_kg=2),
            Lift("plank", 0, 0, 3, 1, seconds=(30, 75), rest_s=60),
        ),
    ),
    (
        "Full body B",
        (
            Lift("barbell-deadlift", 50, 130, 3, 5, warmups=2, rest_s=180),
            Lift("barbell-overhead-press", 20, 42.5, 3, 5, warmups=1, rest_s=150),
            Lift("cable-lat-pulldown", 35, 60, 3, 10, step_kg=5),
            Lift("kettlebell-swing", 12, 24, 3, 12, step_kg=4),
            Lift("dumbbell-farmer-carry", 14, 30, 3, 1, step_kg=2, metres=30),
            Lift("cable-face-pull", 15, 27.5, 2, 15),
        ),
    ),
)
DEMO_SLUGS = {lift.slug for _, lifts in SESSIONS for lift in lifts}


@dataclass(frozen=True)
class _Set:
    workout: uuid.UUID
    block: uuid.UUID
    exercise: Exercise
    position: int
    kind: str
    done_at: datetime
    rest_s: int
    load_kg: Decimal | None = None
    reps: int | None = None
    duration_s: int | None = None
    distance_m: Decimal | None = None


def _library() -> dict[str, Exercise]:
    found = {e.slug: e for e in Exercise.objects.filter(owner=None, slug__in=DEMO_SLUGS)}
    if len(found) < len(DEMO_SLUGS):
        load_shipped_exercises()
        found = {e.slug: e for e in Exercise.objects.filter(owner=None, slug__in=DEMO_SLUGS)}
    missing = DEMO_SLUGS - set(found)
    if missing:
        raise LookupError(f"the exercise library lacks {', '.join(sorted(missing))}")
    return found


def _curve(progress: float) -> float:
    """0 at the start, 1 after the planned sessions: fast novice gains, then slower ones."""
    return (1 - math.exp(-3 * progress)) / (1 - math.exp(-3))


def _round(load_kg: float, step_kg: float) -> Decimal:
    return Decimal(str(round(round(load_kg / step_kg) * step_kg, 2)))


def session_dates(*, start: date, today: date, rng: random.Random) -> Iterator[date]:
    """The training days from the Monday on or after `start` up to yesterday: three a week, with short
    weeks, empty weeks (a cold, now and then) and holidays (two weeks in August, the week of Christmas)."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    while monday < today:
        holiday = (monday.month == 8 and monday.day <= 14) or (monday.month == 12 and monday.day >= 22)
        roll = rng.random()
        if holiday or roll < 0.05:
            days: tuple[int, ...] = ()
        elif roll < 0.10:
            days = (rng.choice(SESSION_DAYS),)
        elif roll < 0.25:
            days = (0, 3)
        else:
            days = SESSION_DAYS
        for offset in days:
            day = monday + timedelta(days=offset)
            if day < today:
                yield day
        monday += timedelta(weeks=1)


def seed_training_demo(*, user: User, today: date, weeks: int = 104, seed: int = 8) -> tuple[int, int]:
    """Write about `weeks` weeks of finished workouts for `user` ending yesterday; returns (workouts,
    sets). Call inside `transaction.atomic()`."""
    rng = random.Random(seed * 7919 + 1)
    exercises = _library()
    zone = zoneinfo.ZoneInfo(user.time_zone)
    days = list(session_dates(start=today - timedelta(weeks=weeks), today=today, rng=rng))
    planned = max(1, len(days))
    workouts: list[tuple[object, ...]] = []
    blocks: list[tuple[uuid.UUID, uuid.UUID, Exercise, int, str]] = []
    sets: list[_Set] = []
    last_day: date | None = None
    for number, day in enumerate(days):
        title, lifts = SESSIONS[number % len(SESSIONS)]
        workout_id = uuid.uuid5(DEMO_NAMESPACE, f"{seed} workout {number}")
        local_start = datetime.combine(day, time(17, 30), tzinfo=zone) + timedelta(
            minutes=rng.randrange(0, 90)
        )
        started = local_start.astimezone(zoneinfo.ZoneInfo("UTC"))
        back_after_break = last_day is not None and (day - last_day).days >= 10
        last_day = day
        level = _curve(min(1.0, number / planned)) * (0.9 if back_after_break else 1.0)
        clock = started
        for position, lift in enumerate(lifts):
            block_id = uuid.uuid5(workout_id, f"block {position}")
            blocks.append((workout_id, block_id, exercises[lift.slug], position, ""))
            working = _round(lift.start_kg + (lift.end_kg - lift.start_kg) * level, lift.step_kg)
            exercise = exercises[lift.slug]
            for warmup in range(lift.warmups):
                share = (0.5, 0.7)[warmup] if lift.warmups == 2 else 0.6
                load = max(Decimal(20), _round(float(working) * share, lift.step_kg))
                clock += timedelta(seconds=90)
                sets.append(
                    _Set(workout_id, block_id, exercise, warmup, "warmup", clock, 60, load_kg=load, reps=5)
                )
            for number_in_lift in range(lift.sets):
                clock += timedelta(seconds=lift.rest_s + 40)
                at = lift.warmups + number_in_lift
                if lift.seconds is not None:
                    low, high = lift.seconds
                    hold = round((low + (high - low) * level) / 5) * 5 + rng.choice((-5, 0, 0, 5))
                    row = _Set(
                        workout_id, block_id, exercise, at, "working", clock, lift.rest_s, duration_s=hold
                    )
                elif lift.metres is not None:
                    row = _Set(
                        workout_id,
                        block_id,
                        exercise,
                        at,
                        "working",
                        clock,
                        lift.rest_s,
                        load_kg=working,
                        distance_m=Decimal(lift.metres),
                    )
                else:
                    # The last set is now and then a rep short: a realistic grind, not a failure.
                    short = number_in_lift == lift.sets - 1 and rng.random() < 0.15
                    reps = lift.reps - (1 if short else 0)
                    row = _Set(
                        workout_id,
                        block_id,
                        exercise,
                        at,
                        "working",
                        clock,
                        lift.rest_s,
                        load_kg=working,
                        reps=reps,
                    )
                sets.append(row)
        ended = clock + timedelta(minutes=rng.randrange(5, 12))
        local_date = started.astimezone(zone).date()
        workouts.append(
            (user.pk, workout_id, title, "", started, ended, user.time_zone, local_date, "manual", "demo")
        )

    insert_rows(
        Workout,
        ("owner_id", "client_id", "title", "notes", "started_at", "ended_at", "time_zone", "local_date")
        + ("source", "source_ref"),
        workouts,
    )
    workout_pk = dict(Workout.objects.filter(owner=user).values_list("client_id", "id"))
    insert_rows(
        WorkoutExercise,
        ("owner_id", "workout_id", "exercise_id", "client_id", "position", "notes"),
        (
            (user.pk, workout_pk[workout_id], exercise.pk, block_id, position, notes)
            for workout_id, block_id, exercise, position, notes in blocks
        ),
    )
    block_pk = dict(WorkoutExercise.objects.filter(owner=user).values_list("client_id", "id"))
    made = insert_rows(
        WorkoutSet,
        (
            "owner_id",
            "workout_id",
            "workout_exercise_id",
            "exercise_id",
            "client_id",
            "position",
            "kind",
            "load_kg",
            "reps",
            "duration_s",
            "distance_m",
            "completed",
            "completed_at",
            "rest_s",
        ),
        (
            (
                user.pk,
                workout_pk[row.workout],
                block_pk[row.block],
                row.exercise.pk,
                uuid.uuid5(row.block, f"set {row.position}"),
                row.position,
                row.kind,
                row.load_kg,
                row.reps,
                row.duration_s,
                row.distance_m,
                True,
                row.done_at,
                row.rest_s,
            )
            for row in sets
        ),
    )
    return len(workouts), made
