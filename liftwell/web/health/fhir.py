"""A FHIR R4 Bundle (type "collection") of one person's health entries as Observation resources.

Every value a person can enter is exported (a test walks the kinds registry). LOINC codes and UCUM
units come from docs/science.md §4.6; LDL is coded by how it was obtained (13457-7 calculated, 18262-6
measured directly). Values without a verified LOINC code (function tests, SARC-F, the hip, chest, arm,
thigh and calf tapes, and Liftwell's own sleep, mood and energy items; docs/science.md §10.20) carry a
Liftwell code and a plain-text name instead, so nothing is left out and nothing is mislabelled.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from liftwell.core import health
from liftwell.core.health import labs
from liftwell.web.accounts.models import User
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    BoneDensity,
    FunctionKind,
    FunctionTest,
    LabKind,
    LabResult,
    SarcF,
    WellbeingCheckIn,
)

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# Liftwell's own codes, for values no verified LOINC code covers yet.
LIFTWELL = "urn:liftwell:observation-code"

T_SCORE_CODES = {
    BoneDensity.Site.LUMBAR_SPINE: ("38267-1", "DXA Lumbar spine [T-score] Bone density"),
    BoneDensity.Site.TOTAL_HIP: ("38264-8", "DXA Hip [T-score] Bone density"),
    BoneDensity.Site.FEMORAL_NECK: ("38263-0", "DXA Femur [T-score] Bone density"),
    BoneDensity.Site.RADIUS: ("38265-5", "DXA Radius and Ulna [T-score] Bone density"),
}
# Not in docs/science.md §4.6: the same LOINC names with [Z-score], matched in two public LOINC code tables
# (OMOP vocabulary, Indonesia's SatuSehat map); still to confirm at loinc.org (docs/science.md §10.20).
Z_SCORE_CODES = {
    BoneDensity.Site.LUMBAR_SPINE: ("85394-5", "DXA Lumbar spine [Z-score] Bone density"),
    BoneDensity.Site.TOTAL_HIP: ("80933-5", "DXA Hip [Z-score] Bone density"),
    BoneDensity.Site.FEMORAL_NECK: ("80934-3", "DXA Femur [Z-score] Bone density"),
    BoneDensity.Site.RADIUS: ("80932-7", "DXA Radius and Ulna [Z-score] Bone density"),
}
# Lab kind -> (LOINC, display, UCUM unit the value is exported in). LDL: calculated unless the entry says
# it was measured directly (LDL_CODES).
LAB_CODES: dict[str, tuple[str, str, str]] = {
    LabKind.FASTING_GLUCOSE: ("14771-0", "Fasting glucose [Moles/volume] in Serum or Plasma", "mmol/L"),
    LabKind.HBA1C: ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%"),
    LabKind.TOTAL_CHOLESTEROL: ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL"),
    LabKind.LDL: ("13457-7", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", "mg/dL"),
    LabKind.HDL: ("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL"),
    LabKind.TRIGLYCERIDES: ("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL"),
}
LDL_CODES: dict[labs.LdlMethod, tuple[str, str, str]] = {
    labs.LdlMethod.CALCULATED: LAB_CODES[LabKind.LDL],
    labs.LdlMethod.DIRECT: (
        "18262-6",
        "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay",
        "mg/dL",
    ),
}
# Body measurement field -> (system, code, display, UCUM unit).
BODY_CODES: dict[str, tuple[str, str, str, str]] = {
    "weight_kg": (LOINC, "29463-7", "Body weight", "kg"),
    "waist_cm": (LOINC, "8280-0", "Waist Circumference at umbilicus by Tape measure", "cm"),
    "neck_cm": (LOINC, "56074-8", "Neck circumference", "cm"),
    "body_fat_pct": (LOINC, "41982-0", "Percentage of body fat Measured", "%"),
    "hip_cm": (LIFTWELL, "hip-circumference", "Hip circumference at the widest point, by tape", "cm"),
    "chest_cm": (LIFTWELL, "chest-circumference", "Chest circumference, by tape", "cm"),
    "arm_cm": (LIFTWELL, "arm-circumference", "Upper arm circumference, by tape", "cm"),
    "thigh_cm": (LIFTWELL, "thigh-circumference", "Thigh circumference, by tape", "cm"),
    "calf_cm": (LIFTWELL, "calf-circumference", "Calf circumference, by tape", "cm"),
}
# The id suffixes earlier exports used, kept so that a receiver sees the same resource again.
BODY_ID_NAMES = {"weight_kg": "weight", "waist_cm": "waist", "neck_cm": "neck", "body_fat_pct": "fat"}
# Function test -> (Liftwell code, display, unit, UCUM unit); values in their canonical units.
FUNCTION_CODES: dict[str, tuple[str, str, str, str]] = {
    FunctionKind.GRIP: ("grip-strength", "Grip strength, best hand, by dynamometer", "kg", "kg"),
    FunctionKind.CHAIR_STAND_30S: (
        "chair-stand-30s",
        "Full stands in a 30-second chair stand",
        "stands",
        "{stands}",
    ),
    FunctionKind.SIT_TO_STAND_5X: ("sit-to-stand-5x", "Time for five sit-to-stands", "s", "s"),
    FunctionKind.GAIT_SPEED: ("gait-speed", "Usual gait speed over 4 m", "m/s", "m/s"),
    FunctionKind.TIMED_UP_AND_GO: ("timed-up-and-go", "Timed up-and-go", "s", "s"),
    FunctionKind.PUSH_UPS: ("push-ups", "Push-ups in a row", "push-ups", "{push-ups}"),
    FunctionKind.PLANK: ("plank-hold", "Forearm plank hold", "s", "s"),
}
# Liftwell's own 1-5 wellbeing items (no licensed instrument behind them).
WELLBEING_CODES = {
    "sleep_quality": ("sleep-quality", "Sleep quality last night, Liftwell 1-5 item"),
    "mood": ("mood", "Mood today, Liftwell 1-5 item"),
    "energy": ("energy", "Energy today, Liftwell 1-5 item"),
}


def lab_code(lab: LabResult) -> tuple[str, str, str]:
    """(LOINC, display, export unit) for a lab row; an LDL row without a method counts as calculated."""
    if lab.kind == LabKind.LDL:
        return LDL_CODES[labs.LdlMethod(lab.ldl_method or labs.LdlMethod.CALCULATED)]
    return LAB_CODES[lab.kind]


def _code(code: str, display: str, system: str = LOINC) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code, "display": display}], "text": display}


def _quantity(value: float, unit: str, ucum: str | None = None) -> dict[str, Any]:
    return {"value": round(value, 4), "unit": unit, "system": UCUM, "code": ucum or unit}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY, "code": code, "display": display}]}]


VITALS = _category("vital-signs", "Vital Signs")
LAB = _category("laboratory", "Laboratory")
SURVEY = _category("survey", "Survey")
IMAGING = _category("imaging", "Imaging")
EXAM = _category("exam", "Exam")


def _observation(
    ident: str, patient: str, day: Any, category: list[dict[str, Any]], code: dict[str, Any], **value: Any
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": ident,
        "status": "final",
        "category": category,
        "code": code,
        "subject": {"reference": f"Patient/{patient}"},
        "effectiveDateTime": day.isoformat(),
        **value,
    }


def observations_for(user: User) -> list[dict[str, Any]]:
    patient = f"liftwell-{user.pk}"
    found: list[dict[str, Any]] = []
    for body in BodyMeasurement.objects.filter(owner=user).order_by("measured_on", "id"):
        for field, (system, code, display, unit) in BODY_CODES.items():
            value = getattr(body, field)
            if value is not None:
                found.append(
                    _observation(
                        f"body-{body.pk}-{BODY_ID_NAMES.get(field, field.removesuffix('_cm'))}",
                        patient,
                        body.measured_on,
                        VITALS if system == LOINC else EXAM,
                        _code(code, display, system),
                        valueQuantity=_quantity(float(value), unit),
                    )
                )
    for bp in BloodPressure.objects.filter(owner=user).order_by("measured_on", "id"):
        found.append(
            _observation(
                f"bp-{bp.pk}",
                patient,
                bp.measured_on,
                VITALS,
                _code("85354-9", "Blood pressure panel"),
                **(
                    {"method": {"text": health.BP_LOCATION_LABELS[health.BpLocation(bp.location)]}}
                    if bp.location
                    else {}
                ),
                component=[
                    {
                        "code": _code("8480-6", "Systolic blood pressure"),
                        "valueQuantity": _quantity(bp.systolic_mmhg, "mmHg", "mm[Hg]"),
                    },
                    {
                        "code": _code("8462-4", "Diastolic blood pressure"),
                        "valueQuantity": _quantity(bp.diastolic_mmhg, "mmHg", "mm[Hg]"),
                    },
                ],
            )
        )
        if bp.resting_hr_bpm:
            found.append(
                _observation(
                    f"bp-{bp.pk}-hr",
                    patient,
                    bp.measured_on,
                    VITALS,
                    _code("40443-4", "Heart rate --resting"),
                    valueQuantity=_quantity(bp.resting_hr_bpm, "beats/minute", "/min"),
                )
            )
    for lab in LabResult.objects.filter(owner=user).order_by("measured_on", "id"):
        code, display, unit = lab_code(lab)
        value = labs.from_canonical(labs.Analyte(lab.kind), float(lab.value), unit)
        found.append(
            _observation(
                f"lab-{lab.pk}",
                patient,
                lab.measured_on,
                LAB,
                _code(code, display),
                valueQuantity=_quantity(value, unit),
            )
        )
    for bone in BoneDensity.objects.filter(owner=user).order_by("measured_on", "id"):
        site = BoneDensity.Site(bone.site)
        for suffix, score, codes, unit in (
            ("", bone.t_score, T_SCORE_CODES, "T-score"),
            ("-z", bone.z_score, Z_SCORE_CODES, "Z-score"),
        ):
            if score is not None:
                code, display = codes[site]
                found.append(
                    _observation(
                        f"bone-{bone.pk}{suffix}",
                        patient,
                        bone.measured_on,
                        IMAGING,
                        _code(code, display),
                        valueQuantity=_quantity(float(score), unit, f"{{{unit}}}"),
                    )
                )
    for test in FunctionTest.objects.filter(owner=user).order_by("measured_on", "id"):
        code, display, unit, ucum = FUNCTION_CODES[test.kind]
        found.append(
            _observation(
                f"function-{test.pk}",
                patient,
                test.measured_on,
                EXAM,
                _code(code, display, LIFTWELL),
                valueQuantity=_quantity(float(test.value), unit, ucum),
            )
        )
    for answers in SarcF.objects.filter(owner=user).order_by("measured_on", "id"):
        items = (answers.strength, answers.assistance, answers.rise, answers.climb, answers.falls)
        found.append(
            _observation(
                f"sarcf-{answers.pk}",
                patient,
                answers.measured_on,
                SURVEY,
                _code("sarc-f-total", "SARC-F total score (Malmstrom & Morley 2013), 0-10", LIFTWELL),
                valueQuantity=_quantity(health.sarc_f(*items).total, "score", "{score}"),
            )
        )
    for check in WellbeingCheckIn.objects.filter(owner=user).order_by("measured_on", "id"):
        for field, (code, display) in WELLBEING_CODES.items():
            score = getattr(check, field)
            if score is not None:
                found.append(
                    _observation(
                        f"wellbeing-{check.pk}-{code}",
                        patient,
                        check.measured_on,
                        SURVEY,
                        _code(code, display, LIFTWELL),
                        valueQuantity=_quantity(score, "score", "{score}"),
                    )
                )
        if check.pain is not None:
            where = {"bodySite": {"text": check.pain_location}} if check.pain_location else {}
            found.append(
                _observation(
                    f"pain-{check.pk}",
                    patient,
                    check.measured_on,
                    SURVEY,
                    _code("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
                    valueQuantity=_quantity(check.pain, "score", "{score}"),
                    **where,
                )
            )
    return found


def fhir_bundle(user: User, *, now: datetime | None = None) -> dict[str, Any]:
    """The person's exportable entries as a FHIR R4 collection Bundle, with a minimal Patient resource."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    patient = {"resourceType": "Patient", "id": f"liftwell-{user.pk}", "active": True}
    if user.sex in ("female", "male"):
        patient["gender"] = user.sex
    entries = [patient, *observations_for(user)]
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": stamp,
        "entry": [
            {"fullUrl": f"urn:liftwell:{resource['resourceType']}/{resource['id']}", "resource": resource}
            for resource in entries
        ],
    }
