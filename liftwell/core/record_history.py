"""Records over time from per-session bests: which session holds each record, and when each was broken.

The input is one `SessionBests` per session of an exercise, as the database sums a session's hard sets:
the heaviest load, the best estimated 1RM (Epley, sets of 12 reps or fewer; docs/science.md §2.1), the best
single-set volume (load x reps) and the session volume (sum of load x reps). Loads in kg (Decimal).

Ten years of one person's training is about ten thousand such rows against forty thousand sets, and a
record only needs these maxima, so the records page reads them instead of every set.

- A record is dated by the session that first reached it: a later tie is not a new record.
- A session breaks a record when it beats the best of every earlier session. The first session of an
  exercise breaks nothing (there was nothing to beat), as in `liftwell.core.records.find_records`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from liftwell.core.records import RecordKind


@dataclass(frozen=True)
class SessionBests:
    """The maxima of one exercise's hard sets in one session; None where no set had a load."""

    exercise_id: int
    session_id: int
    day: date
    top_load_kg: Decimal | None
    best_e1rm_kg: Decimal | None
    best_set_volume_kg: Decimal | None
    volume_kg: Decimal


# The per-session kinds, in the order records are listed.
SESSION_KINDS = (
    RecordKind.HEAVIEST_LOAD,
    RecordKind.BEST_E1RM,
    RecordKind.BEST_SET_VOLUME,
    RecordKind.BEST_SESSION_VOLUME,
)


def _value(session: SessionBests, kind: RecordKind) -> Decimal | None:
    if kind is RecordKind.HEAVIEST_LOAD:
        return session.top_load_kg
    if kind is RecordKind.BEST_E1RM:
        return session.best_e1rm_kg
    if kind is RecordKind.BEST_SET_VOLUME:
        return session.best_set_volume_kg
    return session.volume_kg


@dataclass(frozen=True)
class RecordEvent:
    """Session `session_id` on `day` raised `kind` of `exercise_id` to `value` from `previous`
    (None for the first value, which breaks nothing)."""

    exercise_id: int
    kind: RecordKind
    day: date
    session_id: int
    value: Decimal
    previous: Decimal | None

    @property
    def broken(self) -> bool:
        return self.previous is not None


@dataclass(frozen=True)
class ExerciseHistory:
    """One exercise's current record holders (by kind) and every change of a record, oldest first."""

    exercise_id: int
    holders: dict[RecordKind, RecordEvent]
    events: list[RecordEvent]
    last_day: date


def record_history(sessions: Iterable[SessionBests]) -> dict[int, ExerciseHistory]:
    """Per exercise: who holds each record now and the sessions that set it over time.

    Sessions are taken in date order (then by id); a value is a new record only when strictly greater
    than the best before it."""
    ordered = sorted(sessions, key=lambda s: (s.exercise_id, s.day, s.session_id))
    result: dict[int, ExerciseHistory] = {}
    holders: dict[RecordKind, RecordEvent] = {}
    events: list[RecordEvent] = []
    current: int | None = None
    last_day: date | None = None
    for session in ordered:
        if session.exercise_id != current:
            if current is not None and last_day is not None:
                result[current] = ExerciseHistory(current, holders, events, last_day)
            current, holders, events = session.exercise_id, {}, []
        last_day = session.day
        for kind in SESSION_KINDS:
            value = _value(session, kind)
            if value is None:
                continue
            held = holders.get(kind)
            if held is None or value > held.value:
                event = RecordEvent(
                    exercise_id=session.exercise_id,
                    kind=kind,
                    day=session.day,
                    session_id=session.session_id,
                    value=value,
                    previous=None if held is None else held.value,
                )
                holders[kind] = event
                events.append(event)
    if current is not None and last_day is not None:
        result[current] = ExerciseHistory(current, holders, events, last_day)
    return result


def timeline(histories: Iterable[ExerciseHistory], limit: int | None = None) -> list[RecordEvent]:
    """Every broken record of every exercise, newest first; one session's records of one exercise stay
    together, in kind order. At most `limit`."""
    order = {kind: i for i, kind in enumerate(SESSION_KINDS)}
    broken = [e for h in histories for e in h.events if e.broken]
    broken.sort(key=lambda e: (e.day, e.session_id, e.exercise_id, -order[e.kind]), reverse=True)
    return broken if limit is None else broken[:limit]
