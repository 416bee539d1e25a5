"""Personal records for the end-of-workout summary: what this session beat in the lifter's own history.

Only completed, non-warm-up sets with at least one rep count. Per exercise the bests are the heaviest load,
the best estimated 1RM (Epley, sets of 12 reps or fewer; docs/science.md §2.1), the best single-set volume
(load x reps), the best session volume (sum of load x reps) and, for rep records, the most reps at a load or
any heavier one. Loads in kg (Decimal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from liftwell.core.training import epley_e1rm_kg, is_hard_set, tonnage_kg


@dataclass(frozen=True)
class SetPerformance:
    """One logged set; `kind` is a `liftwell.core.training.SetKind` value."""

    exercise_id: int
    load_kg: Decimal
    reps: int
    completed: bool
    kind: str

    @property
    def counts(self) -> bool:
        """Whether the set can set or hold a record: a hard set (`liftwell.core.training.is_hard_set`)."""
        return is_hard_set(kind=self.kind, completed=self.completed, reps=self.reps)

    @property
    def tonnage_kg(self) -> Decimal:
        return tonnage_kg(self.load_kg, self.reps)


def _counted(exercise_id: int, sets: Iterable[SetPerformance]) -> list[SetPerformance]:
    return [s for s in sets if s.exercise_id == exercise_id and s.counts]


def _max(values: Iterable[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None


def _reps_at_load(sets: Iterable[SetPerformance]) -> dict[Decimal, int]:
    """For each load lifted, the most reps done at that load or any heavier one."""
    most: dict[Decimal, int] = {}
    for s in sets:
        most[s.load_kg] = max(most.get(s.load_kg, 0), s.reps)
    running = 0
    for load in sorted(most, reverse=True):
        running = max(running, most[load])
        most[load] = running
    return most


@dataclass(frozen=True)
class ExerciseBests:
    """One exercise's bests over past sessions (kg); None where no set counted."""

    exercise_id: int
    heaviest_kg: Decimal | None
    best_e1rm_kg: Decimal | None
    best_set_volume_kg: Decimal | None
    best_session_volume_kg: Decimal | None
    # Load -> the most reps done at that load or any heavier one (non-increasing as the load grows).
    reps_at_load: Mapping[Decimal, int] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def from_history(cls, exercise_id: int, sessions: Iterable[Sequence[SetPerformance]]) -> ExerciseBests:
        """The bests of `exercise_id` over `sessions` (each a sequence of sets; other exercises ignored)."""
        counted = [_counted(exercise_id, session) for session in sessions]
        sets = [s for session in counted for s in session]
        return cls(
            exercise_id=exercise_id,
            heaviest_kg=_max(s.load_kg for s in sets),
            best_e1rm_kg=_max(epley_e1rm_kg(s.load_kg, s.reps) for s in sets),
            best_set_volume_kg=_max(s.tonnage_kg for s in sets),
            best_session_volume_kg=_max(sum((s.tonnage_kg for s in x), Decimal(0)) for x in counted if x),
            reps_at_load=MappingProxyType(_reps_at_load(sets)),
        )

    def most_reps_at_or_above(self, load_kg: Decimal) -> int | None:
        """The most reps ever done at `load_kg` or heavier; None if nothing that heavy was ever lifted."""
        heavier = [load for load in self.reps_at_load if load >= load_kg]
        return self.reps_at_load[min(heavier)] if heavier else None


class RecordKind(StrEnum):
    HEAVIEST_LOAD = "heaviest_load"
    BEST_E1RM = "best_e1rm"
    BEST_SET_VOLUME = "best_set_volume"
    BEST_SESSION_VOLUME = "best_session_volume"
    REP_RECORD = "rep_record"

    @property
    def label(self) -> str:
        return RECORD_LABELS[self]


RECORD_LABELS: dict[RecordKind, str] = {
    RecordKind.HEAVIEST_LOAD: "Heaviest weight",
    RecordKind.BEST_E1RM: "Best estimated 1RM",
    RecordKind.BEST_SET_VOLUME: "Best set volume",
    RecordKind.BEST_SESSION_VOLUME: "Best session volume",
    RecordKind.REP_RECORD: "Rep record",
}


@dataclass(frozen=True)
class Record:
    """A record set this session: `value` beat `previous` (kg, or reps for a rep record).

    For a rep record `load_kg` is the load the reps were done at; it is None for the other kinds.
    """

    kind: RecordKind
    exercise_id: int
    value: Decimal
    previous: Decimal | None
    load_kg: Decimal | None = None

    @property
    def label(self) -> str:
        return self.kind.label


def find_records(bests: ExerciseBests | None, session: Sequence[SetPerformance]) -> list[Record]:
    """The records `session` sets against `bests` (sets of other exercises are ignored).

    With no history (`bests is None`) a first session sets no records: there is nothing to beat, and
    calling every first lift a record would make the word meaningless. Likewise a kind with no past
    value (say, only warm-ups before) sets none. A value must be strictly greater than the best so far.
    Rep records: for each set not matched by another set of this session at the same or a heavier load
    with as many reps, more reps than ever at that load or heavier; a set heavier than anything before is
    a heaviest-weight record instead. Records come in `RecordKind` order, rep records lightest first.
    """
    if bests is None:
        return []
    sets = _counted(bests.exercise_id, session)
    if not sets:
        return []
    records: list[Record] = []

    def beat(kind: RecordKind, value: Decimal | None, previous: Decimal | None) -> None:
        if value is not None and previous is not None and value > previous:
            records.append(Record(kind=kind, exercise_id=bests.exercise_id, value=value, previous=previous))

    beat(RecordKind.HEAVIEST_LOAD, max(s.load_kg for s in sets), bests.heaviest_kg)
    beat(RecordKind.BEST_E1RM, _max(epley_e1rm_kg(s.load_kg, s.reps) for s in sets), bests.best_e1rm_kg)
    beat(RecordKind.BEST_SET_VOLUME, max(s.tonnage_kg for s in sets), bests.best_set_volume_kg)
    session_volume = sum((s.tonnage_kg for s in sets), Decimal(0))
    beat(RecordKind.BEST_SESSION_VOLUME, session_volume, bests.best_session_volume_kg)

    # The session's own frontier: at each load it lifted, the most reps there or heavier. A load whose
    # frontier value came from a heavier set is not a record of its own.
    frontier = _reps_at_load(sets)
    for load_kg in sorted(frontier):
        reps = frontier[load_kg]
        heavier_same = any(other > load_kg and frontier[other] >= reps for other in frontier)
        previous = bests.most_reps_at_or_above(load_kg)
        if not heavier_same and previous is not None and reps > previous:
            records.append(
                Record(
                    kind=RecordKind.REP_RECORD,
                    exercise_id=bests.exercise_id,
                    value=Decimal(reps),
                    previous=Decimal(previous),
                    load_kg=load_kg,
                )
            )
    return records


def set_records(
    bests: ExerciseBests | None, others: Sequence[SetPerformance], done: SetPerformance
) -> list[Record]:
    """The records `done` breaks the moment it is logged, for a badge on its row.

    `bests` is the history before this session (None when there is none: a first session sets the marks,
    it breaks nothing, as in `find_records`); `others` are this session's other sets. For the per-set
    kinds (heaviest weight, best e1RM, best set volume, rep record at its load) the set must beat both the
    history and every other set of the session, so two equal sets do not both get a badge. The session
    volume record goes to the set that takes the session's total past the best earlier session.
    """
    if bests is None or done.exercise_id != bests.exercise_id or not done.counts:
        return []
    session = _counted(bests.exercise_id, others)
    records: list[Record] = []

    def beat(
        kind: RecordKind, value: Decimal | None, past: Decimal | None, here: Iterable[Decimal | None]
    ) -> None:
        previous = _max([past, *here])
        if value is not None and past is not None and previous is not None and value > previous:
            records.append(Record(kind=kind, exercise_id=bests.exercise_id, value=value, previous=previous))

    beat(RecordKind.HEAVIEST_LOAD, done.load_kg, bests.heaviest_kg, (s.load_kg for s in session))
    beat(
        RecordKind.BEST_E1RM,
        epley_e1rm_kg(done.load_kg, done.reps),
        bests.best_e1rm_kg,
        (epley_e1rm_kg(s.load_kg, s.reps) for s in session),
    )
    beat(
        RecordKind.BEST_SET_VOLUME,
        done.tonnage_kg,
        bests.best_set_volume_kg,
        (s.tonnage_kg for s in session),
    )
    before = sum((s.tonnage_kg for s in session), Decimal(0))
    best_session = bests.best_session_volume_kg
    if best_session is not None and before <= best_session < before + done.tonnage_kg:
        records.append(
            Record(
                kind=RecordKind.BEST_SESSION_VOLUME,
                exercise_id=bests.exercise_id,
                value=before + done.tonnage_kg,
                previous=best_session,
            )
        )
    past_reps = bests.most_reps_at_or_above(done.load_kg)
    here_reps = [s.reps for s in session if s.load_kg >= done.load_kg]
    if past_reps is not None and done.reps > max([past_reps, *here_reps]):
        records.append(
            Record(
                kind=RecordKind.REP_RECORD,
                exercise_id=bests.exercise_id,
                value=Decimal(done.reps),
                previous=Decimal(max([past_reps, *here_reps])),
                load_kg=done.load_kg,
            )
        )
    return records
