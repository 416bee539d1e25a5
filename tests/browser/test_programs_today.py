"""Programs end to end in a phone-sized chromium: start the beginner program, start Today's workout,
complete every set on the logging screen, finish, and see the next targets rise on Today. axe-core
finds no serious or critical violations on the programs pages and Today."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.services import create_workout, log_set, update_workout
from tests.browser.conftest import log_in
from tests.conftest import make_user

BLOCKING = {"serious", "critical"}


@pytest.fixture
def lifter(transactional_db: None) -> User:
    from liftwell.web.exercises.services import load_shipped_exercises

    load_shipped_exercises()
    user = make_user("pia", time_zone="UTC")
    started = timezone.now() - timedelta(days=3)
    earlier, _ = create_workout(user=user, title="Before", started_at=started, time_zone="UTC")
    squat = Exercise.objects.get(owner=None, slug="barbell-back-squat")
    log_set(user=user, workout=earlier, exercise_id=squat.pk, load_kg=Decimal(60), reps=5, completed=True)
    update_workout(workout=earlier, changes={"ended_at": started + timedelta(hours=1)})
    return user


def _axe(page: Any, what: str) -> None:
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {what}:\n{results.generate_report()}"


def test_start_log_and_progress(page: Any, live_server: Any, lifter: User) -> None:
    log_in(page, live_server, lifter)
    page.goto("/programs/")
    _axe(page, "the program list")
    page.get_by_role("link", name="Beginner full body (3 days, linear)").click()
    _axe(page, "a program")
    page.get_by_role("button", name="Start this program").click()

    expect(page.get_by_role("heading", name="Today", exact=True)).to_be_visible()
    _axe(page, "Today")
    # e1RM 70 kg (60 x 5, Epley); 5 reps at RPE 8 = 56.77 kg, rounded to the standard plates: 57 kg.
    expect(page.get_by_label("Load for set 1").first).to_have_value("57")
    page.get_by_label("Load for set 1").nth(1).fill("40")  # bench: no history, the lifter chooses
    page.get_by_role("button", name="Start", exact=True).click()

    page.wait_for_url("**/log/*/")
    squat = page.locator("article.block").filter(has=page.get_by_role("heading", name="Squat (Barbell)"))
    expect(squat.locator("li.set-row")).to_have_count(3)
    for number in (1, 2, 3):
        squat.get_by_role("button", name=f"Complete set {number}", exact=True).click()
    expect(page.locator(".sync-text")).to_have_text("Saved")
    page.get_by_role("button", name="Finish", exact=True).click()
    page.get_by_role("dialog", name="Finish workout?").get_by_role("button", name="Finish workout").click()
    expect(page.get_by_role("heading", name="Workout finished")).to_be_visible()

    page.goto("/today/")
    expect(page.get_by_text("Squat (Barbell): +2.5 kg: all 3x5 completed")).to_be_visible()
    expect(page.get_by_label("Load for set 1").first).to_have_value("59.5")
    assert not page.js_errors
