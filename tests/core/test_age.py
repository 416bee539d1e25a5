"""Age from the year of birth: the age reached during the calendar year of the day asked about."""

from __future__ import annotations

from datetime import date

import pytest

from liftwell.core.age import age_on


@pytest.mark.parametrize(
    ("birth_year", "day", "age"),
    [
        (1970, date(2026, 1, 1), 56),  # the first day of the year already counts the year's birthday
        (1970, date(2025, 12, 31), 55),  # the last day of the year before
        (1970, date(2026, 12, 31), 56),
        (2026, date(2026, 6, 1), 0),
        (None, date(2026, 6, 1), None),
    ],
)
def test_age_on_a_day(birth_year: int | None, day: date, age: int | None) -> None:
    assert age_on(birth_year, day) == age
