"""The coach home for several clients at once: the rows and flags it shows, the access log it writes,
and a number of queries that does not grow with the number of clients.

The expected rows were pinned on the one-client-at-a-time version of the page (7 queries per client)
before it was batched; the batched page must give exactly the same rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from liftwell.core.vocabulary import Muscle
from liftwell.core.volume import Week
from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import AccessLog, Scope
from liftwell.web.coaching.overview import Adherence
from liftwell.web.coaching.services import end_grant, invite_client
from liftwell.web.exercises.models import Exercise
from liftwell.web.health.models import BloodPressure, WellbeingCheckIn
from liftwell.web.programs.models import Enrollment
from liftwell.web.programs.services import assign_program, builtin_programs, start_today
from liftwell.web.training.models import Workout
from tests.conftest import make_user
from tests.web.coaching.helpers import custom_exercise, workout_on
from tests.web.coaching.helpers import squat as _squat
from tests.web.coaching.world import grant_access

SUMMARY = "summary on the coach home"


def full_body(user: User) -> Exercise:
    """One exercise that works every major muscle group, so that a week of it can meet the guideline."""
    groups = (Muscle.QUADS, Muscle.GLUTES, Muscle.UPPER_BACK, Muscle.ABS, Muscle.CHEST, Muscle.FRONT_DELTS)
    return custom_exercise(user, "Everything Lift", (*groups, Muscle.BICEPS))


def squat(user: User) -> Exercise:
    """A quads-only exercise of their own (the shipped library already has a Goblet Squat)."""
    return _squat(user, name="Coach Test Squat")


def _checkin(user: User, day: date, pain: int | None) -> None:
    WellbeingCheckIn.objects.create(owner=user, measured_on=day, pain=pain)


def _bp(user: User, day: date, systolic: int, diastolic: int) -> None:
    BloodPressure.objects.create(
        owner=user, measured_on=day, systolic_mmhg=systolic, diastolic_mmhg=diastolic
    )


def _rows(coach_client: Client) -> list[tuple[Any, ...]]:
    response = coach_client.get("/coach/")
    assert response.status_code == 200
    return [
        (
            row.access.client.username,
            row.access.grant.scope,
            row.last_workout.pk if row.last_workout else None,
            row.adherence,
            [(flag.code, flag.text, flag.level) for flag in row.flags],
        )
        for row in response.context["rows"]
    ]


def test_the_coach_home_rows_for_varied_clients(coach: User, coach_client: Client, library: None) -> None:
    # Ana (health shared): the guideline met in each of the last 4 weeks, high blood pressure, rising pain.
    ana = make_user("ana")
    today = local_today(ana)
    monday = Week.of(today).monday
    lift = full_body(ana)
    for weeks_ago in range(1, 5):
        week_monday = monday - timedelta(weeks=weeks_ago)
        workout_on(ana, week_monday, lift)
        workout_on(ana, week_monday + timedelta(days=2), lift)
    ana_last = workout_on(ana, monday, lift)
    # Two readings the same day: the later one counts. 165/95 is at or above 160/100 (docs/science.md §6.3).
    _bp(ana, today - timedelta(days=2), 120, 80)
    _bp(ana, today - timedelta(days=2), 165, 95)
    # Pain 2.5 on average 15-27 days ago, 5.5 in the last 14 days (a check-in without pain is ignored);
    # the score 35 days ago is outside both windows.
    _checkin(ana, today - timedelta(days=35), 0)
    _checkin(ana, today - timedelta(days=20), 2)
    _checkin(ana, today - timedelta(days=18), 3)
    _checkin(ana, today - timedelta(days=3), 6)
    _checkin(ana, today - timedelta(days=2), None)
    _checkin(ana, today - timedelta(days=1), 5)
    grant_access(ana, coach, scope=Scope.HEALTH)

    # Ben (training only, in Auckland): three days three weeks ago, nothing since; his high blood
    # pressure and rising pain are not the coach's to see.
    ben = make_user("ben", time_zone="Pacific/Auckland")
    ben_today = local_today(ben)
    old_monday = Week.of(ben_today).monday - timedelta(weeks=3)
    ben_squat = squat(ben)
    workout_on(ben, old_monday, ben_squat)
    workout_on(ben, old_monday + timedelta(days=1), ben_squat)
    ben_last = workout_on(ben, old_monday + timedelta(days=2), ben_squat)
    _bp(ben, ben_today, 190, 120)
    _checkin(ben, ben_today - timedelta(days=20), 1)
    _checkin(ben, ben_today - timedelta(days=1), 8)
    grant_access(ben, coach, scope=Scope.TRAINING)

    # Cleo (health shared, Berlin): no live workout (one deleted), a high reading followed by a lower
    # one (the latest counts), flat pain.
    cleo = make_user("cleo", time_zone="Europe/Berlin")
    cleo_today = local_today(cleo)
    deleted = workout_on(cleo, cleo_today, squat(cleo))
    Workout.objects.filter(pk=deleted.pk).update(deleted_at=timezone.now())
    _bp(cleo, cleo_today - timedelta(days=5), 185, 115)
    _bp(cleo, cleo_today - timedelta(days=1), 150, 95)
    _checkin(cleo, cleo_today - timedelta(days=20), 3)
    _checkin(cleo, cleo_today - timedelta(days=2), 3)
    grant_access(cleo, coach, scope=Scope.HEALTH)

    # Dan (health shared): on a 3-day program for 30 days with one session done, today.
    dan = make_user("dan")
    assign_program(user=dan, program=builtin_programs()["back-care"][0], assigned_by=coach)
    Enrollment.objects.filter(user=dan).update(started_at=timezone.now() - timedelta(days=30))
    dan_last = start_today(user=dan)
    grant_access(dan, coach, scope=Scope.HEALTH)

    # Not listed: an ended grant, another coach's client, an invitation not yet accepted.
    eve = make_user("eve")
    workout_on(eve, local_today(eve), squat(eve))
    end_grant(grant=grant_access(eve, coach))
    fay = make_user("fay")
    _bp(fay, local_today(fay), 190, 120)
    otto = make_user("otto")
    grant_access(fay, otto)
    make_user("gus")
    invite_client(coach=coach, identifier="gus")

    no_log = ("no_log", "No workout logged in the last 14 days.", "attention")
    assert _rows(coach_client) == [
        (
            "ana",
            Scope.HEALTH,
            ana_last.pk,
            Adherence(days_per_week=2.0, weeks_met=4, weeks=4, this_week_days=1),
            [
                (
                    "blood_pressure",
                    f"Blood pressure 165/95 mmHg on {today - timedelta(days=2):%d %b}: "
                    "Keep today light, and check with a clinician "
                    "(Liftwell rule after AHA 2007 (Williams et al., Circulation 2007)).",
                    "attention",
                ),
                (
                    "pain_rising",
                    "Pain trending up: 5.5/10 on average in the last 14 days, 2.5 in the 14 before "
                    "(Farrar et al. 2001: 2 points matter).",
                    "attention",
                ),
            ],
        ),
        (
            "ben",
            Scope.TRAINING,
            ben_last.pk,
            Adherence(days_per_week=0.75, weeks_met=0, weeks=4, this_week_days=0),
            [no_log],
        ),
        (
            "cleo",
            Scope.HEALTH,
            None,
            Adherence(days_per_week=0.0, weeks_met=0, weeks=4, this_week_days=0),
            [no_log],
        ),
        (
            "dan",
            Scope.HEALTH,
            dan_last.pk,
            Adherence(days_per_week=0.0, weeks_met=0, weeks=4, this_week_days=0),
            [
                (
                    "missed_sessions",
                    "5 planned sessions of Back care (3 days) missed: 1 done in the last 14 days, "
                    "3 a week planned.",
                    "attention",
                )
            ],
        ),
    ]
    # One access-log row per client shown, none for the others.
    logged = AccessLog.objects.filter(coach=coach).values_list("client__username", "what", "via")
    assert sorted(logged) == [(name, SUMMARY, "web") for name in ("ana", "ben", "cleo", "dan")]


def _client_with_data(coach: User, number: int) -> None:
    """A client with a bit of everything; every third shares training only, every fourth has a program."""
    client = make_user(f"client{number:02d}")
    today = local_today(client)
    lift = squat(client)
    workout_on(client, today - timedelta(days=number % 20), lift)
    workout_on(client, today - timedelta(days=number % 20 + 2), lift)
    _bp(client, today - timedelta(days=1), 150 + number, 90)
    _checkin(client, today - timedelta(days=20), 1)
    _checkin(client, today - timedelta(days=2), 1 + number % 5)
    if number % 4 == 0:
        assign_program(user=client, program=builtin_programs()["back-care"][0], assigned_by=coach)
    grant_access(client, coach, scope=Scope.TRAINING if number % 3 == 0 else Scope.HEALTH)


def _home_queries(coach_client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = coach_client.get("/coach/")
    assert response.status_code == 200
    return len(captured)


def test_the_coach_home_sends_as_many_queries_for_30_clients_as_for_3(
    coach: User, coach_client: Client, library: None
) -> None:
    for number in range(3):
        _client_with_data(coach, number)
    few = _home_queries(coach_client)
    for number in range(3, 30):
        _client_with_data(coach, number)
    many = _home_queries(coach_client)
    # Session, user, two-factor device; grants and one INSERT for the access log; last workouts, day sets,
    # enrolments, program sessions, blood pressure, pain; invitations received and sent; organisations.
    assert many == few == 14
    assert AccessLog.objects.filter(coach=coach).count() == 3 + 30


def test_health_data_is_not_even_read_for_training_only_clients(coach: User, coach_client: Client) -> None:
    for number in (3, 6):  # training only (see `_client_with_data`)
        _client_with_data(coach, number)
    with CaptureQueriesContext(connection) as captured:
        assert coach_client.get("/coach/").status_code == 200
    assert not [query for query in captured.captured_queries if "health_" in query["sql"]]


def test_a_deactivated_client_is_left_out_of_the_coach_home(coach: User, coach_client: Client) -> None:
    kept = make_user("kim")
    grant_access(kept, coach)
    gone = make_user("lou")
    grant_access(gone, coach)
    User.objects.filter(pk=gone.pk).update(is_active=False)
    assert [row[0] for row in _rows(coach_client)] == ["kim"]
    assert list(AccessLog.objects.filter(coach=coach).values_list("client__username", flat=True)) == ["kim"]
