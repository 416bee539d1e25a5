"""The logging start page fetches the blood-pressure advice when it opens, and links the warning signs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BloodPressure
from tests.browser.conftest import log_in
from tests.conftest import make_user


@pytest.fixture
def person(transactional_db: None) -> User:
    user = make_user("hugo")
    BloodPressure.objects.create(owner=user, measured_on=date.today(), systolic_mmhg=184, diastolic_mmhg=96)
    return user


def test_the_start_page_shows_the_advice_and_the_warning_signs(
    page: Any, live_server: Any, person: User
) -> None:
    log_in(page, live_server, person)
    page.goto("/log/")
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "Please do not train today" in alert.inner_text()
    assert "184/96 mmHg" in alert.inner_text()
    page.get_by_role("link", name="Warning signs to stop exercising").first.click()
    page.wait_for_url("**/health/warning-signs/")
    assert page.get_by_role("heading", name="Stop exercising and get help if you notice").is_visible()
    assert not page.js_errors, page.js_errors
