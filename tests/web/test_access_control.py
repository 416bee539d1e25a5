"""Every route is declared, and every declared route refuses anonymous people and strangers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.vocabulary import Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
from liftwell.web.accounts.tokens import create_token
from liftwell.web.api.urls import api
from liftwell.web.coaching.models import AccessLog
from liftwell.web.exercises.services import create_custom_exercise
from liftwell.web.health.models import BloodPressure
from liftwell.web.imports.services import save_upload
from liftwell.web.training.services import create_workout, log_set
from tests.conftest import ApiClient, make_user
from tests.web.access import (
    API_NAMESPACE,
    API_ROUTES,
    IGNORED_NAMESPACES,
    OWNER_SECRET,
    WEB_ROUTES,
    Access,
    Route,
    World,
)
from tests.web.coaching.world import coaching_world, sign_in
from tests.web.imports.files import STRONG_CSV


def _web_route_names() -> set[str]:
    names: set[str] = set()

    def walk(patterns: list[Any], namespace: str | None) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and namespace not in IGNORED_NAMESPACES | {API_NAMESPACE}:
                names.add(str(pattern.name))

    walk(get_resolver().url_patterns, None)
    return names


def _api_operations() -> set[str]:
    schema = api.get_openapi_schema()
    docs = {f"GET /api/v1/{api.docs_url.strip('/')}"}
    openapi = {f"GET /api/v1/{api.openapi_url.strip('/')}"}
    operations = {
        f"{method.upper()} {path}" for path, methods in schema["paths"].items() for method in methods
    }
    return operations | docs | openapi


def test_every_web_route_is_declared() -> None:
    undeclared = _web_route_names() - WEB_ROUTES.keys()
    assert not undeclared, f"declare these routes in tests/web/access.py: {sorted(undeclared)}"
    stale = WEB_ROUTES.keys() - _web_route_names()
    assert not stale, f"tests/web/access.py declares routes that no longer exist: {sorted(stale)}"


def test_every_api_operation_is_declared() -> None:
    undeclared = _api_operations() - API_ROUTES.keys()
    assert not undeclared, f"declare these API operations in tests/web/access.py: {sorted(undeclared)}"
    stale = API_ROUTES.keys() - _api_operations()
    assert not stale, f"tests/web/access.py declares operations that no longer exist: {sorted(stale)}"


@pytest.fixture
def world(db: None) -> World:
    owner = make_user("olivia")
    stranger = make_user("sam")
    exercise = create_custom_exercise(
        user=owner,
        spec=ExerciseSpec(
            slug="",
            name=OWNER_SECRET,
            aliases=(),
            primary_muscles=(Muscle.QUADS,),
            secondary_muscles=(),
            equipment=Equipment.BARBELL,
            pattern=Pattern.SQUAT,
            mechanic=Mechanic.COMPOUND,
            laterality=Laterality.BILATERAL,
            measure=Measure.WEIGHT_REPS,
            benefits=(),
            cues=(),
        ),
    )
    token_row, _ = create_token(user=owner, name="owner's token")
    workout, _ = create_workout(user=owner, title=OWNER_SECRET, notes=OWNER_SECRET)
    workout_set, _ = log_set(
        user=owner, workout=workout, exercise_id=exercise.pk, reps=5, completed=True, notes=OWNER_SECRET
    )
    extra = {
        "owner_token_id": token_row.pk,
        "workout": workout,
        "block": workout_set.workout_exercise,
        "set": workout_set,
        "pending_import": save_upload(user=owner, file_name="strong.csv", data=STRONG_CSV),
        "pending_backup": save_upload(
            user=owner,
            file_name="backup.json",
            data=b'{"format": "liftwell-backup", "version": 1, "sections": {}}',
        ),
        "blood_pressure": BloodPressure.objects.create(
            owner=owner,
            measured_on=date(2026, 3, 1),
            systolic_mmhg=142,
            diastolic_mmhg=91,
            notes=OWNER_SECRET,
        ),
    }
    extra.update(coaching_world(owner))
    return World(owner=owner, stranger=stranger, owner_exercise=exercise, extra=extra)


def _request(route: Route, world: World, as_user: Any) -> Any:
    with override_settings(**route.settings):
        return _send(route, world, as_user)


def _send(route: Route, world: World, as_user: Any) -> Any:
    path, body = route.build(world)
    if route.api:
        client = ApiClient(as_user)
        return getattr(client, route.method)(path, body)
    web = Client()
    if as_user is not None:
        sign_in(web, as_user)  # coaches (two-factor on) get a verified session
    return getattr(web, route.method)(path, body) if body is not None else getattr(web, route.method)(path)


ALL_ROUTES = [*WEB_ROUTES.items(), *API_ROUTES.items()]


@pytest.mark.parametrize(("name", "route"), ALL_ROUTES, ids=[name for name, _ in ALL_ROUTES])
def test_anonymous(name: str, route: Route, world: World) -> None:
    response = _request(route, world, None)
    if route.access is Access.PUBLIC:
        assert response.status_code < 400, f"{name} should be public, got {response.status_code}"
    elif route.api:
        assert response.status_code == 401, f"{name} let an anonymous request through"
    else:
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], name
    assert OWNER_SECRET not in response.content.decode(errors="replace")


@pytest.mark.parametrize(("name", "route"), ALL_ROUTES, ids=[name for name, _ in ALL_ROUTES])
def test_owner(name: str, route: Route, world: World) -> None:
    response = _request(route, world, world.owner)
    assert response.status_code == route.owner_status, response.content[:500]


@pytest.mark.parametrize(("name", "route"), ALL_ROUTES, ids=[name for name, _ in ALL_ROUTES])
def test_stranger(name: str, route: Route, world: World) -> None:
    response = _request(route, world, world.stranger)
    if route.object_route:
        assert response.status_code == 404, f"{name} answered {response.status_code} to a stranger"
    else:
        assert response.status_code < 500
    assert OWNER_SECRET not in response.content.decode(errors="replace"), f"{name} leaked the owner's data"


# --- Coaches (issue 9): the granted coach, a coach whose grant was ended, another client's coach ---


def _refused(name: str, route: Route, response: Any) -> None:
    if route.object_route:
        assert response.status_code == 404, f"{name} answered {response.status_code}"
    else:
        assert response.status_code < 500
    assert OWNER_SECRET not in response.content.decode(errors="replace"), f"{name} leaked the owner's data"


@pytest.mark.parametrize(("name", "route"), ALL_ROUTES, ids=[name for name, _ in ALL_ROUTES])
def test_granted_coach(name: str, route: Route, world: World) -> None:
    response = _request(route, world, world.extra["coach"])
    if route.coach_status is None:
        _refused(name, route, response)
    else:
        assert response.status_code == route.coach_status, response.content[:500]


@pytest.mark.parametrize(("name", "route"), ALL_ROUTES, ids=[name for name, _ in ALL_ROUTES])
def test_revoked_coach(name: str, route: Route, world: World) -> None:
    _refused(name, route, _request(route, world, world.extra["revoked_coach"]))


@pytest.mark.parametrize(("name", "route"), ALL_ROUTES, ids=[name for name, _ in ALL_ROUTES])
def test_other_clients_coach(name: str, route: Route, world: World) -> None:
    _refused(name, route, _request(route, world, world.extra["other_coach"]))


AUDITED = [(name, route) for name, route in ALL_ROUTES if route.audited]


@pytest.mark.parametrize(("name", "route"), AUDITED, ids=[name for name, _ in AUDITED])
def test_each_coach_read_writes_one_access_log_row(name: str, route: Route, world: World) -> None:
    before = AccessLog.objects.filter(client=world.owner, coach=world.extra["coach"]).count()
    response = _request(route, world, world.extra["coach"])
    assert response.status_code == route.coach_status
    after = AccessLog.objects.filter(client=world.owner, coach=world.extra["coach"]).count()
    assert after - before == 1, f"{name} wrote {after - before} access-log rows"


def test_every_coach_route_is_audited_or_says_why_not() -> None:
    # A coach route about the client that reads nothing (ending the grant, answering an invitation,
    # organisation pages) is the only kind allowed to skip the log.
    unaudited = {name for name, route in ALL_ROUTES if route.access is Access.COACH and not route.audited}
    assert unaudited == {
        "coach-invite",
        "coach-orgs",
        "coach-org",
        "coach-org-add",
        "coach-org-remove",
        "coach-accept",
        "coach-decline",
        "coach-client-end",
        "GET /api/v1/coach/clients",
    }
