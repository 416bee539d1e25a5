"""The body weight logged nearest a day, from the health app when it is installed.

Progress does not depend on the health app: when `liftwell.web.health.models.BodyMeasurement` is absent
(or has no weight near), strength scores ask the person for a body weight instead.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from liftwell.web.accounts.models import User


def _measurement_model() -> Any:
    try:
        from liftwell.web.health.models import BodyMeasurement  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return BodyMeasurement


def body_weight_kg_near(user: User, day: date) -> Decimal | None:
    """The weight (kg) of `user`'s measurement nearest `day` (the earlier one on a tie); None if none."""
    model = _measurement_model()
    if model is None:
        return None
    entries = model.objects.filter(owner=user, weight_kg__isnull=False)
    before = (
        entries.filter(measured_on__lte=day).order_by("-measured_on").values_list("measured_on", "weight_kg")
    )
    after = (
        entries.filter(measured_on__gt=day).order_by("measured_on").values_list("measured_on", "weight_kg")
    )
    candidates = [row for row in (before.first(), after.first()) if row is not None]
    if not candidates:
        return None
    _, weight_kg = min(candidates, key=lambda row: (abs((row[0] - day).days), row[0]))
    return Decimal(weight_kg)
