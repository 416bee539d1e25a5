"""Records as they happen on the logging screen: a set that breaks a record shows a "PR" badge at once."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from liftwell.web.accounts.models import User
from liftwell.web.training.services import create_workout
from tests.browser.conftest import log_in
from tests.browser.test_logging_screen import (  # noqa: F401  # the fixture `newcomer` is used by name
    add_exercise,
    assert_accessible,
    complete,
    newcomer,
    wait_saved,
)


def test_a_set_that_breaks_a_record_gets_a_badge(page: Any, live_server: Any, newcomer: User) -> None:  # noqa: F811
    # Last time: squat 100 kg x 5, three sets (see `newcomer`).
    workout, _ = create_workout(user=newcomer, title="Heavy day")
    log_in(page, live_server, newcomer)
    page.goto(f"/log/{workout.client_id}/")
    squat = add_exercise(page, search="back squat", pick="Squat (Barbell)")
    wait_saved(page)
    squat.get_by_label("Set 1 load in kg").fill("110")
    complete(page, squat, 1)
    rows = squat.locator("li.set-row")
    badge = rows.nth(0).locator(".pr-badge")
    expect(badge).to_be_visible()
    expect(badge).to_contain_text("new personal record, heaviest weight")
    complete(page, squat, 2)  # 100 x 5 again: nothing broken
    wait_saved(page)
    expect(rows.nth(1).locator(".pr-badge")).to_have_count(0)
    expect(badge).to_be_visible()  # still there once the screen takes the server's copy
    assert_accessible(page, "the logging screen with a record badge")
    assert page.js_errors == []
