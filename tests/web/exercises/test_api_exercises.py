"""/api/v1/exercises: search with a token, one exercise, adding your own."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import ApiClient

pytestmark = pytest.mark.usefixtures("library")

CUSTOM = {
    "name": "Sandbag Shouldering",
    "aliases": ["Sandbag to Shoulder"],
    "primary_muscles": ["glutes", "lower_back"],
    "secondary_muscles": ["upper_back"],
    "equipment": "other",
    "pattern": "hinge",
}


def names(response: Any) -> list[str]:
    return [item["name"] for item in response.json()["items"]]


def test_it_finds_the_romanian_deadlift_by_rdl(owner_api: ApiClient) -> None:
    response = owner_api.get("/api/v1/exercises?search=rdl")
    assert response.status_code == 200
    found = response.json()["items"]
    assert any("romanian" in item["name"].lower() for item in found)
    rdl = next(item for item in found if "romanian" in item["name"].lower())
    assert "hamstrings" in rdl["primary_muscles"]
    assert 2 <= len(rdl["cues"]) <= 4


def test_it_filters_by_muscle_equipment_and_pattern(owner_api: ApiClient) -> None:
    response = owner_api.get("/api/v1/exercises?muscle=chest&equipment=dumbbell&pattern=horizontal_push")
    items = response.json()["items"]
    assert items
    for item in items:
        assert "chest" in item["primary_muscles"] + item["secondary_muscles"]
        assert item["equipment"] == "dumbbell" and item["pattern"] == "horizontal_push"


def test_it_pages_the_library(owner_api: ApiClient) -> None:
    first = owner_api.get("/api/v1/exercises").json()
    assert first["count"] >= 200 and len(first["items"]) == 50
    second = owner_api.get("/api/v1/exercises?page=2").json()
    assert {i["id"] for i in first["items"]}.isdisjoint({i["id"] for i in second["items"]})


def test_it_names_a_bad_filter(owner_api: ApiClient) -> None:
    response = owner_api.get("/api/v1/exercises?muscle=elbows")
    assert response.status_code == 422
    assert response.json()["error"].startswith("muscle:")


def test_it_adds_a_custom_exercise_only_its_owner_sees(owner_api: ApiClient, stranger_api: ApiClient) -> None:
    response = owner_api.post("/api/v1/exercises", CUSTOM)
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["custom"] is True and created["primary_muscles"] == ["glutes", "lower_back"]
    assert names(owner_api.get("/api/v1/exercises?search=sandbag")) == ["Sandbag Shouldering"]
    assert names(stranger_api.get("/api/v1/exercises?search=sandbag")) == []
    assert stranger_api.get(f"/api/v1/exercises/{created['id']}").status_code == 404
    assert owner_api.get(f"/api/v1/exercises/{created['id']}").json()["name"] == "Sandbag Shouldering"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": "  "}, "name"),
        ({"primary_muscles": []}, "primary_muscles"),
        ({"primary_muscles": ["wings"]}, "primary_muscles.0"),
        ({"equipment": "spaceship"}, "equipment"),
        ({"secondary_muscles": ["glutes"]}, "secondary_muscles"),
    ],
)
def test_it_refuses_bad_exercises_naming_the_field(
    owner_api: ApiClient, change: dict[str, Any], field: str
) -> None:
    response = owner_api.post("/api/v1/exercises", {**CUSTOM, **change})
    assert response.status_code == 422
    assert response.json()["error"].startswith(f"{field}:"), response.json()


def test_it_refuses_a_name_already_in_the_library(owner_api: ApiClient) -> None:
    response = owner_api.post("/api/v1/exercises", {**CUSTOM, "name": "rdl"})
    assert response.status_code == 409
    assert "name:" in response.json()["error"]


def test_it_refuses_a_bad_token(anon_api: ApiClient) -> None:
    response = anon_api.get("/api/v1/exercises", headers={"Authorization": "Bearer lw_not-a-token"})
    assert response.status_code == 401
    assert "error" in response.json()


def test_me_answers_with_the_profile(owner_api: ApiClient) -> None:
    body = owner_api.get("/api/v1/me").json()
    assert body["username"] == "olivia" and body["time_zone"] == "Europe/Berlin" and body["unit"] == "kg"


def test_the_schema_lists_the_operations(anon_api: ApiClient) -> None:
    schema = anon_api.get("/api/v1/openapi.json").json()
    assert {"/api/v1/exercises", "/api/v1/exercises/{exercise_id}", "/api/v1/me"} <= schema["paths"].keys()
