"""Warm-up sets before a working set: the empty bar, then about 40 %, 60 % and 80 % of the working load.

This is a common coaching convention (ramping sets of falling reps, as in most barbell programmes and
strength-coaching texts), not a study finding: no trial fixes these percentages or rep counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

EMPTY_BAR_REPS = 10
# (fraction of the working load, reps): the reps fall as the load climbs so the warm-up does not tire.
RAMP: tuple[tuple[Decimal, int], ...] = ((Decimal("0.4"), 5), (Decimal("0.6"), 3), (Decimal("0.8"), 2))


@dataclass(frozen=True)
class WarmupSet:
    load_kg: Decimal
    reps: int


def warmup_sets(
    working_kg: Decimal, *, bar_kg: Decimal, step_kg: Decimal, working_reps: int
) -> list[WarmupSet]:
    """Warm-up sets (kg) for a working set of `working_reps` reps at `working_kg`.

    The empty bar for 10 reps, then 40 % x 5, 60 % x 3 and 80 % x 2 of the working load, each rounded DOWN
    to the bar plus a whole number of `step_kg` (the smallest loadable jump, e.g. 2.5 kg, or 5 lb given in
    kg). That equals rounding down to a multiple of `step_kg` whenever the bar is one, as 20 kg and 45 lb
    are with those steps. A set at or below the bar, or equal to the one before, is dropped; a ramp set
    never asks for more reps than the working set. Nothing when the working load is at or below the bar;
    no empty-bar set when `bar_kg` is 0 (dumbbells, machines).
    """
    if step_kg <= 0:
        raise ValueError(f"step_kg must be above 0, got {step_kg}")
    if bar_kg < 0:
        raise ValueError(f"bar_kg must be 0 or more, got {bar_kg}")
    if working_reps < 1:
        raise ValueError(f"working_reps must be 1 or more, got {working_reps}")
    if working_kg <= bar_kg:
        return []
    # Without a bar (bar_kg 0: dumbbells, machines) there is no empty-bar set.
    sets = [WarmupSet(load_kg=bar_kg, reps=EMPTY_BAR_REPS)] if bar_kg > 0 else []
    for fraction, reps in RAMP:
        steps = ((working_kg * fraction - bar_kg) / step_kg).to_integral_value(rounding=ROUND_FLOOR)
        load_kg = bar_kg + steps * step_kg
        if load_kg <= bar_kg or (sets and load_kg == sets[-1].load_kg):
            continue
        sets.append(WarmupSet(load_kg=load_kg, reps=min(reps, working_reps)))
    return sets
