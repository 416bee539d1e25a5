"""Health pages: logging in the person's units, classifications with sources, safety advice, the dashboard."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.health.dashboard import AREAS
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    FunctionTest,
    LabResult,
    WellbeingCheckIn,
)
from liftwell.web.health.services import save_health_settings
from tests.conftest import make_user

TODAY = date.today().isoformat()


def post(client: Client, slug: str, data: dict[str, object]) -> object:
    return client.post(f"/health/{slug}/new/", {"measured_on": TODAY, **data}, follow=True)


STAGE_2 = "In the stage 2 range (ACC/AHA 2017 office categories; a diagnosis needs repeated readings)"


def test_it_classifies_142_over_91_in_the_stage_2_range(owner_client: Client, owner: User) -> None:
    response = post(owner_client, "blood-pressure", {"systolic_mmhg": 142, "diastolic_mmhg": 91})
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert STAGE_2 in response.content.decode()  # type: ignore[attr-defined]
    assert BloodPressure.objects.get(owner=owner).systolic_mmhg == 142
    listed = owner_client.get("/health/blood-pressure/").content.decode()
    assert f'<span class="badge badge-warning">{STAGE_2}</span>' in listed
    assert "Where: Not stated (graded as a clinic reading)" in listed


def test_it_uses_the_esc_guideline_when_chosen(owner_client: Client, owner: User) -> None:
    save_health_settings(user=owner, lab_unit="mg/dL", hba1c_unit="%", bp_guideline="esc_esh_2018")
    response = post(owner_client, "blood-pressure", {"systolic_mmhg": 150, "diastolic_mmhg": 95})
    page = response.content.decode()  # type: ignore[attr-defined]
    assert "In the grade 1 hypertension range (ESC/ESH 2018 office grades; a diagnosis needs" in page


@pytest.mark.parametrize(
    ("systolic", "diastolic", "shown", "not_shown"),
    [
        (182, 95, "Please do not train today", "Keep today light"),
        (165, 95, "Keep today light", "Please do not train today"),
        (150, 95, None, "Please do not train today"),
    ],
)
def test_it_advises_before_training_at_the_deferral_thresholds(
    owner_client: Client, systolic: int, diastolic: int, shown: str | None, not_shown: str
) -> None:
    post(owner_client, "blood-pressure", {"systolic_mmhg": systolic, "diastolic_mmhg": diastolic})
    for path in ("/health/blood-pressure/", "/health/"):
        page = owner_client.get(path).content.decode()
        if shown:
            assert shown in page
            assert "/health/warning-signs/" in page
        assert not_shown not in page


def test_it_refuses_a_lower_number_above_the_upper(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/health/blood-pressure/new/", {"measured_on": TODAY, "systolic_mmhg": 80, "diastolic_mmhg": 120}
    )
    assert response.status_code == 200
    assert "The lower number must be below the upper number." in response.content.decode()
    assert not BloodPressure.objects.exists()


def test_it_takes_weight_in_pounds_and_tape_in_inches(db: None) -> None:
    user = make_user("lenny", unit="lb")
    client = Client()
    client.force_login(user)
    post(client, "body", {"weight": "180", "waist": "34"})
    row = BodyMeasurement.objects.get(owner=user)
    assert row.weight_kg == Decimal("81.646627")
    assert row.waist_cm == Decimal("86.360")
    page = client.get("/health/body/").content.decode()
    assert "180 lb" in page and "34 in" in page
    edit = client.get(f"/health/body/{row.pk}/edit/").content.decode()
    assert 'value="180' in edit


def test_it_takes_weight_in_kilograms(owner_client: Client, owner: User) -> None:
    post(owner_client, "body", {"weight": "82.5"})
    assert BodyMeasurement.objects.get(owner=owner).weight_kg == Decimal("82.5")


def test_it_needs_at_least_one_body_value(owner_client: Client) -> None:
    response = owner_client.post("/health/body/new/", {"measured_on": TODAY})
    assert "Enter at least one measurement." in response.content.decode()


def test_it_shows_the_navy_estimate_from_tape_measurements(db: None) -> None:
    user = make_user("max", sex="male", height_cm=Decimal("180"))
    client = Client()
    client.force_login(user)
    post(client, "body", {"weight": "80", "neck": "38", "waist": "85"})
    page = client.get("/health/body/").content.decode()
    assert "Body fat (US Navy estimate)" in page and "16.1 %" in page
    assert "Normal range (WHO 2000)" in page  # BMI 24.7


@pytest.mark.parametrize(
    ("slug", "value", "unit", "canonical", "label"),
    [
        ("fasting-glucose", "126", "mg/dL", Decimal("6.993783"), "In the diabetes range"),
        ("fasting-glucose", "5.5", "mmol/L", Decimal("5.5"), "Normal (ADA Standards of Care)"),
        ("hba1c", "47", "mmol/mol", Decimal("6.451560"), "In the prediabetes range"),
        ("ldl", "3.4", "mmol/L", Decimal("3.4"), "Borderline high (NCEP ATP III, SI units)"),
        ("total-cholesterol", "6.2", "mmol/L", Decimal("6.2"), "High (NCEP ATP III, SI units)"),
        ("triglycerides", "150", "mg/dL", Decimal("1.693576"), "Borderline high (NCEP ATP III)"),
        ("hdl", "39", "mg/dL", Decimal("1.008534"), "Low (NCEP ATP III)"),
    ],
)
def test_it_stores_labs_canonically_and_classifies_in_the_unit_entered(
    owner_client: Client, owner: User, slug: str, value: str, unit: str, canonical: Decimal, label: str
) -> None:
    response = post(owner_client, slug, {"value": value, "unit": unit})
    row = LabResult.objects.get(owner=owner)
    assert row.value == canonical
    assert row.entered_unit == unit
    assert label in response.content.decode()  # type: ignore[attr-defined]


def test_it_shows_labs_in_the_chosen_unit(owner_client: Client, owner: User) -> None:
    post(owner_client, "total-cholesterol", {"value": "200", "unit": "mg/dL"})
    assert "200 mg/dL" in owner_client.get("/health/total-cholesterol/").content.decode()
    save_health_settings(user=owner, lab_unit="mmol/L", hba1c_unit="%", bp_guideline="acc_aha_2017")
    page = owner_client.get("/health/total-cholesterol/").content.decode()
    assert "5.17 mmol/L (entered as 200 mg/dL)" in page


def test_it_refuses_a_lab_value_in_the_wrong_unit(owner_client: Client) -> None:
    response = owner_client.post("/health/ldl/new/", {"measured_on": TODAY, "value": "130", "unit": "mmol/L"})
    assert "That looks out of range" in response.content.decode()
    assert not LabResult.objects.exists()


def test_it_logs_function_tests_with_norms(db: None) -> None:
    user = make_user("fay", sex="female", birth_year=date.today().year - 67)
    client = Client()
    client.force_login(user)
    post(client, "chair-stand-30s", {"value": "10"})
    post(client, "grip", {"value": "15"})
    assert (
        "Below the usual range for your age (11-16)"
        in client.get("/health/chair-stand-30s/").content.decode()
    )
    assert "Low grip strength" in client.get("/health/grip/").content.decode()
    assert FunctionTest.objects.filter(owner=user).count() == 2


def test_it_scores_sarc_f(owner_client: Client) -> None:
    response = post(
        owner_client, "sarc-f", {"strength": 1, "assistance": 0, "rise": 1, "climb": 2, "falls": 0}
    )
    assert "4 of 10" in response.content.decode()  # type: ignore[attr-defined]
    assert "Positive screen" in response.content.decode()  # type: ignore[attr-defined]


def test_it_logs_a_wellbeing_check_in(owner_client: Client, owner: User) -> None:
    post(owner_client, "wellbeing", {"sleep_quality": 4, "pain": 5, "pain_location": "lower back"})
    row = WellbeingCheckIn.objects.get(owner=owner)
    assert (row.sleep_quality, row.mood, row.pain, row.pain_location) == (4, None, 5, "lower back")
    assert "5 of 10 (lower back)" in owner_client.get("/health/wellbeing/").content.decode()


def test_it_edits_and_deletes_an_entry(owner_client: Client, owner: User) -> None:
    post(owner_client, "blood-pressure", {"systolic_mmhg": 130, "diastolic_mmhg": 85, "notes": "morning"})
    row = BloodPressure.objects.get(owner=owner)
    form = owner_client.get(f"/health/blood-pressure/{row.pk}/edit/").content.decode()
    assert 'value="130"' in form and "morning" in form
    owner_client.post(
        f"/health/blood-pressure/{row.pk}/edit/",
        {"measured_on": TODAY, "systolic_mmhg": 118, "diastolic_mmhg": 76, "notes": "after rest"},
    )
    row.refresh_from_db()
    assert (row.systolic_mmhg, row.notes) == (118, "after rest")
    owner_client.post(f"/health/blood-pressure/{row.pk}/delete/")
    assert not BloodPressure.objects.exists()


def test_a_stranger_gets_404_for_an_owners_entry(owner: User, stranger: User) -> None:
    row = BloodPressure.objects.create(
        owner=owner, measured_on=date(2026, 1, 1), systolic_mmhg=120, diastolic_mmhg=80
    )
    client = Client()
    client.force_login(stranger)
    assert client.get(f"/health/blood-pressure/{row.pk}/edit/").status_code == 404
    assert client.post(f"/health/blood-pressure/{row.pk}/delete/").status_code == 404
    assert "120/80" not in client.get("/health/blood-pressure/").content.decode()
    assert BloodPressure.objects.filter(pk=row.pk).exists()


def test_an_entry_is_only_found_under_its_own_kind(owner_client: Client, owner: User) -> None:
    row = LabResult.objects.create(
        owner=owner, measured_on=date(2026, 1, 1), kind="ldl", value=3, entered_unit="mmol/L"
    )
    assert owner_client.get(f"/health/hdl/{row.pk}/edit/").status_code == 404
    assert owner_client.get(f"/health/ldl/{row.pk}/edit/").status_code == 200


def test_anonymous_people_are_sent_to_log_in(db: None) -> None:
    response = Client().get("/health/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_kind_is_404(owner_client: Client) -> None:
    assert owner_client.get("/health/unicorns/").status_code == 404


def test_the_dashboard_shows_all_twelve_areas(owner_client: Client, owner: User) -> None:
    start = date.today() - timedelta(days=60)
    BodyMeasurement.objects.create(owner=owner, measured_on=start, weight_kg=Decimal("84"))
    BodyMeasurement.objects.create(owner=owner, measured_on=date.today(), weight_kg=Decimal("81.5"))
    page = owner_client.get("/health/").content.decode()
    assert len(AREAS) == 12
    for area in AREAS:
        assert f'id="area-{area.slug}"' in page
        assert f"/learn/{area.article}/" in page
    assert "84 → 81.5 kg" in page
    assert "General information, not medical advice." in page


def test_list_pages_draw_a_chart_with_a_table(owner_client: Client, owner: User) -> None:
    for day, systolic in ((date(2026, 1, 1), 140), (date(2026, 2, 1), 132)):
        BloodPressure.objects.create(owner=owner, measured_on=day, systolic_mmhg=systolic, diastolic_mmhg=85)
    page = owner_client.get("/health/blood-pressure/").content.decode()
    assert "<svg" in page and "<polyline" in page and "<table" in page
    assert "General information, not medical advice." in page


def test_the_settings_page_saves(owner_client: Client, owner: User) -> None:
    owner_client.post(
        "/health/settings/", {"lab_unit": "mmol/L", "hba1c_unit": "mmol/mol", "bp_guideline": "esc_esh_2018"}
    )
    owner.health_settings.refresh_from_db()
    assert owner.health_settings.lab_unit == "mmol/L"


def test_every_page_kind_renders_its_form(owner_client: Client) -> None:
    from liftwell.web.health.kinds import KINDS

    for slug in KINDS:
        assert owner_client.get(f"/health/{slug}/new/").status_code == 200, slug
        assert owner_client.get(f"/health/{slug}/").status_code == 200, slug


def test_the_dashboard_advice_is_only_for_a_recent_reading(owner_client: Client, owner: User) -> None:
    BloodPressure.objects.create(
        owner=owner, measured_on=date.today() - timedelta(days=30), systolic_mmhg=185, diastolic_mmhg=100
    )
    assert "Please do not train today" not in owner_client.get("/health/").content.decode()
    BloodPressure.objects.create(
        owner=owner, measured_on=date.today() - timedelta(days=2), systolic_mmhg=170, diastolic_mmhg=100
    )
    page = owner_client.get("/health/").content.decode()
    assert "Keep today light, and check with a clinician" in page
    assert "170/100 mmHg" in page


def test_ldl_asks_how_it_was_measured_and_the_other_labs_do_not(owner_client: Client, owner: User) -> None:
    # Issue 14 item 7: calculated by default; the FHIR export codes direct LDL as 18262-6.
    assert 'name="ldl_method"' in owner_client.get("/health/ldl/new/").content.decode()
    assert 'name="ldl_method"' not in owner_client.get("/health/hdl/new/").content.decode()
    post(owner_client, "ldl", {"value": "130", "unit": "mg/dL", "ldl_method": "direct"})
    post(owner_client, "hdl", {"value": "50", "unit": "mg/dL"})
    methods = dict(LabResult.objects.filter(owner=owner).values_list("kind", "ldl_method"))
    assert methods == {"ldl": "direct", "hdl": ""}
    assert (
        "Method: Measured directly (&quot;direct LDL&quot;)"
        in owner_client.get("/health/ldl/").content.decode()
    )
