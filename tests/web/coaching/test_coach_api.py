"""/api/v1/coach/...: a token reads only clients who granted its holder access, within scope, logged."""

from __future__ import annotations

from datetime import date

from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import AccessLog, Scope
from liftwell.web.coaching.services import end_grant
from liftwell.web.health.models import BloodPressure
from tests.conftest import ApiClient, make_user
from tests.web.coaching.helpers import squat, workout_on
from tests.web.coaching.world import enrol, grant_access


def test_it_lists_the_coachs_clients(owner: User, coach: User, stranger: User) -> None:
    grant_access(owner, coach, scope=Scope.TRAINING)
    grant_access(stranger, make_user("otto"))
    body = ApiClient(coach).get("/api/v1/coach/clients").json()
    assert [(c["id"], c["username"], c["scope"]) for c in body["clients"]] == [
        (owner.pk, "olivia", "training")
    ]


def test_it_reads_a_clients_workouts_and_logs_it(owner: User, coach: User) -> None:
    grant_access(owner, coach, scope=Scope.TRAINING)
    workout = workout_on(owner, date(2026, 3, 2), squat(owner), title="Leg day")
    response = ApiClient(coach).get(f"/api/v1/coach/clients/{owner.pk}/workouts")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [workout.pk]
    log = AccessLog.objects.get(client=owner)
    assert (log.coach_name, log.what, log.via) == ("cora", "workouts", "api")


def test_health_needs_the_health_scope(owner: User, coach: User) -> None:
    grant = grant_access(owner, coach, scope=Scope.TRAINING)
    BloodPressure.objects.create(
        owner=owner, measured_on=date(2026, 3, 1), systolic_mmhg=142, diastolic_mmhg=91
    )
    api = ApiClient(coach)
    assert api.get(f"/api/v1/coach/clients/{owner.pk}/health/observations").status_code == 404
    grant.scope = Scope.HEALTH
    grant.save()
    body = api.get(f"/api/v1/coach/clients/{owner.pk}/health/observations").json()
    assert [o["values"]["systolic_mmhg"] for o in body["observations"]] == [142]
    assert body["observations"][0]["classifications"][0]["label"] == "In the stage 2 range"
    assert api.get(f"/api/v1/coach/clients/{owner.pk}/health/observations?kind=nope").status_code == 422


def test_an_ended_grant_refuses_the_next_request(owner: User, coach: User) -> None:
    grant = grant_access(owner, coach)
    api = ApiClient(coach)
    assert api.get(f"/api/v1/coach/clients/{owner.pk}/workouts").status_code == 200
    end_grant(grant=grant)
    response = api.get(f"/api/v1/coach/clients/{owner.pk}/workouts")
    assert response.status_code == 404 and response.json() == {"error": "No such client."}
    assert api.get("/api/v1/coach/clients").json() == {"clients": []}


def test_a_clients_token_never_reads_another_person(owner: User, stranger: User, coach: User) -> None:
    grant_access(stranger, coach)
    enrol(owner)
    api = ApiClient(owner)
    for person in (stranger, coach):
        assert api.get(f"/api/v1/coach/clients/{person.pk}/workouts").status_code == 404
        assert api.get(f"/api/v1/coach/clients/{person.pk}/health/observations").status_code == 404
    assert api.get("/api/v1/coach/clients").json() == {"clients": []}
    assert not AccessLog.objects.exists()


def test_a_coach_without_two_factor_is_refused(owner: User) -> None:
    coach = make_user("cole")
    grant_access(owner, coach)
    api = ApiClient(coach)
    response = api.get(f"/api/v1/coach/clients/{owner.pk}/workouts")
    assert response.status_code == 403 and "two-factor" in response.json()["error"]
    assert api.get("/api/v1/coach/clients").status_code == 403
    assert not AccessLog.objects.exists()
