"""axe-core on the history pages at phone size: no serious or critical violations, light or dark.

Covers the list, the calendar, and a workout page with the in-place set edit form swapped in by htmx
(and the row that replaces it after a save and after a delete).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import SetKind, Workout, WorkoutSet
from liftwell.web.training.services import create_workout, log_set, update_workout
from tests.browser.conftest import log_in
from tests.conftest import make_user

BLOCKING = {"serious", "critical"}
SCHEMES = ["light", "dark"]


def make_lifter() -> User:
    return make_user("lena", unit=User.Unit.LB, time_zone="America/Los_Angeles")


def push_day_with_history(lifter: User) -> Workout:
    """25 workouts, the last a push day with warm-up, working and unfinished sets. Needs the library.

    The screenshot script (tests/browser/screenshots.py) photographs the same data.
    """
    bench = Exercise.objects.get(owner=None, search_text__startswith="bench press barbell")
    squat = Exercise.objects.get(owner=None, search_text__startswith="squat barbell")
    start = datetime(2026, 2, 1, 17, 0, tzinfo=UTC)
    for day in range(24):  # enough for an "Older workouts" link
        older, _ = create_workout(user=lifter, started_at=start + timedelta(days=day), title=f"Day {day}")
        update_workout(workout=older, changes={"ended_at": older.started_at + timedelta(minutes=50)})
    started = datetime(2026, 3, 14, 18, 0, tzinfo=UTC)
    workout, _ = create_workout(user=lifter, started_at=started, title="Push day")
    update_workout(
        workout=workout, changes={"ended_at": started + timedelta(minutes=65), "notes": "Felt quick today."}
    )
    for exercise, loads in (
        (bench, ("61.234964", "102.058283", "102.058283")),
        (squat, ("142.88", "142.88")),
    ):
        for index, load in enumerate(loads):
            log_set(
                user=lifter,
                workout=workout,
                exercise_id=exercise.pk,
                load_kg=Decimal(load),
                reps=5,
                rpe=Decimal("8.5") if index else None,
                kind=SetKind.WARMUP if index == 0 else SetKind.WORKING,
                completed=index < 2,
            )
    return workout


@pytest.fixture
def lifter(transactional_db: None) -> User:
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
    return make_lifter()


@pytest.fixture
def workout(lifter: User) -> Workout:
    return push_day_with_history(lifter)


def assert_accessible(page: Any, what: str) -> None:
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    if blocking:
        print(f"\naxe on {what}:\n{results.generate_report()}")
    assert not blocking, f"{what}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in blocking
    )
    assert not page.js_errors, page.js_errors


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_history_list_is_accessible(
    page: Any, live_server: Any, lifter: User, workout: Workout, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, lifter)
    page.goto("/history/")
    assert page.get_by_role("link", name="Older workouts").is_visible()
    assert "Sat 14 Mar 2026" in page.locator(".history-list").inner_text()
    assert_accessible(page, f"the history list ({scheme})")
    page.get_by_role("link", name="Older workouts").click()
    page.wait_for_url("**/history/?cursor=*")
    page.locator(".history-item").first.wait_for()
    assert page.locator(".history-item").count() == 5
    assert_accessible(page, f"the second page of the list ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_calendar_is_accessible(
    page: Any, live_server: Any, lifter: User, workout: Workout, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, lifter)
    page.goto("/history/calendar/?month=2026-03")
    link = page.get_by_role("link", name="Saturday 14 March: Push day")
    assert link.is_visible()
    box = link.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert_accessible(page, f"the calendar ({scheme})")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_workout_page_with_the_edit_form_open_is_accessible(
    page: Any, live_server: Any, lifter: User, workout: Workout, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, lifter)
    page.goto(f"/history/{workout.pk}/")
    assert "225 lb" in page.locator("main").inner_text()
    assert_accessible(page, f"a workout ({scheme})")

    target = WorkoutSet.objects.get(workout=workout, load_kg=Decimal("102.058283"), completed=True)
    row = page.locator(f"#set-{target.pk}")
    row.get_by_role("link", name="Edit set 2").click()
    load = row.get_by_label("Load (lb)")
    load.wait_for()
    assert page.url.endswith(f"/history/{workout.pk}/")  # swapped in place, no page load
    assert load.input_value() == "225"
    assert_accessible(page, f"a workout with the edit form open ({scheme})")

    # A mistake shows next to its field, and the form stays accessible with the error in it.
    row.get_by_label("Reps").fill("many")
    row.get_by_role("button", name="Save").click()
    row.locator(".errorlist").first.wait_for()
    assert row.get_by_label("Reps").get_attribute("aria-invalid") == "true"
    assert_accessible(page, f"the edit form with an error ({scheme})")

    row.get_by_label("Reps").fill("6")
    row.get_by_role("button", name="Save").click()
    edit_link = row.get_by_role("link", name="Edit set 2")
    edit_link.wait_for()
    assert edit_link.evaluate("element => element === document.activeElement")  # focus not lost
    target.refresh_from_db()
    assert (target.reps, target.load_kg) == (6, Decimal("102.058283"))

    edit_link.click()
    row.get_by_role("button", name="Delete set").click()
    undo = row.get_by_role("button", name="Undo")
    undo.wait_for()
    assert_accessible(page, f"a workout after deleting a set ({scheme})")
    target.refresh_from_db()
    assert target.deleted_at is not None
    undo.click()
    row.get_by_role("link", name="Edit set 2").wait_for()
    target.refresh_from_db()
    assert target.deleted_at is None
