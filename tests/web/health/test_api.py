"""GET/POST /api/v1/health/observations."""

from __future__ import annotations

from datetime import date

from liftwell.web.health.models import BloodPressure, BodyMeasurement, LabResult
from tests.conftest import ApiClient, make_user

URL = "/api/v1/health/observations"


def test_it_adds_a_blood_pressure_and_classifies_it(owner_api: ApiClient) -> None:
    response = owner_api.post(
        URL,
        {
            "kind": "blood-pressure",
            "date": "2026-03-01",
            "values": {"systolic_mmhg": 142, "diastolic_mmhg": 91},
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    # "location" is blank: not stated, so graded as a clinic reading.
    assert body["values"] == {
        "systolic_mmhg": 142,
        "diastolic_mmhg": 91,
        "resting_hr_bpm": None,
        "location": "",
    }
    # Issue 14 item 10: a range, never a diagnosis; no place given, so graded as a clinic reading.
    assert body["classifications"][0] == {
        "code": "stage_2",
        "label": "In the stage 2 range",
        "source": "ACC/AHA 2017 office categories",
    }


def test_it_lists_observations_newest_first_and_filters(owner_api: ApiClient) -> None:
    for day in ("2026-01-01", "2026-02-01"):
        owner_api.post(URL, {"kind": "body", "date": day, "values": {"weight": 80}})
    owner_api.post(URL, {"kind": "ldl", "date": "2026-01-15", "values": {"value": 130}, "unit": "mg/dL"})
    everything = owner_api.get(URL).json()["observations"]
    assert [o["date"] for o in everything] == ["2026-02-01", "2026-01-15", "2026-01-01"]
    only_body = owner_api.get(URL, {"kind": "body", "from": "2026-01-10"}).json()["observations"]
    assert len(only_body) == 1 and only_body[0]["values"]["weight_kg"] == 80.0
    ldl = owner_api.get(URL, {"kind": "ldl"}).json()["observations"][0]
    assert ldl["unit"] == "mmol/L" and ldl["values"]["entered_unit"] == "mg/dL"
    assert ldl["classifications"][0]["code"] == "borderline_high"


def test_it_names_the_field_in_errors(owner_api: ApiClient) -> None:
    response = owner_api.post(
        URL,
        {
            "kind": "blood-pressure",
            "date": "2026-03-01",
            "values": {"systolic_mmhg": 400, "diastolic_mmhg": 91},
        },
    )
    assert response.status_code == 422
    assert response.json()["error"].startswith("values.systolic_mmhg: ")
    assert not BloodPressure.objects.exists()


def test_it_refuses_an_unknown_kind_and_a_bad_unit(owner_api: ApiClient) -> None:
    unknown = owner_api.post(URL, {"kind": "mood-ring", "date": "2026-03-01", "values": {}})
    assert unknown.status_code == 422 and unknown.json()["error"].startswith("kind: unknown kind")
    bad_unit = owner_api.post(
        URL, {"kind": "hdl", "date": "2026-03-01", "values": {"value": 50}, "unit": "g/L"}
    )
    assert bad_unit.status_code == 422 and bad_unit.json()["error"].startswith("unit: ")
    missing_date = owner_api.post(URL, {"kind": "hdl", "values": {"value": 50}})
    assert missing_date.status_code == 422 and "date" in missing_date.json()["error"]


def test_it_takes_pounds_when_asked(owner_api: ApiClient) -> None:
    response = owner_api.post(
        URL, {"kind": "body", "date": "2026-03-01", "values": {"weight": 180}, "unit": "lb"}
    )
    assert response.status_code == 201
    assert response.json()["values"]["weight_kg"] == 81.646627


def test_it_takes_mmol_for_labs(owner_api: ApiClient) -> None:
    response = owner_api.post(
        URL, {"kind": "fasting-glucose", "date": "2026-03-01", "values": {"value": 7.0}, "unit": "mmol/L"}
    )
    assert response.status_code == 201
    assert response.json()["classifications"][0]["code"] == "diabetes_range"
    assert LabResult.objects.get().entered_unit == "mmol/L"


def test_a_stranger_sees_none_of_the_owners_observations(db: None) -> None:
    owner = make_user("olivia")
    BodyMeasurement.objects.create(owner=owner, measured_on=date(2026, 1, 1), weight_kg=70)
    stranger_api = ApiClient(make_user("sam"))
    assert stranger_api.get(URL).json() == {"observations": []}


def test_anonymous_requests_are_refused(anon_api: ApiClient) -> None:
    assert anon_api.get(URL).status_code == 401


def test_it_takes_where_a_reading_was_taken_and_grades_it_there(owner_api: ApiClient) -> None:
    # Issue 14 item 10: 137/86 at home is in the stage 2 range (home 135/85 ~ office 140/90, Table 11).
    values = {"systolic_mmhg": 137, "diastolic_mmhg": 86, "location": "home"}
    response = owner_api.post(URL, {"kind": "blood-pressure", "date": "2026-03-01", "values": values})
    assert response.status_code == 201
    body = response.json()
    assert body["values"]["location"] == "home"
    assert body["classifications"][0]["code"] == "stage_2"
    assert body["classifications"][0]["source"] == "ACC/AHA 2017 home values, Table 11"
    values["location"] = "car park"
    refused = owner_api.post(URL, {"kind": "blood-pressure", "date": "2026-03-01", "values": values})
    assert refused.status_code == 422 and refused.json()["error"].startswith("values.location: ")


def test_it_takes_a_z_score_and_an_ldl_method(owner_api: ApiClient) -> None:
    # Issue 14 items 5 and 7: a Z-score alone is kept; LDL records how it was measured.
    bone = owner_api.post(
        URL,
        {"kind": "bone-density", "date": "2026-03-01", "values": {"z_score": -2.1, "site": "total_hip"}},
    )
    assert bone.status_code == 201
    assert bone.json()["values"] == {"t_score": None, "z_score": -2.1, "site": "total_hip", "menopause": ""}
    assert bone.json()["classifications"][0]["code"] == "needs_profile"  # no sex or birth year given
    ldl = owner_api.post(
        URL,
        {
            "kind": "ldl",
            "date": "2026-03-01",
            "values": {"value": 130, "ldl_method": "direct"},
            "unit": "mg/dL",
        },
    )
    assert ldl.status_code == 201 and ldl.json()["values"]["ldl_method"] == "direct"
