"""Nothing a person enters is left out of the FHIR export (issue 14 item 7).

For every kind in the registry, each value it accepts is entered alone (through the kind's own form, as
the pages and the API do) and must come out as its own Observation that fhir.resources accepts. A new
kind without a case here fails `test_every_kind_has_a_case`. LDL is exported as LOINC 13457-7 when it was
calculated and 18262-6 when it was measured directly (docs/science.md §4.6; HL7 FHIR R4 LDL value set).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from liftwell.web.accounts.models import User
from liftwell.web.health.fhir import fhir_bundle
from liftwell.web.health.kinds import KINDS
from liftwell.web.health.services import save_entry
from liftwell.web.health.viewer import viewer_for
from tests.conftest import make_user

R4B = pytest.importorskip("fhir.resources.R4B.bundle")

DAY = date(2026, 3, 1)

# (kind slug, form input, Observations expected). Every optional value of a kind is entered alone.
CASES: list[tuple[str, dict[str, str], int]] = [
    *[
        ("body", {name: value}, 1)
        for name, value in (
            ("weight", "80"),
            ("body_fat_pct", "20"),
            ("waist", "90"),
            ("hip", "100"),
            ("neck", "38"),
            ("chest", "100"),
            ("arm", "35"),
            ("thigh", "55"),
            ("calf", "38"),
        )
    ],
    ("blood-pressure", {"systolic_mmhg": "120", "diastolic_mmhg": "80"}, 1),
    ("blood-pressure", {"systolic_mmhg": "138", "diastolic_mmhg": "86", "location": "home"}, 1),
    ("blood-pressure", {"systolic_mmhg": "120", "diastolic_mmhg": "80", "resting_hr_bpm": "60"}, 2),
    ("fasting-glucose", {"value": "5.5", "unit": "mmol/L"}, 1),
    ("fasting-glucose", {"value": "99", "unit": "mg/dL"}, 1),
    ("hba1c", {"value": "5.6", "unit": "%"}, 1),
    ("hba1c", {"value": "38", "unit": "mmol/mol"}, 1),
    ("total-cholesterol", {"value": "5.0", "unit": "mmol/L"}, 1),
    ("total-cholesterol", {"value": "190", "unit": "mg/dL"}, 1),
    ("ldl", {"value": "3.0", "unit": "mmol/L"}, 1),
    ("ldl", {"value": "120", "unit": "mg/dL", "ldl_method": "calculated"}, 1),
    ("ldl", {"value": "120", "unit": "mg/dL", "ldl_method": "direct"}, 1),
    ("hdl", {"value": "1.3", "unit": "mmol/L"}, 1),
    ("hdl", {"value": "50", "unit": "mg/dL"}, 1),
    ("triglycerides", {"value": "1.2", "unit": "mmol/L"}, 1),
    ("triglycerides", {"value": "110", "unit": "mg/dL"}, 1),
    ("bone-density", {"t_score": "-1.2", "site": "total_hip"}, 1),
    ("bone-density", {"z_score": "-0.5", "site": "femoral_neck"}, 1),
    ("bone-density", {"t_score": "-1.2", "z_score": "-0.5", "site": "radius"}, 2),
    ("grip", {"value": "35"}, 1),
    ("chair-stand-30s", {"value": "14"}, 1),
    ("sit-to-stand-5x", {"value": "11.5"}, 1),
    ("gait-speed", {"value": "1.2"}, 1),
    ("timed-up-and-go", {"value": "8.5"}, 1),
    ("push-ups", {"value": "20"}, 1),
    ("plank", {"value": "60"}, 1),
    ("sarc-f", {"strength": "0", "assistance": "1", "rise": "0", "climb": "1", "falls": "0"}, 1),
    *[("wellbeing", {name: "3"}, 1) for name in ("sleep_quality", "mood", "energy", "pain")],
    ("wellbeing", {"sleep_quality": "4", "mood": "3", "energy": "2", "pain": "1"}, 4),
]


def enter(user: User, slug: str, values: dict[str, str]) -> None:
    kind = KINDS[slug]
    viewer = viewer_for(user, today=DAY)
    form = kind.form({"measured_on": DAY.isoformat(), **values}, viewer=viewer, kind=kind.filter_kind)
    assert form.is_valid(), form.errors
    save_entry(user=user, kind=kind, fields=form.model_fields())


def observations(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]


def test_every_kind_has_a_case() -> None:
    assert {slug for slug, _, _ in CASES} == set(KINDS)


@pytest.mark.parametrize(("slug", "values", "expected"), CASES, ids=lambda v: str(v))
def test_each_value_entered_alone_is_exported(
    db: None, slug: str, values: dict[str, str], expected: int
) -> None:
    user = make_user("ivy")
    enter(user, slug, values)
    bundle = fhir_bundle(user)
    R4B.Bundle.model_validate(bundle)
    found = observations(bundle)
    assert len(found) == expected
    for resource in found:
        assert resource["code"]["coding"] and resource["code"]["text"]
        assert "valueQuantity" in resource or "component" in resource


def test_everything_together_validates(db: None) -> None:
    user = make_user("jo", sex="female", birth_year=1970, height_cm=165)
    for slug, values, _ in CASES:
        enter(user, slug, values)
    bundle = fhir_bundle(user)
    R4B.Bundle.model_validate(bundle)
    assert len(observations(bundle)) == sum(expected for _, _, expected in CASES)
    ids = [resource["id"] for resource in observations(bundle)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("method", "code"),
    [("calculated", "13457-7"), ("direct", "18262-6"), ("", "13457-7")],  # not stated: calculated
)
def test_ldl_is_coded_by_how_it_was_measured(db: None, method: str, code: str) -> None:
    user = make_user("kai")
    values = {"value": "3.36", "unit": "mmol/L", **({"ldl_method": method} if method else {})}
    enter(user, "ldl", values)
    (ldl,) = observations(fhir_bundle(user))
    assert ldl["code"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": code,
        "display": ldl["code"]["coding"][0]["display"],
    }
    assert ldl["category"][0]["coding"][0]["code"] == "laboratory"
    # Exported in mg/dL, the unit of both LOINC codes: 3.36 mmol/L x 38.67 = 129.93 mg/dL.
    assert ldl["valueQuantity"]["code"] == "mg/dL"
    assert ldl["valueQuantity"]["value"] == pytest.approx(129.93, abs=0.01)
