"""GET /progress/exercises/<id>/ and GET /api/v1/progress/exercises/{id}: series, records, rep maxes."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from tests.conftest import ApiClient
from tests.web.progress.conftest import log


def _history(owner: User, bench: Exercise) -> None:
    today = date.today()
    log(owner, today - timedelta(days=14), bench, [(40, 10)], kind="warmup")
    log(owner, today - timedelta(days=14), bench, [(100, 5), (100, 5), (90, 8)])
    log(owner, today - timedelta(days=7), bench, [(105, 3), (80, 12)])
    log(owner, today - timedelta(days=7), bench, [(200, 1)], completed=False)  # not done: ignored


def test_it_gives_the_series_and_records(owner_api: ApiClient, owner: User, bench: Exercise) -> None:
    _history(owner, bench)
    body = owner_api.get(f"/api/v1/progress/exercises/{bench.pk}").json()
    sessions = body["sessions"]
    assert [s["sets"] for s in sessions] == [3, 2]
    first, second = sessions
    assert Decimal(first["top_load_kg"]) == 100 and first["top_reps"] == 5
    assert Decimal(first["e1rm_kg"]) == Decimal("116.67")  # Epley 100 x 35/30
    assert Decimal(first["volume_kg"]) == 100 * 5 * 2 + 90 * 8
    assert Decimal(second["e1rm_kg"]) == Decimal("115.50")  # 105 x 33/30 beats 80 x 42/30 = 112
    records = body["records"]
    assert Decimal(records["heaviest_kg"]["value"]) == 105
    assert Decimal(records["best_e1rm_kg"]["value"]) == Decimal("116.67")
    assert Decimal(records["best_set_volume_kg"]["value"]) == 960  # 80 x 12
    assert Decimal(records["best_session_volume_kg"]["value"]) == 1720
    grid = {row["reps"]: Decimal(row["load_kg"]) for row in body["rep_maxes"]}
    assert grid == {
        1: 105,
        2: 105,
        3: 105,
        4: 100,
        5: 100,
        6: 90,
        7: 90,
        8: 90,
        9: 80,
        10: 80,
        11: 80,
        12: 80,
    }


def test_the_page_shows_charts_tables_and_links(owner_client: Client, owner: User, bench: Exercise) -> None:
    _history(owner, bench)
    response = owner_client.get(f"/progress/exercises/{bench.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="chart-svg"') == 2
    assert 'role="img"' in html and "<table" in html
    assert "style=" not in html and "<script>" not in html
    assert f"/history/exercise/{bench.pk}/" in html
    assert "116.67 kg" in html and "5 hard sets in 2 sessions" in html


def test_figures_follow_an_edit_and_a_delete(owner_api: ApiClient, owner: User, bench: Exercise) -> None:
    _, (heavy,) = log(owner, date.today() - timedelta(days=3), bench, [(150, 2)])
    url = f"/api/v1/progress/exercises/{bench.pk}"
    assert Decimal(owner_api.get(url).json()["records"]["heaviest_kg"]["value"]) == 150

    assert owner_api.patch(f"/api/v1/sets/{heavy.pk}", {"load_kg": "140", "reps": 2}).status_code == 200
    assert Decimal(owner_api.get(url).json()["records"]["heaviest_kg"]["value"]) == 140

    assert owner_api.delete(f"/api/v1/sets/{heavy.pk}").status_code == 204
    body = owner_api.get(url).json()
    assert body["sessions"] == [] and body["records"]["heaviest_kg"] is None


def test_a_deleted_workout_leaves_the_figures(owner_api: ApiClient, owner: User, bench: Exercise) -> None:
    workout, _ = log(owner, date.today(), bench, [(150, 2)])
    assert owner_api.delete(f"/api/v1/workouts/{workout.pk}").status_code == 204
    assert owner_api.get(f"/api/v1/progress/exercises/{bench.pk}").json()["sessions"] == []


def test_a_stranger_gets_404_for_an_exercise_of_the_owner(
    owner: User, stranger_api: ApiClient, stranger: User, library: None
) -> None:
    own = Exercise.objects.create(
        owner=owner,
        slug="own-press",
        name="Own Press",
        primary_muscles=",chest,",
        equipment="band",
        pattern="horizontal_push",
        mechanic="compound",
        search_text="own press",
    )
    assert stranger_api.get(f"/api/v1/progress/exercises/{own.pk}").status_code == 404
    client = Client()
    client.force_login(stranger)
    assert client.get(f"/progress/exercises/{own.pk}/").status_code == 404


def test_strangers_sets_do_not_count(owner_api: ApiClient, stranger: User, bench: Exercise) -> None:
    log(stranger, date.today(), bench, [(150, 2)])
    assert owner_api.get(f"/api/v1/progress/exercises/{bench.pk}").json()["sessions"] == []


def test_anonymous_is_refused(anon_api: ApiClient, bench: Exercise) -> None:
    assert anon_api.get(f"/api/v1/progress/exercises/{bench.pk}").status_code == 401
    assert Client().get(f"/progress/exercises/{bench.pk}/").status_code == 302


def test_a_bad_range_is_named(owner_client: Client, bench: Exercise) -> None:
    response = owner_client.get(f"/progress/exercises/{bench.pk}/?range=5y")
    assert response.status_code == 400
    assert "range: must be one of 1y, 3y, all" in response.content.decode()


def test_range_all_shows_old_sessions(owner_client: Client, owner: User, bench: Exercise) -> None:
    log(owner, date.today() - timedelta(days=800), bench, [(60, 5)])
    assert "in this period" in owner_client.get(f"/progress/exercises/{bench.pk}/").content.decode()
    html = owner_client.get(f"/progress/exercises/{bench.pk}/?range=all").content.decode()
    assert '<svg class="chart-svg"' in html


def test_figures_follow_an_undo(
    owner_client: Client, owner_api: ApiClient, owner: User, bench: Exercise
) -> None:
    _, (heavy,) = log(owner, date.today(), bench, [(150, 2)])
    assert owner_client.post(f"/history/sets/{heavy.pk}/delete/").status_code == 302
    assert owner_api.get(f"/api/v1/progress/exercises/{bench.pk}").json()["sessions"] == []
    assert owner_client.post(f"/history/sets/{heavy.pk}/restore/").status_code == 302
    body = owner_api.get(f"/api/v1/progress/exercises/{bench.pk}").json()
    assert Decimal(body["records"]["heaviest_kg"]["value"]) == 150
