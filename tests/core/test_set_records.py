"""Records as they happen: what one set breaks the moment it is logged (`records.set_records`)."""

from __future__ import annotations

from decimal import Decimal

from liftwell.core.records import ExerciseBests, Record, RecordKind, SetPerformance, set_records

SQUAT = 1
K = RecordKind


def lift(load: str | int, reps: int, *, kind: str = "working", completed: bool = True) -> SetPerformance:
    return SetPerformance(
        exercise_id=SQUAT, load_kg=Decimal(str(load)), reps=reps, completed=completed, kind=kind
    )


# History, worked by hand: session A 100 x 5, 100 x 5 (volume 1000); session B 105 x 3, 90 x 8
# (volume 315 + 720 = 1035). Heaviest 105; best e1RM: 90 x 38/30 = 114.00 (100 x 35/30 = 116.67 is higher)
# -> 116.67; best set volume 720 (90 x 8); most reps at >= 100 kg: 5; at >= 90 kg: 8.
BESTS = ExerciseBests.from_history(SQUAT, [[lift(100, 5), lift(100, 5)], [lift(105, 3), lift(90, 8)]])


def kinds(records: list[Record]) -> list[tuple[RecordKind, Decimal, Decimal | None]]:
    return [(r.kind, r.value, r.previous) for r in records]


def test_a_heavier_single_breaks_the_heaviest_weight() -> None:
    # 110 x 1: heaviest 110 > 105; e1RM 110 < 116.67; set volume 110 < 720; no rep record (none that heavy).
    assert kinds(set_records(BESTS, [], lift(110, 1))) == [(K.HEAVIEST_LOAD, 110, 105)]


def test_more_reps_at_a_load_breaks_the_rep_record_and_e1rm() -> None:
    # 100 x 6: e1RM 100 x 36/30 = 120.00 > 116.67; set volume 600 < 720; 6 reps at >= 100 kg beats 5.
    assert kinds(set_records(BESTS, [], lift(100, 6))) == [
        (K.BEST_E1RM, Decimal("120.00"), Decimal("116.67")),
        (K.REP_RECORD, 6, 5),
    ]


def test_the_set_that_takes_the_session_past_the_best_volume() -> None:
    session = [lift(100, 5), lift(100, 5)]  # 1000 so far; the best session was 1035
    records = set_records(BESTS, session, lift(60, 1))  # 1060: past 1035
    assert kinds(records) == [(K.BEST_SESSION_VOLUME, 1060, 1035)]
    # The next set adds volume, but the record was already taken by the set before.
    assert set_records(BESTS, [*session, lift(60, 1)], lift(60, 1)) == []


def test_an_equal_set_later_in_the_session_breaks_nothing() -> None:
    assert kinds(set_records(BESTS, [], lift(110, 1))) == [(K.HEAVIEST_LOAD, 110, 105)]
    assert set_records(BESTS, [lift(110, 1)], lift(110, 1)) == []
    # Beating the session's own earlier record set counts, against the best so far (110).
    assert kinds(set_records(BESTS, [lift(110, 1)], lift(112, 1))) == [(K.HEAVIEST_LOAD, 112, 110)]


def test_warm_ups_missed_sets_and_a_first_session_break_nothing() -> None:
    assert set_records(BESTS, [], lift(200, 1, kind="warmup")) == []
    assert set_records(BESTS, [], lift(200, 1, completed=False)) == []
    assert set_records(None, [], lift(200, 1)) == []
    # A warm-up earlier in the session is not a best to beat.
    assert kinds(set_records(BESTS, [lift(150, 1, kind="warmup")], lift(110, 1))) == [
        (K.HEAVIEST_LOAD, 110, 105)
    ]
