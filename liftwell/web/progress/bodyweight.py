"""The body weight logged nearest a day, from the health app's body measurements.

When the person has logged no weight, strength scores ask them for a body weight instead.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BodyMeasurement


def body_weight_kg_near(user: User, day: date) -> Decimal | None:
    """The weight (kg) of `user`'s measurement nearest `day` (the earlier one on a tie); None if none."""
    entries = BodyMeasurement.objects.filter(owner=user, weight_kg__isnull=False)
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
    return weight_kg
