"""`liftwell demo` writes nothing dated later than its `today` (issue 14 item 16): no check-in, measurement,
lab result, test or workout in the future, whatever the seed, the length or the day of the week.

Every date and date-time column of every model with an `owner` is checked, so a new kind of demo row is
covered without changing this test; columns Django fills with the moment of writing (auto_now) are left out.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, timedelta
from itertools import count

import pytest
from django.apps import apps
from django.db import models, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwell.web.accounts.models import User
from liftwell.web.health.demo import create_demo_account, seed_health_demo
from liftwell.web.health.demo_training import seed_training_demo
from liftwell.web.health.models import BodyMeasurement, WellbeingCheckIn
from liftwell.web.training.models import Workout
from tests.conftest import make_user

PASSWORD = "a-Long-enough-pass"


def owned_models() -> list[type[models.Model]]:
    found = []
    for model in apps.get_models():
        field = next((f for f in model._meta.get_fields() if f.name == "owner"), None)
        if isinstance(field, models.ForeignKey) and field.related_model is User:
            found.append(model)
    return found


def dated_fields(model: type[models.Model]) -> list[models.DateField]:
    """Date and date-time columns the data sets (DateTimeField is a DateField); not auto_now ones."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField) and not (f.auto_now or f.auto_now_add)
    ]


def latest_days(user: User) -> dict[str, date]:
    """The latest day in each dated column of the person's rows, date-times read in their time zone."""
    zone = zoneinfo.ZoneInfo(user.time_zone)
    latest: dict[str, date] = {}
    for model in owned_models():
        for field in dated_fields(model):
            value = model.objects.filter(owner=user).aggregate(latest=models.Max(field.name))["latest"]
            if isinstance(value, datetime):
                value = value.astimezone(zone).date()
            if value is not None:
                latest[f"{model.__name__}.{field.name}"] = value
    return latest


def test_the_check_finds_the_columns_that_matter() -> None:
    columns = {f"{m.__name__}.{f.name}" for m in owned_models() for f in dated_fields(m)}
    assert {"WellbeingCheckIn.measured_on", "BodyMeasurement.measured_on", "Workout.local_date"} <= columns
    assert {"Workout.started_at", "Workout.ended_at", "WorkoutSet.completed_at"} <= columns


@pytest.mark.django_db
@pytest.mark.parametrize(
    "today",
    [
        date(
            2026, 11, 29
        ),  # a Sunday: the last weekly check-ins used to land on the Monday and Thursday after
        date(2026, 11, 30),  # a Monday: a training day, which must not be used today
        date(2028, 2, 29),  # a leap day
        date(2026, 12, 31),  # the last day of a year (ISO week 53)
    ],
)
def test_the_demo_account_holds_nothing_after_today(today: date) -> None:
    report = create_demo_account(username="demo", password=PASSWORD, today=today, years=1)
    latest = latest_days(report.user)
    assert {name: day for name, day in latest.items() if day > today} == {}
    # Up to today, not short of it: the newest measurement is today's and the last check-in this week's.
    assert latest["BodyMeasurement.measured_on"] == today
    assert today - timedelta(days=6) <= latest["WellbeingCheckIn.measured_on"] <= today
    assert latest["Workout.local_date"] < today  # workouts end yesterday: today's session is still to come


@pytest.mark.django_db
def test_the_last_week_keeps_only_its_past_check_ins() -> None:
    today = date(2026, 11, 29)
    user = make_user("checker", time_zone="Europe/London")
    seed_health_demo(user=user, today=today, weeks=4)
    days = sorted(WellbeingCheckIn.objects.filter(owner=user).values_list("measured_on", flat=True))
    # Check-ins fall 1 and 4 days after each fortnightly or weekly start day; those after today are left out.
    start = today - timedelta(weeks=4)
    expected = [
        day
        for week in range(5)
        for day in (start + timedelta(weeks=week, days=1), start + timedelta(weeks=week, days=4))
        if day <= today
    ]
    assert days == expected and len(days) == 8
    assert BodyMeasurement.objects.filter(owner=user, measured_on=today).exists()


_names = count()


@pytest.mark.django_db
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    today=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    weeks=st.integers(min_value=1, max_value=20),
    zone=st.sampled_from(["Europe/London", "Pacific/Auckland", "America/Los_Angeles"]),
)
def test_no_seed_or_day_writes_anything_after_today(seed: int, today: date, weeks: int, zone: str) -> None:
    with transaction.atomic():
        user = make_user(f"demo-{next(_names)}", time_zone=zone)
        seed_training_demo(user=user, today=today, weeks=weeks, seed=seed)
        seed_health_demo(user=user, today=today, weeks=weeks, seed=seed)
        latest = latest_days(user)
        assert {name: day for name, day in latest.items() if day > today} == {}
        assert latest["BodyMeasurement.measured_on"] <= today
        assert not Workout.objects.filter(owner=user, local_date__gte=today).exists()
        transaction.set_rollback(True)
