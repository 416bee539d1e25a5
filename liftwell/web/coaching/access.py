"""The single path by which a coach reads a client's data: check the live grant and log the read.

`get_client_for_coach` is the only function that hands a coach a client (`get_clients_for_coach` the
same for all of a coach's clients at once, for the coach home). It checks the grant at the moment of
the request (so an ended grant refuses the very next request) and, in the same call, writes the
`AccessLog` row the client sees. No view can load a client without leaving that row.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import AccessLog, Grant, Scope


@dataclass(frozen=True)
class ClientAccess:
    """A client a coach may see right now, and the grant that allows it."""

    client: User
    grant: Grant

    @property
    def health(self) -> bool:
        return self.grant.includes_health


def _allowed_scopes(scope: str) -> list[str]:
    # Training data is in both scopes; health data only in "training and health".
    return [Scope.TRAINING, Scope.HEALTH] if scope == Scope.TRAINING else [Scope.HEALTH]


def _live_grant(*, coach: User, client_id: int, scope: str) -> Grant | None:
    return (
        Grant.objects.filter(
            coach=coach,
            client_id=client_id,
            client__is_active=True,
            status=Grant.Status.ACTIVE,
            scope__in=_allowed_scopes(scope),
        )
        .select_related("client")
        .first()
    )


def has_live_grant(*, coach: User, client_id: int, scope: str = Scope.TRAINING) -> bool:
    """Whether a live grant exists, without logging: only to decide between 404 and asking for 2FA."""
    if not coach.is_authenticated:
        return False
    return _live_grant(coach=coach, client_id=client_id, scope=scope) is not None


def get_client_for_coach(
    *, coach: User, client_id: int, scope: str, what: str, via: str = "web"
) -> ClientAccess:
    """The client, if `coach` holds a live grant covering `scope`; else 404 (never 403: ids stay
    unprobeable). Writes one access-log row naming the coach, what was viewed, and when."""
    grant = _live_grant(coach=coach, client_id=client_id, scope=scope)
    if grant is None:
        raise Http404("No such client.")
    with transaction.atomic():
        AccessLog.objects.create(
            client=grant.client,
            coach=coach,
            coach_name=coach.username,
            what=what[:200],
            via=via,
            at=timezone.now(),
        )
    return ClientAccess(client=grant.client, grant=grant)


def get_clients_for_coach(*, coach: User, what: str, via: str = "web") -> list[ClientAccess]:
    """Every client `coach` holds a live grant for (any scope), by username, for pages about all of
    them at once (the coach home). Checked at the moment of the request like `get_client_for_coach`,
    and one access-log row per client, written together in one INSERT."""
    grants = list(
        Grant.objects.filter(coach=coach, client__is_active=True, status=Grant.Status.ACTIVE)
        .select_related("client")
        .order_by("client__username", "pk")
    )
    if grants:
        now = timezone.now()
        AccessLog.objects.bulk_create(
            AccessLog(
                client=grant.client, coach=coach, coach_name=coach.username, what=what[:200], via=via, at=now
            )
            for grant in grants
        )
    return [ClientAccess(client=grant.client, grant=grant) for grant in grants]


def access_log_for_client(client: User) -> list[AccessLog]:
    return list(AccessLog.objects.filter(client=client).order_by("-at", "-id")[:200])
