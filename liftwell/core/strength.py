"""One-rep-max (1RM) estimates from a set, their inverse, and the RPE / RIR -> %1RM chart.

Loads are in kilograms (any unit works, the formulas are linear in the load); reps are reps to failure
for the 1RM equations. Formulas and worked values: docs/science.md §2.1 and §2.2.

- Epley 1985 (Poundage Chart, Univ. Nebraska): 1RM = w * (1 + r/30)
- Brzycki, JOPERD 1993;64:88-90: 1RM = w * 36 / (37 - r)
- Lombardi 1989 (Beginning Weight Training): 1RM = w * r^0.10
- Mayhew et al., J Appl Sport Sci Res 1992;6:200-6: 1RM = 100 w / (52.2 + 41.9 e^(-0.055 r))
- O'Conner, Simmons & O'Shea 1989 (Weight Training Today): 1RM = w * (1 + 0.025 r)
- Wathan 1994 (in NSCA Essentials): 1RM = 100 w / (48.8 + 53.8 e^(-0.075 r))
- Lander 1985 (NSCA J), also sold as "McGlothin": 1RM = 100 w / (101.3 - 2.67123 r)

All were fitted on sets of roughly 10 reps or fewer (LeSuer et al., J Strength Cond Res 1997;11:211-3;
Reynolds, Gordon & Robergs, J Strength Cond Res 2006;20:584-92), so an estimate from more than 12 reps is
flagged unreliable, and nothing is extrapolated to Brzycki's pole (r = 37) or Lander's (r ~ 37.9).
Typical prediction error is 5-10 %.

The RPE chart is the Reactive Training Systems (Tuchscherer) table as commonly reproduced, with the RIR-based
RPE scale of Zourdos et al., J Strength Cond Res 2016;30:267-75 and Helms et al., Strength Cond J
2016;38(4):42-9. It has no single canonical primary source and copies differ by 0.5-1 % past 10 reps
(docs/science.md §10.1); this one is frozen here from the one-dimensional sequence docs/science.md §2.2 gives.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from liftwell.core.training import EPLEY_DIVISOR, MAX_RELIABLE_REPS

# Brzycki's denominator vanishes at 37 reps (Lander's at ~37.9): nothing at or past it is estimated.
POLE_REPS = 37


class E1rmFormula(StrEnum):
    EPLEY = "epley"
    BRZYCKI = "brzycki"
    LOMBARDI = "lombardi"
    MAYHEW = "mayhew"
    OCONNER = "oconner"
    WATHAN = "wathan"
    LANDER = "lander"


@dataclass(frozen=True)
class E1rmEstimate:
    """An estimated 1RM; `reliable` is False when it came from more than 12 reps."""

    value_kg: float
    reliable: bool
    formula: E1rmFormula


def _check_set(load_kg: float, reps: int) -> None:
    if load_kg < 0:
        raise ValueError(f"load_kg must be 0 or more, got {load_kg}")
    if reps < 1:
        raise ValueError(f"reps must be 1 or more, got {reps}")
    if reps >= POLE_REPS:
        raise ValueError(f"reps must be below {POLE_REPS} (the Brzycki and Lander poles), got {reps}")


def _factor(reps: int, formula: E1rmFormula) -> float:
    """1RM / load for `reps` reps: every formula is the load times a function of the reps."""
    r = float(reps)
    match formula:
        case E1rmFormula.EPLEY:
            return 1 + r / EPLEY_DIVISOR
        case E1rmFormula.BRZYCKI:
            return 36 / (37 - r)
        case E1rmFormula.LOMBARDI:
            return math.pow(r, 0.10)
        case E1rmFormula.MAYHEW:
            return 100 / (52.2 + 41.9 * math.exp(-0.055 * r))
        case E1rmFormula.OCONNER:
            return 1 + 0.025 * r
        case E1rmFormula.WATHAN:
            return 100 / (48.8 + 53.8 * math.exp(-0.075 * r))
        case E1rmFormula.LANDER:
            return 100 / (101.3 - 2.67123 * r)


def raw_e1rm(load_kg: float, reps: int, formula: E1rmFormula | str) -> float:
    """The plain published formula (see the module docstring), in the load's unit.

    Unlike `e1rm` it does not return the load itself at one rep: Epley gives 103.33 for 100 kg x 1
    (docs/science.md §2.1 test vectors). Raises ValueError for load_kg < 0, reps < 1 or reps >= 37.
    """
    _check_set(load_kg, reps)
    return load_kg * _factor(reps, E1rmFormula(formula))


def e1rm(load_kg: float, reps: int, formula: E1rmFormula | str = E1rmFormula.EPLEY) -> E1rmEstimate:
    """Estimated 1RM (kg) from `load_kg` lifted for `reps` reps to failure.

    One rep returns the load itself (docs/science.md §2.1 rule a); otherwise `raw_e1rm`. Over 12 reps the
    estimate is marked unreliable (rule b); reps >= 37 raise ValueError (rule c), as do reps < 1 and
    load_kg < 0.
    """
    chosen = E1rmFormula(formula)
    _check_set(load_kg, reps)
    value = load_kg if reps == 1 else raw_e1rm(load_kg, reps, chosen)
    return E1rmEstimate(value_kg=value, reliable=reps <= MAX_RELIABLE_REPS, formula=chosen)


def load_for_reps(one_rm_kg: float, reps: int, formula: E1rmFormula | str = E1rmFormula.EPLEY) -> float:
    """The load (kg) that a lifter with this 1RM can lift for `reps` reps: the inverse of `e1rm`.

    Epley: w = 1RM / (1 + r/30); Brzycki: w = 1RM * (37 - r) / 36 (docs/science.md §2.1); the other formulas
    invert the same way (w = 1RM / factor(r)). One rep returns the 1RM itself, as `e1rm` does.
    Raises ValueError for one_rm_kg < 0, reps < 1 or reps >= 37.
    """
    chosen = E1rmFormula(formula)
    if one_rm_kg < 0:
        raise ValueError(f"one_rm_kg must be 0 or more, got {one_rm_kg}")
    _check_set(one_rm_kg, reps)
    return one_rm_kg if reps == 1 else one_rm_kg / _factor(reps, chosen)


# --- RPE chart ----------------------------------------------------------------------------------------

# %1RM by "reps + RIR" in half-rep steps: index = 2 * (reps - 1 + RIR), RIR = 10 - RPE (docs/science.md §2.2).
RPE_SEQUENCE: tuple[float, ...] = (
    100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0,
    83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3,
    70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6,
)  # fmt: skip

RPE_REPS: tuple[int, ...] = tuple(range(1, 13))
RPE_VALUES: tuple[float, ...] = tuple(6.5 + 0.5 * step for step in range(8))  # 6.5, 7.0, ... 10.0


def _sequence_index(reps: int, rpe: float) -> int:
    return 2 * (reps - 1) + round(2 * (10 - rpe))


# The chart as data, keyed by (reps 1..12, RPE 6.5..10 in halves); values in % of 1RM.
RPE_PERCENT: dict[tuple[int, float], float] = {
    (reps, rpe): RPE_SEQUENCE[_sequence_index(reps, rpe)] for reps in RPE_REPS for rpe in RPE_VALUES
}


def rpe_percent(reps: int, rpe: float) -> float:
    """%1RM for `reps` reps at `rpe` (RPE 10 = no reps left, 9 = one left, halves allowed).

    Chart range: reps 1..12, RPE 6.5..10 in steps of 0.5; anything else raises ValueError.
    """
    if reps not in RPE_REPS:
        raise ValueError(f"reps must be 1 to 12 for the RPE chart, got {reps}")
    if rpe not in RPE_VALUES:
        raise ValueError(f"rpe must be 6.5 to 10 in steps of 0.5 for the RPE chart, got {rpe}")
    return RPE_PERCENT[(reps, rpe)]


def e1rm_from_rpe(load_kg: float, reps: int, rpe: float) -> float:
    """Estimated 1RM (kg) from a set with its RPE: e1RM = load / (%1RM / 100) (docs/science.md §2.2)."""
    if load_kg < 0:
        raise ValueError(f"load_kg must be 0 or more, got {load_kg}")
    return load_kg / (rpe_percent(reps, rpe) / 100)


def load_for_rpe(e1rm_kg: float, reps: int, rpe: float) -> float:
    """Load (kg) prescribed for `reps` reps at `rpe`: load = e1RM x %1RM / 100 (docs/science.md §2.2)."""
    if e1rm_kg < 0:
        raise ValueError(f"e1rm_kg must be 0 or more, got {e1rm_kg}")
    return e1rm_kg * rpe_percent(reps, rpe) / 100
