"""Records over time from per-session bests: holders and the timeline."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.record_history import (
    SessionBests,
    record_history,
    timeline,
)
from liftwell.core.records import RecordKind
from liftwell.core.series import SetGroup, exercise_records, session_series

D = Decimal
K = RecordKind


def session(exercise_id: int, session_id: int, day: date, groups: list[tuple[str, int, int]]) -> SessionBests:
    """Per-session bests computed by hand-checked core code from (load, reps, count) groups."""
    sets = [SetGroup(session_id, day, D(load), reps, n) for load, reps, n in groups]
    (point,) = session_series(sets)
    return SessionBests(
        exercise_id=exercise_id,
        session_id=session_id,
        day=day,
        top_load_kg=point.top_load_kg,
        best_e1rm_kg=point.best_e1rm_kg,
        best_set_volume_kg=max(D(load) * reps for load, reps, _ in groups),
        volume_kg=point.volume_kg,
    )


# Bench press (exercise 1), three sessions:
# 2 Mar: 100 x 5 x 3 sets -> top 100, e1RM 100 x 35/30 = 116.67, set volume 500, session volume 1500
# 9 Mar: 105 x 3 x 2      -> top 105 (record, was 100), e1RM 115.50 (no), set 315 (no), volume 630 (no)
# 16 Mar: 100 x 8 x 1, 90 x 10 x 2 -> top 100 (no), e1RM 100 x 38/30 = 126.67 (record, was 116.67),
#         set volume 900 (record, was 500), session volume 800 + 1800 = 2600 (record, was 1500)
# Squat (exercise 2): 1 Mar 140 x 5 -> nothing to beat; 20 Mar 140 x 5 again: a tie, not a record.
MAR = {d: date(2026, 3, d) for d in (1, 2, 9, 16, 20)}
SESSIONS = [
    session(1, 10, MAR[2], [("100", 5, 3)]),
    session(1, 11, MAR[9], [("105", 3, 2)]),
    session(1, 12, MAR[16], [("100", 8, 1), ("90", 10, 2)]),
    session(2, 20, MAR[1], [("140", 5, 1)]),
    session(2, 21, MAR[20], [("140", 5, 1)]),
]


def test_holders_are_the_first_sessions_to_reach_each_best() -> None:
    histories = record_history(reversed(SESSIONS))  # input order does not matter
    bench = histories[1].holders
    assert (bench[K.HEAVIEST_LOAD].value, bench[K.HEAVIEST_LOAD].session_id) == (105, 11)
    assert (bench[K.BEST_E1RM].value, bench[K.BEST_E1RM].session_id) == (D("126.67"), 12)
    assert (bench[K.BEST_SET_VOLUME].value, bench[K.BEST_SET_VOLUME].session_id) == (900, 12)
    assert (bench[K.BEST_SESSION_VOLUME].value, bench[K.BEST_SESSION_VOLUME].session_id) == (2600, 12)
    squat = histories[2].holders
    assert {e.session_id for e in squat.values()} == {20}  # the tie on 20 Mar does not take a record
    assert histories[1].last_day == MAR[16] and histories[2].last_day == MAR[20]


def test_timeline_lists_broken_records_newest_first() -> None:
    events = timeline(record_history(SESSIONS).values())
    assert [(e.day, e.kind, e.value, e.previous) for e in events] == [
        (MAR[16], K.BEST_E1RM, D("126.67"), D("116.67")),
        (MAR[16], K.BEST_SET_VOLUME, 900, 500),
        (MAR[16], K.BEST_SESSION_VOLUME, 2600, 1500),
        (MAR[9], K.HEAVIEST_LOAD, 105, 100),
    ]
    assert len(timeline(record_history(SESSIONS).values(), limit=2)) == 2


def test_a_first_session_and_a_tie_break_nothing() -> None:
    histories = record_history(SESSIONS[3:])
    assert [e for e in histories[2].events if e.broken] == []
    assert timeline(histories.values()) == []


def test_a_session_without_loads_holds_only_a_zero_session_volume() -> None:
    bodyweight = SessionBests(3, 30, MAR[1], None, None, None, D(0))
    holders = record_history([bodyweight])[3].holders
    assert set(holders) == {K.BEST_SESSION_VOLUME} and holders[K.BEST_SESSION_VOLUME].value == 0


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=30),  # day offset
            st.sampled_from(["60", "80", "100", "102.5", "20.411656"]),
            st.integers(min_value=1, max_value=15),
            st.integers(min_value=1, max_value=3),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_holders_match_exercise_records_over_every_set(rows: list[tuple[int, str, int, int]]) -> None:
    """The per-session path and the per-set path (`series.exercise_records`) name the same values, days
    and sessions."""
    groups = [SetGroup(day, date(2026, 1, 1 + day), D(load), reps, n) for day, load, reps, n in rows]
    sessions = []
    for point in session_series(groups):
        mine = [g for g in groups if g.session_id == point.session_id]
        sessions.append(
            SessionBests(
                exercise_id=1,
                session_id=point.session_id,
                day=point.day,
                top_load_kg=point.top_load_kg,
                best_e1rm_kg=point.best_e1rm_kg,
                best_set_volume_kg=max(g.load_kg * g.reps for g in mine if g.load_kg is not None),
                volume_kg=point.volume_kg,
            )
        )
    holders = record_history(sessions)[1].holders
    expected = exercise_records(groups)
    pairs = [
        (K.HEAVIEST_LOAD, expected.heaviest),
        (K.BEST_E1RM, expected.best_e1rm),
        (K.BEST_SET_VOLUME, expected.best_set_volume),
        (K.BEST_SESSION_VOLUME, expected.best_session_volume),
    ]
    for kind, best in pairs:
        if best is None:
            assert kind not in holders
        else:
            assert (holders[kind].value, holders[kind].day, holders[kind].session_id) == (
                best.value,
                best.day,
                best.session_id,
            )
