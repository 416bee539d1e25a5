"""axe-core on the progress pages at phone size (375 px, a small phone): no serious or critical
violations, light or dark.

Also checks that the charts fit the phone's width and that each has a table next to it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet
from tests.browser.conftest import log_in
from tests.browser.test_history_a11y import SCHEMES, assert_accessible
from tests.conftest import make_user

PHONE_PX = 375


def lifter_with_twenty_weeks() -> User:
    """Squat, bench press and deadlift twice a week for 20 weeks, 2 kg more each week. Needs the library.

    The screenshot script (tests/browser/screenshots.py) photographs the same data.
    """
    user = make_user("pia", unit=User.Unit.KG, sex=User.Sex.FEMALE)
    lifts = [("barbell-back-squat", 80), ("barbell-bench-press", 45), ("barbell-deadlift", 100)]
    today = date.today()
    for week in range(20):
        for offset in (0, 3):
            day = today - timedelta(weeks=week, days=offset)
            workout = Workout.objects.create(
                owner=user,
                started_at=datetime.combine(day, time(9), tzinfo=UTC),
                time_zone="UTC",
                local_date=day,
            )
            for slug, start in lifts:
                exercise = Exercise.objects.get(owner=None, slug=slug)
                block = WorkoutExercise.objects.create(owner=user, workout=workout, exercise=exercise)
                for position in range(3):
                    WorkoutSet.objects.create(
                        owner=user,
                        workout=workout,
                        workout_exercise=block,
                        exercise=exercise,
                        position=position,
                        load_kg=Decimal(start + 2 * (20 - week)),
                        reps=5,
                        completed=True,
                    )
    return user


@pytest.fixture
def lifter(transactional_db: None) -> User:
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
    return lifter_with_twenty_weeks()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_progress_pages_are_accessible(page: Any, live_server: Any, lifter: User, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": PHONE_PX, "height": 812})
    log_in(page, live_server, lifter)
    bench = Exercise.objects.get(owner=None, slug="barbell-bench-press")
    for path, what in (
        ("/progress/", "the weekly view"),
        (f"/progress/exercises/{bench.pk}/", "an exercise's progress"),
        ("/progress/records/", "the records"),
        ("/progress/scores/?bodyweight=62", "the strength scores"),
    ):
        page.goto(path)
        for chart in page.locator("svg.chart-svg").all():
            box = chart.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE_PX, what
        if page.locator("svg.chart-svg").count():
            assert page.locator("table").count() >= 1
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE_PX, f"{what} scrolls sideways"
        assert_accessible(page, f"{what} ({scheme})")
    page.goto(f"/progress/exercises/{bench.pk}/")
    page.get_by_text("The figures as a table").click()
    assert_accessible(page, f"an exercise's table opened ({scheme})")
