"""A person's bar and plates, for the plate calculator. Stored in the unit the plates are marked in."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from liftwell.core import plates
from liftwell.web.accounts.models import User


def plate_set_json(unit: str, plate_set: plates.PlateSet) -> dict[str, Any]:
    """A plate set as the profile stores it (and the API and the logging screen read it): numbers as text."""
    return {
        "unit": unit,
        "bar": str(plate_set.bar),
        "collar": str(plate_set.collar),
        "plates": [[str(weight), pairs] for weight, pairs in plate_set.plates],
    }


# The standard sets of `liftwell.core.plates`, in the stored shape, by unit.
STANDARD_PLATE_SETS: dict[str, dict[str, Any]] = {
    str(unit): plate_set_json(str(unit), kit) for unit, kit in plates.STANDARD_PLATE_SETS.items()
}


def plate_set_for(user: User) -> dict[str, Any]:
    """The person's own plate set, or the standard one for their unit."""
    chosen = user.plate_set or STANDARD_PLATE_SETS[user.unit]
    return {
        "unit": chosen["unit"],
        "bar": Decimal(str(chosen["bar"])),
        "collar": Decimal(str(chosen.get("collar", "0"))),
        "plates": [(Decimal(str(weight)), int(pairs)) for weight, pairs in chosen["plates"]],
    }


class PlateSetError(ValueError):
    pass


def parse_plate_set(*, unit: str, bar: str, collar: str, plates: str) -> dict[str, Any]:
    """Read the settings form: plates as "25x6, 20x2, 1.25x2" (weight x pairs)."""
    if unit not in STANDARD_PLATE_SETS:
        raise PlateSetError("unit: choose kg or lb")
    try:
        bar_value = Decimal(bar)
        collar_value = Decimal(collar or "0")
    except InvalidOperation:
        raise PlateSetError("bar: give a number, e.g. 20") from None
    if not (0 <= bar_value <= 100) or not (0 <= collar_value <= 10):
        raise PlateSetError("bar: between 0 and 100; collars between 0 and 10")
    parsed: list[list[Any]] = []
    for index, chunk in enumerate(filter(None, (c.strip() for c in plates.split(","))), start=1):
        weight_text, _, pairs_text = chunk.lower().replace("×", "x").partition("x")
        try:
            weight, pairs = Decimal(weight_text.strip()), int(pairs_text.strip() or "1")
        except (InvalidOperation, ValueError):
            raise PlateSetError(f"plates: item {index} ('{chunk}') should look like 20x2") from None
        if weight <= 0 or weight > 100 or pairs < 1 or pairs > 20:
            raise PlateSetError(f"plates: item {index} ('{chunk}') is out of range")
        parsed.append([str(weight.normalize()), pairs])
    if not parsed:
        raise PlateSetError("plates: list at least one plate, e.g. 20x2, 10x2")
    parsed.sort(key=lambda item: Decimal(str(item[0])), reverse=True)
    return {"unit": unit, "bar": str(bar_value), "collar": str(collar_value), "plates": parsed}
