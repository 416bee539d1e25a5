"""Who is looking: the units and profile facts that decide how health values are shown and classified."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from liftwell.core.health import BpGuideline
from liftwell.core.units import cm_to_inches, from_kg, inches_to_cm, plain, to_kg
from liftwell.web.accounts.models import User
from liftwell.web.health.models import HealthSettings


@dataclass(frozen=True)
class Viewer:
    unit: str  # "kg" or "lb"
    lab_unit: str  # "mg/dL" or "mmol/L"
    hba1c_unit: str  # "%" or "mmol/mol"
    bp_guideline: BpGuideline
    sex: str  # "female", "male" or "unsaid"
    age: int | None
    height_cm: float | None
    birth_year: int | None = None  # for the age when something was measured (bone density)

    @property
    def length_unit(self) -> str:
        """People who weigh in pounds measure in inches."""
        return "in" if self.unit == "lb" else "cm"

    def weight_text(self, kg: Decimal | None) -> str:
        return "" if kg is None else f"{from_kg(kg, self.unit, places=1)} {self.unit}"

    def weight_value(self, kg: Decimal) -> Decimal:
        return from_kg(kg, self.unit, places=2)

    def weight_to_kg(self, value: Decimal) -> Decimal:
        return to_kg(value, self.unit)

    def length_value(self, cm: Decimal) -> Decimal:
        value = cm_to_inches(cm) if self.length_unit == "in" else cm
        return plain(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN))

    def length_text(self, cm: Decimal | None) -> str:
        return "" if cm is None else f"{self.length_value(cm)} {self.length_unit}"

    def length_to_cm(self, value: Decimal) -> Decimal:
        cm = inches_to_cm(value) if self.length_unit == "in" else value
        return cm.quantize(Decimal("0.001"), rounding=ROUND_HALF_EVEN)


def health_settings_for(user: User) -> HealthSettings:
    found = HealthSettings.objects.filter(owner=user).first()
    return found if found is not None else HealthSettings(owner=user)


def viewer_for(user: User, *, today: date) -> Viewer:
    prefs = health_settings_for(user)
    return Viewer(
        unit=user.unit,
        lab_unit=prefs.lab_unit,
        hba1c_unit=prefs.hba1c_unit,
        bp_guideline=BpGuideline(prefs.bp_guideline),
        sex=user.sex,
        age=user.age_on(today),
        height_cm=float(user.height_cm) if user.height_cm else None,
        birth_year=user.birth_year,
    )
