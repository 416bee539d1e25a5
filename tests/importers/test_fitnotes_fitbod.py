"""FitNotes (legacy and unit-column variants, ragged rows, body tracker) and Fitbod."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from liftwell.core.training import SetKind
from liftwell.importers.fitbod import parse_fitbod, typed_load
from liftwell.importers.fitnotes import parse_fitnotes, parse_fitnotes_body

LEGACY = (
    "Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time\n"
    "2017-06-23,Pushups,Chest,0.0,22,,,\n"
    "2017-06-23,Flat Barbell Bench Press,Chest,135.0,5,,,\n"
    "2017-06-23,Flat Barbell Bench Press,Chest,145.0,5,,,\n"
    "2017-06-24,Treadmill,Cardio,,,2.0,mi,0:20:00\n"
)
UNIT_COLUMN = (
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time\n"
    "2025-04-29,Overhead Press (Each Side, Dumbbells),Shoulders,8.0,kgs,5,,,\n"
    "2025-04-29,Overhead Press (Each Side, Dumbbells),Shoulders,10.0,kgs,3,,,\n"
    "2025-04-29,Plank,Abs,,,,,,1:05\n"
)
FITBOD = (
    "Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n"
    "2022-01-05 22:06:49 +0000,Dumbbell Front Raise, 5,7.937875915123695,0.0,0.0,0.0,0.0,false,, 2.0\n"
    "2022-01-05 22:06:49 +0000,Dumbbell Front Raise, 5,7.937875915123695,0.0,0.0,0.0,0.0,true,, 2.0\n"
    "2022-01-05 22:06:49 +0000,Back Squat, 5,100.0,0.0,0.0,0.0,0.0,false,easy, 1.0\n"
    "2022-01-03 18:00:00 +0000,Running, 0,0.0,1200.0,3000.0,0.0,0.0,false,, 0.0\n"
)


def test_legacy_fitnotes_takes_its_unit_from_the_header() -> None:
    parsed = parse_fitnotes(LEGACY)
    assert [row.unit for row in parsed.sets] == [None, "lb", "lb", None]
    assert [(row.block, row.position) for row in parsed.sets] == [(0, 0), (1, 0), (1, 1), (0, 0)]
    assert parsed.sets[0].started_at == datetime(2017, 6, 23)
    run = parsed.sets[3]
    assert (run.distance, run.distance_unit, run.duration_s) == (Decimal("2.0"), "mi", 1200)


def test_unquoted_commas_in_names_are_repaired_not_dropped() -> None:
    parsed = parse_fitnotes(UNIT_COLUMN)
    assert len(parsed.sets) == 3 and not parsed.problems
    assert parsed.sets[0].exercise == "Overhead Press (Each Side, Dumbbells)"
    assert parsed.sets[0].unit == "kg" and parsed.sets[0].load == Decimal("8.0")
    assert parsed.pseudo_rows == {"repaired (unquoted commas in the exercise name)": 2}
    assert parsed.sets[2].duration_s == 65


def test_the_body_tracker() -> None:
    parsed = parse_fitnotes_body(
        "Date,Time,Measurement,Value,Unit\n2018-07-30,12:18:42,Bodyweight,167.0,lbs\n"
    )
    (row,) = parsed.measurements
    assert (row.name, row.value, row.unit) == ("Bodyweight", Decimal("167.0"), "lb")
    assert row.measured_at == datetime(2018, 7, 30, 12, 18, 42)


def test_fitbod_reads_offsets_warmups_and_typed_pounds() -> None:
    parsed = parse_fitbod(FITBOD)
    assert len(parsed.sets) == 4 and not parsed.problems and not parsed.needs_time_zone
    first = parsed.sets[0]
    assert first.started_at == datetime(2022, 1, 5, 22, 6, 49, tzinfo=UTC)
    assert (first.load, first.unit, first.reps) == (Decimal("17.5"), "lb", 5)
    assert parsed.sets[1].kind == SetKind.WARMUP
    assert (parsed.sets[2].load, parsed.sets[2].unit, parsed.sets[2].notes) == (Decimal(100), "kg", "easy")
    run = parsed.sets[3]
    assert (run.load, run.reps, run.duration_s, run.distance, run.distance_unit) == (
        None,
        None,
        1200,
        Decimal("3000.0"),
        "m",
    )


def test_typed_load_rounds_kilograms_that_are_no_pound_step() -> None:
    assert typed_load(Decimal("20.0")) == (Decimal(20), "kg")
    assert typed_load(Decimal("61.23496995")) == (Decimal(135), "lb")
    assert typed_load(Decimal("33.3333333")) == (Decimal("33.333"), "kg")
