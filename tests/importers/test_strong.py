"""Strong: every variant of the header, pseudo-rows, units, blocks and bad rows."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from liftwell.core.training import SetKind
from liftwell.importers.detect import parse_bytes
from liftwell.importers.strong import parse_strong

S0 = (
    "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\r\n"
    '2016-10-03 19:30:55,"W1D1","Squat",0,70.0,5,0.0,0,""\r\n'
    '2016-10-03 19:30:55,"W1D1","Squat",1,72.5,5,0.0,0,""\r\n'
    '2016-10-03 19:30:55,"W1D1","Running",0,0.0,0,2.5,600,""\r\n'
)
S1 = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes\n"
    '2017-05-12 19:00:00,"Afternoon Workout","Bench Press (Barbell)",1,50,10,0,0,"",""\n'
    '2017-05-12 19:00:00,"Afternoon Workout","Bench Press (Barbell)",2,52.5,10,0,0,"","tired"\n'
)
S2 = (
    "Date,Workout Name,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    '2019-12-02 16:45:22,"Воркаут","Bench Press (Barbell)",1,30.0,12,0,0,"","",\n'
    '2019-12-02 16:45:22,"Воркаут","Bench Press (Barbell)",2,40.0,12,0,0,,,8.5\n'
    '2019-12-02 16:45:22,"Воркаут","Squat (Barbell)",1,60.0,5,0,0,,,\n'
    '2019-12-02 16:45:22,"Воркаут","Bench Press (Barbell)",1,45.0,8,0,0,,,\n'
)
VARIANT_A = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,"
    "Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
    '2023-01-01 09:24:45," 1 Legs #1",56m,"Squat (Barbell)",1,45.0,8,0,0,"","",\n'
    '2023-01-01 09:24:45," 1 Legs #1",56m,"Squat (Barbell)",2,135.0,8,0,0,,,\n'
    '2023-01-01 09:24:45," 1 Legs #1",56m,"Squat (Barbell)",3,225.0,5,0,0,,,\n'
    '2023-01-02 09:24:45,"Push",2h 38m,"Bench Press (Barbell)",1,135.0,13.0,0,0,,,\n'
)
VARIANT_B = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;"
    "Notes;Workout Notes;Workout Duration\n"
    '2018-12-10 10:33:55;"Chest A";"Incline Bench Press (Barbell)";1;90;lbs;15;;;;0;"";"";1h 5m\n'
    '2018-12-10 10:33:55;"Chest A";"Incline Bench Press (Barbell)";2;40;kg;15;;;;0;;;1h 5m\n'
    '2018-12-10 10:33:55;"Chest A";"Rowing (Machine)";1;;;;;2.5;km;600;;;1h 5m\n'
)
VARIANT_C = (
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";'
    '"Weight (kg)";"Reps";"RPE";'
    '"Distance (meters)";"Seconds";"Notes";"Workout Notes"\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Bench Press (Barbell)";"Note";"";"";"";"";"";"elbows in";""\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Bench Press (Barbell)";"W";"20";"10";"";"";"";"";""\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Bench Press (Barbell)";"Rest Timer";"";"";"";"";"90";"";""\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Bench Press (Barbell)";"1";"80";"5";"8";"";"";"";""\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Bench Press (Barbell)";"D";"60";"8";"";"";"";"";""\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Bench Press (Barbell)";"F";"50";"9";"";"";"";"";""\n'
    '"7";"2025-01-06 07:47:59";"Push";"3180";"Running (Treadmill)";"2";"";"";"";"1272.0";"296.0";"";""\n'
)


def test_it_reads_the_2016_variant_with_units_in_the_header() -> None:
    parsed = parse_strong(S0)
    assert [row.position for row in parsed.sets] == [0, 1, 0]
    assert [row.block for row in parsed.sets] == [0, 0, 1]
    squat = parsed.sets[0]
    assert (squat.load, squat.unit, squat.reps) == (Decimal("70.0"), "kg", 5)
    assert squat.started_at == datetime(2016, 10, 3, 19, 30, 55)
    run = parsed.sets[2]
    assert (run.load, run.distance, run.distance_unit, run.duration_s) == (None, Decimal("2.5"), "km", 600)
    assert not parsed.needs_unit and not parsed.problems


def test_it_asks_for_the_unit_where_the_file_has_none() -> None:
    parsed = parse_strong(S1)
    assert parsed.needs_unit and parsed.sets[0].unit is None
    assert parsed.sets[1].workout_notes == "tired"


def test_it_infers_pounds_from_barbell_loads_and_says_why() -> None:
    parsed = parse_strong(VARIANT_A)
    assert parsed.unit_guess is not None and parsed.unit_guess.unit == "lb"
    assert "45/135/225" in parsed.unit_guess.reason
    assert parsed.sets[0].workout_duration_s == 56 * 60
    assert parsed.sets[3].workout_duration_s == 2 * 3600 + 38 * 60
    assert parsed.sets[3].reps == 13
    assert parsed.sets[0].title == "1 Legs #1"  # trimmed


def test_an_exercise_done_twice_makes_two_blocks() -> None:
    parsed = parse_strong(S2)
    assert [row.block for row in parsed.sets] == [0, 0, 1, 2]
    assert parsed.sets[1].rpe == Decimal("8.5")
    assert parsed.sets[0].title == "Воркаут"


def test_it_reads_unit_columns_per_row() -> None:
    parsed = parse_strong(VARIANT_B)
    assert [row.unit for row in parsed.sets] == ["lb", "kg", None]
    assert parsed.sets[2].distance_unit == "km"
    assert parsed.sets[0].workout_duration_s == 3900
    assert not parsed.needs_unit


def test_the_current_format_folds_rest_timer_and_note_rows() -> None:
    parsed = parse_strong(VARIANT_C)
    assert parsed.data_rows == 7
    assert len(parsed.sets) == 5
    assert parsed.pseudo_rows == {"note": 1, "rest timer": 1}
    kinds = [row.kind for row in parsed.sets]
    assert kinds == [SetKind.WARMUP, SetKind.WORKING, SetKind.DROP, SetKind.FAILURE, SetKind.WORKING]
    warmup = parsed.sets[0]
    assert warmup.rest_s == 90 and warmup.exercise_notes == "elbows in"
    assert [row.position for row in parsed.sets[:4]] == [0, 1, 2, 3]
    assert parsed.sets[4].distance_unit == "m" and parsed.sets[4].duration_s == 296
    assert parsed.sets[0].workout_duration_s == 3180
    assert parsed.sets[0].unit == "kg"


def test_encodings_and_line_endings_give_the_same_rows() -> None:
    reference = parse_bytes(VARIANT_C.encode()).sets
    for data in (
        b"\xef\xbb\xbf" + VARIANT_C.encode(),
        VARIANT_C.encode("utf-16"),
        VARIANT_C.encode("utf-16-le"),
        VARIANT_C.replace("\n", "\r\n").encode("cp1252"),
    ):
        assert parse_bytes(data).sets == reference
    cyrillic = parse_bytes(S2.encode("utf-16"))
    assert cyrillic.sets[0].title == "Воркаут"


def test_windows_1252_names_survive() -> None:
    text = S1.replace("Bench Press (Barbell)", "Développé couché")
    parsed = parse_bytes(text.encode("cp1252"))
    assert parsed.sets[0].exercise == "Développé couché"


def test_bad_rows_become_problems_with_their_line() -> None:
    text = (
        S1
        + '2017-05-13 19:00:00,"X","Curl",1,abc,10,0,0,"",""\n'
        + "short,row\n"
        + 'nonsense,"X","Curl",1,5,5,0,0,"",""\n'
    )
    parsed = parse_strong(text)
    assert len(parsed.sets) == 2
    assert [problem.line for problem in parsed.problems] == [4, 5, 6]
    assert "abc" in str(parsed.problems[0])


def test_reps_beyond_1000_are_left_out_not_the_set() -> None:
    text = S1.replace(",52.5,10,", ",52.5,877777,")
    parsed = parse_strong(text)
    assert len(parsed.sets) == 2 and parsed.sets[1].reps is None
    assert parsed.problems[0].line == 3
