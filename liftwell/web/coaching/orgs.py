"""Organisations (a gym, a clinic): members who coach, and admins who manage membership.

Being in an organisation never shows anyone a client: each coach sees only the clients who granted
them access (see `access.py`).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404

from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import Membership, Organisation
from liftwell.web.coaching.services import SharingError, find_person


def organisations_for(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related("organisation").order_by("organisation__name")


def create_organisation(*, user: User, name: str) -> Organisation:
    name = name.strip()
    if not name:
        raise SharingError("Give the organisation a name.")
    with transaction.atomic():
        organisation = Organisation.objects.create(name=name[:120])
        Membership.objects.create(organisation=organisation, user=user, role=Membership.Role.ADMIN)
    return organisation


def get_membership_for_user(user: User, org_id: int) -> Membership:
    membership = organisations_for(user).filter(organisation_id=org_id).first()
    if membership is None:
        raise Http404("No such organisation.")
    return membership


def members_of(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("role", "user__username")


def add_member(*, admin: Membership, identifier: str, role: str) -> Membership:
    if admin.role != Membership.Role.ADMIN:
        raise Http404("No such organisation.")
    if role not in Membership.Role.values:
        raise SharingError("Choose coach or admin.")
    person = find_person(identifier)
    if person is None:
        raise SharingError(f"No account is called {identifier.strip()!r} (username or email).")
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            organisation=admin.organisation, user=person, defaults={"role": role}
        )
        if not created and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
    return membership


def remove_member(*, by: Membership, membership_id: int) -> None:
    """An admin removes anyone; anyone may leave. The last admin cannot leave an organisation with members."""
    target = by.organisation.memberships.filter(pk=membership_id).first()
    if target is None or (by.role != Membership.Role.ADMIN and target.pk != by.pk):
        raise Http404("No such member.")
    with transaction.atomic():
        admins = by.organisation.memberships.filter(role=Membership.Role.ADMIN).count()
        others = by.organisation.memberships.exclude(pk=target.pk).count()
        if target.role == Membership.Role.ADMIN and admins == 1 and others:
            raise SharingError("Make someone else an admin first.")
        target.delete()
