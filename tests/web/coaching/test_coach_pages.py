"""The coach home (flags), read-only client pages, comments the client sees, the report and its PDF."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client

from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.coaching.models import Scope, WorkoutComment
from liftwell.web.health.models import BloodPressure, WellbeingCheckIn
from tests.conftest import make_user
from tests.web.coaching.helpers import squat, workout_on
from tests.web.coaching.world import grant_access

FLAG = re.compile(r'data-flag="([a-z_]+)"')


def _flags(coach_client: Client) -> list[str]:
    return FLAG.findall(coach_client.get("/coach/").content.decode())


def test_a_client_with_nothing_logged_is_flagged(owner: User, coach: User, coach_client: Client) -> None:
    grant_access(owner, coach)
    assert _flags(coach_client) == ["no_log"]


def test_a_recent_workout_clears_the_no_log_flag(owner: User, coach: User, coach_client: Client) -> None:
    grant_access(owner, coach)
    today = local_today(owner)
    workout_on(owner, today - timedelta(days=13), squat(owner))
    assert _flags(coach_client) == []
    page = coach_client.get("/coach/").content.decode()
    assert f"/coach/clients/{owner.pk}/workouts/" in page  # the last workout, linked


def test_high_blood_pressure_and_rising_pain_are_flagged_only_with_health_scope(
    owner: User, coach: User, coach_client: Client
) -> None:
    today = local_today(owner)
    workout_on(owner, today, squat(owner))
    # 165/95 is at or above the 160/100 deferral threshold on the systolic side (docs/science.md §6.3).
    BloodPressure.objects.create(owner=owner, measured_on=today, systolic_mmhg=165, diastolic_mmhg=95)
    WellbeingCheckIn.objects.create(owner=owner, measured_on=today - timedelta(days=20), pain=2)
    WellbeingCheckIn.objects.create(owner=owner, measured_on=today - timedelta(days=1), pain=5)
    grant = grant_access(owner, coach, scope=Scope.TRAINING)
    assert _flags(coach_client) == []
    grant.scope = Scope.HEALTH
    grant.save()
    assert _flags(coach_client) == ["blood_pressure", "pain_rising"]
    page = coach_client.get("/coach/").content.decode()
    assert "165/95 mmHg" in page


def test_blood_pressure_below_the_threshold_is_not_flagged(
    owner: User, coach: User, coach_client: Client
) -> None:
    today = local_today(owner)
    workout_on(owner, today, squat(owner))
    BloodPressure.objects.create(owner=owner, measured_on=today, systolic_mmhg=159, diastolic_mmhg=99)
    grant_access(owner, coach)
    assert _flags(coach_client) == []


def test_the_home_lists_only_the_coachs_own_clients(
    owner: User, coach: User, coach_client: Client, stranger: User
) -> None:
    grant_access(owner, coach)
    other_coach = make_user("otto")
    grant_access(stranger, other_coach)
    page = coach_client.get("/coach/").content.decode()
    assert f"/coach/clients/{owner.pk}/" in page
    assert f"/coach/clients/{stranger.pk}/" not in page


def test_the_adherence_counts_training_days(owner: User, coach: User, coach_client: Client) -> None:
    grant_access(owner, coach)
    today = local_today(owner)
    monday = today - timedelta(days=today.weekday())
    exercise = squat(owner)
    for back in (7, 6, 14):  # two days in last week, one in the week before
        workout_on(owner, monday - timedelta(days=back), exercise)
    page = coach_client.get("/coach/").content.decode()
    assert "0.8 training days a week over the last 4 weeks" in page  # 3 days / 4 weeks = 0.75


def test_a_comment_reaches_the_clients_workout_page(
    owner: User, owner_client: Client, coach: User, coach_client: Client
) -> None:
    grant_access(owner, coach)
    workout = workout_on(owner, local_today(owner), squat(owner))
    response = coach_client.post(
        f"/coach/clients/{owner.pk}/workouts/{workout.pk}/comments/", {"text": "Great depth today."}
    )
    assert response.status_code == 302
    page = owner_client.get(f"/history/{workout.pk}/").content.decode()
    assert "Comments from your coach" in page and "Great depth today." in page and "cora" in page


def test_a_coach_cannot_comment_on_another_persons_workout(
    owner: User, coach: User, coach_client: Client, stranger: User
) -> None:
    grant_access(owner, coach)
    theirs = workout_on(stranger, local_today(stranger), squat(stranger))
    response = coach_client.post(f"/coach/clients/{owner.pk}/workouts/{theirs.pk}/comments/", {"text": "Hi"})
    assert response.status_code == 404
    assert not WorkoutComment.objects.filter(workout=theirs).exists()


def test_the_client_pages_are_read_only(owner: User, coach: User, coach_client: Client) -> None:
    grant_access(owner, coach)
    workout = workout_on(owner, local_today(owner), squat(owner))
    page = coach_client.get(f"/coach/clients/{owner.pk}/workouts/{workout.pk}/").content.decode()
    assert "Goblet Squat" in page
    assert "/history/" not in page.split("<main", 1)[1]  # no edit or delete links to the owner's pages


def test_the_report_has_adherence_strength_health_and_notes(
    owner: User, coach: User, coach_client: Client
) -> None:
    grant_access(owner, coach)
    today = local_today(owner)
    exercise = squat(owner)
    workout_on(owner, today - timedelta(days=20), exercise, load_kg="100", reps=1)
    workout_on(owner, today - timedelta(days=2), exercise, load_kg="110", reps=1)
    BloodPressure.objects.create(
        owner=owner, measured_on=today - timedelta(days=3), systolic_mmhg=142, diastolic_mmhg=91
    )
    coach_client.post(
        f"/coach/clients/{owner.pk}/notes/",
        {"written_on": (today - timedelta(days=1)).isoformat(), "text": "Knee fine."},
    )
    period = f"from={(today - timedelta(days=30)).isoformat()}&to={today.isoformat()}"
    page = coach_client.get(f"/coach/clients/{owner.pk}/report/?{period}").content.decode()
    assert "2 training days" in page
    assert "100 kg" in page and "110 kg" in page and "+10%" in page  # e1RM of a single = the load
    assert "In the stage 2 range (ACC/AHA 2017 office categories" in page
    assert "Knee fine." in page
    assert "@media print" not in page and "coaching.css" in page  # the print stylesheet is linked
    pdf = coach_client.get(f"/coach/clients/{owner.pk}/report.pdf?{period}")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert "attachment" in pdf["Content-Disposition"]


def test_the_report_leaves_out_health_without_health_scope(
    owner: User, coach: User, coach_client: Client
) -> None:
    grant_access(owner, coach, scope=Scope.TRAINING)
    today = local_today(owner)
    BloodPressure.objects.create(owner=owner, measured_on=today, systolic_mmhg=142, diastolic_mmhg=91)
    page = coach_client.get(f"/coach/clients/{owner.pk}/report/").content.decode()
    assert "Health markers" not in page and "stage 2 range" not in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2026-13-01", "YYYY-MM-DD"),
        ("from=2026-03-01&to=2026-02-01", "start before"),
        ("from=2000-01-01&to=2026-01-01", "five years"),
    ],
)
def test_a_bad_period_is_refused(
    owner: User, coach: User, coach_client: Client, query: str, message: str
) -> None:
    grant_access(owner, coach)
    response = coach_client.get(f"/coach/clients/{owner.pk}/report/?{query}")
    assert response.status_code == 400 and message in response.content.decode()
    assert coach_client.get(f"/coach/clients/{owner.pk}/report.pdf?{query}").status_code == 400
