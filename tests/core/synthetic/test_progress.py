"""The progress model every synthetic plan shares: rounding to a plate step, and a weekly load that climbs
towards a plateau in four-week waves (the fourth a deload at 85 %) with +/- 2 % of day-to-day noise."""

from __future__ import annotations

import math
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.synthetic import WAVE, Lift, load_at, round_to, weekly_load


class FixedNoise(random.Random):
    """A generator whose `uniform(a, b)` returns the low end, the middle or the high end of [a, b]."""

    def __init__(self, where: float) -> None:
        super().__init__(0)
        self.where = where

    def uniform(self, a: float, b: float) -> float:
        return a + (b - a) * self.where


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        # Half a step is the boundary: 61.24 rounds down to 60, 61.26 up to 62.5 (step 2.5).
        (61.24, 2.5, "60.000000"),
        (61.26, 2.5, "62.500000"),
        (7.49, 1, "7.000000"),
        (7.51, 1, "8.000000"),
        (251.0, 5, "250.000000"),
        (253.0, 5, "255.000000"),
        # Heights and weights use 0.1: the float product is cleaned up by the six decimals.
        (165.34, 0.1, "165.300000"),
        (165.36, 0.1, "165.400000"),
        # Never below nothing.
        (-3.0, 2.5, "0.000000"),
        (0.0, 2.5, "0.000000"),
    ],
)
def test_it_rounds_to_the_step_with_six_decimals(value: float, step: float, expected: str) -> None:
    assert str(round_to(value, step)) == expected


@given(value=st.floats(min_value=0, max_value=500), step=st.sampled_from([1.0, 2.0, 2.5, 4.0, 5.0]))
def test_a_rounded_load_is_a_whole_number_of_steps_within_half_a_step(value: float, step: float) -> None:
    rounded = round_to(value, step)
    assert rounded % Decimal(str(step)) == 0
    assert abs(float(rounded) - value) <= step / 2 + 1e-9


SQUAT = Lift("barbell-back-squat", 60, 160, 5, tau_weeks=50)


@pytest.mark.parametrize(("fraction", "expected_kg"), [(0.0, 60.0), (0.5, 110.0), (1.0, 160.0)])
def test_load_at_goes_from_start_to_plateau(fraction: float, expected_kg: float) -> None:
    assert load_at(SQUAT, fraction) == pytest.approx(expected_kg)


@pytest.mark.parametrize("where", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("week", [0, 1, 2, 3, 4, 7, 50, 51, 52, 53])
def test_the_weekly_load_is_the_trend_times_the_wave_and_the_noise(week: int, where: float) -> None:
    noise = 0.98 + 0.04 * where  # the ends of +/- 2 % and the middle
    trend = load_at(SQUAT, 1 - math.exp(-week / SQUAT.tau_weeks))
    assert weekly_load(SQUAT, week, FixedNoise(where)) == pytest.approx(trend * WAVE[week % 4] * noise)
    # A stronger person lifts proportionally more of the same plan.
    assert weekly_load(SQUAT, week, FixedNoise(where), 1.2) == pytest.approx(
        1.2 * trend * WAVE[week % 4] * noise
    )


def test_the_wave_builds_for_three_weeks_and_deloads_in_the_fourth() -> None:
    assert WAVE[0] < WAVE[1] < WAVE[2] and WAVE[3] == 0.85


@given(week=st.integers(min_value=0, max_value=520))
def test_the_trend_rises_towards_the_plateau_and_never_past_it(week: int) -> None:
    steady = FixedNoise(0.5)
    # The same place in the wave four weeks later is never lighter; the wave's top stays under 1.05 x plateau.
    assert weekly_load(SQUAT, week + 4, steady) >= weekly_load(SQUAT, week, steady)
    assert weekly_load(SQUAT, week, steady) <= SQUAT.plateau_kg * max(WAVE)
