"""Training programs as values: the model every other part of programs builds on.

A `Program` is weeks of days of exercise slots; each slot prescribes sets (reps or a rep range, an
AMRAP flag, seconds for timed holds, an intensity) and may name a progression rule that moves its load
or reps from session to session. Everything here is a frozen dataclass with no behaviour beyond small
derived properties; parsing and export live in `liftwell.core.programs.parse` and `.dump`, the
arithmetic in `liftwell.core.programs.progression`.

Built on by: the plan generator and PAR-Q+ screening (h7b, `liftwell.core.planner`), which emits
`Program` values; and the web layer (`liftwell.web.programs`), which stores program text, parses it
into these values and keeps a `ProgramState` (JSON) per enrolment. Loads are kilograms throughout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class IntensityKind(StrEnum):
    LOAD_KG = "load_kg"  # an absolute load in kg
    PERCENT_1RM = "percent_1rm"  # % of the lifter's (estimated) one-rep max
    PERCENT_TM = "percent_tm"  # % of a training max (5/3/1-style waves)
    RPE = "rpe"  # rate of perceived exertion, 6.5-10 (10 = no reps left)
    RIR = "rir"  # reps in reserve, 0-3.5 (RPE = 10 - RIR)
    BODYWEIGHT = "bodyweight"  # no external load


@dataclass(frozen=True)
class Intensity:
    """How heavy a set is; `value` is kg, a percent, an RPE or an RIR (None for bodyweight)."""

    kind: IntensityKind
    value: float | None = None

    @property
    def label(self) -> str:
        """How people read it: "100 kg", "75% 1RM", "85% TM", "RPE 8", "2 RIR" or "bodyweight"."""
        if self.value is None:
            return "bodyweight"
        value = f"{self.value:g}"
        return {
            IntensityKind.LOAD_KG: f"{value} kg",
            IntensityKind.PERCENT_1RM: f"{value}% 1RM",
            IntensityKind.PERCENT_TM: f"{value}% TM",
            IntensityKind.RPE: f"RPE {value}",
            IntensityKind.RIR: f"{value} RIR",
        }.get(self.kind, "")

    @property
    def rpe(self) -> float | None:
        """The RPE this intensity asks for (RIR converted: RPE = 10 - RIR), else None."""
        if self.value is None:
            return None
        if self.kind is IntensityKind.RPE:
            return self.value
        if self.kind is IntensityKind.RIR:
            return 10 - self.value
        return None


@dataclass(frozen=True)
class SetPrescription:
    """One set: `reps_min`..`reps_max` reps (equal for a fixed count) or `seconds` for a timed hold.

    `amrap` means as many reps as possible, with `reps_min` the least that counts as done ("5+").
    `intensity` None means the load comes from the slot's progression (or the lifter chooses it).
    """

    reps_min: int | None = None
    reps_max: int | None = None
    seconds: int | None = None
    amrap: bool = False
    intensity: Intensity | None = None

    @property
    def timed(self) -> bool:
        return self.seconds is not None


class RuleKind(StrEnum):
    LINEAR = "linear"
    DOUBLE = "double"
    WAVE = "wave"
    RPE = "rpe"


@dataclass(frozen=True)
class LinearRule:
    """Add `increment_kg` after a session with every set done; after `failures_before_deload`
    sessions in a row that missed, take `deload_percent` off and climb again."""

    increment_kg: float
    failures_before_deload: int = 3
    deload_percent: float = 10.0
    kind: RuleKind = field(default=RuleKind.LINEAR, init=False)


@dataclass(frozen=True)
class DoubleRule:
    """Double progression: climb the slot's rep range one rep at a time (every set must reach the
    target); once every set reaches the top, add `increment_kg` and drop to the bottom of the range.
    A zero increment (bodyweight) keeps the top and advises a harder variation."""

    increment_kg: float
    kind: RuleKind = field(default=RuleKind.DOUBLE, init=False)


@dataclass(frozen=True)
class WaveRule:
    """Percentage waves on a training max (TM), 5/3/1-style (Wendler, 5/3/1, 2009/2011).

    Sets carry `percent_tm` intensities week by week; the TM starts at `start_percent` of the e1RM and
    rises by `tm_increment_kg` at the start of each new cycle, unless an AMRAP set of the cycle fell
    short of its minimum, in which case it drops by `reset_percent`.
    """

    tm_increment_kg: float
    start_percent: float = 90.0
    reset_percent: float = 10.0
    kind: RuleKind = field(default=RuleKind.WAVE, init=False)


@dataclass(frozen=True)
class RpeRule:
    """Loads chosen from the current e1RM and the RPE chart (sets carry RPE or RIR intensities); the
    e1RM is re-estimated after each session from the sets logged with their RPE."""

    kind: RuleKind = field(default=RuleKind.RPE, init=False)


ProgressionRule = LinearRule | DoubleRule | WaveRule | RpeRule


@dataclass(frozen=True)
class Slot:
    """One exercise in a day: a library slug, its sets and how it progresses.

    `track` names the progression state the slot reads and writes; slots with the same track share a
    working load (squat on day A and day B). It defaults to the exercise slug. `superset` groups slots
    done back to back (same letter = same group).
    """

    exercise: str
    sets: tuple[SetPrescription, ...]
    rest_s: int | None = None
    superset: str | None = None
    progression: str | None = None  # a key of Program.progressions
    track: str | None = None
    notes: str = ""

    @property
    def track_key(self) -> str:
        return self.track or self.exercise


@dataclass(frozen=True)
class Day:
    name: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class Week:
    """One week of the cycle. A deload week scales progression-driven loads to `load_percent` and its
    sessions do not move any progression."""

    days: tuple[Day, ...]
    name: str = ""
    deload: bool = False
    load_percent: float = 100.0


@dataclass(frozen=True)
class Program:
    """A whole program. The weeks repeat as a cycle: after the last week comes week 1 again."""

    name: str
    slug: str
    description: str
    weeks: tuple[Week, ...]
    evidence: tuple[str, ...] = ()
    goals: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    progressions: tuple[tuple[str, ProgressionRule], ...] = ()
    notes: str = ""

    @property
    def days_per_week(self) -> int:
        return len(self.weeks[0].days) if self.weeks else 0

    def rule(self, name: str | None) -> ProgressionRule | None:
        return dict(self.progressions).get(name) if name else None

    def day(self, week: int, day: int) -> Day:
        return self.weeks[week].days[day]

    def exercises(self) -> list[str]:
        """Every exercise slug used, in first-use order."""
        seen: dict[str, None] = {}
        for week in self.weeks:
            for day in week.days:
                for slot in day.slots:
                    seen.setdefault(slot.exercise, None)
        return list(seen)
