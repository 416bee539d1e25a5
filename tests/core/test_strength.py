"""1RM formulas, their inverse and the RPE chart against the worked values of docs/science.md §2.1 and
§2.2."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.strength import (
    RPE_PERCENT,
    E1rmFormula,
    e1rm,
    e1rm_from_rpe,
    load_for_reps,
    load_for_rpe,
    raw_e1rm,
    rpe_percent,
)

FORMULAS = ["epley", "brzycki", "lombardi", "mayhew", "oconner", "wathan", "lander"]

# docs/science.md §2.1, "Test vectors - 1RM (kg)": the plain formulas, including at one rep.
ONE_RM = [
    (100, 1, [103.33, 100.0, 100.0, 108.86, 102.5, 101.3, 101.39]),
    (100, 5, [116.67, 112.5, 117.46, 119.01, 112.5, 116.58, 113.71]),
    (100, 10, [133.33, 133.33, 125.89, 130.93, 125.0, 134.75, 134.07]),
    (60, 8, [76.0, 74.48, 73.87, 75.77, 72.0, 76.6, 75.07]),
    (140, 3, [154.0, 148.24, 156.26, 159.59, 150.5, 152.57, 150.08]),
]
ONE_RM_CASES = [
    (load, reps, formula, value)
    for load, reps, values in ONE_RM
    for formula, value in zip(FORMULAS, values, strict=True)
]

# docs/science.md §2.1, "Test vectors - inverse": (1RM, target reps, Epley load, Brzycki load).
INV_1RM = [(100, 5, 85.71, 88.89), (150, 8, 118.42, 120.83), (80, 12, 57.14, 55.56)]

# docs/science.md §2.2, the chart as printed: rows RPE 10 down to 6.5, columns 1..12 reps.
RPE_TABLE = {
    10.0: [100.0, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0],
    9.5: [97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7],
    9.0: [95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3],
    8.5: [93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0],
    8.0: [92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6],
    7.5: [90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3],
    7.0: [89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9],
    6.5: [87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6],
}


@pytest.mark.parametrize(("load", "reps", "formula", "expected"), ONE_RM_CASES)
def test_it_reproduces_the_published_formulas(load: int, reps: int, formula: str, expected: float) -> None:
    assert raw_e1rm(load, reps, formula) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(("load", "reps", "formula", "expected"), [c for c in ONE_RM_CASES if c[1] > 1])
def test_it_estimates_from_several_reps(load: int, reps: int, formula: str, expected: float) -> None:
    estimate = e1rm(load, reps, formula)
    assert estimate.value_kg == pytest.approx(expected, abs=0.01)
    assert estimate.reliable
    assert estimate.formula == E1rmFormula(formula)


@pytest.mark.parametrize("formula", FORMULAS)
def test_one_rep_is_the_load_itself(formula: str) -> None:
    assert e1rm(100, 1, formula).value_kg == 100


def test_it_uses_epley_by_default() -> None:
    assert e1rm(100, 5).formula is E1rmFormula.EPLEY
    assert e1rm(100, 5).value_kg == pytest.approx(116.67, abs=0.01)


@pytest.mark.parametrize(("reps", "reliable"), [(10, True), (12, True), (13, False), (36, False)])
def test_it_flags_estimates_from_many_reps(reps: int, reliable: bool) -> None:
    assert e1rm(50, reps, "brzycki").reliable is reliable


@pytest.mark.parametrize(
    ("load", "reps", "parameter"),
    [(100, 0, "reps"), (100, -3, "reps"), (-1, 5, "load_kg"), (100, 37, "reps"), (100, 40, "reps")],
)
def test_it_refuses_impossible_sets(load: float, reps: int, parameter: str) -> None:
    with pytest.raises(ValueError, match=parameter):
        e1rm(load, reps)
    with pytest.raises(ValueError, match=parameter):
        raw_e1rm(load, reps, "lander")


def test_it_refuses_an_unknown_formula() -> None:
    with pytest.raises(ValueError):
        e1rm(100, 5, "guesswork")


@pytest.mark.parametrize(("one_rm", "reps", "epley", "brzycki"), INV_1RM)
def test_it_inverts_epley_and_brzycki(one_rm: int, reps: int, epley: float, brzycki: float) -> None:
    assert load_for_reps(one_rm, reps) == pytest.approx(epley, abs=0.01)
    assert load_for_reps(one_rm, reps, "brzycki") == pytest.approx(brzycki, abs=0.01)


def test_the_inverse_of_one_rep_is_the_one_rep_max() -> None:
    assert load_for_reps(120, 1, "brzycki") == 120


def test_the_inverse_refuses_a_negative_one_rep_max() -> None:
    with pytest.raises(ValueError, match="one_rm_kg"):
        load_for_reps(-5, 5)


@given(
    st.floats(min_value=1, max_value=500),
    st.integers(min_value=1, max_value=36),
    st.sampled_from(FORMULAS),
)
def test_the_inverse_round_trips(load: float, reps: int, formula: str) -> None:
    assert load_for_reps(e1rm(load, reps, formula).value_kg, reps, formula) == pytest.approx(load)


@given(
    st.floats(min_value=1, max_value=500), st.integers(min_value=1, max_value=35), st.sampled_from(FORMULAS)
)
def test_more_reps_at_the_same_load_never_lower_the_estimate(load: float, reps: int, formula: str) -> None:
    assert e1rm(load, reps + 1, formula).value_kg >= e1rm(load, reps, formula).value_kg


# --- RPE ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rpe", sorted(RPE_TABLE))
def test_the_chart_matches_the_printed_table(rpe: float) -> None:
    assert [rpe_percent(reps, rpe) for reps in range(1, 13)] == RPE_TABLE[rpe]


def test_the_chart_covers_reps_1_to_12_and_rpe_6_5_to_10() -> None:
    assert len(RPE_PERCENT) == 12 * 8
    assert RPE_PERCENT[(1, 10.0)] == 100.0
    assert RPE_PERCENT[(12, 6.5)] == 58.6


@pytest.mark.parametrize(
    ("load", "reps", "rpe", "percent", "expected"),
    [(100.0, 5, 8, 81.1, 123.3), (150.0, 3, 9, 89.2, 168.16), (60.0, 8, 7, 70.7, 84.87)],
)
def test_it_estimates_from_rpe(load: float, reps: int, rpe: float, percent: float, expected: float) -> None:
    assert rpe_percent(reps, rpe) == percent
    assert e1rm_from_rpe(load, reps, rpe) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("e1rm_kg", "reps", "rpe", "expected"), [(180.0, 5, 8, 145.98), (100.0, 10, 9, 70.7)]
)
def test_it_prescribes_a_load_for_rpe(e1rm_kg: float, reps: int, rpe: float, expected: float) -> None:
    assert load_for_rpe(e1rm_kg, reps, rpe) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    ("reps", "rpe", "parameter"),
    [(0, 8, "reps"), (13, 8, "reps"), (5, 6, "rpe"), (5, 10.5, "rpe"), (5, 8.25, "rpe")],
)
def test_it_refuses_input_off_the_chart(reps: int, rpe: float, parameter: str) -> None:
    with pytest.raises(ValueError, match=parameter):
        rpe_percent(reps, rpe)
    with pytest.raises(ValueError, match=parameter):
        e1rm_from_rpe(100, reps, rpe)
    with pytest.raises(ValueError, match=parameter):
        load_for_rpe(100, reps, rpe)


def test_it_refuses_negative_loads_with_rpe() -> None:
    with pytest.raises(ValueError, match="load_kg"):
        e1rm_from_rpe(-1, 5, 8)
    with pytest.raises(ValueError, match="e1rm_kg"):
        load_for_rpe(-1, 5, 8)


@given(st.sampled_from(sorted(RPE_PERCENT)))
def test_rpe_prescription_and_estimate_round_trip(key: tuple[int, float]) -> None:
    reps, rpe = key
    assert e1rm_from_rpe(load_for_rpe(150, reps, rpe), reps, rpe) == pytest.approx(150)


def test_the_chart_falls_with_reps_and_rises_with_rpe() -> None:
    for (reps, rpe), percent in RPE_PERCENT.items():
        if reps < 12:
            assert RPE_PERCENT[(reps + 1, rpe)] < percent
        if rpe < 10:
            assert RPE_PERCENT[(reps, rpe + 0.5)] > percent
