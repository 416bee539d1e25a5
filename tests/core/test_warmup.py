"""Warm-up ramps: the empty bar, then ~40/60/80 % of the working load rounded down to a loadable step."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.units import lb_to_kg
from liftwell.core.warmup import WarmupSet, warmup_sets

KG_BAR, KG_STEP = Decimal(20), Decimal("2.5")


def ramp(*pairs: tuple[str, int]) -> list[WarmupSet]:
    return [WarmupSet(load_kg=Decimal(load), reps=reps) for load, reps in pairs]


@pytest.mark.parametrize(
    ("working_kg", "working_reps", "expected"),
    [
        ("100", 5, ramp(("20", 10), ("40", 5), ("60", 3), ("80", 2))),
        # 56, 84, 112 round down to 55, 82.5, 110.
        ("140", 5, ramp(("20", 10), ("55", 5), ("82.5", 3), ("110", 2))),
        # 24, 36, 48 round down to 22.5, 35, 47.5.
        ("60", 8, ramp(("20", 10), ("22.5", 5), ("35", 3), ("47.5", 2))),
        # 40 % of 50 is the bar itself: dropped.
        ("50", 5, ramp(("20", 10), ("30", 3), ("40", 2))),
        # 40 % of 40 is below the bar; 24 and 32 round down to 22.5 and 30.
        ("40", 5, ramp(("20", 10), ("22.5", 3), ("30", 2))),
        # Nothing between the bar and the working load fits.
        ("25", 5, ramp(("20", 10))),
        # A heavy single: ramp sets never ask for more reps than the working set.
        ("200", 1, ramp(("20", 10), ("80", 1), ("120", 1), ("160", 1))),
        ("100", 3, ramp(("20", 10), ("40", 3), ("60", 3), ("80", 2))),
        # At or below the bar there is nothing to warm up for.
        ("20", 5, []),
        ("15", 5, []),
    ],
)
def test_it_ramps_up_to_the_working_load(
    working_kg: str, working_reps: int, expected: list[WarmupSet]
) -> None:
    sets = warmup_sets(Decimal(working_kg), bar_kg=KG_BAR, step_kg=KG_STEP, working_reps=working_reps)
    assert sets == expected


def test_it_drops_a_set_that_repeats_the_one_before() -> None:
    # 20 kg steps: 28 -> 20 (the bar, dropped), 42 -> 40, 56 -> 40 (a repeat, dropped).
    sets = warmup_sets(Decimal(70), bar_kg=KG_BAR, step_kg=Decimal(20), working_reps=5)
    assert sets == ramp(("20", 10), ("40", 3))


def test_it_works_in_pounds_given_in_kilograms() -> None:
    # 225 lb with a 45 lb bar and 5 lb steps: 90, 135 and 180 lb.
    sets = warmup_sets(
        lb_to_kg(Decimal(225)), bar_kg=lb_to_kg(Decimal(45)), step_kg=lb_to_kg(Decimal(5)), working_reps=5
    )
    assert sets == [
        WarmupSet(lb_to_kg(Decimal(lb)), reps) for lb, reps in [(45, 10), (90, 5), (135, 3), (180, 2)]
    ]


def test_without_a_bar_there_is_no_empty_bar_set() -> None:
    sets = warmup_sets(Decimal(30), bar_kg=Decimal(0), step_kg=Decimal(2), working_reps=10)
    assert sets == ramp(("12", 5), ("18", 3), ("24", 2))


@pytest.mark.parametrize(
    ("kwargs", "parameter"),
    [
        ({"bar_kg": KG_BAR, "step_kg": Decimal(0), "working_reps": 5}, "step_kg"),
        ({"bar_kg": Decimal(-1), "step_kg": KG_STEP, "working_reps": 5}, "bar_kg"),
        ({"bar_kg": KG_BAR, "step_kg": KG_STEP, "working_reps": 0}, "working_reps"),
    ],
)
def test_it_refuses_impossible_input(kwargs: dict[str, Decimal | int], parameter: str) -> None:
    with pytest.raises(ValueError, match=parameter):
        warmup_sets(Decimal(100), **kwargs)  # type: ignore[arg-type]


@given(
    st.decimals(min_value=0, max_value=400, places=2),
    st.sampled_from([Decimal(15), Decimal(20), lb_to_kg(Decimal(45))]),
    st.sampled_from([Decimal("1.25"), Decimal("2.5"), Decimal(5), lb_to_kg(Decimal(5))]),
    st.integers(min_value=1, max_value=20),
)
def test_the_ramp_climbs_below_the_working_load(
    working_kg: Decimal, bar_kg: Decimal, step_kg: Decimal, working_reps: int
) -> None:
    sets = warmup_sets(working_kg, bar_kg=bar_kg, step_kg=step_kg, working_reps=working_reps)
    if working_kg <= bar_kg:
        assert sets == []
        return
    assert sets[0] == WarmupSet(bar_kg, 10)
    loads = [s.load_kg for s in sets]
    assert loads == sorted(set(loads))
    assert all(load < working_kg for load in loads)
    assert all(
        ((load - bar_kg) / step_kg) == ((load - bar_kg) / step_kg).to_integral_value() for load in loads
    )
    assert all(s.reps <= working_reps for s in sets[1:])
    assert len(sets) <= 4
