"""Weekly hard sets per muscle: table-driven worked values and hypothesis invariants."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.vocabulary import Muscle
from liftwell.core.volume import (
    DaySets,
    VolumeBand,
    Week,
    counts_for_volume,
    muscle_credit,
    training_days,
    volume_band,
    weekly_muscle_sets,
    weeks_between,
)

M = Muscle


@pytest.mark.parametrize(
    ("pattern", "measure", "counts"),
    [
        ("squat", "weight_reps", True),
        ("vertical_pull", "bodyweight_reps", True),
        ("conditioning", "weight_reps", False),
        ("mobility", "bodyweight_reps", False),
        ("anti_extension", "time", False),
        ("carry", "weight_distance", False),
    ],
)
def test_which_exercises_count(pattern: str, measure: str, counts: bool) -> None:
    assert counts_for_volume(pattern=pattern, measure=measure) is counts


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (date(2026, 3, 2), Week(2026, 10)),  # a Monday
        (date(2026, 3, 8), Week(2026, 10)),  # its Sunday
        (date(2027, 1, 1), Week(2026, 53)),  # 1 January in the last ISO week of the year before
        (date(2024, 12, 30), Week(2025, 1)),  # 30 December in week 1 of the next ISO year
    ],
)
def test_iso_weeks(day: date, week: Week) -> None:
    assert Week.of(day) == week
    assert week.monday <= day <= week.sunday


def test_weeks_between_crosses_a_53_week_year() -> None:
    weeks = weeks_between(Week(2026, 52), Week(2027, 2))
    assert [str(w) for w in weeks] == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert weeks_between(Week(2027, 2), Week(2026, 52)) == []


def test_primary_counts_one_and_secondary_half() -> None:
    # Bench press: chest and triceps primary, front delts secondary; 3 sets Monday, 2 Thursday.
    bench = {"primary": (M.CHEST, M.TRICEPS), "secondary": (M.FRONT_DELTS,)}
    weeks = weekly_muscle_sets(
        [DaySets(date(2026, 3, 2), sets=3, **bench), DaySets(date(2026, 3, 5), sets=2, **bench)]  # type: ignore[arg-type]
    )
    assert weeks == {Week(2026, 10): {M.CHEST: 5.0, M.TRICEPS: 5.0, M.FRONT_DELTS: 2.5}}


def test_a_muscle_listed_twice_counts_once_as_primary() -> None:
    assert muscle_credit([M.GLUTES], [M.GLUTES, M.HAMSTRINGS]) == {M.GLUTES: 1.0, M.HAMSTRINGS: 0.5}


def test_training_days_are_distinct_days_with_sets() -> None:
    entries = [
        DaySets(date(2026, 3, 2), (M.QUADS,), (), 3),
        DaySets(date(2026, 3, 2), (M.CHEST,), (), 3),
        DaySets(date(2026, 3, 4), (M.LATS,), (), 0),
        DaySets(date(2026, 3, 9), (M.LATS,), (), 1),
    ]
    assert training_days(entries) == {
        Week(2026, 10): frozenset({date(2026, 3, 2)}),
        Week(2026, 11): frozenset({date(2026, 3, 9)}),
    }


@pytest.mark.parametrize(
    ("sets", "band"),
    [
        (0, VolumeBand.NONE),
        (0.5, VolumeBand.LOW),
        (4.5, VolumeBand.LOW),
        (5, VolumeBand.MODERATE),
        (9.5, VolumeBand.MODERATE),
        (10, VolumeBand.TARGET),
        (30, VolumeBand.TARGET),
    ],
)
def test_volume_bands(sets: float, band: VolumeBand) -> None:
    assert volume_band(sets) is band


def test_negative_sets_are_refused() -> None:
    with pytest.raises(ValueError):
        volume_band(-1)


muscles = st.lists(st.sampled_from(list(Muscle)), max_size=3, unique=True)
entries = st.lists(
    st.builds(
        DaySets,
        day=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
        primary=muscles.map(tuple),
        secondary=muscles.map(tuple),
        sets=st.integers(min_value=0, max_value=20),
    ),
    max_size=30,
)


@given(entries)
def test_order_does_not_matter_and_splitting_adds_up(items: list[DaySets]) -> None:
    whole = weekly_muscle_sets(items)
    assert whole == weekly_muscle_sets(list(reversed(items)))
    # Counting each set separately gives the same totals as counting them together.
    split = [DaySets(e.day, e.primary, e.secondary, 1) for e in items for _ in range(e.sets)]
    assert weekly_muscle_sets(split) == whole


@given(entries)
def test_each_muscle_gets_between_half_and_all_of_the_sets(items: list[DaySets]) -> None:
    for week, counted in weekly_muscle_sets(items).items():
        in_week = [e for e in items if Week.of(e.day) == week]
        for muscle, sets in counted.items():
            touching = sum(e.sets for e in in_week if muscle in e.primary or muscle in e.secondary)
            assert 0.5 * touching <= sets <= touching


@given(st.dates(min_value=date(2000, 1, 3), max_value=date(2090, 1, 1)))
def test_a_week_holds_seven_days_and_shifts_back(day: date) -> None:
    week = Week.of(day)
    assert (week.sunday - week.monday) == timedelta(days=6)
    assert week.shifted(1).shifted(-1) == week
    assert week.shifted(1) > week
