"""The only write path for grants: invite, accept, decline, change scope, end. And their lookups.

A grant names the side that invited; only the other side can accept or decline it. Either side can end
it at any moment; the next request of the coach then finds no live grant (see `access.py`).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import Grant, Scope


class SharingError(ValueError):
    """A sharing action that cannot be done; the message says why, for the person."""


OPEN = (Grant.Status.PENDING, Grant.Status.ACTIVE)


def find_person(identifier: str) -> User | None:
    """An active account by username, or by email when exactly one account has it."""
    identifier = identifier.strip()
    if not identifier:
        return None
    user = User.objects.filter(username__iexact=identifier, is_active=True).first()
    if user is not None:
        return user
    matches = list(User.objects.filter(email__iexact=identifier, is_active=True)[:2])
    return matches[0] if len(matches) == 1 else None


def _create(*, client: User, coach: User, scope: str, invited_by: str) -> Grant:
    if client.pk == coach.pk:
        raise SharingError("You cannot share with yourself.")
    if scope not in Scope.values:
        raise SharingError("Choose what to share: training only, or training and health.")
    if Grant.objects.filter(client=client, coach=coach, status__in=OPEN).exists():
        raise SharingError(
            f"{client.username} and {coach.username} already have an invitation or an active grant."
        )
    try:
        with transaction.atomic():
            return Grant.objects.create(client=client, coach=coach, scope=scope, invited_by=invited_by)
    except IntegrityError:  # the same invitation sent twice at once
        raise SharingError("That invitation already exists.") from None


def invite_coach(*, client: User, identifier: str, scope: str) -> Grant:
    """The client asks a coach to follow them; it waits for the coach to accept."""
    coach = find_person(identifier)
    if coach is None:
        raise SharingError(f"No account is called {identifier.strip()!r} (username or email).")
    return _create(client=client, coach=coach, scope=scope, invited_by=Grant.InvitedBy.CLIENT)


def invite_client(*, coach: User, identifier: str) -> Grant:
    """A coach asks a person to share; the person chooses the scope when accepting."""
    client = find_person(identifier)
    if client is None:
        raise SharingError(f"No account is called {identifier.strip()!r} (username or email).")
    return _create(client=client, coach=coach, scope=Scope.TRAINING, invited_by=Grant.InvitedBy.COACH)


def invitations_to_answer(user: User, *, as_coach: bool) -> QuerySet[Grant]:
    """Pending grants the other side started and `user` can answer."""
    if as_coach:
        rows = Grant.objects.filter(coach=user, invited_by=Grant.InvitedBy.CLIENT)
    else:
        rows = Grant.objects.filter(client=user, invited_by=Grant.InvitedBy.COACH)
    return rows.filter(status=Grant.Status.PENDING).select_related("client", "coach").order_by("-created_at")


def get_invitation_for_user(user: User, grant_id: int, *, as_coach: bool) -> Grant:
    grant = invitations_to_answer(user, as_coach=as_coach).filter(pk=grant_id).first()
    if grant is None:
        raise Http404("No such invitation.")
    return grant


def accept_invitation(*, grant: Grant, scope: str | None = None) -> Grant:
    """Accept a pending grant (already looked up for the answering side). A client picks the scope."""
    if scope is not None:
        if scope not in Scope.values:
            raise SharingError("Choose what to share: training only, or training and health.")
        grant.scope = scope
    with transaction.atomic():
        updated = Grant.objects.filter(pk=grant.pk, status=Grant.Status.PENDING).update(
            status=Grant.Status.ACTIVE, scope=grant.scope, answered_at=timezone.now()
        )
    if not updated:
        raise SharingError("That invitation was withdrawn.")
    grant.refresh_from_db()
    return grant


def decline_invitation(*, grant: Grant) -> None:
    with transaction.atomic():
        Grant.objects.filter(pk=grant.pk, status=Grant.Status.PENDING).update(
            status=Grant.Status.DECLINED, answered_at=timezone.now()
        )


def grants_for_client(client: User) -> QuerySet[Grant]:
    return Grant.objects.filter(client=client).select_related("coach").order_by("-created_at")


def get_open_grant_for_client(client: User, grant_id: int) -> Grant:
    grant = grants_for_client(client).filter(pk=grant_id, status__in=OPEN).first()
    if grant is None:
        raise Http404("No such grant.")
    return grant


def get_open_grant_for_coach(coach: User, client_id: int) -> Grant:
    grant = Grant.objects.filter(coach=coach, client_id=client_id, status__in=OPEN).first()
    if grant is None:
        raise Http404("No such client.")
    return grant


def end_grant(*, grant: Grant) -> None:
    """End a pending or active grant (either side may); the coach's next request is refused."""
    with transaction.atomic():
        Grant.objects.filter(pk=grant.pk, status__in=OPEN).update(
            status=Grant.Status.REVOKED, ended_at=timezone.now()
        )


def change_scope(*, grant: Grant, scope: str) -> Grant:
    """The client widens or narrows what an open grant covers; it applies from the next request."""
    if scope not in Scope.values:
        raise SharingError("Choose what to share: training only, or training and health.")
    with transaction.atomic():
        Grant.objects.filter(pk=grant.pk, status__in=OPEN).update(scope=scope)
    grant.refresh_from_db()
    return grant


def active_clients_for_coach(coach: User) -> QuerySet[Grant]:
    """The coach's live grants, with their clients: never anyone else's (an organisation gives none)."""
    return (
        Grant.objects.filter(coach=coach, status=Grant.Status.ACTIVE)
        .select_related("client")
        .order_by("client__username")
    )


def coach_sent_invitations(coach: User) -> QuerySet[Grant]:
    return Grant.objects.filter(
        Q(coach=coach, invited_by=Grant.InvitedBy.COACH, status=Grant.Status.PENDING)
    ).select_related("client")
