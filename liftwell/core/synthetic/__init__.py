"""Synthetic training, as plain values: the demo account, the bench user and the scale seed's members.

One model of progress serves all three. A lift's load climbs from `start_kg` towards `plateau_kg`,
fast at first and then slower (a saturating exponential: novices gain quickly, trained people slowly),
waves through four-week blocks whose fourth week is a deload at 85 %, and moves a little from day to
day. Loads are rounded to the lift's plate or pin step. Three plans use it:

- `demo.demo_training`: a beginner in their late fifties, three full-body sessions a week (the demo
  account, `liftwell demo`);
- `bench.bench_training`: ten years of an upper/lower split, four sessions a week (the `bench` user of
  `bench/seed_training.py`);
- `members.member`: one of many gym members, with a split, a schedule and a drop-out date of their own,
  weigh-ins and other health entries (the scale seed, `liftwell bench seed`).

Nothing here reads a clock or a file: each plan takes its last day (and its time zone as a tzinfo) and
draws from its own `random.Random`, so the same seed and day give the same values. The web layer writes
them (`liftwell.web.training.bulk`).
"""

from __future__ import annotations

import functools
import math
import random
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from liftwell.core.training import SetKind

# The kinds of set the plans log, as stored (core.training's vocabulary).
WARMUP, WORKING, AMRAP = SetKind.WARMUP.value, SetKind.WORKING.value, SetKind.AMRAP.value
# Four-week waves: three building weeks, then a deload at 85 %.
WAVE = (1.0, 1.025, 1.05, 0.85)
_SIX_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class Lift:
    """One exercise of a session: `sets` sets of `reps` (after `warmups` warm-up sets) at a load that
    climbs from `start_kg` towards `plateau_kg`, about 63 % of the way after `tau_weeks` weeks.

    `seconds` makes it a timed hold (low, high: the hold grows as the load would), `metres` a carry."""

    slug: str
    start_kg: float
    plateau_kg: float
    reps: int
    step_kg: float = 2.5
    tau_weeks: float = 60
    sets: int = 4
    warmups: int = 0
    rest_s: int = 120
    seconds: tuple[int, int] | None = None
    metres: int | None = None


class SyntheticSet(NamedTuple):
    client_id: uuid.UUID
    position: int
    kind: str
    completed_at: datetime
    rest_s: int | None
    load_kg: Decimal | None = None
    reps: int | None = None
    rpe: Decimal | None = None
    duration_s: int | None = None
    distance_m: Decimal | None = None


class SyntheticBlock(NamedTuple):
    client_id: uuid.UUID
    slug: str
    position: int
    rest_s: int | None
    sets: list[SyntheticSet]


@dataclass(frozen=True)
class SyntheticWorkout:
    client_id: uuid.UUID
    title: str
    started_at: datetime  # UTC
    ended_at: datetime
    local_date: date
    blocks: list[SyntheticBlock]


def load_at(lift: Lift, fraction: float) -> float:
    """The load `fraction` of the way from `start_kg` to `plateau_kg`, in kg."""
    return lift.start_kg + (lift.plateau_kg - lift.start_kg) * fraction


def weekly_load(lift: Lift, week: int, rng: random.Random, strength: float = 1.0) -> float:
    """The working load (kg) in training week `week`: start + (plateau - start) x (1 - e^(-week/tau)),
    times the person's `strength`, the week's place in the wave and a day's noise of +/- 2 %."""
    trend = load_at(lift, 1 - math.exp(-week / lift.tau_weeks))
    return trend * strength * WAVE[week % 4] * rng.uniform(0.98, 1.02)


def round_to(value: float, step: float) -> Decimal:
    """`value` to the nearest multiple of `step`, never below 0, to six decimals (as loads are stored)."""
    return _multiple(round(max(value, 0.0) / step), step)


@functools.lru_cache(maxsize=4096)
def _multiple(count: int, step: float) -> Decimal:
    # Loads repeat (a plate step apart): each Decimal is made once, not once per set.
    return Decimal(str(count * step)).quantize(_SIX_PLACES)
