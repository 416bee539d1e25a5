"""One exercise over time: per-session points (top set, best e1RM, volume), bests, and the rep-max grid.

The input is the exercise's hard sets grouped by session, load and reps (`SetGroup`: the database does the
grouping, so ten years of sets arrive as a few thousand rows). Loads in kg (Decimal; None for a set logged
without a load, such as a body-weight set, which adds reps but no load or volume).

- e1RM: Epley, load x (1 + reps/30), the load itself for a single, not estimated past 12 reps
  (`liftwell.core.training.epley_e1rm_kg`; docs/science.md §2.1).
- Volume: load x reps summed over the session's hard sets (kg).
- Rep-max grid: for each rep count r from 1 to 12, the heaviest load lifted for r or more reps (a set of
  5 at 100 kg also shows you can do 3 at 100 kg).
- A best is dated by the session that first reached it: a later tie is not a new record.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from liftwell.core.training import MAX_RELIABLE_REPS, epley_e1rm_kg, tonnage_kg


@dataclass(frozen=True)
class SetGroup:
    """`count` hard sets of `reps` reps at `load_kg` in session `session_id` on `day`."""

    session_id: int
    day: date
    load_kg: Decimal | None
    reps: int
    count: int = 1


@dataclass(frozen=True)
class SessionPoint:
    session_id: int
    day: date
    top_load_kg: Decimal | None  # the heaviest load of the session
    top_reps: int  # the most reps done at that load
    best_e1rm_kg: Decimal | None
    volume_kg: Decimal
    sets: int


@dataclass(frozen=True)
class Best:
    value: Decimal
    day: date
    session_id: int
    load_kg: Decimal | None = None
    reps: int | None = None


@dataclass(frozen=True)
class ExerciseRecords:
    heaviest: Best | None
    best_e1rm: Best | None
    best_set_volume: Best | None
    best_session_volume: Best | None


def _order(groups: Iterable[SetGroup]) -> list[SetGroup]:
    return sorted(groups, key=lambda g: (g.day, g.session_id))


def session_series(groups: Iterable[SetGroup]) -> list[SessionPoint]:
    """One point per session, oldest first. One pass: ten years of one lift is a few thousand groups."""
    # session id -> [day, top load, reps at top load, best e1RM, volume, sets, most reps without a load]
    acc: dict[int, list[Any]] = {}
    for g in _order(groups):
        if g.count <= 0 or g.reps < 1:
            continue
        a = acc.get(g.session_id)
        if a is None:
            a = acc[g.session_id] = [g.day, None, 0, None, Decimal(0), 0, 0]
        a[5] += g.count
        load = g.load_kg
        if load is None:
            a[6] = max(a[6], g.reps)
            continue
        if a[1] is None or load > a[1]:
            a[1], a[2] = load, g.reps
        elif load == a[1]:
            a[2] = max(a[2], g.reps)
        e1rm = epley_e1rm_kg(load, g.reps)
        if e1rm is not None and (a[3] is None or e1rm > a[3]):
            a[3] = e1rm
        a[4] += tonnage_kg(load, g.reps) * g.count
    return [
        SessionPoint(
            session_id=session_id,
            day=a[0],
            top_load_kg=a[1],
            top_reps=a[2] if a[1] is not None else a[6],
            best_e1rm_kg=a[3],
            volume_kg=a[4],
            sets=a[5],
        )
        for session_id, a in acc.items()
    ]


def _better(best: Best | None, value: Decimal | None) -> bool:
    return value is not None and (best is None or value > best.value)


def exercise_records(
    groups: Iterable[SetGroup], sessions: Sequence[SessionPoint] | None = None
) -> ExerciseRecords:
    """The heaviest load, best e1RM, best single-set volume and best session volume, each first reached.

    `sessions` may pass `session_series(groups)` when the caller has it already."""
    heaviest: Best | None = None
    best_e1rm: Best | None = None
    best_set: Best | None = None
    best_session: Best | None = None
    ordered = [g for g in _order(groups) if g.count > 0 and g.reps >= 1]
    for g in ordered:
        load = g.load_kg
        if load is None:
            continue
        if _better(heaviest, load):
            heaviest = Best(load, g.day, g.session_id, load, g.reps)
        e1rm = epley_e1rm_kg(load, g.reps)
        if e1rm is not None and _better(best_e1rm, e1rm):
            best_e1rm = Best(e1rm, g.day, g.session_id, load, g.reps)
        set_tonnage = tonnage_kg(load, g.reps)
        if _better(best_set, set_tonnage):
            best_set = Best(set_tonnage, g.day, g.session_id, load, g.reps)
    for point in session_series(ordered) if sessions is None else sessions:
        if _better(best_session, point.volume_kg):
            best_session = Best(point.volume_kg, point.day, point.session_id)
    return ExerciseRecords(heaviest, best_e1rm, best_set, best_session)


def rep_max_grid(groups: Iterable[SetGroup], max_reps: int = MAX_RELIABLE_REPS) -> dict[int, Best]:
    """For r = 1..max_reps, the heaviest load lifted for r or more reps (first reached); rep counts never
    reached are absent. Loads never go up as r grows."""
    # The heaviest (first) set at each rep count, sets past max_reps counted at max_reps...
    at: dict[int, SetGroup] = {}
    for g in _order(groups):
        if g.count <= 0 or g.reps < 1 or g.load_kg is None:
            continue
        reps = min(g.reps, max_reps)
        current = at.get(reps)
        if current is None or g.load_kg > current.load_kg:  # type: ignore[operator]
            at[reps] = g
    # ...then, from the most reps down, the best of those at r reps or more.
    grid: dict[int, Best] = {}
    running: SetGroup | None = None
    for reps in range(max_reps, 0, -1):
        candidate = at.get(reps)
        if candidate is not None and (running is None or _first_heavier(candidate, running)):
            running = candidate
        if running is not None and running.load_kg is not None:
            grid[reps] = Best(running.load_kg, running.day, running.session_id, running.load_kg, running.reps)
    return dict(sorted(grid.items()))


def _first_heavier(a: SetGroup, b: SetGroup) -> bool:
    """Whether `a` beats `b`: heavier, or as heavy and earlier."""
    assert a.load_kg is not None and b.load_kg is not None
    return a.load_kg > b.load_kg or (a.load_kg == b.load_kg and (a.day, a.session_id) < (b.day, b.session_id))
