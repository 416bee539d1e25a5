"""The vocabulary of logged training, defined once: set kinds, which sets count, tonnage, and Epley's e1RM.

Everything else reads these: the Django choices (`web/training/models.py`), the importers, the records,
volume and progress rules, the records page's SQL (as query parameters) and the logging screen (handed
over in the page with `json_script`, so the JavaScript holds no copy).

- A *hard set* is a completed set that is not a warm-up and has at least one rep. Records and weekly
  volume count hard sets only.
- *Tonnage* (volume load) is load x reps in kg, summed over a workout's done sets that are not warm-ups;
  a set logged without a load (body weight) or without reps adds nothing.
- Epley 1985 (Poundage Chart, Univ. Nebraska): e1RM = load x (1 + reps / 30) = load x (30 + reps) / 30,
  the load itself for a single, and not estimated past 12 reps (the equations were fitted on about 10
  reps or fewer: LeSuer et al., J Strength Cond Res 1997;11:211-3). docs/science.md §2.1.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum
from types import MappingProxyType

# Epley's divisor: e1RM = load x (1 + reps / EPLEY_DIVISOR).
EPLEY_DIVISOR = 30
# Past this many reps no 1RM equation is reliable (docs/science.md §2.1 rule b): records leave such sets out.
MAX_RELIABLE_REPS = 12
# Estimated 1RMs are shown and compared to 0.01 kg.
E1RM_PLACES = Decimal("0.01")


# Listed in the order the logging screen cycles through them.
class SetKind(StrEnum):
    WARMUP = "warmup"
    WORKING = "working"
    DROP = "drop"
    FAILURE = "failure"
    AMRAP = "amrap"

    @property
    def label(self) -> str:
        return SET_KIND_LABELS[self]


SET_KIND_LABELS: Mapping[SetKind, str] = MappingProxyType(
    {
        SetKind.WARMUP: "Warm-up",
        SetKind.WORKING: "Working",
        SetKind.DROP: "Drop set",
        SetKind.FAILURE: "To failure",
        SetKind.AMRAP: "As many reps as possible",
    }
)


def counts_for_tonnage(*, kind: str, completed: bool) -> bool:
    """Whether a set's load x reps counts in a workout's tonnage: done, and not a warm-up."""
    return completed and kind != SetKind.WARMUP


def is_hard_set(*, kind: str, completed: bool, reps: int | None) -> bool:
    """A completed set that is not a warm-up and has at least one rep."""
    return counts_for_tonnage(kind=kind, completed=completed) and reps is not None and reps >= 1


def tonnage_kg(load_kg: Decimal | None, reps: int | None) -> Decimal:
    """One set's tonnage (kg): load x reps; no load (a body-weight set) or no reps gives 0."""
    if load_kg is None or reps is None:
        return Decimal(0)
    return load_kg * reps


def epley_e1rm_kg(load_kg: Decimal, reps: int) -> Decimal | None:
    """Epley e1RM (kg) to 0.01 kg: load x (30 + reps) / 30, the load itself at one rep; None for fewer
    than 1 or more than 12 reps (Epley 1985; docs/science.md §2.1).

    The Decimal twin of `liftwell.core.strength.e1rm(load, reps, "epley")`, exact for any load with up to
    six decimals, as the SQL of the records page computes it (see `e1rm_from_scaled`).
    """
    if reps < 1 or reps > MAX_RELIABLE_REPS:
        return None
    value = load_kg if reps == 1 else load_kg * (EPLEY_DIVISOR + reps) / EPLEY_DIVISOR
    return value.quantize(E1RM_PLACES, rounding=ROUND_HALF_EVEN)


def e1rm_from_scaled(scaled: Decimal | None) -> Decimal | None:
    """Epley e1RM (kg, to 0.01) from its scaled form, EPLEY_DIVISOR x e1RM = load x (30 + reps), or
    load x 30 for a single.

    A database can take the maximum of that exact product (a load with six decimals times a whole number);
    dividing and rounding here gives exactly `epley_e1rm_kg` of the same set."""
    if scaled is None:
        return None
    return (scaled / EPLEY_DIVISOR).quantize(E1RM_PLACES, rounding=ROUND_HALF_EVEN)
