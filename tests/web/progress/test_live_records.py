"""Records as they happen: POST and PATCH of a set answer the records it breaks (`records`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from liftwell.web.exercises.models import Exercise
from tests.conftest import ApiClient


def workout(api: ApiClient, started_at: datetime) -> dict[str, Any]:
    body = {"client_id": str(uuid.uuid4()), "started_at": started_at.isoformat()}
    response = api.post("/api/v1/workouts", body)
    assert response.status_code == 201, response.content
    return response.json()


def log(api: ApiClient, workout_id: int, exercise: Exercise, load: str, reps: int, **fields: Any) -> Any:
    body = {
        "client_id": str(uuid.uuid4()),
        "exercise_id": exercise.pk,
        "load_kg": load,
        "reps": reps,
        "completed": True,
        **fields,
    }
    return api.post(f"/api/v1/workouts/{workout_id}/sets", body)


def kinds(response: Any) -> list[tuple[str, str, str]]:
    return [(r["kind"], r["value"], r["previous"]) for r in response.json()["records"]]


NOW = datetime.now(UTC)


def test_a_done_set_answers_the_records_it_breaks(owner_api: ApiClient, bench: Exercise) -> None:
    # History: last week 100 x 5 twice (session volume 1000; e1RM 100 x 35/30 = 116.67; set volume 500).
    last_week = workout(owner_api, NOW - timedelta(days=7))
    first = log(owner_api, last_week["id"], bench, "100", 5)
    assert first.status_code == 201 and first.json()["records"] == []  # a first session breaks nothing
    log(owner_api, last_week["id"], bench, "100", 5)
    today = workout(owner_api, NOW - timedelta(minutes=30))
    # 105 x 5: heaviest 105 (was 100); e1RM 105 x 35/30 = 122.50 (was 116.67); set volume 525 (was 500).
    heavier = log(owner_api, today["id"], bench, "105", 5)
    assert heavier.status_code == 201
    assert kinds(heavier) == [
        ("heaviest_load", "105", "100"),
        ("best_e1rm", "122.5", "116.67"),
        ("best_set_volume", "525", "500"),
    ]
    assert heavier.json()["records"][0]["label"] == "Heaviest weight"
    # 100 x 4 adds 400 (525 + 400 = 925, still under 1000) and beats nothing.
    assert kinds(log(owner_api, today["id"], bench, "100", 4)) == []
    # 80 x 1 takes the session to 1005, past last week's 1000.
    assert kinds(log(owner_api, today["id"], bench, "80", 1)) == [("best_session_volume", "1005", "1000")]


def test_completing_a_set_by_patch_answers_its_records(owner_api: ApiClient, bench: Exercise) -> None:
    last_week = workout(owner_api, NOW - timedelta(days=7))
    log(owner_api, last_week["id"], bench, "100", 5)
    today = workout(owner_api, NOW - timedelta(minutes=30))
    planned = log(owner_api, today["id"], bench, "100", 7, completed=False)
    assert planned.json()["records"] == []  # not done yet
    done = owner_api.patch(f"/api/v1/sets/{planned.json()['id']}", {"completed": True})
    assert done.status_code == 200
    # 100 x 7: e1RM 100 x 37/30 = 123.33 (was 116.67); set volume 700 (was 500); the session's only done
    # set, so session volume 700 (was 500); 7 reps at 100 kg (was 5).
    assert kinds(done) == [
        ("best_e1rm", "123.33", "116.67"),
        ("best_set_volume", "700", "500"),
        ("best_session_volume", "700", "500"),
        ("rep_record", "7", "5"),
    ]
    assert done.json()["records"][-1]["load_kg"] == "100"
    # A change that cannot matter (a note) does not work records out.
    assert owner_api.patch(f"/api/v1/sets/{planned.json()['id']}", {"notes": "easy"}).json()["records"] == []
    # A warm-up breaks nothing.
    assert owner_api.patch(f"/api/v1/sets/{planned.json()['id']}", {"kind": "warmup"}).json()["records"] == []


def test_later_workouts_and_other_people_are_not_the_history(
    owner_api: ApiClient, stranger_api: ApiClient, bench: Exercise
) -> None:
    theirs = workout(stranger_api, NOW - timedelta(days=7))
    log(stranger_api, theirs["id"], bench, "50", 5)
    earlier = workout(owner_api, NOW - timedelta(days=14))
    later = workout(owner_api, NOW - timedelta(days=1))
    log(owner_api, later["id"], bench, "200", 1)
    # Logged into a workout two weeks ago: nothing before it, so nothing to beat.
    assert kinds(log(owner_api, earlier["id"], bench, "100", 5)) == []
    assert stranger_api.patch(f"/api/v1/sets/{uuid.uuid4()}", {"completed": True}).status_code == 404
