"""Body measurements that would show an impossible US Navy estimate are refused, naming the fields
(issue 14 item 13; Hodgdon & Beckett 1984; plausible range 2-60 %)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BodyMeasurement
from tests.conftest import make_user

TODAY = date.today().isoformat()


@pytest.fixture
def max_(db: None) -> User:
    return make_user("max", sex="male", height_cm=Decimal("180"))


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_refuses_measurements_giving_minus_13_percent(max_: User) -> None:
    response = client_for(max_).post(
        "/health/body/new/", {"measured_on": TODAY, "weight": "80", "neck": "40", "waist": "60"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "outside the plausible 2-60 %: check the height, neck and waist." in page
    assert "The height is the one in your profile." in page
    form = response.context["form"]
    assert set(form.errors) == {"__all__", "neck", "waist"}
    assert not BodyMeasurement.objects.exists()


@pytest.mark.parametrize(
    ("data", "saved"),
    [
        ({"neck": "40", "waist": "71.4"}, False),  # 1.9 %: below the plausible range
        ({"neck": "40", "waist": "71.6"}, True),  # 2.0 %
        # With a measured body fat no estimate is shown, so nothing is checked.
        ({"neck": "40", "waist": "60", "body_fat_pct": "12"}, True),
        ({"waist": "60"}, True),  # no neck: no estimate
    ],
)
def test_it_only_refuses_an_estimate_it_would_show(max_: User, data: dict[str, str], saved: bool) -> None:
    client_for(max_).post("/health/body/new/", {"measured_on": TODAY, **data})
    assert BodyMeasurement.objects.filter(owner=max_).exists() is saved


def test_a_stored_implausible_row_is_flagged_not_shown_as_a_figure(max_: User) -> None:
    # Rows saved before the check (or a height changed since) say why there is no estimate.
    BodyMeasurement.objects.create(
        owner=max_, measured_on=date(2026, 1, 5), neck_cm=Decimal("40"), waist_cm=Decimal("60")
    )
    page = client_for(max_).get("/health/body/").content.decode()
    assert "Body fat (US Navy estimate): not shown." in page
    assert "check the height, neck and waist" in page
    assert "-13.0 %" in page  # the figure is named in the reason, never shown as a value
