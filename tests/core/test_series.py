"""One exercise over time: session points, records first reached, rep-max grid."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.series import SetGroup, exercise_records, rep_max_grid, session_series

D = Decimal
MON, WED = date(2026, 3, 2), date(2026, 3, 4)
GROUPS = [
    SetGroup(1, MON, D(100), 5, 2),
    SetGroup(1, MON, D(90), 8, 1),
    SetGroup(2, WED, D(105), 3, 1),
    SetGroup(2, WED, D(80), 12, 1),
    SetGroup(2, WED, None, 10, 1),  # a body-weight set: reps, no load
]


def test_session_points() -> None:
    first, second = session_series(GROUPS)
    assert (first.session_id, first.top_load_kg, first.top_reps, first.sets) == (1, 100, 5, 3)
    assert first.best_e1rm_kg == D("116.67") and first.volume_kg == 1720
    assert (second.top_load_kg, second.best_e1rm_kg, second.volume_kg, second.sets) == (
        105,
        D("115.50"),
        1275,
        3,
    )


def test_records_are_dated_when_first_reached() -> None:
    records = exercise_records([*GROUPS, SetGroup(3, date(2026, 3, 9), D(105), 3, 1)])
    assert records.heaviest is not None and (records.heaviest.value, records.heaviest.day) == (105, WED)
    assert records.best_e1rm is not None and records.best_e1rm.value == D("116.67")
    assert records.best_set_volume is not None and records.best_set_volume.value == 960
    assert records.best_session_volume is not None and records.best_session_volume.session_id == 1


def test_rep_max_grid() -> None:
    grid = {reps: best.value for reps, best in rep_max_grid(GROUPS).items()}
    assert grid == {
        1: 105,
        2: 105,
        3: 105,
        4: 100,
        5: 100,
        6: 90,
        7: 90,
        8: 90,
        9: 80,
        10: 80,
        11: 80,
        12: 80,
    }


def test_nothing_gives_nothing() -> None:
    assert session_series([]) == []
    assert rep_max_grid([]) == {}
    assert exercise_records([SetGroup(1, MON, None, 10)]).heaviest is None


groups = st.lists(
    st.builds(
        SetGroup,
        session_id=st.integers(1, 5),
        day=st.just(MON),
        load_kg=st.decimals(min_value=0, max_value=300, places=1),
        reps=st.integers(1, 20),
        count=st.integers(1, 4),
    ),
    max_size=20,
)


@given(groups)
def test_the_grid_never_rises_with_reps_and_records_bound_the_sessions(items: list[SetGroup]) -> None:
    loads = [best.value for best in rep_max_grid(items).values()]
    assert loads == sorted(loads, reverse=True)
    records = exercise_records(items)
    for point in session_series(items):
        assert records.heaviest is not None and point.top_load_kg is not None
        assert point.top_load_kg <= records.heaviest.value
        assert (
            records.best_session_volume is not None and point.volume_kg <= records.best_session_volume.value
        )


def test_the_grid_keeps_the_first_of_equal_loads() -> None:
    grid = rep_max_grid(
        [SetGroup(2, WED, D(100), 8), SetGroup(1, MON, D(100), 5), SetGroup(3, WED, D(100), 20)]
    )
    assert grid[5].day == MON and grid[6].day == WED and grid[12].session_id == 3  # 20 reps count as 12
    assert set(grid) == set(range(1, 13))
