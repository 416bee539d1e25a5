"""Grip norms by sex, age and height (Steiber N, PLoS ONE 2016;11:e0163917, Tables 1-2).

Every value below is copied from the paper's tables (as transcribed in ../shared/data/norms/
grip_strength_SOEP_Steiber2016.csv): (sex, age band, height band) -> mean, risk threshold, in kg.
Each boundary is tested on both sides: the threshold, the mean, the age bands and the height bands.
"""

from __future__ import annotations

import pytest

from liftwell.core import health as h
from liftwell.core.health.grip_norms import GripNorm, grip_norm


@pytest.mark.parametrize(
    ("grip_kg", "code"),
    [
        # Female, 60-64, 160-164 cm: mean 28.9, risk threshold 23.6.
        (23.5, "weak"),
        (23.6, "below_average"),
        (28.8, "below_average"),
        (28.9, "average_or_above"),
    ],
)
def test_the_threshold_and_the_mean_on_both_sides(grip_kg: float, code: str) -> None:
    result = h.classify_grip_for_height("female", 62, 162.0, grip_kg)
    assert result is not None and result.code == code
    assert result.source == h.GRIP_NORMS_SOURCE


def test_the_label_names_the_groups_figure() -> None:
    weak = h.classify_grip_for_height("male", 60, 177, 39.0)  # male 60-64, 175-179: 47.6 / 39.1
    assert weak is not None and weak.label.startswith("Weak for your age, sex and height (under 39.1 kg)")
    above = h.classify_grip_for_height("male", 60, 177, 47.6)
    assert above is not None and "average of 47.6 kg" in above.label


@pytest.mark.parametrize(
    ("sex", "age", "height_cm", "norm"),
    [
        # Age bands: 64 is in 60-64, 65 in 65-69 (female, 160-164 cm: 28.9/23.6 then 27.5/22.3).
        ("female", 64, 160.0, GripNorm(28.9, 23.6)),
        ("female", 65, 160.0, GripNorm(27.5, 22.3)),
        # Height bands start at their lower bound: 164.9 in 160-164, 165.0 in 165-169.
        ("female", 62, 164.9, GripNorm(28.9, 23.6)),
        ("female", 62, 165.0, GripNorm(29.9, 24.6)),
        # The ends of the table: youngest and oldest bands, shortest and tallest heights.
        ("female", 17, 150.0, GripNorm(27.8, 21.6)),
        ("female", 19, 184.9, GripNorm(33.8, 27.6)),
        ("male", 17, 160.0, GripNorm(44.6, 34.9)),
        ("male", 19, 189.9, GripNorm(49.3, 39.6)),
        ("male", 19, 190.0, GripNorm(50.4, 40.7)),
        ("male", 19, 215.0, GripNorm(50.4, 40.7)),
        ("male", 80, 160.0, GripNorm(29.1, 21.6)),
        ("male", 90, 175.0, GripNorm(34.0, 26.4)),
    ],
)
def test_the_age_and_height_bands(sex: str, age: int, height_cm: float, norm: GripNorm) -> None:
    assert grip_norm(sex, age, height_cm) == norm


@pytest.mark.parametrize(
    ("sex", "age", "height_cm"),
    [
        ("female", 16, 160.0),  # younger than the table
        ("male", 91, 175.0),  # older than the table
        ("female", 62, 149.9),  # shorter than the women's table
        ("female", 62, 185.0),  # the women's table stops at 180-184
        ("male", 62, 159.9),  # shorter than the men's table
        ("female", 85, 182.0),  # the one empty cell: women 80-90, 180-184 cm
        ("unsaid", 40, 170.0),
    ],
)
def test_no_classification_outside_the_table(sex: str, age: int, height_cm: float) -> None:
    assert grip_norm(sex, age, height_cm) is None
    assert h.classify_grip_for_height(sex, age, height_cm, 30.0) is None
