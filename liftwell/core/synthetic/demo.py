"""The demo account's training: a beginner in their late fifties, three full-body sessions a week."""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from liftwell.core.synthetic import (
    WARMUP,
    WORKING,
    Lift,
    SyntheticBlock,
    SyntheticSet,
    SyntheticWorkout,
    load_at,
    round_to,
)

DEMO_NAMESPACE = uuid.UUID("0d3c7e6a-8c59-4d3e-9f0a-2b8d5e1c4a77")
DEMO_DAYS = (0, 2, 4)  # Monday, Wednesday, Friday
DEMO_SESSIONS: tuple[tuple[str, tuple[Lift, ...]], ...] = (
    (
        "Full body A",
        (
            Lift("barbell-back-squat", 40, 100, 5, sets=3, warmups=2, rest_s=180),
            Lift("barbell-bench-press", 35, 72.5, 5, sets=3, warmups=1, rest_s=150),
            Lift("barbell-bent-over-row", 30, 62.5, 8, sets=3),
            Lift("dumbbell-step-up", 6, 18, 8, step_kg=2, sets=2, rest_s=90),
            Lift("plank", 0, 0, 1, sets=3, seconds=(30, 75), rest_s=60),
        ),
    ),
    (
        "Full body B",
        (
            Lift("barbell-deadlift", 50, 130, 5, sets=3, warmups=2, rest_s=180),
            Lift("barbell-overhead-press", 20, 42.5, 5, sets=3, warmups=1, rest_s=150),
            Lift("cable-lat-pulldown", 35, 60, 10, step_kg=5, sets=3, rest_s=90),
            Lift("kettlebell-swing", 12, 24, 12, step_kg=4, sets=3, rest_s=90),
            Lift("dumbbell-farmer-carry", 14, 30, 1, step_kg=2, sets=3, metres=30, rest_s=90),
            Lift("cable-face-pull", 15, 27.5, 15, sets=2, rest_s=90),
        ),
    ),
)
DEMO_SLUGS = frozenset(lift.slug for _, lifts in DEMO_SESSIONS for lift in lifts)


def demo_dates(*, start: date, today: date, rng: random.Random) -> Iterator[date]:
    """The training days from the Monday on or after `start` up to yesterday: three a week, with short
    weeks, empty weeks (a cold, now and then) and holidays (two weeks in August, the week of Christmas)."""
    monday = start + timedelta(days=(7 - start.weekday()) % 7)
    while monday < today:
        holiday = (monday.month == 8 and monday.day <= 14) or (monday.month == 12 and monday.day >= 22)
        roll = rng.random()
        if holiday or roll < 0.05:
            days: tuple[int, ...] = ()
        elif roll < 0.10:
            days = (rng.choice(DEMO_DAYS),)
        elif roll < 0.25:
            days = (0, 3)
        else:
            days = DEMO_DAYS
        for offset in days:
            day = monday + timedelta(days=offset)
            if day < today:
                yield day
        monday += timedelta(weeks=1)


def _novice(progress: float) -> float:
    """0 at the start, 1 after the planned sessions: fast novice gains, then slower ones."""
    return (1 - math.exp(-3 * progress)) / (1 - math.exp(-3))


def demo_training(*, today: date, weeks: int, seed: int, zone: tzinfo) -> list[SyntheticWorkout]:
    """About `weeks` weeks of finished workouts ending yesterday, started around 17:30-19:00 in `zone`.

    Loads follow the novice curve from the plan's start to its end; the first session back after ten
    days or more is 10 % lighter; the last set of a lift is now and then a rep short (a grind, not a
    failure)."""
    rng = random.Random(seed * 7919 + 1)
    days = list(demo_dates(start=today - timedelta(weeks=weeks), today=today, rng=rng))
    planned = max(1, len(days))
    workouts: list[SyntheticWorkout] = []
    last_day: date | None = None
    for number, day in enumerate(days):
        title, lifts = DEMO_SESSIONS[number % len(DEMO_SESSIONS)]
        workout_id = uuid.uuid5(DEMO_NAMESPACE, f"{seed} workout {number}")
        local_start = datetime.combine(day, time(17, 30), tzinfo=zone) + timedelta(
            minutes=rng.randrange(0, 90)
        )
        started = local_start.astimezone(UTC)
        back_after_break = last_day is not None and (day - last_day).days >= 10
        last_day = day
        level = _novice(min(1.0, number / planned)) * (0.9 if back_after_break else 1.0)
        clock = started
        blocks: list[SyntheticBlock] = []
        for position, lift in enumerate(lifts):
            block_id = uuid.uuid5(workout_id, f"block {position}")
            sets: list[SyntheticSet] = []
            working = round_to(load_at(lift, level), lift.step_kg)
            for warmup in range(lift.warmups):
                share = (0.5, 0.7)[warmup] if lift.warmups == 2 else 0.6
                load = max(Decimal(20), round_to(float(working) * share, lift.step_kg))
                clock += timedelta(seconds=90)
                set_id = uuid.uuid5(block_id, f"set {warmup}")
                sets.append(SyntheticSet(set_id, warmup, WARMUP, clock, 60, load_kg=load, reps=5))
            for number_in_lift in range(lift.sets):
                clock += timedelta(seconds=lift.rest_s + 40)
                at = lift.warmups + number_in_lift
                made = SyntheticSet(uuid.uuid5(block_id, f"set {at}"), at, WORKING, clock, lift.rest_s)
                if lift.seconds is not None:
                    low, high = lift.seconds
                    hold = round((low + (high - low) * level) / 5) * 5 + rng.choice((-5, 0, 0, 5))
                    made = made._replace(duration_s=hold)
                elif lift.metres is not None:
                    made = made._replace(load_kg=working, distance_m=Decimal(lift.metres))
                else:
                    short = number_in_lift == lift.sets - 1 and rng.random() < 0.15
                    made = made._replace(load_kg=working, reps=lift.reps - (1 if short else 0))
                sets.append(made)
            blocks.append(SyntheticBlock(block_id, lift.slug, position, None, sets))
        ended = clock + timedelta(minutes=rng.randrange(5, 12))
        workouts.append(
            SyntheticWorkout(workout_id, title, started, ended, started.astimezone(zone).date(), blocks)
        )
    return workouts
