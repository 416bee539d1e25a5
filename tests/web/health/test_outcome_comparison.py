"""Training and outcomes, honestly: check-ins in weeks with 2+ sessions against weeks with fewer, with the
number of weeks behind each figure and the plain statement that this is association, not proof."""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta

from django.test import Client
from django.utils import timezone

from liftwell.core.health.outcomes import week_start
from liftwell.web.accounts.models import User
from liftwell.web.health.models import WellbeingCheckIn
from liftwell.web.training.models import Workout


def train(user: User, day: date) -> None:
    Workout.objects.create(
        owner=user,
        started_at=datetime.combine(day, time(12), tzinfo=UTC),
        time_zone="UTC",
        local_date=day,
    )


def check_in(user: User, day: date, sleep: int, pain: int) -> None:
    WellbeingCheckIn.objects.create(owner=user, measured_on=day, sleep_quality=sleep, mood=3, pain=pain)


def comparison_rows(page: str) -> dict[str, str]:
    table = page.split('id="area-brain"', 1)[1].split("</table>", 1)[0]
    rows = {}
    for row in table.split("<tr>")[2:]:
        label = row.split("</th>", 1)[0].rsplit(">", 1)[1]
        cells = [cell.split("</td>", 1)[0].strip() for cell in row.split("<td>")[1:]]
        rows[label] = " | ".join(cells)
    return rows


def test_the_dashboard_compares_trained_weeks_with_the_others(owner_client: Client, owner: User) -> None:
    # The dashboard's weeks are the person's own (Europe/Berlin), not the server's.
    this_monday = week_start(timezone.localdate(timezone=zoneinfo.ZoneInfo(owner.time_zone)))
    trained = [this_monday - timedelta(weeks=n) for n in (2, 3, 4)]
    untrained = [this_monday - timedelta(weeks=n) for n in (5, 6)]
    for monday in trained:
        train(owner, monday)
        train(owner, monday + timedelta(days=2))
        check_in(owner, monday + timedelta(days=3), sleep=4, pain=2)
    for monday in untrained:
        train(owner, monday)  # one session: not 2+
        check_in(owner, monday + timedelta(days=1), sleep=2, pain=5)
        check_in(owner, monday + timedelta(days=4), sleep=3, pain=5)  # each week counts once: mean 2.5
    # This week is not over: its check-in is left out whatever the training so far.
    check_in(owner, this_monday, sleep=1, pain=9)

    page = owner_client.get("/health/").content.decode()
    rows = comparison_rows(page)
    assert rows["Sleep quality (1-5)"] == "4.0 (3 weeks) | 2.5 (2 weeks)"
    assert rows["Pain (0-10)"] == "2.0 (3 weeks) | 5.0 (2 weeks)"
    assert "not proof that training caused it" in page
    assert "With fewer than 4 weeks on one side, a difference says very little yet." in page


def test_no_comparison_without_check_ins(owner_client: Client, owner: User) -> None:
    train(owner, date.today() - timedelta(days=10))
    page = owner_client.get("/health/").content.decode()
    assert "Weeks with 2+ sessions against other weeks" not in page
