"""Hevy workouts (kg and lb accounts, localised months, supersets) and measurements."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from liftwell.core.training import SetKind
from liftwell.importers.hevy import parse_hevy, parse_hevy_measurements, parse_time

HEADER = (
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes",'
    '"set_index","set_type","weight_{u}","reps","distance_{d}","duration_seconds","rpe"\n'
)
KG = HEADER.format(u="kg", d="km") + (
    '"Lower","16 Sep 2025, 07:48","16 Sep 2025, 09:13",'
    '"heavy day","Squat (Barbell)",,"",0,"warmup",60,5,,0,\n'
    '"Lower","16 Sep 2025, 07:48","16 Sep 2025, 09:13",'
    '"heavy day","Squat (Barbell)",,"",1,"normal",100,5,,0,8.5\n'
    '"Lower","16 Sep 2025, 07:48","16 Sep 2025, 09:13",'
    '"heavy day","Squat (Barbell)",,"",2,"dropset",80,8,,0,\n'
    '"Upper","15 Sep 2025, 18:00","15 Sep 2025, 19:00","","Pull Up",0,"slow",0,"failure",,12,,,\n'
    '"Upper","15 Sep 2025, 18:00","15 Sep 2025, 19:00","","Bench Press (Barbell)",0,"",0,"normal",80,5,,,\n'
    '"Upper","15 Sep 2025, 18:00","15 Sep 2025, 19:00","","Running",,"",0,"normal",,,3.2,1200,\n'
)
LB = HEADER.format(u="lbs", d="miles") + (
    '"Compound Upper","9 Jul 2025, 06:42","9 Jul 2025, 07:46","",'
    '"Lateral Raise (Cable)",2,"",0,"normal",11,9,,,\n'
    '"Compound Upper","9 Jul 2025, 06:42","9 Jul 2025, 07:46","","Walking",,"",0,"normal",,,1.5,900,\n'
)


def test_it_reads_a_kg_account() -> None:
    parsed = parse_hevy(KG)
    assert len(parsed.sets) == 6 and not parsed.problems
    assert [row.kind for row in parsed.sets[:3]] == [SetKind.WARMUP, SetKind.WORKING, SetKind.DROP]
    first = parsed.sets[0]
    assert first.started_at == datetime(2025, 9, 16, 7, 48)
    assert first.ended_at == datetime(2025, 9, 16, 9, 13)
    assert (first.load, first.unit, first.duration_s) == (Decimal(60), "kg", None)
    assert first.workout_notes == "heavy day"
    assert parsed.sets[1].rpe == Decimal("8.5")
    pull_up = parsed.sets[3]
    assert (pull_up.load, pull_up.superset, pull_up.exercise_notes) == (None, 0, "slow")
    assert parsed.sets[5].distance == Decimal("3.2") and parsed.sets[5].distance_unit == "km"
    assert len({row.workout_key for row in parsed.sets}) == 2


def test_it_reads_a_pound_account_from_the_header() -> None:
    parsed = parse_hevy(LB)
    assert parsed.sets[0].unit == "lb" and parsed.sets[0].superset == 2
    assert parsed.sets[1].distance_unit == "mi"


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("3 févr. 2025, 07:48", 2),
        ("3 août 2025, 07:48", 8),
        ("3 mrt. 2025, 07:48", 3),
        ("3 März 2025, 07:48", 3),
        ("3 dic 2025, 07:48", 12),
        ("3 out. 2025, 07:48", 10),
        ("3 giu 2025, 07:48", 6),
        ("3 juil. 2025, 07:48", 7),
        ("3 мая 2025 г., 07:48".replace(" г.", ""), 5),
        ("3 сент. 2025, 07:48", 9),
        ("3 ene 2025, 07:48", 1),
        ("3 Okt 2025, 07:48", 10),
        ("3 Sep 2025, 07:48", 9),
    ],
)
def test_localised_month_names(text: str, month: int) -> None:
    assert parse_time(text) == datetime(2025, month, 3, 7, 48)


def test_an_unknown_month_is_a_problem_with_its_line() -> None:
    parsed = parse_hevy(KG.replace("16 Sep 2025, 07:48", "16 Xyz 2025, 07:48", 1))
    assert len(parsed.sets) == 5
    assert parsed.problems[0].line == 2 and "Xyz" in parsed.problems[0].message


def test_measurements_keep_each_columns_unit() -> None:
    text = (
        '"date","weight_kg","fat_percent","neck_in","waist_in"\n'
        '"14 Jan 2025, 00:00",78.7,,,\n'
        '"26 Jan 2025, 00:00",77.79,22.3,,33.5\n'
    )
    parsed = parse_hevy_measurements(text)
    assert [(m.name, m.value, m.unit) for m in parsed.measurements] == [
        ("weight", Decimal("78.7"), "kg"),
        ("weight", Decimal("77.79"), "kg"),
        ("fat", Decimal("22.3"), "%"),
        ("waist", Decimal("33.5"), "in"),
    ]
