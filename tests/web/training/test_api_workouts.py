"""Workouts: idempotent create, keyset pages, local dates, repeat, finish with records, previous values."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout
from liftwell.web.training.services import create_workout, log_set
from tests.conftest import ApiClient
from tests.web.training.conftest import new_workout, set_body


def test_it_creates_a_workout_once(owner_api: ApiClient) -> None:
    body = {"client_id": str(uuid.uuid4()), "title": "Push day", "started_at": "2026-03-01T17:00:00+01:00"}
    first = owner_api.post("/api/v1/workouts", body)
    again = owner_api.post("/api/v1/workouts", body)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert first.json()["time_zone"] == "Europe/Berlin"  # the owner's profile zone
    conflict = owner_api.post("/api/v1/workouts", {**body, "title": "Pull day"})
    assert conflict.status_code == 409 and "title" in conflict.json()["error"]


def test_it_refuses_a_naive_start_and_an_unknown_zone(owner_api: ApiClient) -> None:
    naive = owner_api.post("/api/v1/workouts", {"started_at": "2026-03-01T17:00:00"})
    assert naive.status_code == 422 and naive.json()["error"].startswith("started_at:")
    zone = owner_api.post("/api/v1/workouts", {"time_zone": "Mars/Olympus"})
    assert zone.status_code == 422 and zone.json()["error"].startswith("time_zone:")


def test_a_set_at_2330_in_utc_minus_8_lands_on_that_local_day(owner_api: ApiClient) -> None:
    body = {"started_at": "2026-01-15T23:30:00-08:00", "time_zone": "America/Los_Angeles"}
    workout = owner_api.post("/api/v1/workouts", body).json()
    assert workout["local_date"] == "2026-01-15"
    assert workout["started_at"].startswith("2026-01-16T07:30:00")  # stored in UTC


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    moment=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(
        ["America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata", "Europe/London", "UTC"]
    ),
    later_zone=st.sampled_from(["Pacific/Pago_Pago", "Asia/Tokyo", "UTC"]),
)
def test_local_dates_follow_the_zone_of_the_workout_not_the_profile(
    owner: User, moment: datetime, zone: str, later_zone: str
) -> None:
    import zoneinfo

    workout, _ = create_workout(user=owner, started_at=moment, time_zone=zone)
    assert workout.local_date == moment.astimezone(zoneinfo.ZoneInfo(zone)).date()
    owner.time_zone = later_zone
    owner.save()
    workout.refresh_from_db()
    assert workout.local_date == moment.astimezone(zoneinfo.ZoneInfo(zone)).date()


def _make_workouts(user: User, count: int) -> list[Workout]:
    start = datetime(2025, 1, 1, 8, tzinfo=UTC)
    return [
        create_workout(user=user, started_at=start + timedelta(days=i), time_zone="UTC")[0]
        for i in range(count)
    ]


def test_the_list_pages_newest_first_with_a_cursor(owner: User, owner_api: ApiClient) -> None:
    made = _make_workouts(owner, 45)
    seen: list[int] = []
    cursor = None
    while True:
        url = "/api/v1/workouts?limit=20" + (f"&cursor={cursor}" if cursor else "")
        page = owner_api.get(url).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [w.pk for w in reversed(made)]


def test_the_list_filters_by_local_date(owner: User, owner_api: ApiClient) -> None:
    _make_workouts(owner, 10)
    items = owner_api.get("/api/v1/workouts?from=2025-01-03&to=2025-01-05").json()["items"]
    assert [item["local_date"] for item in items] == ["2025-01-05", "2025-01-04", "2025-01-03"]


def test_the_list_page_takes_a_fixed_number_of_queries(owner: User, owner_api: ApiClient) -> None:
    _make_workouts(owner, 5)
    owner_api.get("/api/v1/me")  # the token's last-used time is written once, not per page
    with CaptureQueriesContext(connection) as small:
        owner_api.get("/api/v1/workouts")
    _make_workouts(owner, 30)
    with CaptureQueriesContext(connection) as large:
        owner_api.get("/api/v1/workouts")
    assert len(small) == len(large)
    assert not any(
        "COUNT(*)" in q["sql"].upper() and "GROUP BY" not in q["sql"].upper() for q in large.captured_queries
    )


def test_a_bad_cursor_is_named(owner_api: ApiClient) -> None:
    response = owner_api.get("/api/v1/workouts?cursor=nonsense")
    assert response.status_code == 422 and response.json()["error"].startswith("cursor:")


def test_delete_and_undo(owner_api: ApiClient, stranger_api: ApiClient) -> None:
    workout = new_workout(owner_api)
    assert stranger_api.delete(f"/api/v1/workouts/{workout['id']}").status_code == 404
    assert owner_api.delete(f"/api/v1/workouts/{workout['id']}").status_code == 204
    assert owner_api.get(f"/api/v1/workouts/{workout['id']}").status_code == 404
    assert owner_api.get("/api/v1/workouts").json()["items"] == []
    assert stranger_api.post(f"/api/v1/workouts/{workout['id']}/restore").status_code == 404
    assert owner_api.post(f"/api/v1/workouts/{workout['id']}/restore").status_code == 200
    assert owner_api.get(f"/api/v1/workouts/{workout['id']}").status_code == 200


def _log(api: ApiClient, workout: dict[str, Any], exercise: Exercise, *sets: tuple[str, int]) -> None:
    for load, reps in sets:
        body = set_body(exercise, load_kg=load, reps=reps, completed=True)
        assert api.post(f"/api/v1/workouts/{workout['id']}/sets", body).status_code == 201


def test_finish_gives_duration_volume_and_records(owner_api: ApiClient, bench: Exercise) -> None:
    before = new_workout(owner_api, started_at="2026-02-01T10:00:00Z")
    _log(owner_api, before, bench, ("100", 5), ("100", 5))
    owner_api.post(f"/api/v1/workouts/{before['id']}/finish", {"ended_at": "2026-02-01T11:00:00Z"})
    today = new_workout(owner_api, started_at="2026-02-04T10:00:00Z")
    _log(owner_api, today, bench, ("105", 5), ("100", 6))
    summary = owner_api.post(
        f"/api/v1/workouts/{today['id']}/finish", {"ended_at": "2026-02-04T10:45:00Z"}
    ).json()
    assert summary["duration_s"] == 45 * 60
    assert summary["sets"] == 2 and summary["exercises"] == 1
    assert summary["volume_kg"] == "1125"
    kinds = {record["kind"] for record in summary["records"]}
    assert {"heaviest_load", "best_e1rm"} <= kinds
    heaviest = next(r for r in summary["records"] if r["kind"] == "heaviest_load")
    assert heaviest["value"] == "105" and heaviest["previous"] == "100"
    assert heaviest["exercise_name"] == bench.name


def test_previous_shows_the_last_session_of_each_exercise(
    owner_api: ApiClient, bench: Exercise, squat: Exercise
) -> None:
    old = new_workout(owner_api, started_at="2026-02-01T10:00:00Z")
    _log(owner_api, old, bench, ("90", 8))
    last = new_workout(owner_api, started_at="2026-02-03T10:00:00Z")
    _log(owner_api, last, bench, ("95", 6), ("95", 5))
    current = new_workout(owner_api, started_at="2026-02-05T10:00:00Z")
    _log(owner_api, current, bench, ("100", 3))
    url = f"/api/v1/previous?exercise_id={bench.pk}&exercise_id={squat.pk}&workout={current['client_id']}"
    previous = owner_api.get(url).json()
    assert [(s["load_kg"], s["reps"]) for s in previous[str(bench.pk)]] == [("95", 6), ("95", 5)]
    assert previous[str(squat.pk)] == []


def test_recent_exercises_come_most_recent_first(
    owner_api: ApiClient, bench: Exercise, squat: Exercise
) -> None:
    first = new_workout(owner_api, started_at="2026-02-01T10:00:00Z")
    _log(owner_api, first, bench, ("90", 8))
    second = new_workout(owner_api, started_at="2026-02-02T10:00:00Z")
    _log(owner_api, second, squat, ("120", 5))
    _log(owner_api, second, bench, ("90", 8))
    recent = owner_api.get("/api/v1/recent-exercises").json()
    assert [(row["exercise_id"], row["times"]) for row in recent][:2] in (
        [(squat.pk, 1), (bench.pk, 2)],
        [(bench.pk, 2), (squat.pk, 1)],
    )


def test_repeat_copies_exercises_and_sets_to_do(owner: User, owner_api: ApiClient, bench: Exercise) -> None:
    old = new_workout(owner_api, title="Bench day")
    _log(owner_api, old, bench, ("100", 5), ("100", 5))
    repeat = owner_api.post("/api/v1/workouts", {"client_id": str(uuid.uuid4()), "repeat_of": str(old["id"])})
    assert repeat.status_code == 201
    block = repeat.json()["exercises"][0]
    assert block["exercise_id"] == bench.pk
    assert [(s["load_kg"], s["reps"], s["completed"]) for s in block["sets"]] == [("100", 5, False)] * 2


def test_sets_list_filters_by_exercise_and_date(
    owner: User, owner_api: ApiClient, bench: Exercise, squat: Exercise
) -> None:
    workout, _ = create_workout(user=owner, started_at=datetime(2026, 3, 1, 9, tzinfo=UTC), time_zone="UTC")
    for exercise in (bench, squat, bench):
        log_set(user=owner, workout=workout, exercise_id=exercise.pk, load_kg=60, reps=5)
    body = owner_api.get(f"/api/v1/sets?exercise_id={bench.pk}&from=2026-03-01&to=2026-03-01").json()
    assert len(body["items"]) == 2 and {s["exercise_id"] for s in body["items"]} == {bench.pk}
    assert owner_api.get(f"/api/v1/sets?exercise_id={bench.pk}&from=2026-03-02").json()["items"] == []


def test_the_list_counts_sets_and_exercises_without_multiplying(
    owner: User, owner_api: ApiClient, bench: Exercise, squat: Exercise
) -> None:
    workout, _ = create_workout(user=owner)
    for exercise in (bench, squat):
        for _ in range(3):
            log_set(user=owner, workout=workout, exercise_id=exercise.pk, load_kg=60, reps=5)
    deleted, _ = log_set(user=owner, workout=workout, exercise_id=bench.pk, load_kg=60, reps=5)
    from liftwell.web.training.services import delete_set

    delete_set(workout_set=deleted)
    (item,) = owner_api.get("/api/v1/workouts").json()["items"]
    assert (item["set_count"], item["exercise_count"]) == (6, 2)
