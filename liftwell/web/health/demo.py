"""Realistic health entries for a demo account: two years of a person who starts training.

`seed_health_demo(user=..., today=...)` is for the `liftwell demo` command (which also makes the training
history). Deterministic: the same call gives the same rows. Values drift the way trials suggest they can
(blood pressure down a few mmHg, waist down, strength up), with noise, and are not meant as promises.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from liftwell.core.health import labs
from liftwell.web.accounts.models import User
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    BoneDensity,
    FunctionTest,
    LabResult,
    SarcF,
    WellbeingCheckIn,
)


def _d(value: float, places: int = 1) -> Decimal:
    return Decimal(str(round(value, places)))


def seed_health_demo(*, user: User, today: date, weeks: int = 104, seed: int = 8) -> int:
    """Create about two years of entries for `user`; returns how many rows were made."""
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
                WellbeingCheckIn.objects.create(
                    owner=user,
                    measured_on=day + timedelta(days=offset),
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
