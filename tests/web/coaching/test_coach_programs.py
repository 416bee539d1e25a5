"""A coach assigns or edits a client's program (through the programs app), and missed sessions flag."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.http import Http404
from django.test import Client
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.coaching.access import get_client_for_coach
from liftwell.web.coaching.models import AccessLog, Scope
from liftwell.web.coaching.programs import assign_choice
from liftwell.web.coaching.services import end_grant
from liftwell.web.programs.models import Enrollment, UserProgram
from liftwell.web.programs.services import builtin_programs, start_today
from tests.conftest import make_user
from tests.web.coaching.world import grant_access

FLAG = re.compile(r'data-flag="([a-z_]+)"')


def test_a_coach_assigns_a_builtin_program(
    owner: User, coach: User, coach_client: Client, library: None
) -> None:
    grant_access(owner, coach, scope=Scope.TRAINING)
    url = f"/coach/clients/{owner.pk}/program/"
    assert "No active program" in coach_client.get(url).content.decode()
    response = coach_client.post(url, {"choice": "builtin:back-care", "source": ""})
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(user=owner, active=True)
    assert enrollment.assigned_by == coach
    assert enrollment.program.owner == owner and enrollment.program.origin == UserProgram.Origin.ASSIGNED
    assert enrollment.program.name == "Back care (3 days)"
    page = coach_client.get(url).content.decode()
    assert "Following <strong>Back care (3 days)</strong>" in page and "assigned by cora" in page
    assert list(AccessLog.objects.filter(client=owner).values_list("what", flat=True)) == [
        "program",
        "program (to assign one)",
        "program",
    ]


def test_a_coach_edits_the_program_text(
    owner: User, coach: User, coach_client: Client, library: None
) -> None:
    grant_access(owner, coach)
    url = f"/coach/clients/{owner.pk}/program/"
    coach_client.post(url, {"choice": "builtin:who-health-minimum"})
    text = Enrollment.objects.get(user=owner, active=True).program.source
    assert "name: Health minimum (2 days, full body)" in text
    edited = text.replace(
        "name: Health minimum (2 days, full body)", "name: Health minimum, edited for Olivia"
    )
    assert coach_client.post(url, {"source": edited}).status_code == 302
    current = Enrollment.objects.get(user=owner, active=True)
    assert current.program.name == "Health minimum, edited for Olivia"
    assert Enrollment.objects.filter(user=owner).count() == 2  # the first one stopped


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"choice": "builtin:no-such-program"}, "Choose a program"),
        ({"source": "name: [unclosed"}, ""),
        ({}, "not both"),
        ({"choice": "builtin:back-care", "source": "name: x"}, "not both"),
    ],
)
def test_bad_assignments_are_refused(
    owner: User, coach: User, coach_client: Client, library: None, data: dict[str, str], message: str
) -> None:
    grant_access(owner, coach)
    response = coach_client.post(f"/coach/clients/{owner.pk}/program/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Enrollment.objects.filter(user=owner).exists()


def test_a_coach_cannot_assign_another_coachs_program(
    owner: User, coach: User, coach_client: Client, library: None
) -> None:
    grant_access(owner, coach)
    other = make_user("otto")
    theirs = UserProgram.objects.create(
        owner=other, slug="x", name="Otto's", source=builtin_programs()["back-care"][1]
    )
    # Not among the coach's choices: the form refuses it; the service would answer 404 too.
    response = coach_client.post(f"/coach/clients/{owner.pk}/program/", {"choice": f"mine:{theirs.pk}"})
    assert response.status_code == 400
    access = get_client_for_coach(coach=coach, client_id=owner.pk, scope=Scope.TRAINING, what="test")
    with pytest.raises(Http404):
        assign_choice(coach=coach, access=access, choice=f"mine:{theirs.pk}")
    assert not Enrollment.objects.filter(user=owner).exists()


def test_no_assignment_once_access_ended(
    owner: User, coach: User, coach_client: Client, library: None
) -> None:
    end_grant(grant=grant_access(owner, coach))
    response = coach_client.post(f"/coach/clients/{owner.pk}/program/", {"choice": "builtin:back-care"})
    assert response.status_code == 404
    assert not Enrollment.objects.filter(user=owner).exists()


def test_missed_planned_sessions_are_flagged(
    owner: User, coach: User, coach_client: Client, library: None
) -> None:
    grant_access(owner, coach)
    coach_client.post(f"/coach/clients/{owner.pk}/program/", {"choice": "builtin:back-care"})
    # Just started: nothing planned yet (3 a week x 1 day // 7 = 0), so only "no log" shows.
    assert FLAG.findall(coach_client.get("/coach/").content.decode()) == ["no_log"]
    Enrollment.objects.filter(user=owner).update(started_at=timezone.now() - timedelta(days=30))
    start_today(user=owner)  # one session of the program, today
    page = coach_client.get("/coach/").content.decode()
    assert FLAG.findall(page) == ["missed_sessions"]
    # 3 a week over 14 days plans 6; 1 done.
    assert "5 planned sessions of Back care (3 days) missed: 1 done in the last 14 days" in page
