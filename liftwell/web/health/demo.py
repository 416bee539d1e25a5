"""The demo account: two years of a person who starts training, for `liftwell demo`.

`create_demo_account` makes the account with its profile, its training (demo_training.py) and its health
entries (`seed_health_demo`). Deterministic: the same seed and day give the same rows. Nothing is dated
later than `today`: no check-in, measurement or workout in the future. Values drift the
way trials suggest they can (blood pressure down a few mmHg, waist down, strength up), with noise, and
are not meant as promises.

A demo account is recognised by its e-mail address alone, DEMO_EMAIL, in the `.invalid` domain that
RFC 2606 reserves: no real person can receive mail there. Anything else is a real account and is never
replaced; a demo whose address someone has changed counts as real from then on.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from liftwell.core.health import labs
from liftwell.web.accounts.models import User
from liftwell.web.accounts.services import create_account, delete_account, update_profile
from liftwell.web.health.demo_training import seed_training_demo
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    BoneDensity,
    FunctionTest,
    LabResult,
    SarcF,
    WellbeingCheckIn,
)

DEMO_EMAIL = "demo@liftwell.invalid"
DEMO_TIME_ZONE = "Europe/London"
DEMO_AGE = 61  # old enough for the Senior Fitness Test norms, young enough for the push-up norms
WEEKS_PER_YEAR = 52


class NotADemoAccount(Exception):
    """The name belongs to a real account, which Liftwell never replaces."""


@dataclass(frozen=True)
class DemoReport:
    user: User
    created: bool  # False: the demo account was already there and nothing changed
    workouts: int = 0
    sets: int = 0
    health_entries: int = 0
    first_day: date | None = None


def is_demo_account(user: User) -> bool:
    return user.email == DEMO_EMAIL


def create_demo_account(
    *, username: str, password: str, today: date, years: int = 2, seed: int = 8, force: bool = False
) -> DemoReport:
    """Make the demo account `username` with `years` of training and health entries up to `today`.

    An existing demo account is left alone (idempotent), or replaced with `force`. A real account of that
    name raises NotADemoAccount, with or without `force`. One transaction: all of it or nothing."""
    weeks = WEEKS_PER_YEAR * years
    with transaction.atomic():
        existing = User.objects.filter(username__iexact=username).first()
        if existing is not None:
            if not is_demo_account(existing):
                raise NotADemoAccount(username)
            if not force:
                return DemoReport(existing, created=False)
            delete_account(user=existing)
        user = create_account(
            username=username, email=DEMO_EMAIL, password=password, time_zone=DEMO_TIME_ZONE, unit="kg"
        )
        update_profile(
            user=user,
            display_name="Demo",
            email=DEMO_EMAIL,
            unit="kg",
            time_zone=DEMO_TIME_ZONE,
            birth_year=today.year - DEMO_AGE,
            sex="male",
            height_cm=Decimal("178"),
        )
        workouts, sets = seed_training_demo(user=user, today=today, weeks=weeks, seed=seed)
        entries = seed_health_demo(user=user, today=today, weeks=weeks, seed=seed)
    return DemoReport(user, True, workouts, sets, entries, today - timedelta(weeks=weeks))


def _d(value: float, places: int = 1) -> Decimal:
    return Decimal(str(round(value, places)))


def seed_health_demo(*, user: User, today: date, weeks: int = 104, seed: int = 8) -> int:
    """Create about two years of entries for `user` up to `today`, none dated later; returns how many
    rows were made."""
    rng = random.Random(seed)
    start = today - timedelta(weeks=weeks)
    made = 0
    with transaction.atomic():
        for week in range(weeks + 1):
            day = start + timedelta(weeks=week)
            progress = week / weeks  # 0 at the start, 1 today
            if week % 2 == 0:
                BodyMeasurement.objects.create(
                    owner=user,
                    measured_on=day,
                    weight_kg=_d(84 - 4 * progress + rng.uniform(-0.6, 0.6), 2),
                    waist_cm=_d(98 - 6 * progress + rng.uniform(-0.8, 0.8)),
                    neck_cm=_d(39 + rng.uniform(-0.3, 0.3)),
                    hip_cm=_d(104 - 2 * progress + rng.uniform(-0.5, 0.5)),
                )
                BloodPressure.objects.create(
                    owner=user,
                    measured_on=day,
                    systolic_mmhg=round(138 - 7 * progress + rng.uniform(-4, 4)),
                    diastolic_mmhg=round(88 - 4 * progress + rng.uniform(-3, 3)),
                    resting_hr_bpm=round(74 - 8 * progress + rng.uniform(-3, 3)),
                )
                made += 2
            for offset in (1, 4):
                checked_on = day + timedelta(days=offset)
                if checked_on > today:
                    continue  # the last week's check-ins would fall after today: nothing is dated ahead
                WellbeingCheckIn.objects.create(
                    owner=user,
                    measured_on=checked_on,
                    sleep_quality=max(1, min(5, round(3 + progress + rng.uniform(-1.2, 1.2)))),
                    mood=max(1, min(5, round(3 + 0.8 * progress + rng.uniform(-1, 1)))),
                    energy=max(1, min(5, round(3 + progress + rng.uniform(-1, 1)))),
                    pain=max(0, min(10, round(5 - 3 * progress + rng.uniform(-1.5, 1.5)))),
                    pain_location="lower back",
                )
                made += 1
            if week % 13 == 0:  # a quarterly test day
                for kind, value in (
                    ("grip", 38 + 6 * progress + rng.uniform(-1, 1)),
                    ("chair_stand_30s", round(15 + 5 * progress + rng.uniform(-1, 1))),
                    ("sit_to_stand_5x", 11 - 2.5 * progress + rng.uniform(-0.4, 0.4)),
                    ("gait_speed", 1.2 + 0.1 * progress + rng.uniform(-0.03, 0.03)),
                    ("timed_up_and_go", 8 - 1.5 * progress + rng.uniform(-0.3, 0.3)),
                    ("push_ups", round(12 + 14 * progress + rng.uniform(-1, 1))),
                    ("plank", round(40 + 60 * progress + rng.uniform(-5, 5))),
                ):
                    FunctionTest.objects.create(owner=user, measured_on=day, kind=kind, value=_d(value, 2))
                    made += 1
                SarcF.objects.create(
                    owner=user, measured_on=day, strength=0, assistance=0, rise=0, climb=0, falls=0
                )
                made += 1
            if week % 26 == 0:  # blood tests twice a year, typed in mg/dL and %
                for kind, value, unit in (
                    ("fasting_glucose", 108 - 10 * progress + rng.uniform(-3, 3), labs.MG_DL),
                    ("hba1c", 5.9 - 0.3 * progress + rng.uniform(-0.05, 0.05), labs.PERCENT),
                    ("total_cholesterol", 228 - 18 * progress + rng.uniform(-5, 5), labs.MG_DL),
                    ("ldl", 148 - 15 * progress + rng.uniform(-4, 4), labs.MG_DL),
                    ("hdl", 44 + 4 * progress + rng.uniform(-2, 2), labs.MG_DL),
                    ("triglycerides", 170 - 30 * progress + rng.uniform(-8, 8), labs.MG_DL),
                ):
                    analyte = labs.Analyte(kind)
                    entered = round(value, 1 if unit == labs.PERCENT else 0)
                    canonical = labs.to_canonical(analyte, entered, unit)
                    LabResult.objects.create(
                        owner=user, measured_on=day, kind=kind, value=_d(canonical, 6), entered_unit=unit
                    )
                    made += 1
        for years_ago, t_score in ((2, "-1.4"), (0, "-1.2")):
            BoneDensity.objects.create(
                owner=user,
                measured_on=today - timedelta(days=365 * years_ago + 3),
                t_score=Decimal(t_score),
                site=BoneDensity.Site.LUMBAR_SPINE,
            )
            made += 1
    return made
