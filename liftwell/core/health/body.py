"""Body composition: BMI, waist and the US Navy circumference body-fat estimate (docs/science.md §3.1, §3.3,
§4.5)."""

from __future__ import annotations

import math
from typing import Literal

from liftwell.core.health.result import Classification, Level

BMI_SOURCE = "WHO 2000"
WAIST_SOURCE = "WHO 2008"
NAVY_SOURCE = "Hodgdon & Beckett 1984"

Sex = Literal["female", "male", "unsaid"]


def bmi(weight_kg: float, height_cm: float) -> float:
    """Body-mass index = kg / m^2 (70 kg, 175 cm -> 22.86)."""
    if weight_kg <= 0 or height_cm <= 0:
        raise ValueError("weight and height must be positive")
    height_m = height_cm / 100
    return weight_kg / (height_m * height_m)


_BMI_BANDS: tuple[tuple[float, str, str, Level], ...] = (
    (16.0, "severe_thinness", "Underweight (severe thinness)", Level.ATTENTION),
    (17.0, "moderate_thinness", "Underweight (moderate thinness)", Level.ATTENTION),
    (18.5, "mild_thinness", "Underweight (mild thinness)", Level.ATTENTION),
    (25.0, "normal", "Normal range", Level.GOOD),
    (30.0, "pre_obese", "Pre-obese", Level.INFO),
    (35.0, "obese_1", "Obese class I", Level.ATTENTION),
    (40.0, "obese_2", "Obese class II", Level.ATTENTION),
)


def classify_bmi(value: float) -> Classification:
    """WHO adult BMI classes (WHO TRS 894, 2000): <18.5 underweight (with thinness grades at 16 and 17);
    18.5-24.9 normal; 25-29.9 pre-obese; 30-34.9 obese I; 35-39.9 obese II; >=40 obese III. BMI says
    nothing about muscle: a strong person can read "pre-obese"."""
    for upper, code, label, level in _BMI_BANDS:
        if value < upper:
            return Classification(code, label, BMI_SOURCE, level)
    return Classification("obese_3", "Obese class III", BMI_SOURCE, Level.ATTENTION)


def classify_waist(sex: Sex | str, waist_cm: float) -> Classification | None:
    """Waist and risk of metabolic complications (WHO Expert Consultation 2008): increased above 94 cm
    (men) / 80 cm (women); substantially increased above 102 / 88 cm. None when sex is not given."""
    if sex == "male":
        increased, substantial = 94.0, 102.0
    elif sex == "female":
        increased, substantial = 80.0, 88.0
    else:
        return None
    if waist_cm > substantial:
        return Classification(
            "substantially_increased", "Substantially increased risk", WAIST_SOURCE, Level.WARNING
        )
    if waist_cm > increased:
        return Classification("increased", "Increased risk", WAIST_SOURCE, Level.ATTENTION)
    return Classification("not_increased", "Not increased", WAIST_SOURCE, Level.GOOD)


# Results outside this range mean a typing or measuring mistake (or a body the formula was not fitted
# to), not a body-fat figure: lean athletes measure a few per cent, and 60 % is beyond the people the
# equations were derived from. A plausibility guard, not a physiological claim.
NAVY_PLAUSIBLE_PCT = (2.0, 60.0)


class NavyInputError(ValueError):
    """Measurements the Navy formula cannot turn into a body-fat figure. `fields` names the inputs to
    check ("height", "neck", "waist", "hip"), so a form can mark them."""

    def __init__(self, message: str, fields: tuple[str, ...]) -> None:
        super().__init__(message)
        self.fields = fields


def _named(fields: tuple[str, ...]) -> str:
    return ", ".join(fields[:-1]) + " and " + fields[-1] if len(fields) > 1 else fields[0]


def navy_body_fat(
    sex: Sex | str, height_cm: float, neck_cm: float, waist_cm: float, hip_cm: float | None = None
) -> float:
    """Body fat % by the US Navy circumference method, metric form (Hodgdon & Beckett 1984, via Siri):

    men   %BF = 495 / (1.0324 - 0.19077 log10(waist - neck) + 0.15456 log10(height)) - 450
    women %BF = 495 / (1.29579 - 0.35004 log10(waist + hip - neck) + 0.22100 log10(height)) - 450
    All in cm; men's waist at the navel, women's at the narrowest point, hip at the widest.

    Raises `NavyInputError` naming the fields to check when the waist is not larger than the neck
    (men), waist plus hip not larger than the neck (women), or the result falls outside 2-60 %
    (male 180 cm, neck 40, waist 60 would give -13 %).
    """
    if height_cm <= 0 or neck_cm <= 0 or waist_cm <= 0:
        raise ValueError("height, neck and waist must be positive")
    if sex == "male":
        fields: tuple[str, ...] = ("height", "neck", "waist")
        girth = waist_cm - neck_cm
        if girth <= 0:
            raise NavyInputError("The waist must be larger than the neck: check both.", ("neck", "waist"))
        density = 1.0324 - 0.19077 * math.log10(girth) + 0.15456 * math.log10(height_cm)
    elif sex == "female":
        if hip_cm is None or hip_cm <= 0:
            raise ValueError("the women's formula needs the hip circumference")
        fields = ("height", "neck", "waist", "hip")
        girth = waist_cm + hip_cm - neck_cm
        if girth <= 0:
            raise NavyInputError(
                "Waist plus hip must be larger than the neck: check all three.", ("neck", "waist", "hip")
            )
        density = 1.29579 - 0.35004 * math.log10(girth) + 0.22100 * math.log10(height_cm)
    else:
        raise ValueError("the Navy formula differs by sex; set it in your profile")
    percent = 495 / density - 450
    low, high = NAVY_PLAUSIBLE_PCT
    if not low <= percent <= high:
        raise NavyInputError(
            f"These measurements give {percent:.1f} % body fat by the US Navy formula, outside the "
            f"plausible {low:g}-{high:g} %: check the {_named(fields)}.",
            fields,
        )
    return percent
