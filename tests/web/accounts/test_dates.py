"""`local_today` is today where the person lives; `User.age_on` counts from the year of birth."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone

from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User

# 2026-03-01 10:30 UTC is still 28 February west of UTC-10:30 and already 2 March east of UTC+13:30.
NOW = datetime(2026, 3, 1, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("time_zone", "expected"),
    [
        ("Pacific/Pago_Pago", date(2026, 2, 28)),  # UTC-11
        ("UTC", date(2026, 3, 1)),
        ("Europe/Berlin", date(2026, 3, 1)),  # UTC+1
        ("Pacific/Kiritimati", date(2026, 3, 2)),  # UTC+14
    ],
)
def test_it_reads_today_in_the_persons_zone(
    monkeypatch: pytest.MonkeyPatch, time_zone: str, expected: date
) -> None:
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    assert local_today(User(time_zone=time_zone)) == expected


@pytest.mark.parametrize(
    ("birth_year", "day", "expected"),
    [
        (None, date(2026, 6, 1), None),
        (1990, date(2025, 12, 31), 35),
        (1990, date(2026, 1, 1), 36),  # the year turns, whatever the birthday (core/age.py)
    ],
)
def test_it_counts_age_from_the_year_of_birth(
    birth_year: int | None, day: date, expected: int | None
) -> None:
    assert User(birth_year=birth_year).age_on(day) == expected
