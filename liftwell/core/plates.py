"""The plate calculator: which plates go on each side of the bar for a target load.

Per side = (target - bar - 2 x collar) / 2 (docs/science.md §8). Greedy loading (heaviest plate first) is
not always exact: 23 kg on a 20 kg bar needs 0.5 + 0.5 + 0.5 per side, where greedy takes 1.25 and is stuck.
So the search is exact: a bounded-knapsack dynamic programme over the lifter's own inventory (plate weights
with the number of pairs owned) that finds the fewest plates per side, and among those the loading with the
most heavy plates (so it reads like greedy whenever greedy works). When the target cannot be loaded it
falls back to the nearest achievable total below, and offers the nearest above.

All values are Decimal, in whatever unit the plate set uses (kg or lb: bar, plates, collars and target must
share it). The search runs on integers, in units of the greatest common divisor of the plate weights.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from types import MappingProxyType

from liftwell.core.units import WeightUnit


@dataclass(frozen=True)
class PlateSet:
    """A bar, the plates owned as (plate weight, number of PAIRS), and the weight of one collar (2 used)."""

    bar: Decimal
    plates: tuple[tuple[Decimal, int], ...]
    collar: Decimal = Decimal(0)

    def __post_init__(self) -> None:
        if self.bar < 0:
            raise ValueError(f"bar must be 0 or more, got {self.bar}")
        if self.collar < 0:
            raise ValueError(f"collar must be 0 or more, got {self.collar}")
        for weight, pairs in self.plates:
            if weight <= 0:
                raise ValueError(f"plate weights must be above 0, got {weight}")
            if pairs < 0:
                raise ValueError(f"pairs must be 0 or more, got {pairs} of {weight}")

    @property
    def empty(self) -> Decimal:
        """The bar with its collars and no plates."""
        return self.bar + 2 * self.collar


def _pairs(*pairs: tuple[str, int]) -> tuple[tuple[Decimal, int], ...]:
    return tuple((Decimal(weight), count) for weight, count in pairs)


# The default plate sets, the one definition: a well-stocked gym in each unit (docs/science.md §8), no
# collars. A person uses the set of their unit until they enter their own; the settings page, the plate
# calculator and the logging screen (handed this set in the page) all start from here.
STANDARD_PLATE_SETS: Mapping[WeightUnit, PlateSet] = MappingProxyType(
    {
        # 20 kg bar; 25, 20, 15, 10, 5, 2.5, 1.25 and 0.5 kg plates (weight, pairs).
        WeightUnit.KG: PlateSet(
            bar=Decimal(20),
            plates=_pairs(
                ("25", 6), ("20", 2), ("15", 2), ("10", 2), ("5", 2), ("2.5", 2), ("1.25", 2), ("0.5", 3)
            ),
        ),
        # 45 lb bar; 45, 35, 25, 10, 5 and 2.5 lb plates.
        WeightUnit.LB: PlateSet(
            bar=Decimal(45),
            plates=_pairs(("45", 6), ("35", 2), ("25", 2), ("10", 2), ("5", 2), ("2.5", 2)),
        ),
    }
)


def standard_kg(bar: Decimal = Decimal(20), collar: Decimal = Decimal(0)) -> PlateSet:
    """The standard kg plates (`STANDARD_PLATE_SETS`) on `bar`, with `collar` per collar."""
    return PlateSet(bar=bar, plates=STANDARD_PLATE_SETS[WeightUnit.KG].plates, collar=collar)


def standard_lb(bar: Decimal = Decimal(45), collar: Decimal = Decimal(0)) -> PlateSet:
    """The standard lb plates (`STANDARD_PLATE_SETS`) on `bar`, with `collar` per collar."""
    return PlateSet(bar=bar, plates=STANDARD_PLATE_SETS[WeightUnit.LB].plates, collar=collar)


@dataclass(frozen=True)
class PlateLoading:
    """Plates for one side (heaviest first) and the total they make with the bar and collars.

    When `exact` is False, `per_side` and `achieved` are those of `below` (the nearest achievable total
    under the target; the empty bar when the target is lighter than that) and `above` is the nearest
    achievable total over it (None past the inventory). The `below` and `above` loadings are themselves
    exact for their own totals and carry no further alternatives.
    """

    per_side: tuple[Decimal, ...]
    achieved: Decimal
    exact: bool
    below: PlateLoading | None = None
    above: PlateLoading | None = None


def _scale(values: list[Decimal]) -> int:
    """A power of ten that makes every value an integer."""
    places = 0
    for value in values:
        exponent = value.normalize().as_tuple().exponent
        if not isinstance(exponent, int):
            raise ValueError(f"plate weights must be finite, got {value}")
        places = max(places, -exponent)
    return int(10**places)


def load_bar(target: Decimal, plate_set: PlateSet) -> PlateLoading:
    """The fewest plates per side that load `target` exactly, else the nearest totals below and above.

    Per side = (target - bar - 2 x collar) / 2. Exact search (bounded knapsack by plate count), never
    greedy; ties in plate count go to the loading with the most heavy plates. A target below the empty
    bar gives achieved = bar + collars, not exact.
    """
    inventory: dict[Decimal, int] = {}
    for weight, pairs in plate_set.plates:
        if pairs > 0:
            inventory[weight] = inventory.get(weight, 0) + pairs
    weights = sorted(inventory)  # lightest first
    scale = _scale(weights)
    units = [int(w * scale) for w in weights]
    step = math.gcd(*units) if units else 1
    sizes = [u // step for u in units]
    counts = [inventory[w] for w in weights]
    capacity = sum(s * n for s, n in zip(sizes, counts, strict=True))

    # best[i][s]: fewest plates making s steps per side from the i lightest plate weights (None: cannot).
    best: list[list[int | None]] = [[0] + [None] * capacity]
    for size, count in zip(sizes, counts, strict=True):
        previous = best[-1]
        row: list[int | None] = [None] * (capacity + 1)
        for total in range(capacity + 1):
            for used in range(min(count, total // size) + 1):
                before, current = previous[total - used * size], row[total]
                if before is not None and (current is None or before + used < current):
                    row[total] = before + used
        best.append(row)
    reachable = best[-1]

    def loading(total: int) -> PlateLoading:
        """The loading for `total` steps per side, taking as many of each heavy plate as stays optimal."""
        plates: list[Decimal] = []
        remaining = total
        for i in range(len(weights) - 1, -1, -1):
            goal = best[i + 1][remaining]
            assert goal is not None
            for used in range(min(counts[i], remaining // sizes[i]), -1, -1):
                before = best[i][remaining - used * sizes[i]]
                if before is not None and before + used == goal:
                    plates.extend([weights[i]] * used)
                    remaining -= used * sizes[i]
                    break
        side = sum(plates, Decimal(0))
        return PlateLoading(per_side=tuple(plates), achieved=plate_set.empty + 2 * side, exact=True)

    # Twice the per-side load, in steps (exact Decimal arithmetic: the target may have any precision).
    twice_side = (target - plate_set.empty) * scale / step
    if twice_side < 0:
        empty = loading(0)
        return PlateLoading(per_side=(), achieved=empty.achieved, exact=False, below=None, above=empty)
    if twice_side % 2 == 0 and twice_side / 2 <= capacity and reachable[int(twice_side / 2)] is not None:
        return loading(int(twice_side / 2))

    floor_steps = int((twice_side / 2).to_integral_value(rounding=ROUND_FLOOR))
    ceil_steps = int((twice_side / 2).to_integral_value(rounding=ROUND_CEILING))
    below = next(
        (loading(s) for s in range(min(floor_steps, capacity), -1, -1) if reachable[s] is not None), None
    )
    above = next((loading(s) for s in range(ceil_steps, capacity + 1) if reachable[s] is not None), None)
    assert below is not None  # zero steps (the empty bar) is always reachable
    return PlateLoading(
        per_side=below.per_side, achieved=below.achieved, exact=False, below=below, above=above
    )
