from __future__ import annotations

from datetime import date

from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.health.dashboard import AREAS, dashboard_cards
from liftwell.web.health.demo import seed_health_demo
from liftwell.web.health.models import BloodPressure
from liftwell.web.health.viewer import viewer_for


def test_the_demo_fills_every_dashboard_area(owner: User, owner_client: Client) -> None:
    today = date(2026, 11, 29)
    made = seed_health_demo(user=owner, today=today)
    assert made > 400
    assert BloodPressure.objects.filter(owner=owner).count() == 53
    cards = dashboard_cards(owner, viewer_for(owner, today=today), today=today)
    assert len(cards) == len(AREAS) == 12
    assert all(card.latest for card in cards), [card.area.slug for card in cards if not card.latest]
    assert all(latest.trend for card in cards for latest in card.latest if latest.kind.slug != "sarc-f")
    assert owner_client.get("/health/").status_code == 200


def test_the_demo_is_deterministic(owner: User, stranger: User) -> None:
    today = date(2026, 11, 29)
    seed_health_demo(user=owner, today=today)
    seed_health_demo(user=stranger, today=today)
    first = list(BloodPressure.objects.filter(owner=owner).values_list("systolic_mmhg", flat=True))
    second = list(BloodPressure.objects.filter(owner=stranger).values_list("systolic_mmhg", flat=True))
    assert first == second
