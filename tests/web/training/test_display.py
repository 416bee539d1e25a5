"""What the history, coaching and progress pages show: loads, volumes, dates and durations in words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from liftwell.web.training.display import date_text, duration_text, load_text, volume_text

START = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("load_kg", "unit", "shown"),
    [
        (Decimal("102.500000"), "kg", "102.5 kg"),
        (Decimal("100"), "kg", "100 kg"),
        (Decimal("102.0583"), "lb", "225 lb"),  # docs/science.md §8: 225 lb = 102.0583 kg
        (Decimal("0"), "kg", "0 kg"),
        (None, "kg", ""),
    ],
)
def test_load_text(load_kg: Decimal | None, unit: str, shown: str) -> None:
    assert load_text(load_kg, unit) == shown


@pytest.mark.parametrize(
    ("volume_kg", "unit", "shown"),
    [
        (Decimal("12345.6"), "kg", "12,346 kg"),  # whole units, thousands grouped
        (Decimal("999.4"), "kg", "999 kg"),
        (Decimal("0"), "kg", "0 kg"),
        (Decimal("45.359237"), "lb", "100 lb"),
    ],
)
def test_volume_text(volume_kg: Decimal, unit: str, shown: str) -> None:
    assert volume_text(volume_kg, unit) == shown


def test_date_text() -> None:
    assert date_text(date(2026, 3, 14)) == "Sat 14 Mar 2026"
    assert date_text(date(2026, 3, 1)) == "Sun 1 Mar 2026"  # no leading zero


@pytest.mark.parametrize(
    ("minutes", "shown"),
    [
        (None, ""),  # not finished
        (-5, ""),  # an end before the start shows nothing
        (0, "0 min"),
        (59, "59 min"),
        (60, "1 h 00 min"),
        (61, "1 h 01 min"),
        (135, "2 h 15 min"),
    ],
)
def test_duration_text(minutes: int | None, shown: str) -> None:
    ended = None if minutes is None else START + timedelta(minutes=minutes)
    assert duration_text(START, ended) == shown
