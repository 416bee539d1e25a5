"""GET /progress/ and GET /api/v1/progress/weeks: hard sets per muscle and the WHO guideline by week."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from liftwell.core.volume import Week
from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.progress import services
from tests.conftest import ApiClient
from tests.web.progress.conftest import log

# A full-body pair of days: squat (legs, hips, back), bench (chest, arms, shoulders) and a core lift.


@pytest.fixture
def crunch(library: None) -> Exercise:
    return (
        Exercise.objects.filter(owner=None, primary_muscles__contains=",abs,", measure="bodyweight_reps")
        .exclude(pattern__in=["conditioning", "mobility"])
        .first()
    )  # type: ignore[return-value]


def _full_week(user: User, monday: date, squat: Exercise, bench: Exercise, crunch: Exercise) -> None:
    for day in (monday, monday + timedelta(days=3)):
        workout, _ = log(user, day, squat, [(100, 5)] * 3)
        log(user, day, bench, [(80, 5)] * 3, workout=workout)
        log(user, day, crunch, [(None, 15)] * 2, workout=workout)


def _this_monday(user: User) -> date:
    return Week.of(local_today(user)).monday


def test_it_counts_hard_sets_per_muscle(
    owner_api: ApiClient, owner: User, squat: Exercise, bench: Exercise
) -> None:
    monday = _this_monday(owner)
    workout, _ = log(owner, monday, bench, [(80, 5)] * 3)
    log(owner, monday, bench, [(40, 10)], kind="warmup", workout=workout)
    log(owner, monday, bench, [(80, 5)], completed=False, workout=workout)
    week = owner_api.get(f"/api/v1/progress/weeks?from={monday}&to={monday}").json()["weeks"]
    assert len(week) == 1
    sets = week[0]["hard_sets_per_muscle"]
    primary = bench.primary_muscle_list
    secondary = [m for m in bench.secondary_muscle_list if m not in primary]
    for muscle in primary:
        assert sets[muscle.value] == 3.0
    for muscle in secondary:
        assert sets[muscle.value] == 1.5
    assert week[0]["training_days"] == [monday.isoformat()]
    assert week[0]["guideline_met"] is False


def test_a_full_body_week_meets_the_guideline(
    owner_api: ApiClient, owner: User, squat: Exercise, bench: Exercise, crunch: Exercise
) -> None:
    monday = _this_monday(owner)
    _full_week(owner, monday - timedelta(weeks=1), squat, bench, crunch)
    _full_week(owner, monday - timedelta(weeks=2), squat, bench, crunch)
    body = owner_api.get(f"/api/v1/progress/weeks?from={monday - timedelta(weeks=2)}&to={monday}").json()
    missing = body["weeks"][0]["major_groups_missing"]
    assert missing == [], f"the fixture exercises leave out {missing}"
    assert [w["guideline_met"] for w in body["weeks"]] == [True, True, False]
    assert body["current_streak_weeks"] == 2
    assert body["last_12_months"] == {"met": 2, "weeks": 2}


def test_the_page_shows_the_week(
    owner_client: Client, owner: User, squat: Exercise, bench: Exercise, crunch: Exercise
) -> None:
    last_monday = _this_monday(owner) - timedelta(weeks=1)
    _full_week(owner, last_monday, squat, bench, crunch)
    html = owner_client.get("/progress/").content.decode()
    assert "Not met yet" in html and "1 week" in html and "1 of 1 (100%)" in html
    html = owner_client.get(f"/progress/?week={Week.of(last_monday)}").content.decode()
    assert "Met:" in html and "2 training days" in html
    assert '<svg class="chart-svg"' in html and "<table" in html and "style=" not in html
    assert "Quadriceps" in html


def test_figures_follow_an_edit_and_a_delete(owner_api: ApiClient, owner: User, bench: Exercise) -> None:
    monday = _this_monday(owner)
    _, (first, second) = log(owner, monday, bench, [(80, 5), (80, 5)])
    url = f"/api/v1/progress/weeks?from={monday}&to={monday}"
    muscle = bench.primary_muscle_list[0].value
    assert owner_api.get(url).json()["weeks"][0]["hard_sets_per_muscle"][muscle] == 2.0
    assert owner_api.patch(f"/api/v1/sets/{first.pk}", {"kind": "warmup"}).status_code == 200
    assert owner_api.get(url).json()["weeks"][0]["hard_sets_per_muscle"][muscle] == 1.0
    assert owner_api.delete(f"/api/v1/sets/{second.pk}").status_code == 204
    assert owner_api.get(url).json()["weeks"][0]["hard_sets_per_muscle"] == {}


def test_it_defaults_to_twelve_weeks(owner_api: ApiClient) -> None:
    weeks = owner_api.get("/api/v1/progress/weeks").json()["weeks"]
    assert len(weeks) == 12 and all(not w["guideline_met"] for w in weeks)


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("from=2026-03-10&to=2026-01-01", "from: must be on or before to"),
        ("from=2020-01-01&to=2026-01-01", "from: at most 157 weeks a request"),
        ("from=yesterday", "from:"),
    ],
)
def test_bad_dates_are_named(owner_api: ApiClient, query: str, error: str) -> None:
    response = owner_api.get(f"/api/v1/progress/weeks?{query}")
    assert response.status_code == 422
    assert response.json()["error"].startswith(error)


@pytest.mark.parametrize(
    ("week", "error"),
    [
        ("2026-10", "week: expected a week such as"),
        ("2026-W60", "week: 2026-W60 does not exist"),
        ("2999-W01", "week: must not be after this week"),
    ],
)
def test_a_bad_week_is_named(owner_client: Client, week: str, error: str) -> None:
    response = owner_client.get(f"/progress/?week={week}")
    assert response.status_code == 400
    assert error in response.content.decode()


def test_others_sets_do_not_count(owner_api: ApiClient, stranger: User, bench: Exercise) -> None:
    log(stranger, date.today(), bench, [(80, 5)])
    assert all(
        w["hard_sets_per_muscle"] == {} for w in owner_api.get("/api/v1/progress/weeks").json()["weeks"]
    )


def test_anonymous_is_refused(anon_api: ApiClient) -> None:
    assert anon_api.get("/api/v1/progress/weeks").status_code == 401
    assert Client().get("/progress/").status_code == 302


def test_a_long_streak_looks_further_back(
    owner: User, squat: Exercise, bench: Exercise, crunch: Exercise
) -> None:
    today = local_today(owner)
    monday = Week.of(today).monday
    weeks = services.STREAK_WINDOW_WEEKS + 5
    for n in range(1, weeks + 1):
        _full_week(owner, monday - timedelta(weeks=n), squat, bench, crunch)
    result = services.guideline(owner, today)
    assert result.streak == weeks
    assert (result.share.met, result.share.weeks) == (52, 52)
