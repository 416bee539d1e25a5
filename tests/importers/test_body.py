"""Body measurement names and units from other apps, to Liftwell's fields in kg, cm and %."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from liftwell.importers.body import BodyValue, body_value
from liftwell.importers.rows import MeasurementRow

DAY = date(2025, 1, 14)


def _row(name: str, value: str, unit: str) -> MeasurementRow:
    return MeasurementRow(2, datetime(2025, 1, 14, 8, 0), name, Decimal(value), unit)


@pytest.mark.parametrize(
    ("name", "value", "unit", "field", "canonical", "rank"),
    [
        # 1 lb = 0.45359237 kg and 1 in = 2.54 cm, exactly (international yard and pound, 1959).
        ("Bodyweight", "167.0", "lb", "weight_kg", "75.749926", 0),
        ("weight", "78.7", "kg", "weight_kg", "78.7", 0),
        ("fat", "22.3", "%", "body_fat_pct", "22.3", 0),
        ("Body Fat", "18.5", "%", "body_fat_pct", "18.5", 0),
        ("waist", "32", "in", "waist_cm", "81.28", 0),
        ("Waist", "86", "cm", "waist_cm", "86", 0),
        ("hips", "38", "in", "hip_cm", "96.52", 0),
        ("right_bicep", "14", "in", "arm_cm", "35.56", 0),
        ("left_bicep", "13.5", "in", "arm_cm", "34.29", 1),
        ("Calves", "38", "cm", "calf_cm", "38", 0),
    ],
)
def test_known_names_become_fields_in_canonical_units(
    name: str, value: str, unit: str, field: str, canonical: str, rank: int
) -> None:
    found = body_value(_row(name, value, unit), DAY)
    assert isinstance(found, BodyValue)
    assert (found.field, found.value, found.rank, found.day) == (field, Decimal(canonical), rank, DAY)


def test_names_without_a_field_are_none() -> None:
    assert body_value(_row("shoulder", "48", "in"), DAY) is None
    assert body_value(_row("Left Forearm", "11", "in"), DAY) is None


@pytest.mark.parametrize(
    ("name", "value", "unit", "message"),
    [
        ("Bodyweight", "1675", "lb", "outside what a body measures"),
        ("Bodyweight", "80", "stone", "not kg or lb"),
        ("waist", "80", "furlong", "not cm or in"),
        ("Body Fat", "15", "kg", "not %"),
        ("Body Fat", "150", "%", "outside"),
    ],
)
def test_refused_values_say_why(name: str, value: str, unit: str, message: str) -> None:
    found = body_value(_row(name, value, unit), DAY)
    assert isinstance(found, str) and message in found
