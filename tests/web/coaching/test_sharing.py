"""Grants: invite, accept, scope, end (effective on the next request), the client's access log, orgs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import AccessLog, Grant, Membership, Scope
from liftwell.web.coaching.orgs import add_member, create_organisation
from liftwell.web.coaching.services import SharingError, invite_coach
from tests.conftest import make_user
from tests.web.coaching.helpers import squat, workout_on
from tests.web.coaching.world import enrol, grant_access, sign_in


def test_it_invites_a_coach_by_email_and_the_coach_accepts(
    owner_client: Client, owner: User, coach: User, coach_client: Client
) -> None:
    response = owner_client.post("/sharing/invite/", {"identifier": "CORA@example.org", "scope": "training"})
    assert response.status_code == 302
    grant = Grant.objects.get(client=owner, coach=coach)
    assert (grant.status, grant.scope, grant.invited_by) == ("pending", "training", "client")
    # Pending: the coach sees nothing yet.
    assert coach_client.get(f"/coach/clients/{owner.pk}/").status_code == 404
    assert coach_client.post(f"/coach/invitations/{grant.pk}/accept/").status_code == 302
    grant.refresh_from_db()
    assert grant.status == "active"
    assert coach_client.get(f"/coach/clients/{owner.pk}/").status_code == 200


def test_a_coach_invites_and_the_client_chooses_the_scope(
    owner_client: Client, owner: User, coach: User, coach_client: Client
) -> None:
    assert coach_client.post("/coach/invite/", {"identifier": "olivia"}).status_code == 302
    grant = Grant.objects.get(client=owner, coach=coach)
    assert grant.invited_by == "coach"
    page = owner_client.get("/sharing/").content.decode()
    assert "asks to follow your training" in page
    owner_client.post(f"/sharing/{grant.pk}/accept/", {"scope": "training_health"})
    grant.refresh_from_db()
    assert (grant.status, grant.scope) == ("active", "training_health")
    assert coach_client.get(f"/coach/clients/{owner.pk}/health/").status_code == 200


def test_the_client_can_decline(owner_client: Client, owner: User, coach: User, coach_client: Client) -> None:
    coach_client.post("/coach/invite/", {"identifier": "olivia"})
    grant = Grant.objects.get(client=owner, coach=coach)
    owner_client.post(f"/sharing/{grant.pk}/decline/")
    grant.refresh_from_db()
    assert grant.status == "declined"
    assert coach_client.get(f"/coach/clients/{owner.pk}/").status_code == 404


def test_ending_access_takes_effect_on_the_coachs_next_request(
    owner_client: Client, owner: User, coach: User, coach_client: Client
) -> None:
    grant = grant_access(owner, coach)
    workout = workout_on(owner, timezone.localdate(), squat(owner), title="Leg day")
    paths = [
        f"/coach/clients/{owner.pk}/",
        f"/coach/clients/{owner.pk}/workouts/{workout.pk}/",
        f"/coach/clients/{owner.pk}/progress/",
        f"/coach/clients/{owner.pk}/health/",
        f"/coach/clients/{owner.pk}/report/",
        f"/coach/clients/{owner.pk}/report.pdf",
    ]
    for path in paths:
        assert coach_client.get(path).status_code == 200, path
    assert "Leg day" in coach_client.get(f"/coach/clients/{owner.pk}/workouts/{workout.pk}/").content.decode()
    assert owner_client.post(f"/sharing/{grant.pk}/revoke/").status_code == 302
    for path in paths:
        assert coach_client.get(path).status_code == 404, path
    assert "olivia" not in coach_client.get("/coach/").content.decode()


def test_training_scope_hides_health(
    owner: User, coach: User, coach_client: Client, owner_client: Client
) -> None:
    grant = grant_access(owner, coach, scope=Scope.TRAINING)
    assert coach_client.get(f"/coach/clients/{owner.pk}/").status_code == 200
    assert coach_client.get(f"/coach/clients/{owner.pk}/health/").status_code == 404
    owner_client.post(f"/sharing/{grant.pk}/scope/", {"scope": "training_health"})
    assert coach_client.get(f"/coach/clients/{owner.pk}/health/").status_code == 200
    owner_client.post(f"/sharing/{grant.pk}/scope/", {"scope": "training"})
    assert coach_client.get(f"/coach/clients/{owner.pk}/health/").status_code == 404


def test_the_access_log_shows_each_view(
    owner_client: Client, owner: User, coach: User, coach_client: Client
) -> None:
    grant_access(owner, coach)
    coach_client.get(f"/coach/clients/{owner.pk}/progress/")
    coach_client.get(f"/coach/clients/{owner.pk}/health/")
    rows = list(
        AccessLog.objects.filter(client=owner).order_by("at", "id").values_list("coach_name", "what", "via")
    )
    assert rows == [("cora", "progress", "web"), ("cora", "health", "web")]
    page = owner_client.get("/sharing/").content.decode()
    assert "Coach Cora" in page and "Training and health" in page  # who has access, with which scope
    log = owner_client.get("/sharing/log/").content.decode()
    assert log.index("health") < log.index("progress")  # newest first
    assert "cora" in log


def test_a_refused_request_writes_no_log_row(
    owner: User, coach: User, coach_client: Client, stranger: User
) -> None:
    grant_access(owner, coach, scope=Scope.TRAINING)
    assert coach_client.get(f"/coach/clients/{owner.pk}/health/").status_code == 404
    assert coach_client.get(f"/coach/clients/{stranger.pk}/").status_code == 404
    assert not AccessLog.objects.exists()


def test_invitations_refuse_self_duplicates_and_unknown_people(owner: User, coach: User) -> None:
    with pytest.raises(SharingError, match="yourself"):
        invite_coach(client=owner, identifier="olivia", scope=Scope.TRAINING)
    with pytest.raises(SharingError, match="No account"):
        invite_coach(client=owner, identifier="nobody-here", scope=Scope.TRAINING)
    invite_coach(client=owner, identifier="cora", scope=Scope.TRAINING)
    with pytest.raises(SharingError, match="already"):
        invite_coach(client=owner, identifier="cora", scope=Scope.HEALTH)


def test_a_bad_invitation_shows_a_message(owner_client: Client) -> None:
    response = owner_client.post(
        "/sharing/invite/", {"identifier": "nobody-here", "scope": "training"}, follow=True
    )
    assert "No account is called" in response.content.decode()
    assert not Grant.objects.exists()


def test_an_organisation_shows_no_coach_another_coachs_clients(
    owner: User, coach: User, stranger: User
) -> None:
    colleague = make_user("cole")
    enrol(colleague)
    gym = create_organisation(user=coach, name="Northside Gym")
    admin = Membership.objects.get(organisation=gym, user=coach)
    add_member(admin=admin, identifier="cole", role=Membership.Role.COACH)
    grant_access(owner, coach)
    grant_access(stranger, colleague)
    colleague_client = sign_in(Client(), colleague)
    assert colleague_client.get(f"/coach/clients/{owner.pk}/").status_code == 404
    home = colleague_client.get("/coach/").content.decode()
    assert "sam" in home and "olivia" not in home
    # The colleague sees the organisation's members but cannot manage them.
    assert colleague_client.get(f"/coach/organisations/{gym.pk}/").status_code == 200
    response = colleague_client.post(
        f"/coach/organisations/{gym.pk}/members/", {"identifier": "olivia", "role": "admin"}
    )
    assert response.status_code == 404
    assert not Membership.objects.filter(user=owner).exists()


def test_an_admin_manages_membership(coach: User, coach_client: Client) -> None:
    make_user("cole")
    response = coach_client.post("/coach/organisations/", {"name": "Riverside Clinic"})
    clinic = Membership.objects.get(user=coach).organisation
    assert response["Location"] == f"/coach/organisations/{clinic.pk}/"
    coach_client.post(f"/coach/organisations/{clinic.pk}/members/", {"identifier": "cole", "role": "coach"})
    member = Membership.objects.get(organisation=clinic, user__username="cole")
    assert member.role == "coach"
    # The last admin cannot leave while others remain.
    mine = Membership.objects.get(organisation=clinic, user=coach)
    coach_client.post(f"/coach/organisations/{clinic.pk}/members/{mine.pk}/remove/")
    assert Membership.objects.filter(pk=mine.pk).exists()
    coach_client.post(f"/coach/organisations/{clinic.pk}/members/{member.pk}/remove/")
    assert not Membership.objects.filter(pk=member.pk).exists()


def test_an_old_ended_grant_can_be_followed_by_a_new_invitation(
    owner: User, coach: User, owner_client: Client
) -> None:
    grant = grant_access(owner, coach)
    owner_client.post(f"/sharing/{grant.pk}/revoke/")
    grant.refresh_from_db()
    assert grant.status == "revoked" and grant.ended_at is not None
    assert grant.ended_at > timezone.now() - timedelta(minutes=1)
    again = invite_coach(client=owner, identifier="cora", scope=Scope.TRAINING)
    assert again.pk != grant.pk and again.status == "pending"
