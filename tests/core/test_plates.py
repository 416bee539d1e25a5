"""The plate calculator against docs/science.md §8, the shared JS/Python vectors, and brute force."""

from __future__ import annotations

import itertools
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwell.core.plates import (
    STANDARD_PLATE_SETS,
    PlateLoading,
    PlateSet,
    load_bar,
    standard_kg,
    standard_lb,
)
from liftwell.core.units import WeightUnit

VECTORS = Path(__file__).resolve().parents[1] / "fixtures" / "plate_vectors.json"


def D(value: str | int) -> Decimal:
    return Decimal(str(value))


def plates(text: str) -> tuple[Decimal, ...]:
    return tuple(D(p) for p in text.split(" + ")) if text else ()


# docs/science.md §8, first table: target, bar, collar (each), greedy plates per side, achieved total.
# Where greedy is exact our minimal loading is the same plates, so the greedy column is checked as ours.
PLATE_VECTORS = [
    ("100", "20", "0", standard_kg, "25 + 15", "100", True),
    ("142.5", "20", "0", standard_kg, "25 + 25 + 10 + 1.25", "142.5", True),
    ("60", "15", "0", standard_kg, "20 + 2.5", "60", True),
    ("101", "20", "0", standard_kg, "25 + 15 + 0.5", "101", True),
    ("102.3", "20", "0", standard_kg, "25 + 15 + 0.5 + 0.5", "102", False),
    ("200", "20", "2.5", standard_kg, "25 + 25 + 25 + 10 + 2.5", "200", True),
    ("225", "45", "0", standard_lb, "45 + 45", "225", True),
    ("185", "45", "0", standard_lb, "45 + 25", "185", True),
    ("137.5", "45", "0", standard_lb, "45", "135", False),
]

# docs/science.md §8, second table: the exact (min-plates) column, where greedy leaves a remainder.
PLATE_EXACT = [
    ("23", "0.5 + 0.5 + 0.5"),
    ("22.5", "1.25"),
    ("103", "25 + 15 + 0.5 + 0.5 + 0.5"),
]


@pytest.mark.parametrize(("target", "bar", "collar", "kit", "per_side", "achieved", "exact"), PLATE_VECTORS)
def test_it_loads_the_published_targets(
    target: str, bar: str, collar: str, kit: Any, per_side: str, achieved: str, exact: bool
) -> None:
    loading = load_bar(D(target), kit(bar=D(bar), collar=D(collar)))
    assert loading.achieved == D(achieved)
    assert loading.exact is exact
    assert loading.per_side == plates(per_side)


@pytest.mark.parametrize(("target", "per_side"), PLATE_EXACT)
def test_it_finds_loadings_that_greedy_misses(target: str, per_side: str) -> None:
    loading = load_bar(D(target), standard_kg())
    assert loading.exact
    assert loading.achieved == D(target)
    assert loading.per_side == plates(per_side)


def test_137_5_lb_is_not_loadable_exactly() -> None:
    loading = load_bar(D("137.5"), standard_lb())
    assert not loading.exact
    assert loading.below is not None and loading.below.achieved == 135
    assert loading.above is not None and loading.above.achieved == 140
    assert loading.above.per_side == plates("45 + 2.5")


def test_collars_count_twice() -> None:
    loading = load_bar(D(200), standard_kg(collar=D("2.5")))
    assert sum(loading.per_side) == D("87.5")
    assert loading.achieved == 200


def test_a_target_below_the_empty_bar_gives_the_empty_bar() -> None:
    loading = load_bar(D(22), standard_kg(collar=D("2.5")))
    assert (loading.achieved, loading.exact, loading.per_side) == (D(25), False, ())
    assert loading.below is None
    assert loading.above is not None and loading.above.achieved == 25


def test_a_target_past_the_inventory_gives_everything() -> None:
    loading = load_bar(D(100), PlateSet(bar=D(20), plates=((D(20), 1), (D(10), 1))))
    assert (loading.achieved, loading.exact, loading.per_side) == (D(80), False, (D(20), D(10)))
    assert loading.above is None


def test_it_merges_repeated_plate_weights_and_skips_empty_ones() -> None:
    kit = PlateSet(bar=D(20), plates=((D(10), 1), (D(10), 1), (D(5), 0)))
    assert load_bar(D(60), kit).per_side == (D(10), D(10))
    assert not load_bar(D(30), kit).exact


def test_a_bar_without_plates_only_loads_itself() -> None:
    kit = PlateSet(bar=D(20), plates=())
    assert load_bar(D(20), kit).exact
    assert load_bar(D(30), kit).achieved == 20


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bar": D(-1), "plates": ()}, "bar"),
        ({"bar": D(20), "plates": (), "collar": D(-1)}, "collar"),
        ({"bar": D(20), "plates": ((D(0), 2),)}, "plate weights"),
        ({"bar": D(20), "plates": ((D(5), -1),)}, "pairs"),
    ],
)
def test_it_refuses_impossible_plate_sets(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PlateSet(**kwargs)


# --- the vectors shared with plates.js ----------------------------------------------------------------


def shared_vectors() -> list[dict[str, Any]]:
    vectors: list[dict[str, Any]] = json.loads(VECTORS.read_text(), parse_float=Decimal, parse_int=Decimal)
    return vectors


@pytest.mark.parametrize("vector", shared_vectors(), ids=lambda v: v["name"])
def test_it_matches_the_vectors_shared_with_javascript(vector: dict[str, Any]) -> None:
    kit = PlateSet(
        bar=vector["bar"], collar=vector["collar"], plates=tuple((w, int(n)) for w, n in vector["plates"])
    )
    loading = load_bar(vector["target"], kit)
    assert loading.achieved == vector["achieved"]
    assert loading.exact is vector["exact"]
    assert list(loading.per_side) == vector["per_side"]
    assert (loading.below and loading.below.achieved) == vector["below"]
    assert (loading.above and loading.above.achieved) == vector["above"]


# --- properties against brute force --------------------------------------------------------------------


def every_side(kit: PlateSet) -> dict[Decimal, list[tuple[Decimal, ...]]]:
    """Every per-side loading the inventory allows, by its weight."""
    options: dict[Decimal, list[tuple[Decimal, ...]]] = {}
    choices = [range(pairs + 1) for _, pairs in kit.plates]
    for counts in itertools.product(*choices):
        side = tuple(
            sorted((w for (w, _), n in zip(kit.plates, counts, strict=True) for _ in range(n)), reverse=True)
        )
        options.setdefault(sum(side, Decimal(0)), []).append(side)
    return options


plate_sets = st.builds(
    PlateSet,
    bar=st.sampled_from([D(0), D(15), D(20), D("20.5")]),
    plates=st.lists(
        st.tuples(
            st.sampled_from([D("0.25"), D("0.5"), D("1.25"), D("2.5"), D(5), D(10), D(15), D(25)]),
            st.integers(0, 3),
        ),
        max_size=4,
        unique_by=lambda plate: plate[0],
    ).map(tuple),
    collar=st.sampled_from([D(0), D("2.5")]),
)


def check_loadable(loading: PlateLoading, kit: PlateSet) -> None:
    assert loading.achieved == kit.empty + 2 * sum(loading.per_side, Decimal(0))
    assert list(loading.per_side) == sorted(loading.per_side, reverse=True)
    owned = dict(kit.plates)
    for weight in set(loading.per_side):
        assert loading.per_side.count(weight) <= owned[weight]


@settings(max_examples=300, deadline=None)
@given(plate_sets, st.decimals(min_value=0, max_value=250, places=2))
def test_it_agrees_with_brute_force(kit: PlateSet, target: Decimal) -> None:
    loading = load_bar(target, kit)
    check_loadable(loading, kit)
    options = every_side(kit)
    totals = {kit.empty + 2 * side: side for side in options}
    if loading.exact:
        assert loading.achieved == target
        fewest = min(len(o) for o in options[(target - kit.empty) / 2])
        assert len(loading.per_side) == fewest
        # Among the loadings with the fewest plates, the one with the most heavy plates (as greedy reads).
        assert loading.per_side == max(o for o in options[(target - kit.empty) / 2] if len(o) == fewest)
    else:
        assert target not in totals
        below = [t for t in totals if t < target]
        above = [t for t in totals if t > target]
        assert (loading.below and loading.below.achieved) == (max(below) if below else None)
        assert (loading.above and loading.above.achieved) == (min(above) if above else None)
        for alternative in (loading.below, loading.above):
            if alternative is not None:
                check_loadable(alternative, kit)
                assert len(alternative.per_side) == min(
                    len(o) for o in options[sum(alternative.per_side, Decimal(0))]
                )
        assert loading.achieved == (max(below) if below else kit.empty)


@pytest.mark.parametrize(
    ("unit", "bar", "weights"),
    [
        # docs/science.md §8: standard kg plates 25 ... 0.5 on a 20 kg bar, lb plates 45 ... 2.5 on a 45 lb
        # bar.
        (WeightUnit.KG, "20", "25 + 20 + 15 + 10 + 5 + 2.5 + 1.25 + 0.5"),
        (WeightUnit.LB, "45", "45 + 35 + 25 + 10 + 5 + 2.5"),
    ],
)
def test_the_standard_plate_sets(unit: WeightUnit, bar: str, weights: str) -> None:
    kit = STANDARD_PLATE_SETS[unit]
    assert kit.bar == D(bar)
    assert kit.collar == 0
    assert tuple(weight for weight, _ in kit.plates) == plates(weights)
    default = standard_kg() if unit is WeightUnit.KG else standard_lb()
    assert default == kit
