"""Body measurements from other apps, as the fields of a Liftwell body measurement.

Hevy's `measurement_data.csv` and FitNotes' body tracker name their measurements their own way
("fat_percent", "left_bicep", "Bodyweight", "Body Fat"). Each known name becomes one of Liftwell's
fields in its canonical unit (kg, cm, %); the rest (shoulders, forearms, abdomen) have no field and
are counted as not kept. Where an app measures both sides, the right side is kept, the left only
when the right is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from liftwell.core.units import inches_to_cm, to_kg
from liftwell.importers.rows import MeasurementRow

WEIGHT = "weight_kg"
FAT = "body_fat_pct"
# Normalised name -> (field, rank); a lower rank wins when two names give one field on one day.
FIELDS: dict[str, tuple[str, int]] = {
    "weight": (WEIGHT, 0),
    "bodyweight": (WEIGHT, 0),
    "body weight": (WEIGHT, 0),
    "fat": (FAT, 0),
    "fat percent": (FAT, 0),
    "body fat": (FAT, 0),
    "body fat percentage": (FAT, 0),
    "neck": ("neck_cm", 0),
    "chest": ("chest_cm", 0),
    "waist": ("waist_cm", 0),
    "hips": ("hip_cm", 0),
    "hip": ("hip_cm", 0),
    "right bicep": ("arm_cm", 0),
    "biceps": ("arm_cm", 0),
    "bicep": ("arm_cm", 0),
    "arm": ("arm_cm", 0),
    "arms": ("arm_cm", 0),
    "upper arm": ("arm_cm", 0),
    "left bicep": ("arm_cm", 1),
    "right thigh": ("thigh_cm", 0),
    "thigh": ("thigh_cm", 0),
    "thighs": ("thigh_cm", 0),
    "left thigh": ("thigh_cm", 1),
    "right calf": ("calf_cm", 0),
    "calf": ("calf_cm", 0),
    "calves": ("calf_cm", 0),
    "left calf": ("calf_cm", 1),
}
# Plausible ranges in canonical units: outside them a value is a typo or a unit mix-up.
RANGES: dict[str, tuple[Decimal, Decimal]] = {
    WEIGHT: (Decimal(20), Decimal(400)),
    FAT: (Decimal(2), Decimal(75)),
}
CIRCUMFERENCE_RANGE = (Decimal(10), Decimal(250))
PLACES = {WEIGHT: Decimal("0.000001"), FAT: Decimal("0.1")}
CM_PLACES = Decimal("0.001")


@dataclass(frozen=True, slots=True)
class BodyValue:
    """One field of one day's body measurement, in Liftwell's canonical unit."""

    line: int
    day: date
    field: str
    value: Decimal
    rank: int


def normalise(name: str) -> str:
    return re.sub(r"[\s_\-()%]+", " ", name.lower()).strip()


def body_value(row: MeasurementRow, day: date) -> BodyValue | str | None:
    """The field `row` fills, or a message saying why its value is refused; None when no field fits."""
    found = FIELDS.get(normalise(row.name))
    if found is None:
        return None
    field, rank = found
    unit = row.unit.strip().lower()
    if field == WEIGHT:
        if unit not in {"kg", "lb"}:
            return f"{row.name}: the unit '{row.unit}' is not kg or lb"
        value = to_kg(row.value, unit)
    elif field == FAT:
        if unit not in {"%", "percent", ""}:
            return f"{row.name}: the unit '{row.unit}' is not %"
        value = row.value
    else:
        if unit in {"in", "inch", "inches"}:
            value = inches_to_cm(row.value)
        elif unit == "cm":
            value = row.value
        else:
            return f"{row.name}: the unit '{row.unit}' is not cm or in"
    low, high = RANGES.get(field, CIRCUMFERENCE_RANGE)
    if not low <= value <= high:
        return f"{row.name}: {row.value} {row.unit} is outside what a body measures; skipped"
    return BodyValue(row.line, day, field, value.quantize(PLACES.get(field, CM_PLACES)), rank)
