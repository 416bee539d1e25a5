"""The FHIR export: a Bundle of Observations with LOINC codes and UCUM units that fhir.resources accepts."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.health.fhir import fhir_bundle
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    BoneDensity,
    LabResult,
    WellbeingCheckIn,
)

R4B = pytest.importorskip("fhir.resources.R4B.bundle")


@pytest.fixture
def logged(owner: User) -> User:
    day = date(2026, 3, 1)
    BodyMeasurement.objects.create(
        owner=owner, measured_on=day, weight_kg=Decimal("80.5"), waist_cm=Decimal("90")
    )
    BloodPressure.objects.create(
        owner=owner, measured_on=day, systolic_mmhg=142, diastolic_mmhg=91, resting_hr_bpm=62
    )
    LabResult.objects.create(
        owner=owner, measured_on=day, kind="hdl", value=Decimal("1.551590"), entered_unit="mg/dL"
    )
    LabResult.objects.create(
        owner=owner, measured_on=day, kind="hba1c", value=Decimal("6.5"), entered_unit="%"
    )
    LabResult.objects.create(
        owner=owner, measured_on=day, kind="ldl", value=Decimal("3"), entered_unit="mmol/L"
    )
    BoneDensity.objects.create(owner=owner, measured_on=day, t_score=Decimal("-1.7"), site="lumbar_spine")
    WellbeingCheckIn.objects.create(owner=owner, measured_on=day, pain=3, mood=4)
    return owner


def codes(bundle: dict[str, object]) -> list[str]:
    return [
        entry["resource"]["code"]["coding"][0]["code"]  # type: ignore[index]
        for entry in bundle["entry"]  # type: ignore[attr-defined]
        if entry["resource"]["resourceType"] == "Observation"
    ]


def test_the_bundle_validates_with_fhir_resources(logged: User) -> None:
    bundle = fhir_bundle(logged)
    parsed = R4B.Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    assert sorted(codes(bundle)) == sorted(
        [
            "29463-7",
            "8280-0",
            "85354-9",
            "40443-4",
            "4548-4",
            "2085-9",
            "13457-7",  # LDL, calculated (issue 14 item 7: no longer left out)
            "38267-1",
            "72514-3",
            "mood",  # Liftwell's own 1-5 item, under its own code system
        ]
    )
    bp = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["id"].startswith("bp-") and "component" in e["resource"]
    )
    assert [c["valueQuantity"]["code"] for c in bp["component"]] == ["mm[Hg]", "mm[Hg]"]
    hdl = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["code"] == "2085-9"
    )
    assert hdl["valueQuantity"] == {
        "value": 60.0,
        "unit": "mg/dL",
        "system": "http://unitsofmeasure.org",
        "code": "mg/dL",
    }


def test_the_command_writes_the_bundle(logged: User) -> None:
    out = StringIO()
    call_command("export", "fhir", "--user", logged.username, stdout=out)
    R4B.Bundle.model_validate(json.loads(out.getvalue()))
    with pytest.raises(CommandError):
        call_command("export", "fhir", "--user", "nobody")


def test_the_profile_download(logged: User, owner_client: Client) -> None:
    response = owner_client.get("/health/export/fhir/")
    assert response["Content-Type"] == "application/fhir+json"
    assert "attachment" in response["Content-Disposition"]
    R4B.Bundle.model_validate(json.loads(response.content))


def test_a_download_holds_only_the_persons_own_entries(logged: User, stranger: User) -> None:
    client = Client()
    client.force_login(stranger)
    bundle = json.loads(client.get("/health/export/fhir/").content)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]


def test_a_z_score_is_exported_beside_the_t_score(owner: User) -> None:
    # Issue 14 item 5: under 50 the Z-score is what counts, so it is never left out of the export.
    day = date(2026, 3, 1)
    BoneDensity.objects.create(owner=owner, measured_on=day, z_score=Decimal("-2.1"), site="total_hip")
    BoneDensity.objects.create(
        owner=owner, measured_on=day, t_score=Decimal("-1.2"), z_score=Decimal("-0.4"), site="lumbar_spine"
    )
    bundle = fhir_bundle(owner)
    R4B.Bundle.model_validate(bundle)
    found = {
        e["resource"]["code"]["coding"][0]["code"]: e["resource"]["valueQuantity"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
    }
    assert found["80933-5"]["value"] == -2.1 and found["80933-5"]["code"] == "{Z-score}"
    assert found["38267-1"]["value"] == -1.2 and found["38267-1"]["code"] == "{T-score}"
    assert found["85394-5"]["value"] == -0.4
    assert "38264-8" not in found  # no T-score for the hip: nothing invented
