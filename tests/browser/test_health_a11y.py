"""axe-core on the health pages at phone size: dashboard, a list with its chart, the form with an error,
and an article. No serious or critical violations, light or dark."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BloodPressure, BodyMeasurement, WellbeingCheckIn
from tests.browser.conftest import log_in
from tests.conftest import make_user

BLOCKING = {"serious", "critical"}


@pytest.fixture
def person(transactional_db: None) -> User:
    user = make_user("hana", sex="female", birth_year=1960, height_cm=Decimal("165"))
    today = date.today()
    for weeks, (systolic, diastolic, kg) in enumerate(((148, 94, "74"), (141, 90, "72.5"), (165, 101, "71"))):
        day = today - timedelta(weeks=8 - 4 * weeks)
        BloodPressure.objects.create(
            owner=user, measured_on=day, systolic_mmhg=systolic, diastolic_mmhg=diastolic
        )
        BodyMeasurement.objects.create(
            owner=user, measured_on=day, weight_kg=Decimal(kg), waist_cm=Decimal("86")
        )
        WellbeingCheckIn.objects.create(
            owner=user, measured_on=day, sleep_quality=3 + weeks % 2, pain=4 - weeks
        )
    return user


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


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_health_pages_are_accessible(page: Any, live_server: Any, person: User, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    log_in(page, live_server, person)

    page.goto("/health/")
    assert page.get_by_role("heading", name="Keep today light, and check with a clinician").is_visible()
    assert page.locator(".benefit-card").count() == 12
    assert_accessible(page, f"the dashboard ({scheme})")

    page.goto("/health/blood-pressure/")
    assert page.locator("svg.trend-chart").count() == 1
    assert "In the stage 2 range (ACC/AHA 2017 office categories" in page.locator("table").inner_text()
    assert_accessible(page, f"the blood-pressure list ({scheme})")

    page.goto("/health/body/")
    assert page.locator("svg.trend-chart").count() == 2  # weight and waist do not share an axis
    assert_accessible(page, f"the body list ({scheme})")

    page.goto("/health/blood-pressure/new/")
    page.get_by_label("Systolic (upper number, mmHg)").fill("120")
    page.get_by_label("Diastolic (lower number, mmHg)").fill("130")
    page.get_by_role("button", name="Save").click()
    page.locator(".errorlist").first.wait_for()
    assert_accessible(page, f"the blood-pressure form with an error ({scheme})")

    page.goto("/learn/why-resistance-training/")
    assert page.get_by_role("navigation", name="Breadcrumb").is_visible()
    assert_accessible(page, f"an article ({scheme})")
