"""`liftwell bench seed`: reproducible members, skipped when they exist, written past the id sequences."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db.models import Max, Min, Sum

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BodyMeasurement
from liftwell.web.ops.seed import member_username, seed_members
from liftwell.web.training.models import Workout, WorkoutSet
from liftwell.web.training.services import create_workout, log_set
from tests.conftest import make_user

UNTIL = date(2026, 11, 1)


def _digest(seed: int) -> list[tuple[str, int, Decimal | None, str]]:
    """What each member holds, independent of the ids the rows were given."""
    rows = []
    for user in User.objects.filter(username__startswith=f"seed{seed}-").order_by("username"):
        sets = WorkoutSet.objects.filter(owner=user)
        first = Workout.objects.filter(owner=user).aggregate(first=Min("started_at"))["first"]
        rows.append((user.username, sets.count(), sets.aggregate(total=Sum("load_kg"))["total"], str(first)))
    return rows


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_members_and_a_rerun_adds_nobody(library: None) -> None:
    first = seed_members(users=8, years=0.5, seed=3, until=UNTIL)
    assert first.users == 8 and first.rows["WorkoutSet"] > 0 and first.rows["BodyMeasurement"] > 0
    digest = _digest(3)
    assert seed_members(users=8, years=0.5, seed=3, until=UNTIL).users == 0  # all exist: nothing added
    User.objects.filter(username__startswith="seed3-").delete()
    again = seed_members(users=8, years=0.5, seed=3, until=UNTIL)
    assert again.rows == first.rows and _digest(3) == digest
    assert _digest(4) == []  # another seed's names are apart
    assert seed_members(users=2, years=0.5, seed=4, until=UNTIL).users == 2


@pytest.mark.django_db
def test_members_train_progressively_and_within_the_window(library: None) -> None:
    seed_members(users=30, years=1, seed=1, until=UNTIL)
    span = Workout.objects.aggregate(first=Min("local_date"), last=Max("local_date"))
    assert span["last"] <= UNTIL and span["first"] >= date(2025, 11, 1)
    squats = WorkoutSet.objects.filter(exercise__slug="barbell-back-squat", kind="working")
    # The members who squatted for at least four months lift more at the end than at the start.
    improved = checked = 0
    for owner_id in squats.values_list("owner_id", flat=True).distinct():
        mine = squats.filter(owner_id=owner_id).order_by("workout__started_at")
        dates = mine.aggregate(first=Min("workout__local_date"), last=Max("workout__local_date"))
        if (dates["last"] - dates["first"]).days < 120:
            continue
        loads = list(mine.values_list("load_kg", flat=True))
        checked += 1
        improved += sum(loads[-6:]) / 6 > sum(loads[:6]) / 6
    assert checked >= 3 and improved == checked
    assert BodyMeasurement.objects.filter(owner__username__startswith="seed1-").exists()


@pytest.mark.django_db
def test_ordinary_writes_work_after_seeding(library: None) -> None:
    """The id sequences were moved past the seeded rows (PostgreSQL would otherwise collide)."""
    seed_members(users=3, years=0.3, seed=5, until=UNTIL)
    person = make_user("after-seed")
    workout, _ = create_workout(user=person)
    squat_id = WorkoutSet.objects.values_list("exercise_id", flat=True).first()
    assert squat_id is not None
    made, created = log_set(user=person, workout=workout, exercise_id=squat_id, reps=5, load_kg=60)
    assert created and made.pk > WorkoutSet.objects.exclude(pk=made.pk).aggregate(top=Max("id"))["top"]


@pytest.mark.django_db
def test_the_command_reports_what_it_wrote(library: None) -> None:
    out = StringIO()
    call_command(
        "bench",
        "seed",
        "--users",
        "3",
        "--years",
        "0.2",
        "--until",
        "2026-11-01",
        stdout=out,
        stderr=StringIO(),
    )
    assert out.getvalue().startswith("3 new members on ")
    assert User.objects.filter(username=member_username(1, 2)).exists()
    if apps.is_installed("liftwell.web.coaching"):
        assert "1 coaches with 2 clients" in out.getvalue()
