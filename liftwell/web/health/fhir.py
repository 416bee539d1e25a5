"""A FHIR R4 Bundle (type "collection") of one person's health entries as Observation resources.

LOINC codes and UCUM units come from SCIENCE.md 4.6. Only entries with a verified code are exported:
weight, waist, neck, measured body fat, blood pressure, resting heart rate, fasting glucose, HbA1c,
total and HDL cholesterol, triglycerides, DXA T- and Z-scores and pain. Function tests, SARC-F, LDL (the
calculated-LDL code would mislabel a directly measured value) and the other wellbeing items wait for
verified codes (OPEN_QUESTIONS.md 20).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from liftwell.core.health import labs
from liftwell.web.accounts.models import User
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    BoneDensity,
    LabKind,
    LabResult,
    WellbeingCheckIn,
)

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"

T_SCORE_CODES = {
    BoneDensity.Site.LUMBAR_SPINE: ("38267-1", "DXA Lumbar spine [T-score] Bone density"),
    BoneDensity.Site.TOTAL_HIP: ("38264-8", "DXA Hip [T-score] Bone density"),
    BoneDensity.Site.FEMORAL_NECK: ("38263-0", "DXA Femur [T-score] Bone density"),
    BoneDensity.Site.RADIUS: ("38265-5", "DXA Radius and Ulna [T-score] Bone density"),
}
# Not in SCIENCE.md 4.6: the same LOINC names with [Z-score], matched in two public LOINC code tables
# (OMOP vocabulary, Indonesia's SatuSehat map); still to confirm at loinc.org (OPEN_QUESTIONS.md 20).
Z_SCORE_CODES = {
    BoneDensity.Site.LUMBAR_SPINE: ("85394-5", "DXA Lumbar spine [Z-score] Bone density"),
    BoneDensity.Site.TOTAL_HIP: ("80933-5", "DXA Hip [Z-score] Bone density"),
    BoneDensity.Site.FEMORAL_NECK: ("80934-3", "DXA Femur [Z-score] Bone density"),
    BoneDensity.Site.RADIUS: ("80932-7", "DXA Radius and Ulna [Z-score] Bone density"),
}
# Lab kind -> (LOINC, display, UCUM unit the value is exported in).
LAB_CODES: dict[str, tuple[str, str, str]] = {
    LabKind.FASTING_GLUCOSE: ("14771-0", "Fasting glucose [Moles/volume] in Serum or Plasma", "mmol/L"),
    LabKind.HBA1C: ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%"),
    LabKind.TOTAL_CHOLESTEROL: ("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL"),
    LabKind.HDL: ("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL"),
    LabKind.TRIGLYCERIDES: ("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL"),
}


def _code(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display}


def _quantity(value: float, unit: str, ucum: str | None = None) -> dict[str, Any]:
    return {"value": round(value, 4), "unit": unit, "system": UCUM, "code": ucum or unit}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY, "code": code, "display": display}]}]


VITALS = _category("vital-signs", "Vital Signs")
LAB = _category("laboratory", "Laboratory")
SURVEY = _category("survey", "Survey")
IMAGING = _category("imaging", "Imaging")


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
        for name, code, display, value, unit in (
            ("weight", "29463-7", "Body weight", body.weight_kg, "kg"),
            ("waist", "8280-0", "Waist Circumference at umbilicus by Tape measure", body.waist_cm, "cm"),
            ("neck", "56074-8", "Neck circumference", body.neck_cm, "cm"),
            ("fat", "41982-0", "Percentage of body fat Measured", body.body_fat_pct, "%"),
        ):
            if value is not None:
                found.append(
                    _observation(
                        f"body-{body.pk}-{name}",
                        patient,
                        body.measured_on,
                        VITALS,
                        _code(code, display),
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
    for lab in LabResult.objects.filter(owner=user, kind__in=list(LAB_CODES)).order_by("measured_on", "id"):
        code, display, unit = LAB_CODES[lab.kind]
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
    for check in WellbeingCheckIn.objects.filter(owner=user, pain__isnull=False).order_by(
        "measured_on", "id"
    ):
        found.append(
            _observation(
                f"pain-{check.pk}",
                patient,
                check.measured_on,
                SURVEY,
                _code("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"),
                valueQuantity=_quantity(check.pain or 0, "score", "{score}"),
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
