"""Coaching actors for the access-control matrix and the coaching tests, built through the services.

Beside the owner (the client) and the stranger: a coach with a live grant (training and health), a coach
whose grant was ended, a coach granted by a different client, that other client, and an organisation.
Coaches have two-factor turned on; `sign_in` gives them a verified session, as after entering a code.
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import Grant, Membership, Scope
from liftwell.web.coaching.orgs import add_member, create_organisation
from liftwell.web.coaching.services import accept_invitation, end_grant, invite_client, invite_coach
from tests.conftest import make_user


def enrol(user: User) -> TOTPDevice:
    """Two-factor turned on (a confirmed TOTP device), as after the setup page."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def sign_in(client: Client, user: User) -> Client:
    """Log `user` in; with two-factor on, the session is verified as if they had entered a code."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


def grant_access(client: User, coach: User, scope: str = Scope.HEALTH) -> Grant:
    grant = invite_coach(client=client, identifier=coach.username, scope=scope)
    return accept_invitation(grant=grant)


def coaching_world(owner: User) -> dict[str, Any]:
    coach = make_user("cora")
    revoked_coach = make_user("rex")
    other_coach = make_user("otto")
    for person in (coach, revoked_coach, other_coach):
        enrol(person)
    other_client = make_user("olga")
    org_member = make_user("mira")
    grant = grant_access(owner, coach)
    end_grant(grant=grant_access(owner, revoked_coach))
    grant_access(other_client, other_coach)
    organisation = create_organisation(user=coach, name="Northside Gym")
    admin = Membership.objects.get(organisation=organisation, user=coach)
    return {
        "coach": coach,
        "revoked_coach": revoked_coach,
        "other_coach": other_coach,
        "other_client": other_client,
        "org_member": org_member,
        "grant": grant,
        # The other client invited our coach; only that coach may answer.
        "invitation_for_coach": invite_coach(
            client=other_client, identifier=coach.username, scope=Scope.TRAINING
        ),
        # A coach of the gym invited the owner; only the owner may answer.
        "invitation_for_owner": invite_client(coach=org_member, identifier=owner.username),
        "organisation": organisation,
        "member": add_member(admin=admin, identifier=org_member.username, role=Membership.Role.COACH),
    }
