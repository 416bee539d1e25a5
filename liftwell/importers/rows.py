"""What the workout importers return: one row per set, measurements, and what the file said about itself.

Loads stay in the file's own unit (`unit` is None where the file does not say); times stay as the file
wrote them (naive local time, or aware where the file has an offset). The web layer resolves both.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from liftwell.core.training import SetKind
from liftwell.importers.result import Problem


# Not frozen: a frozen dataclass's __init__ costs several times more, and files hold 100,000s of
# rows. A parser may still fill in a row it has just made (a rest timer or note row that follows it);
# once a ParsedFile is returned, treat its rows as immutable.
@dataclass(slots=True)
class SetRow:
    """One set. `workout_key` is the other app's identity of the workout; `block` numbers the
    exercise blocks of a workout from 0 and `position` the sets inside a block from 0."""

    line: int
    workout_key: str
    started_at: datetime
    title: str
    exercise: str
    block: int
    position: int
    kind: SetKind = SetKind.WORKING
    load: Decimal | None = None
    unit: str | None = None  # "kg", "lb", or None: the file does not say
    reps: int | None = None
    rpe: Decimal | None = None
    duration_s: int | None = None
    distance: Decimal | None = None
    distance_unit: str | None = None  # "m", "km", "mi", or None: follows the weight unit
    notes: str = ""
    exercise_notes: str = ""
    rest_s: int | None = None
    superset: int | None = None
    workout_notes: str = ""
    workout_duration_s: int | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MeasurementRow:
    """One body measurement: `name` as the file calls it (e.g. "weight", "waist"), in `unit`."""

    line: int
    measured_at: datetime
    name: str
    value: Decimal
    unit: str


@dataclass(frozen=True)
class UnitGuess:
    unit: str
    reason: str


@dataclass
class ParsedFile:
    """A whole file read: its rows, its problems, and the facts the preview shows."""

    format: str
    sets: list[SetRow] = field(default_factory=list)
    measurements: list[MeasurementRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    data_rows: int = 0
    # Rows that are not sets and were folded into others ("rest timer", "note"), by kind.
    pseudo_rows: dict[str, int] = field(default_factory=dict)
    # True when the file names no weight unit for some loads: the person chooses, helped by `unit_guess`.
    needs_unit: bool = False
    unit_guess: UnitGuess | None = None
    # True when times carry no offset: they are read in a zone the person chooses.
    needs_time_zone: bool = True

    def problem(self, line: int, column: str, message: str) -> None:
        self.problems.append(Problem(line, column, message))
