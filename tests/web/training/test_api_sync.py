"""POST /api/v1/sync: ordered batches answered per change, safe to resend, tombstones never resurrected."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
from django.db import connections

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet
from tests.conftest import ApiClient


def _batch(bench: Exercise) -> tuple[list[dict[str, Any]], str, list[str]]:
    workout = str(uuid.uuid4())
    block = str(uuid.uuid4())
    sets = [str(uuid.uuid4()) for _ in range(3)]
    changes: list[dict[str, Any]] = [
        {"op": "create", "type": "workout", "client_id": workout, "data": {"title": "Offline day"}},
        {
            "op": "create",
            "type": "workout_exercise",
            "client_id": block,
            "workout_id": workout,
            "data": {"exercise_id": bench.pk, "position": 0},
        },
    ]
    for position, set_id in enumerate(sets):
        changes.append(
            {
                "op": "create",
                "type": "set",
                "client_id": set_id,
                "workout_id": workout,
                "data": {
                    "exercise_id": bench.pk,
                    "workout_exercise_id": block,
                    "position": position,
                    "load_kg": "100",
                    "reps": 5,
                },
            }
        )
    changes.append(
        {"op": "update", "type": "set", "client_id": sets[0], "data": {"reps": 6, "completed": True}}
    )
    changes.append({"op": "delete", "type": "set", "client_id": sets[2]})
    return changes, workout, sets


def _sync(api: ApiClient, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = api.post("/api/v1/sync", {"changes": changes})
    assert response.status_code == 200, response.content
    results: list[dict[str, Any]] = response.json()["results"]
    return results


def test_it_applies_a_batch_in_order(owner_api: ApiClient, bench: Exercise) -> None:
    changes, workout, sets = _batch(bench)
    results = _sync(owner_api, changes)
    assert [r["status"] for r in results] == [201, 201, 201, 201, 201, 200, 204]
    assert results[5]["row"]["reps"] == 6
    stored = WorkoutSet.objects.get(client_id=sets[0])
    assert (stored.reps, stored.completed, stored.completed_at is not None) == (6, True, True)
    assert WorkoutSet.objects.filter(workout__client_id=workout, deleted_at=None).count() == 2


def test_it_resends_a_whole_batch_without_duplicates(owner_api: ApiClient, bench: Exercise) -> None:
    changes, workout, _ = _batch(bench)
    first = _sync(owner_api, changes)
    second = _sync(owner_api, changes)
    assert [r["status"] for r in second] == [200, 200, 200, 200, 200, 200, 204]
    # The same rows, as they stand now (the resent create of the first set sees its later edit).
    assert [r["row"]["id"] for r in first[:5]] == [r["row"]["id"] for r in second[:5]]
    assert Workout.objects.filter(client_id=workout).count() == 1
    assert WorkoutExercise.objects.filter(workout__client_id=workout).count() == 1
    assert WorkoutSet.objects.filter(workout__client_id=workout).count() == 3
    assert WorkoutSet.objects.filter(workout__client_id=workout, deleted_at=None).count() == 2


def test_it_resends_a_partly_applied_batch(owner_api: ApiClient, bench: Exercise) -> None:
    changes, workout, _ = _batch(bench)
    _sync(owner_api, changes[:3])
    results = _sync(owner_api, changes)
    assert [r["status"] for r in results] == [200, 200, 200, 201, 201, 200, 204]
    assert WorkoutSet.objects.filter(workout__client_id=workout).count() == 3


def test_it_keeps_a_deleted_set_deleted_after_a_late_update(owner_api: ApiClient, bench: Exercise) -> None:
    changes, _, sets = _batch(bench)
    _sync(owner_api, changes)
    late = _sync(owner_api, [{"op": "update", "type": "set", "client_id": sets[2], "data": {"reps": 9}}])
    assert late[0]["status"] == 410
    assert "deleted" in late[0]["error"]
    stored = WorkoutSet.objects.get(client_id=sets[2])
    assert stored.deleted_at is not None
    assert stored.reps == 5
    # Creating it again (a resent create) does not bring it back either.
    again = _sync(owner_api, changes[4:5])
    assert again[0]["status"] == 200 and again[0]["row"]["deleted"] is True


def test_the_later_update_wins(owner_api: ApiClient, bench: Exercise) -> None:
    changes, _, sets = _batch(bench)
    _sync(owner_api, changes)
    edits = [
        {"op": "update", "type": "set", "client_id": sets[1], "data": {"load_kg": "102.5"}},
        {"op": "update", "type": "set", "client_id": sets[1], "data": {"load_kg": "105"}},
    ]
    _sync(owner_api, edits)
    assert str(WorkoutSet.objects.get(client_id=sets[1]).load_kg.normalize()) == "105"


def test_it_names_the_index_and_field_of_a_bad_change(owner_api: ApiClient, bench: Exercise) -> None:
    changes, workout, _ = _batch(bench)
    changes[3]["data"]["reps"] = 5000
    results = _sync(owner_api, changes)
    assert results[3]["status"] == 422
    assert results[3]["error"].startswith("changes[3].data.reps:")
    # The others still apply: each change stands alone.
    assert [r["status"] for r in results[:3]] == [201, 201, 201]
    assert results[4]["status"] == 201


def test_it_refuses_an_unknown_field_in_an_update(owner_api: ApiClient, bench: Exercise) -> None:
    changes, _, sets = _batch(bench)
    _sync(owner_api, changes)
    results = _sync(owner_api, [{"op": "update", "type": "set", "client_id": sets[0], "data": {"owner": 1}}])
    assert results[0]["status"] == 422
    assert results[0]["error"] == "changes[0].data.owner: cannot be changed"


@pytest.mark.parametrize(
    ("case", "status", "error"),
    [
        # The row is looked up before its data is checked: a deleted set stays "deleted on another
        # device" (410), and a missing row or workout is "not found" (404), even with bad data.
        ("update_deleted", 410, "changes[0].client_id: set {set} was deleted"),
        ("update_missing", 404, "changes[0]: No such set."),
        ("create_in_missing_workout", 404, "changes[0]: No such workout."),
        (
            "create_without_workout",
            422,
            "changes[0].workout_id: required to create a workout exercise or a set",
        ),
        ("create_in_workout", 422, "changes[0].data.reps: Input should be less than or equal to 1000"),
        ("update_live", 422, "changes[0].data.reps: Input should be less than or equal to 1000"),
    ],
)
def test_it_answers_for_the_row_before_the_data(
    owner_api: ApiClient, bench: Exercise, case: str, status: int, error: str
) -> None:
    changes, workout, sets = _batch(bench)
    _sync(owner_api, changes)
    bad = {"reps": 5000}
    create = {"exercise_id": bench.pk, **bad}
    changes_by_case: dict[str, dict[str, Any]] = {
        "update_deleted": {"op": "update", "type": "set", "client_id": sets[2], "data": bad},
        "update_missing": {"op": "update", "type": "set", "client_id": str(uuid.uuid4()), "data": bad},
        "create_in_missing_workout": {
            "op": "create",
            "type": "set",
            "client_id": str(uuid.uuid4()),
            "workout_id": str(uuid.uuid4()),
            "data": create,
        },
        "create_without_workout": {
            "op": "create",
            "type": "set",
            "client_id": str(uuid.uuid4()),
            "data": create,
        },
        "create_in_workout": {
            "op": "create",
            "type": "set",
            "client_id": str(uuid.uuid4()),
            "workout_id": workout,
            "data": create,
        },
        "update_live": {"op": "update", "type": "set", "client_id": sets[1], "data": bad},
    }
    results = _sync(owner_api, [changes_by_case[case]])
    assert (results[0]["status"], results[0]["error"]) == (status, error.format(set=sets[2]))
    assert WorkoutSet.objects.filter(workout__client_id=workout).count() == 3


def test_it_refuses_a_malformed_batch(owner_api: ApiClient) -> None:
    response = owner_api.post("/api/v1/sync", {"changes": [{"op": "explode", "type": "set"}]})
    assert response.status_code == 422
    assert "changes.0" in response.json()["error"]


def test_it_answers_404_per_change_for_a_strangers_client_ids(
    owner_api: ApiClient, stranger_api: ApiClient, bench: Exercise
) -> None:
    changes, workout, sets = _batch(bench)
    _sync(owner_api, changes)
    theirs = [
        {"op": "update", "type": "set", "client_id": sets[0], "data": {"reps": 1}},
        {"op": "delete", "type": "set", "client_id": sets[1]},
        {"op": "update", "type": "workout", "client_id": workout, "data": {"title": "Mine now"}},
        {
            "op": "create",
            "type": "set",
            "client_id": str(uuid.uuid4()),
            "workout_id": workout,
            "data": {"exercise_id": bench.pk, "reps": 1},
        },
    ]
    results = _sync(stranger_api, theirs)
    assert [r["status"] for r in results] == [404, 404, 404, 404]
    assert WorkoutSet.objects.get(client_id=sets[0]).reps == 6
    assert WorkoutSet.objects.get(client_id=sets[1]).deleted_at is None
    assert Workout.objects.get(client_id=workout).title == "Offline day"


def test_it_refuses_anonymous_requests(anon_api: ApiClient) -> None:
    assert anon_api.post("/api/v1/sync", {"changes": []}).status_code == 401


@pytest.mark.django_db(transaction=True)
def test_the_same_batch_sent_to_two_servers_at_once_is_applied_once(owner: User, bench: Exercise) -> None:
    """Two app servers (threads with their own database connections) get the same batch at once."""
    changes, workout, sets = _batch(bench)
    clients = [ApiClient(owner) for _ in range(2)]
    barrier = threading.Barrier(len(clients))
    answers: list[list[int]] = []

    def send(api: ApiClient) -> None:
        try:
            barrier.wait()
            response = api.post("/api/v1/sync", {"changes": changes})
            answers.append([r["status"] for r in response.json()["results"]])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(api,)) for api in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(answers) == 2
    for statuses in answers:
        assert all(status in (200, 201, 204) for status in statuses), answers
    assert Workout.objects.filter(client_id=workout).count() == 1
    assert WorkoutExercise.objects.filter(workout__client_id=workout).count() == 1
    assert WorkoutSet.objects.filter(workout__client_id=workout).count() == 3
    assert WorkoutSet.objects.get(client_id=sets[2]).deleted_at is not None
