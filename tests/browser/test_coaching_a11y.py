"""The sharing and coach pages in a browser at phone size: a coach turns on two-factor by scanning
the code (typed from the key here), then reads a client's pages; axe finds no serious or critical
violations, no script error (the CSP allows no inline script), and the report prints without navigation.
"""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

import pytest
from django_otp.oath import totp

from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.health.models import BloodPressure
from tests.browser.conftest import log_in
from tests.browser.test_history_a11y import SCHEMES, assert_accessible
from tests.conftest import make_user
from tests.web.coaching.helpers import squat, workout_on
from tests.web.coaching.world import grant_access


@pytest.fixture
def client_and_coach(transactional_db: None) -> tuple[User, User]:
    client = make_user("olivia", display_name="Olivia")
    coach = make_user("cora", display_name="Coach Cora")
    today = local_today(client)
    exercise = squat(client)
    for back in (1, 4, 8, 20):
        workout_on(client, today - timedelta(days=back), exercise, load_kg=str(40 + back))
    BloodPressure.objects.create(owner=client, measured_on=today, systolic_mmhg=165, diastolic_mmhg=95)
    grant_access(client, coach)
    return client, coach


def _code_from_key(key_text: str) -> str:
    key = base64.b32decode(key_text + "=" * (-len(key_text) % 8))
    return f"{totp(key):06d}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_coach_enrols_and_reads_a_client(
    page: Any, live_server: Any, client_and_coach: tuple[User, User], scheme: str
) -> None:
    client, coach = client_and_coach
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, coach)
    page.goto("/coach/")
    page.wait_for_url("**/accounts/two-factor/setup/**")
    assert page.locator("img.qr").evaluate("img => img.naturalWidth > 0")  # the data: URI QR code loads
    assert_accessible(page, f"two-factor setup ({scheme})")
    page.get_by_label("Code").fill(_code_from_key(page.locator("code.token").inner_text()))
    page.get_by_role("button", name="Turn on").click()
    assert page.locator(".recovery-codes li").count() == 10
    assert_accessible(page, f"recovery codes ({scheme})")
    page.get_by_role("link", name="I have saved them").click()
    page.wait_for_url("**/coach/")
    assert "Blood pressure 165/95" in page.locator(".client-card").inner_text()
    assert_accessible(page, f"coach home ({scheme})")
    base = f"/coach/clients/{client.pk}/"
    for path, what in (
        (base, "client training"),
        (base + "progress/", "client progress"),
        (base + "health/", "client health"),
        (base + "program/", "client program"),
        (base + "report/", "client report"),
    ):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{what} scrolls sideways"
        assert_accessible(page, f"{what} ({scheme})")
    page.emulate_media(media="print")
    assert not page.locator("header.topbar").is_visible()
    assert page.locator("article.report").is_visible()


def test_the_sharing_page_is_accessible(
    page: Any, live_server: Any, client_and_coach: tuple[User, User]
) -> None:
    client, _ = client_and_coach
    log_in(page, live_server, client)
    page.goto("/sharing/")
    assert "Coach Cora" in page.locator("main").inner_text()
    assert_accessible(page, "the sharing page")
    page.get_by_role("button", name="End access").click()
    page.wait_for_url("**/sharing/")
    assert "Nobody can see your data." in page.locator("main").inner_text()
