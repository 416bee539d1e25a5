"""The scale seed's members: each with a split, a schedule, a drop-out date and health entries."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple

from liftwell.core.synthetic import (
    WARMUP,
    WORKING,
    Lift,
    SyntheticBlock,
    SyntheticSet,
    SyntheticWorkout,
    round_to,
    weekly_load,
)

MEMBER_TIME_ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Chicago",
    "Asia/Tokyo",
    "UTC",
)
_SQUAT = Lift("barbell-back-squat", 40, 150, 5)
_BENCH = Lift("barbell-bench-press", 30, 105, 5)
_DEADLIFT = Lift("barbell-deadlift", 50, 185, 5)
_PRESS = Lift("barbell-overhead-press", 20, 65, 6)
_ROW = Lift("barbell-bent-over-row", 30, 95, 8)
_RDL = Lift("barbell-romanian-deadlift", 40, 130, 8)
_PULLDOWN = Lift("cable-lat-pulldown", 30, 85, 10)
_LEG_PRESS = Lift("machine-leg-press", 80, 240, 10, 5)
_LEG_CURL = Lift("machine-seated-leg-curl", 20, 70, 12)
_CALF = Lift("machine-standing-calf-raise", 40, 120, 12, 5)
_INCLINE_DB = Lift("dumbbell-incline-bench-press", 12, 40, 10, 2)
_LATERAL = Lift("dumbbell-lateral-raise", 4, 14, 15, 1)
_SEATED_ROW = Lift("cable-seated-row", 30, 90, 10)
_SPLIT_SQUAT = Lift("dumbbell-bulgarian-split-squat", 8, 34, 10, 2)
MEMBER_SPLITS: tuple[tuple[tuple[Lift, ...], ...], ...] = (
    # Full body, alternating A/B.
    ((_SQUAT, _BENCH, _ROW, _LATERAL), (_DEADLIFT, _PRESS, _PULLDOWN, _CALF)),
    # Upper/lower.
    (
        (_BENCH, _ROW, _PRESS, _PULLDOWN, _LATERAL),
        (_SQUAT, _RDL, _LEG_PRESS, _LEG_CURL, _CALF),
        (_INCLINE_DB, _SEATED_ROW, _PRESS, _LATERAL),
        (_DEADLIFT, _SPLIT_SQUAT, _LEG_CURL, _CALF),
    ),
    # Push/pull/legs.
    (
        (_BENCH, _PRESS, _INCLINE_DB, _LATERAL),
        (_DEADLIFT, _ROW, _PULLDOWN, _SEATED_ROW),
        (_SQUAT, _LEG_PRESS, _LEG_CURL, _CALF),
    ),
)
MEMBER_SLUGS = frozenset(lift.slug for split in MEMBER_SPLITS for day in split for lift in day)


class WeighIn(NamedTuple):
    day: date
    weight_kg: Decimal
    waist_cm: Decimal | None


class Pressure(NamedTuple):
    day: date
    systolic_mmhg: int
    diastolic_mmhg: int
    resting_hr_bpm: int


class Lab(NamedTuple):
    day: date
    kind: str
    value: Decimal
    unit: str


class CheckIn(NamedTuple):
    day: date
    sleep_quality: int
    mood: int
    energy: int
    pain: int


@dataclass(frozen=True)
class SyntheticMember:
    joined: datetime  # midnight UTC of the first day
    unit: str
    time_zone: str
    birth_year: int
    sex: str
    height_cm: Decimal
    workouts: list[SyntheticWorkout]
    weigh_ins: list[WeighIn]
    pressures: list[Pressure]
    labs: list[Lab]
    check_ins: list[CheckIn]


def _random_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def member(*, seed: int, number: int, years: float, until: date) -> SyntheticMember:
    """Member `number` of the scale seed `seed`: joined on a day within `years` before `until`.

    About a third keep training to `until`; the rest stop after weeks or months, as gym members do. The
    health entries run from the first day to `until`."""
    rng = random.Random(f"{seed}:{number}")
    first_day = until - timedelta(days=rng.randrange(max(int(years * 365), 7)))
    sex = rng.choice(("female", "male", "unsaid"))
    strength = rng.uniform(0.55, 1.0) if sex == "female" else rng.uniform(0.75, 1.25)
    unit = "lb" if rng.random() < 0.3 else "kg"
    time_zone = rng.choice(MEMBER_TIME_ZONES)
    birth_year = rng.randint(1950, 2006)
    height_cm = round_to(rng.gauss(165 if sex == "female" else 177, 7), 0.1)
    stays = rng.random() < 0.35
    last_day = until if stays else min(until, first_day + timedelta(weeks=rng.expovariate(1 / 14) + 2))
    workouts = _member_training(rng, first_day=first_day, last_day=last_day, strength=strength)
    weigh_ins, pressures, labs, check_ins = _member_health(rng, first_day=first_day, last_day=until)
    joined = datetime.combine(first_day, time.min, tzinfo=UTC)
    return SyntheticMember(
        joined, unit, time_zone, birth_year, sex, height_cm, workouts, weigh_ins, pressures, labs, check_ins
    )


def _member_training(
    rng: random.Random, *, first_day: date, last_day: date, strength: float
) -> list[SyntheticWorkout]:
    split = rng.choice(MEMBER_SPLITS)
    weekdays = sorted(rng.sample(range(7), rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5))))
    hour = rng.choice((6, 7, 12, 17, 18, 19))
    workouts = []
    session = 0
    day = first_day
    while day <= last_day:
        if day.weekday() in weekdays and rng.random() < 0.88:  # some sessions are missed
            lifts = split[session % len(split)]
            session += 1
            started = datetime.combine(day, time.min, tzinfo=UTC) + timedelta(
                hours=hour, minutes=rng.randrange(60)
            )
            workouts.append(_member_workout(rng, day, started, (day - first_day).days // 7, lifts, strength))
        day += timedelta(days=1)
    return workouts


def _member_workout(
    rng: random.Random, day: date, started: datetime, week: int, lifts: tuple[Lift, ...], strength: float
) -> SyntheticWorkout:
    """Three or four sets a lift, a warm-up before the first; 90-210 s between sets."""
    moment = started
    blocks = []
    for position, lift in enumerate(lifts):
        block_id = _random_uuid(rng)
        load = weekly_load(lift, week, rng, strength)
        sets = []
        for set_position in range(rng.choice((3, 3, 4))):
            warmup = position == 0 and set_position == 0
            reps = lift.reps - (1 if not warmup and rng.random() < 0.2 else 0)
            rpe = None if warmup else Decimal(rng.choice(("7.0", "7.5", "8.0", "8.5", "9.0")))
            moment += timedelta(seconds=rng.randint(90, 210))
            sets.append(
                SyntheticSet(
                    _random_uuid(rng),
                    set_position,
                    WARMUP if warmup else WORKING,
                    moment,
                    120,
                    round_to(load * (0.6 if warmup else 1.0), lift.step_kg),
                    reps,
                    rpe,
                )
            )
        blocks.append(SyntheticBlock(block_id, lift.slug, position, 120, sets))
    return SyntheticWorkout(_random_uuid(rng), "", started, moment + timedelta(minutes=2), day, blocks)


def _member_health(
    rng: random.Random, *, first_day: date, last_day: date
) -> tuple[list[WeighIn], list[Pressure], list[Lab], list[CheckIn]]:
    """Weigh-ins (60 % of members), blood pressure (30 %), lipids and HbA1c (20 %), check-ins (25 %)."""
    weigh_ins: list[WeighIn] = []
    if rng.random() < 0.6:  # about weekly, drifting slowly
        weight = rng.uniform(55, 100)
        for day in _every(first_day, last_day, lambda: rng.randint(5, 10)):
            weight += rng.gauss(-0.02, 0.4)
            waist = round_to(weight * 0.9, 0.5) if rng.random() < 0.2 else None
            weigh_ins.append(WeighIn(day, round_to(weight, 0.1), waist))
    pressures: list[Pressure] = []
    if rng.random() < 0.3:  # about monthly
        systolic = rng.randint(105, 150)
        for day in _every(first_day, last_day, lambda: rng.randint(20, 40)):
            pressures.append(
                Pressure(
                    day,
                    systolic + rng.randint(-8, 8),
                    int(systolic * 0.63) + rng.randint(-5, 5),
                    rng.randint(50, 85),
                )
            )
    labs: list[Lab] = []
    if rng.random() < 0.2:  # a lipid panel and HbA1c twice a year
        for day in _every(first_day, last_day, lambda: 182):
            labs.append(Lab(day, "ldl", round_to(rng.uniform(1.8, 4.5), 0.01), "mmol/L"))
            labs.append(Lab(day, "hba1c", round_to(rng.uniform(4.8, 6.8), 0.1), "%"))
    check_ins: list[CheckIn] = []
    if rng.random() < 0.25:  # weekly
        for day in _every(first_day, last_day, lambda: 7):
            check_ins.append(
                CheckIn(day, rng.randint(2, 5), rng.randint(2, 5), rng.randint(2, 5), rng.randint(0, 4))
            )
    return weigh_ins, pressures, labs, check_ins


def _every(first: date, last: date, gap_days: Callable[[], int]) -> Iterator[date]:
    """`first`, then a day `gap_days()` later, and so on up to `last` (the gap is drawn after each day)."""
    day = first
    while day <= last:
        yield day
        day += timedelta(days=gap_days())
