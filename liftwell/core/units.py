"""Units and exact conversions. Liftwell stores SI (kg, cm, m, s); people see their own unit.

1 lb = 0.45359237 kg exactly (international yard and pound agreement, 1959), so conversions use
Decimal and a value typed in pounds survives the round trip through kilograms unchanged.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from enum import StrEnum

KG_PER_LB = Decimal("0.45359237")
CM_PER_INCH = Decimal("2.54")

# Stored load precision: 1e-6 kg keeps any lb value with up to 2 decimals exact after rounding back.
LOAD_KG_PLACES = Decimal("0.000001")


class WeightUnit(StrEnum):
    KG = "kg"
    LB = "lb"


def lb_to_kg(lb: Decimal) -> Decimal:
    """Pounds to kilograms, exactly: kg = lb x 0.45359237."""
    return lb * KG_PER_LB


def kg_to_lb(kg: Decimal) -> Decimal:
    """Kilograms to pounds: lb = kg / 0.45359237 (exact to Decimal's 28 significant digits)."""
    return kg / KG_PER_LB


def to_kg(value: Decimal, unit: WeightUnit | str) -> Decimal:
    """A load typed in `unit`, as kilograms rounded to the stored precision."""
    kg = lb_to_kg(value) if WeightUnit(unit) is WeightUnit.LB else value
    return kg.quantize(LOAD_KG_PLACES, rounding=ROUND_HALF_EVEN)


def from_kg(kg: Decimal, unit: WeightUnit | str, *, places: int = 2) -> Decimal:
    """A stored load shown in `unit`, rounded to `places` decimals and without trailing zeros."""
    value = kg_to_lb(kg) if WeightUnit(unit) is WeightUnit.LB else kg
    shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return shown.normalize() if shown != shown.to_integral_value() else shown.quantize(Decimal(1))


def inches_to_cm(inches: Decimal) -> Decimal:
    return inches * CM_PER_INCH


def cm_to_inches(cm: Decimal) -> Decimal:
    return cm / CM_PER_INCH


def plain(value: Decimal) -> Decimal:
    """The same number without trailing zeros or exponent: 100.000000 -> 100, 102.500 -> 102.5."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal
