"""Personal records: bests from history, and what a session beats."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.records import (
    ExerciseBests,
    Record,
    RecordKind,
    SetPerformance,
    find_records,
)

SQUAT, BENCH = 1, 2


def lift(
    load: str | float, reps: int, *, kind: str = "working", completed: bool = True, exercise: int = SQUAT
) -> SetPerformance:
    return SetPerformance(
        exercise_id=exercise, load_kg=Decimal(str(load)), reps=reps, completed=completed, kind=kind
    )


# Two past squat sessions; the warm-ups, the missed set and the bench set must not count.
HISTORY = [
    [lift(20, 10, kind="warmup"), lift(60, 5, kind="warmup"), lift(100, 5), lift(100, 5), lift(100, 4)],
    [lift(105, 3), lift(105, 3), lift(90, 8), lift(120, 1, completed=False), lift(140, 3, exercise=BENCH)],
]
BESTS = ExerciseBests.from_history(SQUAT, HISTORY)


def test_it_sums_up_the_history() -> None:
    assert BESTS.exercise_id == SQUAT
    assert BESTS.heaviest_kg == 105
    # Epley: 100 x 5 -> 116.67, 105 x 3 -> 115.50, 90 x 8 -> 114.00.
    assert BESTS.best_e1rm_kg == Decimal("116.67")
    assert BESTS.best_set_volume_kg == 720  # 90 x 8
    assert (
        BESTS.best_session_volume_kg == 1400
    )  # 500 + 500 + 400; the second session is 315 + 315 + 720 = 1350
    assert dict(BESTS.reps_at_load) == {Decimal(105): 3, Decimal(100): 5, Decimal(90): 8}


def test_an_empty_history_has_no_bests() -> None:
    bests = ExerciseBests.from_history(SQUAT, [[lift(20, 10, kind="warmup")], []])
    assert (
        bests.heaviest_kg,
        bests.best_e1rm_kg,
        bests.best_set_volume_kg,
        bests.best_session_volume_kg,
    ) == (
        None,
        None,
        None,
        None,
    )
    assert find_records(bests, [lift(100, 5)]) == []


def record(kind: RecordKind, value: str | int, previous: str | int, load: str | None = None) -> Record:
    return Record(
        kind=kind,
        exercise_id=SQUAT,
        value=Decimal(str(value)),
        previous=Decimal(str(previous)),
        load_kg=None if load is None else Decimal(load),
    )


HEAVIEST, E1RM, SET_VOLUME, SESSION_VOLUME, REPS = (
    RecordKind.HEAVIEST_LOAD,
    RecordKind.BEST_E1RM,
    RecordKind.BEST_SET_VOLUME,
    RecordKind.BEST_SESSION_VOLUME,
    RecordKind.REP_RECORD,
)


@pytest.mark.parametrize(
    ("session", "expected"),
    [
        # Nothing beaten.
        ([lift(100, 5), lift(100, 5)], []),
        # Heavier than ever; 110 x 1 is an e1RM of 110, below 116.67.
        ([lift(110, 1)], [record(HEAVIEST, 110, 105)]),
        # 100 x 6: e1RM 120.00, 600 kg set volume (below 720), one more rep than ever at 100 or heavier.
        ([lift(100, 6)], [record(E1RM, "120.00", "116.67"), record(REPS, 6, 5, "100")]),
        # 90 x 9: 810 kg set volume, e1RM 117.00, a rep record at 90 kg.
        (
            [lift(90, 9)],
            [record(E1RM, "117.00", "116.67"), record(SET_VOLUME, 810, 720), record(REPS, 9, 8, "90")],
        ),
        # Lots of sets: only the session volume (5 x 300 = 1500) is new.
        ([lift(60, 5)] * 5, [record(SESSION_VOLUME, 1500, 1400)]),
        # 95 x 6: more reps than ever at 95 or heavier (5 at 100), though 90 x 8 exists below it.
        ([lift(95, 6)], [record(REPS, 6, 5, "95")]),
        # 100 x 7 and 100 x 6 in one session: one rep record, the better set.
        ([lift(100, 6), lift(100, 7)], [record(E1RM, "123.33", "116.67"), record(REPS, 7, 5, "100")]),
        # 100 x 8 beats 90 x 8's record at 90 too, but is reported once, at its own load; 800 + 720 = 1520.
        (
            [lift(100, 8), lift(90, 8)],
            [
                record(E1RM, "126.67", "116.67"),
                record(SET_VOLUME, 800, 720),
                record(SESSION_VOLUME, 1520, 1400),
                record(REPS, 8, 5, "100"),
            ],
        ),
        # Warm-ups, missed sets, zero-rep sets and other exercises never count.
        (
            [
                lift(200, 5, kind="warmup"),
                lift(200, 5, completed=False),
                lift(200, 0),
                lift(200, 5, exercise=BENCH),
            ],
            [],
        ),
        # 20 reps: no e1RM past 12 reps, but the set volume and the rep record stand.
        ([lift(60, 20)], [record(SET_VOLUME, 1200, 720), record(REPS, 20, 8, "60")]),
        # A drop set counts like any other completed set.
        ([lift(80, 10, kind="drop")], [record(SET_VOLUME, 800, 720), record(REPS, 10, 8, "80")]),
    ],
)
def test_it_finds_the_records_a_session_sets(session: list[SetPerformance], expected: list[Record]) -> None:
    assert find_records(BESTS, session) == expected


def test_a_first_session_sets_no_records() -> None:
    assert find_records(None, [lift(100, 5)]) == []


def test_a_heavier_load_than_ever_is_not_also_a_rep_record() -> None:
    records = find_records(BESTS, [lift(107.5, 1)])
    assert [r.kind for r in records] == [HEAVIEST]


def test_records_carry_labels() -> None:
    labels = {kind: record(kind, 1, 0).label for kind in RecordKind}
    assert labels == {
        HEAVIEST: "Heaviest weight",
        E1RM: "Best estimated 1RM",
        SET_VOLUME: "Best set volume",
        SESSION_VOLUME: "Best session volume",
        REPS: "Rep record",
    }


def test_the_bests_include_the_session_once_it_is_history() -> None:
    session = [lift(110, 6)]
    assert find_records(BESTS, session)
    assert find_records(ExerciseBests.from_history(SQUAT, [*HISTORY, session]), session) == []


sets = st.builds(
    lift,
    load=st.sampled_from([0, 20, 40, 60, 80, 100, 120]),
    reps=st.integers(min_value=0, max_value=15),
    kind=st.sampled_from(["warmup", "working", "drop"]),
    completed=st.booleans(),
)


@given(st.lists(st.lists(sets, max_size=6), min_size=1, max_size=4), st.lists(sets, max_size=6))
def test_every_record_beats_its_previous_value(
    history: list[list[SetPerformance]], session: list[SetPerformance]
) -> None:
    bests = ExerciseBests.from_history(SQUAT, history)
    records = find_records(bests, session)
    assert all(r.previous is not None and r.value > r.previous for r in records)
    kinds = [r.kind for r in records if r.kind is not REPS]
    assert len(kinds) == len(set(kinds))
    # Once the session is history, it cannot beat itself.
    assert find_records(ExerciseBests.from_history(SQUAT, [*history, session]), session) == []


@given(st.lists(sets, max_size=10))
def test_reps_at_load_never_grows_with_the_load(history: list[SetPerformance]) -> None:
    bests = ExerciseBests.from_history(SQUAT, [history])
    loads = sorted(bests.reps_at_load)
    assert all(bests.reps_at_load[a] >= bests.reps_at_load[b] for a, b in zip(loads, loads[1:], strict=False))
