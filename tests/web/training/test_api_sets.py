"""POST/PATCH/DELETE sets: idempotent on client_id, strict about input, private to their owner."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import WorkoutExercise, WorkoutSet
from tests.conftest import ApiClient
from tests.web.training.conftest import new_workout, set_body


def test_it_creates_a_set_then_returns_the_same_set_on_retry(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    body = set_body(bench, rpe="8.5", completed_at="2026-05-01T10:00:00Z")
    first = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body)
    again = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert WorkoutSet.objects.filter(client_id=body["client_id"]).count() == 1
    stored = first.json()
    assert stored["load_kg"] == "100" and stored["rpe"] == "8.5" and stored["completed"] is True


def test_a_retry_through_the_client_id_of_the_workout_is_the_same(
    owner_api: ApiClient, bench: Exercise
) -> None:
    workout = new_workout(owner_api)
    body = set_body(bench)
    by_id = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body)
    by_client_id = owner_api.post(f"/api/v1/workouts/{workout['client_id']}/sets", body)
    assert by_client_id.status_code == 200 and by_client_id.json()["id"] == by_id.json()["id"]


def test_a_client_id_reused_with_other_values_is_a_conflict(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    body = set_body(bench)
    owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body)
    response = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", {**body, "reps": 6})
    assert response.status_code == 409
    assert response.json()["error"].startswith("client_id:") and "reps" in response.json()["error"]
    assert WorkoutSet.objects.get(client_id=body["client_id"]).reps == 5


def test_two_users_may_use_the_same_client_id(
    owner_api: ApiClient, stranger_api: ApiClient, bench: Exercise
) -> None:
    body = set_body(bench)
    mine = owner_api.post(f"/api/v1/workouts/{new_workout(owner_api)['id']}/sets", body)
    theirs = stranger_api.post(f"/api/v1/workouts/{new_workout(stranger_api)['id']}/sets", body)
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["id"] != theirs.json()["id"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"load_kg": "-2.5"}, "load_kg"),
        ({"reps": 1001}, "reps"),
        ({"reps": -1}, "reps"),
        ({"rpe": "11"}, "rpe"),
        ({"rpe": "0.5"}, "rpe"),
        ({"rpe": "8.3"}, "rpe"),
        ({"rir": 11}, "rir"),
        ({"kind": "giant"}, "kind"),
        ({"exercise_id": 99999999}, "exercise_id"),
        ({"client_id": "not-a-uuid"}, "client_id"),
        ({"duration_s": -5}, "duration_s"),
    ],
)
def test_it_refuses_bad_sets_naming_the_field(
    owner_api: ApiClient, bench: Exercise, change: dict[str, Any], field: str
) -> None:
    workout = new_workout(owner_api)
    response = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", {**set_body(bench), **change})
    assert response.status_code == 422, response.content
    assert response.json()["error"].startswith(f"{field}:"), response.json()
    assert not WorkoutSet.objects.exists()


def test_another_users_workout_is_not_found(
    owner_api: ApiClient, stranger_api: ApiClient, bench: Exercise
) -> None:
    workout = new_workout(owner_api)
    response = stranger_api.post(f"/api/v1/workouts/{workout['id']}/sets", set_body(bench))
    assert response.status_code == 404 and "error" in response.json()
    response = stranger_api.post(f"/api/v1/workouts/{workout['client_id']}/sets", set_body(bench))
    assert response.status_code == 404


def test_another_users_custom_exercise_is_unknown(owner_api: ApiClient, stranger_api: ApiClient) -> None:
    theirs = stranger_api.post(
        "/api/v1/exercises",
        {"name": "Private Lift", "primary_muscles": ["quads"], "equipment": "other", "pattern": "squat"},
    ).json()
    workout = new_workout(owner_api)
    body = {"client_id": str(uuid.uuid4()), "exercise_id": theirs["id"], "reps": 5}
    response = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body)
    assert response.status_code == 422 and response.json()["error"].startswith("exercise_id:")


def test_sets_join_one_block_per_exercise_in_order(
    owner_api: ApiClient, bench: Exercise, squat: Exercise
) -> None:
    workout = new_workout(owner_api)
    url = f"/api/v1/workouts/{workout['id']}/sets"
    for exercise in (squat, squat, bench, squat):
        assert owner_api.post(url, set_body(exercise)).status_code == 201
    detail = owner_api.get(f"/api/v1/workouts/{workout['id']}").json()
    assert [(block["exercise_id"], len(block["sets"])) for block in detail["exercises"]] == [
        (squat.pk, 3),
        (bench.pk, 1),
    ]
    assert [s["position"] for s in detail["exercises"][0]["sets"]] == [0, 1, 2]


def test_a_set_can_name_its_block_by_client_id(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    block_id = str(uuid.uuid4())
    block_body = {"client_id": block_id, "exercise_id": bench.pk, "rest_s": 90}
    block = owner_api.post(f"/api/v1/workouts/{workout['id']}/exercises", block_body)
    assert block.status_code == 201
    again = owner_api.post(f"/api/v1/workouts/{workout['id']}/exercises", block_body)
    assert again.status_code == 200 and again.json()["id"] == block.json()["id"]
    response = owner_api.post(
        f"/api/v1/workouts/{workout['id']}/sets", set_body(bench, workout_exercise_id=block_id)
    )
    assert response.json()["workout_exercise_id"] == block.json()["id"]
    assert WorkoutExercise.objects.count() == 1


def test_a_load_typed_in_pounds_round_trips(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    load_kg = (Decimal("137.5") * Decimal("0.45359237")).quantize(Decimal("0.000001"))
    response = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", set_body(bench, load_kg=str(load_kg)))
    stored = Decimal(response.json()["load_kg"])
    assert (stored / Decimal("0.45359237")).quantize(Decimal("0.01")) == Decimal("137.50")


def test_patch_changes_only_what_is_sent(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    created = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", set_body(bench, notes="easy")).json()
    response = owner_api.patch(f"/api/v1/sets/{created['id']}", {"reps": 6, "completed": True})
    assert response.status_code == 200
    body = response.json()
    assert body["reps"] == 6 and body["notes"] == "easy" and body["completed"] is True
    assert body["completed_at"] is not None
    assert owner_api.patch(f"/api/v1/sets/{created['client_id']}", {"rpe": "12"}).status_code == 422


def test_delete_leaves_a_tombstone_that_cannot_be_edited(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    body = set_body(bench)
    created = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body).json()
    assert owner_api.delete(f"/api/v1/sets/{created['id']}").status_code == 204
    assert owner_api.delete(f"/api/v1/sets/{created['id']}").status_code == 204  # idempotent
    assert owner_api.patch(f"/api/v1/sets/{created['id']}", {"reps": 9}).status_code == 404
    # A late retry of the create does not bring it back.
    retry = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", body)
    assert retry.status_code == 200 and retry.json()["deleted"] is True
    assert owner_api.get(f"/api/v1/workouts/{workout['id']}").json()["exercises"][0]["sets"] == []


def test_strangers_cannot_touch_sets(owner_api: ApiClient, stranger_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    created = owner_api.post(f"/api/v1/workouts/{workout['id']}/sets", set_body(bench)).json()
    assert stranger_api.patch(f"/api/v1/sets/{created['id']}", {"reps": 1}).status_code == 404
    assert stranger_api.delete(f"/api/v1/sets/{created['id']}").status_code == 404
    assert stranger_api.get("/api/v1/sets").json()["items"] == []
    assert WorkoutSet.objects.get(pk=created["id"]).reps == 5


def test_creating_a_set_takes_a_fixed_number_of_queries(owner_api: ApiClient, bench: Exercise) -> None:
    workout = new_workout(owner_api)
    url = f"/api/v1/workouts/{workout['id']}/sets"
    owner_api.post(url, set_body(bench))  # the block now exists
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            assert owner_api.post(url, set_body(bench)).status_code == 201
        counts.append(len(queries))
    assert counts[0] == counts[1] == counts[2]
    assert counts[0] <= 12, [q["sql"] for q in queries.captured_queries]
