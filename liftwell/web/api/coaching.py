"""/api/v1/coach/...: a coach's clients and, per client, their workouts and (with health scope) health.

A token is its owner's identity: these operations read only clients who granted that person access,
within the grant's scope, and log each read like the web pages do. Coach operations need the account to
have two-factor turned on; a person without a grant gets 404 before that, so ids cannot be probed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.accounts.twofactor import has_two_factor
from liftwell.web.api.auth import request_user
from liftwell.web.api.health import ObservationFilters, ObservationList, observation_out
from liftwell.web.api.schemas import ErrorOut
from liftwell.web.api.training import WorkoutFilters, WorkoutPage
from liftwell.web.coaching.access import ClientAccess, get_client_for_coach, has_live_grant
from liftwell.web.coaching.models import Scope
from liftwell.web.coaching.services import active_clients_for_coach
from liftwell.web.health.kinds import KINDS
from liftwell.web.health.services import entries_for_user
from liftwell.web.health.viewer import viewer_for
from liftwell.web.training.queries import workout_page

router = Router(tags=["coach"])

# The operation ids from when this router lived in the coaching app, kept so generated clients keep the
# names of their functions (ninja derives an id from the module path otherwise).
OPERATION_PREFIX = "liftwell_web_coaching_api_"

NEEDS_2FA = "Coach access needs two-factor sign-in: turn it on at /accounts/two-factor/."


class ClientOut(Schema):
    id: int
    username: str
    display_name: str
    scope: str
    since: datetime | None


class ClientList(Schema):
    clients: list[ClientOut]


def _require_two_factor(coach: User) -> None:
    if not has_two_factor(coach):
        raise PermissionDenied(NEEDS_2FA)


def _load(request: HttpRequest, client_id: int, scope: str, what: str) -> ClientAccess:
    coach = request_user(request)
    if not has_live_grant(coach=coach, client_id=client_id, scope=scope):
        raise Http404("No such client.")
    _require_two_factor(coach)
    return get_client_for_coach(coach=coach, client_id=client_id, scope=scope, what=what, via="api")


@router.get(
    "/coach/clients",
    response={200: ClientList, 403: ErrorOut},
    summary="Your clients",
    operation_id=f"{OPERATION_PREFIX}list_clients",
)
def list_clients(request: HttpRequest) -> dict[str, Any]:
    coach = request_user(request)
    _require_two_factor(coach)
    grants = active_clients_for_coach(coach)
    return {
        "clients": [
            {
                "id": g.client_id,
                "username": g.client.username,
                "display_name": g.client.display_name,
                "scope": g.scope,
                "since": g.answered_at,
            }
            for g in grants
        ]
    }


@router.get(
    "/coach/clients/{client_id}/workouts",
    response={200: WorkoutPage, 403: ErrorOut, 404: ErrorOut},
    summary="A client's workouts, newest first",
    operation_id=f"{OPERATION_PREFIX}client_workouts",
)
def client_workouts(request: HttpRequest, client_id: int, filters: Query[WorkoutFilters]) -> dict[str, Any]:
    access = _load(request, client_id, Scope.TRAINING, "workouts")
    items, next_cursor = workout_page(
        access.client,
        cursor=filters.cursor,
        limit=filters.limit,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get(
    "/coach/clients/{client_id}/health/observations",
    response={200: ObservationList, 403: ErrorOut, 404: ErrorOut},
    summary="A client's health entries (needs the training-and-health scope)",
    operation_id=f"{OPERATION_PREFIX}client_observations",
)
def client_observations(
    request: HttpRequest, client_id: int, filters: Query[ObservationFilters]
) -> dict[str, Any]:
    access = _load(request, client_id, Scope.HEALTH, "health entries")
    client = access.client
    viewer = viewer_for(client, today=local_today(client))
    if filters.kind and filters.kind not in KINDS:
        raise HttpError(422, f"kind: unknown kind {filters.kind!r}; use one of {', '.join(KINDS)}")
    kinds = [KINDS[filters.kind]] if filters.kind else list(KINDS.values())
    found: list[dict[str, Any]] = []
    first: date | None = filters.date_from
    last: date | None = filters.date_to
    for kind in kinds:
        rows = entries_for_user(user=client, kind=kind)
        if first:
            rows = rows.filter(measured_on__gte=first)
        if last:
            rows = rows.filter(measured_on__lte=last)
        found.extend(observation_out(kind, entry, viewer) for entry in rows[:1000])
    found.sort(key=lambda o: (o["date"], o["id"]), reverse=True)
    return {"observations": found[:1000]}
