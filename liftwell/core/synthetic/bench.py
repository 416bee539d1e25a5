"""The bench user's training: ten years of an upper/lower split, four sessions a week."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from decimal import Decimal

from liftwell.core.synthetic import (
    AMRAP,
    WARMUP,
    WORKING,
    Lift,
    SyntheticBlock,
    SyntheticSet,
    SyntheticWorkout,
    round_to,
    weekly_load,
)

BENCH_NAMESPACE = uuid.UUID("6f1d1a52-3c1e-4c4b-9a43-6c1b0be9a001")
BENCH_SETS = 4  # sets per lift, the warm-up included
BENCH_DAYS = (0, 1, 3, 4)  # Monday, Tuesday, Thursday, Friday


def _main(slug: str, start: float, plateau: float, tau: float, reps: int) -> Lift:
    """A session's first lift: one warm-up set, three working sets, longer rests."""
    return Lift(slug, start, plateau, reps, tau_weeks=tau, warmups=1, rest_s=180)


def _accessory(slug: str, start: float, plateau: float, tau: float, reps: int, step: float = 2.5) -> Lift:
    return Lift(slug, start, plateau, reps, step_kg=step, tau_weeks=tau)


BENCH_SPLIT: dict[str, tuple[Lift, ...]] = {
    "Upper A": (
        _main("barbell-bench-press", 50, 120, 90, 5),
        _accessory("barbell-bent-over-row", 40, 100, 90, 8),
        _accessory("barbell-overhead-press", 30, 70, 110, 6),
        _accessory("cable-lat-pulldown", 40, 90, 80, 10),
        _accessory("dumbbell-lateral-raise", 6, 16, 120, 12, 1),
    ),
    "Lower A": (
        _main("barbell-back-squat", 60, 170, 80, 5),
        _accessory("barbell-romanian-deadlift", 50, 140, 80, 8),
        _accessory("machine-leg-press", 100, 260, 70, 10, 5),
        _accessory("machine-seated-leg-curl", 30, 75, 90, 12),
        _accessory("machine-standing-calf-raise", 50, 130, 90, 12, 5),
    ),
    "Upper B": (
        _main("barbell-bench-press", 45, 110, 90, 8),
        _accessory("pull-up", 0, 30, 150, 6),
        _accessory("dumbbell-incline-bench-press", 16, 42, 100, 10, 2),
        _accessory("cable-seated-row", 40, 95, 80, 10),
        _accessory("dumbbell-lateral-raise", 5, 14, 120, 15, 1),
    ),
    "Lower B": (
        _main("barbell-deadlift", 70, 210, 80, 5),
        _accessory("barbell-back-squat", 50, 140, 80, 8),
        _accessory("dumbbell-bulgarian-split-squat", 10, 36, 100, 10, 2),
        _accessory("machine-seated-leg-curl", 25, 65, 90, 15),
        _accessory("machine-standing-calf-raise", 40, 110, 90, 15, 5),
    ),
}
BENCH_ORDER = ("Upper A", "Lower A", "Upper B", "Lower B")
BENCH_SLUGS = frozenset(lift.slug for lifts in BENCH_SPLIT.values() for lift in lifts)


def bench_days(years: float, today: date) -> Iterator[tuple[int, date, str]]:
    """(week number, day, session name), oldest first, up to yesterday; about three weeks off a year."""
    start = today - timedelta(days=int(years * 365.25))
    start -= timedelta(days=start.weekday())
    rng = random.Random(7)
    session = 0
    week = 0
    monday = start
    while monday < today:
        if rng.random() >= 3 / 52:  # a week off now and then: holidays, illness
            for weekday in BENCH_DAYS:
                day = monday + timedelta(days=weekday)
                if day >= today:
                    break
                yield week, day, BENCH_ORDER[session % len(BENCH_ORDER)]
                session += 1
            week += 1
        monday += timedelta(days=7)


def _bench_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(BENCH_NAMESPACE, "/".join(str(part) for part in parts))


def _bench_sets(
    lift: Lift, week: int, block_id: uuid.UUID, first: datetime, rng: random.Random
) -> list[SyntheticSet]:
    """A warm-up at 60 % (main lifts), then working sets at RPE 7-10; the last set is now and then a rep
    short, and in the third week of a wave an accessory's last set goes to as many reps as possible."""
    load = weekly_load(lift, week, rng)
    planned: list[tuple[str, Decimal, int, Decimal | None, int]] = []
    if lift.warmups:
        planned.append((WARMUP, round_to(load * 0.6, lift.step_kg), lift.reps, None, 90))
    working = BENCH_SETS - lift.warmups
    for index in range(working):
        last = index == working - 1
        reps = lift.reps - (1 if last and rng.random() < 0.25 else 0)
        rpe = Decimal(str(min(10.0, 7.0 + 0.5 * index + 0.5 * rng.randint(0, 2))))
        kind = AMRAP if last and not lift.warmups and week % 4 == 2 else WORKING
        if kind == AMRAP:
            reps += rng.randint(1, 4)
        planned.append((kind, round_to(load, lift.step_kg), reps, rpe, lift.rest_s))
    return [
        SyntheticSet(
            _bench_id(block_id, index),
            index,
            kind,
            first + timedelta(minutes=3 * index),
            rest_s,
            load_kg,
            reps,
            rpe,
        )
        for index, (kind, load_kg, reps, rpe, rest_s) in enumerate(planned)
    ]


def bench_training(
    *, years: float, today: date, zone: tzinfo, batch: int = 250
) -> Iterator[list[SyntheticWorkout]]:
    """`years` of training up to yesterday, in batches of `batch` workouts.

    Each batch draws from its own generator, so a run that stops halfway plans the same values when
    it is run again; every client_id is a UUIDv5 of the workout's day and the set's place."""
    days = list(bench_days(years, today))
    for offset in range(0, len(days), batch):
        rng = random.Random(offset)
        planned: list[tuple[uuid.UUID, int, datetime, datetime, date, str]] = []
        for week, day, session in days[offset : offset + batch]:
            local_start = datetime(day.year, day.month, day.day, 18, rng.randint(0, 59), tzinfo=zone)
            started = local_start.astimezone(UTC)
            ended = started + timedelta(minutes=rng.randint(55, 80))
            planned.append((_bench_id("workout", day.isoformat()), week, started, ended, day, session))
        workouts = []
        for client_id, week, started, ended, day, session in planned:
            blocks = []
            for position, lift in enumerate(BENCH_SPLIT[session]):
                block_id = _bench_id(client_id, position)
                first = started + timedelta(minutes=3 * position * BENCH_SETS + 2)
                blocks.append(
                    SyntheticBlock(
                        block_id,
                        lift.slug,
                        position,
                        lift.rest_s,
                        _bench_sets(lift, week, block_id, first, rng),
                    )
                )
            workouts.append(SyntheticWorkout(client_id, session, started, ended, day, blocks))
        yield workouts
