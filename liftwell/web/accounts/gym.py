"""A person's bar and plates, for the plate calculator. Stored in the unit the plates are marked in."""

from __future__ import annotations

from decimal import Decimal
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
