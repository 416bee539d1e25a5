"""Lab values in either unit, and the honest weeks-with-training comparison."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.health import labs
from liftwell.core.health.outcomes import compare_weeks, training_days_per_week, week_start


@pytest.mark.parametrize(
    ("analyte", "value", "unit", "code"),
    [
        # 126 mg/dL is 6.99 mmol/L: classified in mg/dL it stays in the diabetes range.
        (labs.Analyte.FASTING_GLUCOSE, 126, "mg/dL", "diabetes_range"),
        (labs.Analyte.FASTING_GLUCOSE, 125, "mg/dL", "prediabetes"),
        (labs.Analyte.FASTING_GLUCOSE, 6.99, "mmol/L", "prediabetes"),
        (labs.Analyte.FASTING_GLUCOSE, 7.0, "mmol/L", "diabetes_range"),
        # 47 mmol/mol is 6.45 %: classified in mmol/mol it stays prediabetes.
        (labs.Analyte.HBA1C, 47, "mmol/mol", "prediabetes"),
        (labs.Analyte.HBA1C, 48, "mmol/mol", "diabetes_range"),
        (labs.Analyte.HBA1C, 6.5, "%", "diabetes_range"),
        (labs.Analyte.LDL, 3.4, "mmol/L", "borderline_high"),
        (labs.Analyte.LDL, 129, "mg/dL", "near_optimal"),
        (labs.Analyte.TRIGLYCERIDES, 1.7, "mmol/L", "borderline_high"),
        (labs.Analyte.HDL, 60, "mg/dL", "high"),
        (labs.Analyte.TOTAL_CHOLESTEROL, 240, "mg/dL", "high"),
    ],
)
def test_classify_in_the_unit_entered(analyte: labs.Analyte, value: float, unit: str, code: str) -> None:
    canonical = round(labs.to_canonical(analyte, value, unit), 6)  # as stored: six decimals
    assert labs.classify_lab(analyte, canonical, unit).code == code


def test_units_are_checked() -> None:
    with pytest.raises(ValueError):
        labs.to_canonical(labs.Analyte.HBA1C, 6, "mg/dL")


@given(st.sampled_from(list(labs.Analyte)), st.floats(min_value=0.5, max_value=500))
def test_round_trip_through_storage(analyte: labs.Analyte, value: float) -> None:
    for unit in labs.units_for(analyte):
        back = labs.from_canonical(analyte, labs.to_canonical(analyte, value, unit), unit)
        assert back == pytest.approx(value)


def test_week_start_is_monday() -> None:
    assert week_start(date(2026, 11, 29)) == date(2026, 11, 23)  # a Sunday
    assert week_start(date(2026, 11, 23)) == date(2026, 11, 23)


def test_training_days_count_distinct_days() -> None:
    days = [date(2026, 11, 23), date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 30)]
    assert training_days_per_week(days) == {date(2026, 11, 23): 2, date(2026, 11, 30): 1}


def test_compare_weeks_counts_each_week_once() -> None:
    per_week = {date(2026, 11, 2): 3, date(2026, 11, 9): 1, date(2026, 11, 16): 2}
    sleep = [
        (date(2026, 11, 3), 4.0),
        (date(2026, 11, 4), 5.0),  # week of 2 Nov: mean 4.5, trained
        (date(2026, 11, 10), 2.0),  # week of 9 Nov: 1 session
        (date(2026, 11, 17), 3.5),  # week of 16 Nov: trained
        (date(2026, 11, 24), 3.0),  # no sessions that week
    ]
    result = compare_weeks(per_week, sleep)
    assert (result.trained_weeks, result.other_weeks) == (2, 2)
    assert result.trained_mean == pytest.approx(4.0)
    assert result.other_mean == pytest.approx(2.5)


def test_compare_weeks_with_no_data() -> None:
    result = compare_weeks({}, [])
    assert result.trained_mean is None and result.other_mean is None
