"""History pages: the list, the calendar, one workout with in-place set edits, and one exercise's sets."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training import history_views
from liftwell.web.training.models import SetKind, Workout, WorkoutSet
from liftwell.web.training.services import create_workout, log_set, update_workout
from tests.conftest import make_user

HTMX = {"HX-Request": "true"}
ROW_LINK = re.compile(r'class="history-item" href="/history/(\d+)/"')
OLDER_LINK = re.compile(r'href="([^"]*cursor=[^"]*)"[^>]*>Older workouts<')


def workout_at(user: User, started_at: datetime, *, title: str = "", minutes: int = 60, **kw: Any) -> Workout:
    workout, _ = create_workout(user=user, started_at=started_at, title=title, **kw)
    return update_workout(workout=workout, changes={"ended_at": started_at + timedelta(minutes=minutes)})


def done_set(
    user: User, workout: Workout, exercise: Exercise, load_kg: str, reps: int, **kw: Any
) -> WorkoutSet:
    workout_set, _ = log_set(
        user=user,
        workout=workout,
        exercise_id=exercise.pk,
        load_kg=Decimal(load_kg),
        reps=reps,
        completed=kw.pop("completed", True),
        **kw,
    )
    return workout_set


def page_ids(response: Any) -> list[int]:
    return [int(pk) for pk in ROW_LINK.findall(response.content.decode())]


def older_link(response: Any) -> str | None:
    found = OLDER_LINK.search(response.content.decode())
    return html.unescape(found.group(1)) if found else None


# --- The list ---


def test_it_pages_45_workouts_newest_first_without_duplicates(owner: User, owner_client: Client) -> None:
    start = datetime(2026, 1, 1, 17, 0, tzinfo=UTC)
    made = [workout_at(owner, start + timedelta(days=day), title=f"Day {day}") for day in range(45)]
    pages, url = [], "/history/"
    while url:
        response = owner_client.get(url)
        assert response.status_code == 200
        pages.append(page_ids(response))
        url = older_link(response)
    assert [len(page) for page in pages] == [20, 20, 5]
    seen = [pk for page in pages for pk in page]
    assert seen == [workout.pk for workout in reversed(made)]
    assert len(set(seen)) == 45


def test_it_pages_through_htmx_with_the_partial(owner: User, owner_client: Client) -> None:
    start = datetime(2026, 1, 1, 17, 0, tzinfo=UTC)
    for day in range(21):
        workout_at(owner, start + timedelta(days=day))
    first = owner_client.get("/history/")
    response = owner_client.get(older_link(first), headers=HTMX)
    assert response.status_code == 200
    assert "<html" not in response.content.decode()
    assert len(page_ids(response)) == 1 and older_link(response) is None


def test_it_shows_date_title_duration_exercises_sets_and_volume(
    owner: User, owner_client: Client, bench: Exercise, squat: Exercise
) -> None:
    # 09:00 in Berlin on Saturday 14 March 2026, 65 minutes.
    workout = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC), title="Push day", minutes=65)
    done_set(owner, workout, bench, "60", 5, kind=SetKind.WARMUP)
    done_set(owner, workout, bench, "100", 5)
    done_set(owner, workout, bench, "100", 5)
    done_set(owner, workout, bench, "100", 5, completed=False)
    done_set(owner, workout, squat, "140", 3)
    text = owner_client.get("/history/").content.decode()
    assert "Sat 14 Mar 2026" in text and "Push day" in text and "1 h 05 min" in text
    assert f"{bench.name}, {squat.name}" in html.unescape(text)
    # Four done sets; volume of the done working sets: 2 x 100 x 5 + 140 x 3 = 1,420 kg.
    assert "4 sets done" in text and "1,420 kg" in text


def test_it_shows_volume_in_pounds(owner: User, owner_client: Client, bench: Exercise) -> None:
    owner.unit = User.Unit.LB
    owner.save()
    workout = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC))
    done_set(owner, workout, bench, "102.058283", 10)  # 225 lb x 10
    assert "2,250 lb" in owner_client.get("/history/").content.decode()


def test_it_filters_by_local_dates(owner: User, owner_client: Client) -> None:
    march = [workout_at(owner, datetime(2026, 3, day, 17, 0, tzinfo=UTC)) for day in (1, 10, 20)]
    response = owner_client.get("/history/?from=2026-03-05&to=2026-03-20")
    assert page_ids(response) == [march[2].pk, march[1].pk]
    bad = owner_client.get("/history/?from=2026-03-20&to=2026-03-01")
    assert "on or after" in html.unescape(bad.content.decode())


def test_it_refuses_a_made_up_cursor(owner_client: Client) -> None:
    response = owner_client.get("/history/?cursor=not-a-cursor")
    assert response.status_code == 400
    assert "no longer works" in response.content.decode()


def test_the_list_queries_do_not_grow_with_the_page(
    owner: User, owner_client: Client, bench: Exercise
) -> None:
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert owner_client.get("/history/").status_code == 200
        return len(queries)

    start = datetime(2026, 1, 1, 17, 0, tzinfo=UTC)
    for day in range(2):
        done_set(owner, workout_at(owner, start + timedelta(days=day)), bench, "100", 5)
    few = count_queries()
    for day in range(2, 20):
        workout = workout_at(owner, start + timedelta(days=day))
        for _ in range(3):
            done_set(owner, workout, bench, "100", 5)
    assert len(page_ids(owner_client.get("/history/"))) == 20
    assert count_queries() == few


# --- The calendar ---


def test_the_calendar_marks_the_local_day_of_a_late_workout(owner: User, owner_client: Client) -> None:
    # 23:30 on Saturday 14 March in Los Angeles is already Sunday 15 March in UTC (and in Berlin).
    late = datetime(2026, 3, 14, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    workout = workout_at(owner, late, title="Late lift", time_zone="America/Los_Angeles")
    assert workout.started_at.astimezone(UTC).day == 15
    # Changing the profile's zone later does not move it.
    owner.time_zone = "Asia/Tokyo"
    owner.save()
    text = owner_client.get("/history/calendar/?month=2026-03").content.decode()
    assert f'<a href="/history/{workout.pk}/"><span aria-hidden="true">14</span>' in text
    assert "Saturday 14 March: Late lift" in text
    assert "Sunday 15 March:" not in text
    assert "<strong>1</strong> training day in March 2026" in text
    assert "<caption>March 2026</caption>" in text


def test_the_calendar_is_monday_first_with_month_links(owner_client: Client) -> None:
    text = owner_client.get("/history/calendar/?month=2026-03").content.decode()
    headers = re.findall(r'<abbr title="(\w+)">', text)
    assert headers[0] == "Monday" and headers[-1] == "Sunday"
    assert "?month=2026-02" in text and "?month=2026-04" in text
    assert "<strong>0</strong> training days" in text
    december = owner_client.get("/history/calendar/?month=2025-12").content.decode()
    assert "?month=2025-11" in december and "?month=2026-01" in december


def test_a_day_with_two_workouts_links_to_that_day_in_the_list(owner: User, owner_client: Client) -> None:
    workout_at(owner, datetime(2026, 3, 3, 7, 0, tzinfo=UTC))
    workout_at(owner, datetime(2026, 3, 3, 17, 0, tzinfo=UTC))
    text = owner_client.get("/history/calendar/?month=2026-03").content.decode()
    assert 'href="/history/?from=2026-03-03&amp;to=2026-03-03"' in text
    assert "<strong>1</strong> training day in" in text


def test_the_calendar_refuses_a_bad_month(owner_client: Client) -> None:
    assert owner_client.get("/history/calendar/?month=2026-13").status_code == 404
    assert owner_client.get("/history/calendar/?month=soon").status_code == 404


# --- One workout ---


def test_the_workout_page_shows_sets_and_times_in_the_workouts_zone(
    owner: User, owner_client: Client, bench: Exercise
) -> None:
    late = datetime(2026, 3, 14, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
    workout = workout_at(owner, late, title="Late lift", time_zone="America/Los_Angeles", minutes=45)
    update_workout(workout=workout, changes={"notes": "Felt strong"})
    done_set(owner, workout, bench, "60", 8, kind=SetKind.WARMUP)
    done_set(owner, workout, bench, "100", 5, rpe=Decimal("8.5"))
    text = owner_client.get(f"/history/{workout.pk}/").content.decode()
    assert "Saturday 14 March 2026" in text
    assert "23:30" in text and "00:15" in text and "America/Los_Angeles" in text
    assert "Felt strong" in text and bench.name in html.unescape(text)
    assert "100 kg" in text and "8.5" in text and "Warm-up" in text
    assert "500 kg" in text  # volume without the warm-up


def test_it_edits_a_set_in_pounds(owner: User, owner_client: Client, bench: Exercise) -> None:
    owner.unit = User.Unit.LB
    owner.save()
    workout = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC))
    workout_set = done_set(owner, workout, bench, "100", 5)
    form = owner_client.get(f"/history/sets/{workout_set.pk}/edit/")
    assert form.status_code == 200 and 'value="220.46"' in form.content.decode()
    response = owner_client.post(
        f"/history/sets/{workout_set.pk}/edit/",
        {"load": "225", "reps": "5", "rpe": "8.5", "kind": "working", "completed": "on"},
    )
    assert response.status_code == 302
    workout_set.refresh_from_db()
    assert workout_set.load_kg == Decimal("102.058283")
    assert workout_set.rpe == Decimal("8.5")
    assert "225 lb" in owner_client.get(f"/history/{workout.pk}/").content.decode()
    again = owner_client.get(f"/history/sets/{workout_set.pk}/edit/").content.decode()
    assert 'value="225"' in again and "Load (lb)" in again


def test_it_keeps_the_stored_kilos_when_the_rounded_load_is_left_alone(
    owner: User, owner_client: Client, bench: Exercise
) -> None:
    owner.unit = User.Unit.LB
    owner.save()
    workout_set = done_set(owner, workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC)), bench, "100", 5)
    owner_client.post(
        f"/history/sets/{workout_set.pk}/edit/",
        {"load": "220.46", "reps": "6", "rpe": "", "kind": "working", "completed": "on"},
    )
    workout_set.refresh_from_db()
    assert (workout_set.load_kg, workout_set.reps) == (Decimal("100"), 6)


def test_it_edits_a_set_in_place_with_htmx(owner: User, owner_client: Client, bench: Exercise) -> None:
    workout_set = done_set(owner, workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC)), bench, "100", 5)
    url = f"/history/sets/{workout_set.pk}/edit/"
    form = owner_client.get(url, headers=HTMX).content.decode()
    assert form.lstrip().startswith("<tr") and 'hx-post="' + url + '"' in form
    assert f'<label for="set-{workout_set.pk}-load">Load (kg)</label>' in form
    row = owner_client.post(url, {"load": "102.5", "reps": "3", "kind": "failure"}, headers=HTMX)
    text = row.content.decode()
    assert text.lstrip().startswith("<tr") and "102.5 kg" in text and "To failure" in text
    assert "Not done" in text  # the box was left unticked
    cancel = owner_client.get(f"/history/sets/{workout_set.pk}/", headers=HTMX).content.decode()
    assert "102.5 kg" in cancel and "<form" not in cancel


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rpe", "11", "Select a valid choice"),
        ("rpe", "7.25", "Select a valid choice"),
        ("load", "-5", "greater than or equal to 0"),
        ("reps", "many", "Enter a whole number"),
        ("reps", "1001", "less than or equal to 1000"),
        ("kind", "heavy", "Select a valid choice"),
    ],
)
def test_it_refuses_bad_set_values_next_to_the_field(
    owner: User, owner_client: Client, bench: Exercise, field: str, value: str, message: str
) -> None:
    workout_set = done_set(owner, workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC)), bench, "100", 5)
    body = {"load": "100", "reps": "5", "rpe": "8", "kind": "working", "completed": "on", field: value}
    response = owner_client.post(f"/history/sets/{workout_set.pk}/edit/", body, headers=HTMX)
    text = response.content.decode()
    assert response.status_code == 200 and message in text
    assert f'id="set-{workout_set.pk}-{field}_error"' in text
    assert f'aria-describedby="set-{workout_set.pk}-{field}_error"' in text
    workout_set.refresh_from_db()
    assert (workout_set.load_kg, workout_set.reps, workout_set.rpe) == (Decimal("100"), 5, None)


def test_it_deletes_a_set_and_undoes_it(owner: User, owner_client: Client, bench: Exercise) -> None:
    workout = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC))
    workout_set = done_set(owner, workout, bench, "100", 5)
    response = owner_client.post(f"/history/sets/{workout_set.pk}/delete/")
    assert response.status_code == 302
    workout_set.refresh_from_db()
    assert workout_set.deleted_at is not None
    page = owner_client.get(response["Location"]).content.decode()
    assert f'action="/history/sets/{workout_set.pk}/restore/"' in page and "Undo" in page
    assert f'id="set-{workout_set.pk}"' not in page
    assert owner_client.post(f"/history/sets/{workout_set.pk}/restore/").status_code == 302
    workout_set.refresh_from_db()
    assert workout_set.deleted_at is None
    assert f'id="set-{workout_set.pk}"' in owner_client.get(f"/history/{workout.pk}/").content.decode()


def test_it_deletes_a_set_and_undoes_it_in_place(owner: User, owner_client: Client, bench: Exercise) -> None:
    workout_set = done_set(owner, workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC)), bench, "100", 5)
    deleted = owner_client.post(f"/history/sets/{workout_set.pk}/delete/", headers=HTMX).content.decode()
    assert "Deleted set 1" in deleted and f'hx-post="/history/sets/{workout_set.pk}/restore/"' in deleted
    restored = owner_client.post(f"/history/sets/{workout_set.pk}/restore/", headers=HTMX).content.decode()
    assert "100 kg" in restored and "autofocus" in restored
    workout_set.refresh_from_db()
    assert workout_set.deleted_at is None


def test_it_deletes_a_workout_and_undoes_it(owner: User, owner_client: Client) -> None:
    workout = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC), title="Push day")
    page = owner_client.get(f"/history/{workout.pk}/").content.decode()
    assert 'data-confirm="Delete this workout?' in page
    response = owner_client.post(f"/history/{workout.pk}/delete/")
    assert response.status_code == 302
    listing = owner_client.get(response["Location"])
    assert page_ids(listing) == []
    assert f'action="/history/{workout.pk}/restore/"' in listing.content.decode()
    assert owner_client.get(f"/history/{workout.pk}/").status_code == 404
    restored = owner_client.post(f"/history/{workout.pk}/restore/")
    assert restored["Location"] == f"/history/{workout.pk}/"
    assert page_ids(owner_client.get("/history/")) == [workout.pk]


# --- One exercise's sets ---


def test_the_exercise_page_groups_sets_by_workout_and_marks_the_heaviest(
    owner: User, owner_client: Client, bench: Exercise, squat: Exercise, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_views, "SET_PAGE_SIZE", 4)
    older = workout_at(owner, datetime(2026, 3, 10, 8, 0, tzinfo=UTC))
    heaviest = done_set(owner, older, bench, "110", 2)
    done_set(owner, older, bench, "100", 5)
    done_set(owner, older, squat, "150", 5)
    newer = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC))
    for load in ("90", "95", "105"):
        done_set(owner, newer, bench, load, 5)
    first = owner_client.get(f"/history/exercise/{bench.pk}/")
    text = first.content.decode()
    assert "Heaviest set: <strong>110 kg × 2</strong>" in text
    groups = re.findall(r'<a href="/history/(\d+)/">(\w{3} \d+ \w{3} 2026)</a></h2>', text)
    assert groups == [(str(newer.pk), "Sat 14 Mar 2026"), (str(older.pk), "Tue 10 Mar 2026")]
    assert "150 kg" not in text  # squats stay out
    assert "Heaviest</span>" not in text.split("</h1>")[1].split("Heaviest set:")[1]
    # Four sets a page: the older workout's second set is here, numbered 2 in its workout.
    second_set = r'<span class="set-number">2</span>[^<]*<span class="set-kind">Working</span></th>'
    assert re.search(second_set + r'\s*<td class="load">100 kg', text)
    older_url = re.search(r'href="([^"]*before=\d+)"', text)
    assert older_url is not None
    second = owner_client.get(html.unescape(older_url.group(1))).content.decode()
    assert second.count("<tr class=") == 1
    assert '110 kg <span class="tag best-tag">Heaviest</span>' in second
    assert f'<a href="/history/{older.pk}/">Tue 10 Mar 2026</a>' in second and heaviest.deleted_at is None
    assert "Older sets" not in second


def test_the_exercise_page_is_404_for_an_exercise_you_cannot_see(owner_client: Client, library: None) -> None:
    other = make_user("erin")
    from liftwell.core.exercise_library import ExerciseSpec
    from liftwell.core.vocabulary import Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
    from liftwell.web.exercises.services import create_custom_exercise

    private = create_custom_exercise(
        user=other,
        spec=ExerciseSpec(
            slug="",
            name="Erin's Press",
            aliases=(),
            primary_muscles=(Muscle.CHEST,),
            secondary_muscles=(),
            equipment=Equipment.BARBELL,
            pattern=Pattern.HORIZONTAL_PUSH,
            mechanic=Mechanic.COMPOUND,
            laterality=Laterality.BILATERAL,
            measure=Measure.WEIGHT_REPS,
            benefits=(),
            cues=(),
        ),
    )
    assert owner_client.get(f"/history/exercise/{private.pk}/").status_code == 404
    assert owner_client.get("/history/exercise/999999/").status_code == 404


# --- Who may see what ---


@pytest.fixture
def owned(owner: User, bench: Exercise) -> dict[str, Any]:
    workout = workout_at(owner, datetime(2026, 3, 14, 8, 0, tzinfo=UTC), title="Olivia's day")
    return {"workout": workout, "set": done_set(owner, workout, bench, "100", 5)}


def _object_requests(owned: dict[str, Any]) -> list[tuple[str, str, dict[str, str] | None]]:
    workout_id, set_id = owned["workout"].pk, owned["set"].pk
    edit = {"load": "1", "reps": "1", "kind": "working"}
    return [
        ("get", f"/history/{workout_id}/", None),
        ("post", f"/history/{workout_id}/delete/", {}),
        ("post", f"/history/{workout_id}/restore/", {}),
        ("get", f"/history/sets/{set_id}/", None),
        ("get", f"/history/sets/{set_id}/edit/", None),
        ("post", f"/history/sets/{set_id}/edit/", edit),
        ("post", f"/history/sets/{set_id}/delete/", {}),
        ("post", f"/history/sets/{set_id}/restore/", {}),
    ]


def test_strangers_get_404_on_every_object_page_and_post(owned: dict[str, Any], stranger: User) -> None:
    client = Client()
    client.force_login(stranger)
    for method, path, body in _object_requests(owned):
        for headers in ({}, HTMX):
            response = getattr(client, method)(path, body, headers=headers)
            assert response.status_code == 404, (method, path, response.status_code)
            assert "Olivia" not in response.content.decode()
    workout_set = WorkoutSet.objects.get(pk=owned["set"].pk)
    assert (workout_set.load_kg, workout_set.deleted_at) == (Decimal("100"), None)
    assert Workout.objects.get(pk=owned["workout"].pk).deleted_at is None
    assert page_ids(client.get("/history/")) == []
    assert "Olivia" not in client.get("/history/calendar/?month=2026-03").content.decode()


def test_anonymous_people_are_sent_to_log_in(owned: dict[str, Any], bench: Exercise) -> None:
    client = Client()
    paths = [("get", "/history/", None), ("get", "/history/calendar/", None)]
    paths += [("get", f"/history/exercise/{bench.pk}/", None), *_object_requests(owned)]
    for method, path, body in paths:
        response = getattr(client, method)(path, body)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], path
    assert WorkoutSet.objects.get(pk=owned["set"].pk).deleted_at is None
