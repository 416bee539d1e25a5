"""Weekly hard sets per muscle, and where a week's count sits against the evidence.

Only hard sets count (`liftwell.core.training.is_hard_set`: completed, not a warm-up, at least one rep),
and only of exercises that train muscle with load and repetitions: conditioning and mobility patterns, and
exercises measured in time or distance, are left out (their "sets" are not comparable with the sets the
dose-response studies counted).

Each hard set credits its exercise's primary muscles 1 set and its secondary muscles 0.5 set (the
"fractional" counting of Pelland et al. 2024, SportRxiv preprint, 67 studies; docs/science.md §1.3). A muscle
listed as both counts once, as primary.

Ranges (`VolumeBand`), a guideline and not a threshold: Schoenfeld, Ogborn & Krieger, J Sports Sci
2017;35:1073-82 grouped weekly sets per muscle as fewer than 5, 5-9 and 10 or more, with muscle growth
about 5.4 % and 9.8 % in the lowest and highest groups and each extra weekly set worth about +0.37 %;
10+ hard sets a week is shown as the growth target. Ralston et al., Sports Med 2017;47:2585-601 found the
same direction for strength.

Weeks are ISO 8601 weeks (Monday to Sunday) of the workout's local date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from liftwell.core.vocabulary import Measure, Muscle, Pattern

PRIMARY_CREDIT = 1.0
SECONDARY_CREDIT = 0.5
EXCLUDED_PATTERNS = frozenset({Pattern.CONDITIONING, Pattern.MOBILITY})
EXCLUDED_MEASURES = frozenset({Measure.TIME, Measure.WEIGHT_TIME, Measure.DISTANCE, Measure.WEIGHT_DISTANCE})
LOW_SETS = 5.0
TARGET_SETS = 10.0


@dataclass(frozen=True, order=True)
class Week:
    """An ISO 8601 week: `year` is the ISO year (which can differ from the calendar year near 1 January)."""

    year: int
    week: int

    @classmethod
    def of(cls, day: date) -> Week:
        iso = day.isocalendar()
        return cls(iso.year, iso.week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def shifted(self, weeks: int) -> Week:
        return Week.of(self.monday + timedelta(weeks=weeks))

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def weeks_between(first: Week, last: Week) -> list[Week]:
    """Every week from `first` to `last`, both included (empty when `last` comes first)."""
    weeks: list[Week] = []
    monday = first.monday
    while monday <= last.monday:
        weeks.append(Week.of(monday))
        monday += timedelta(weeks=1)
    return weeks


def counts_for_volume(*, pattern: str, measure: str) -> bool:
    """Whether an exercise's sets count as muscle-strengthening hard sets (not conditioning, mobility,
    or measured in time or distance)."""
    return pattern not in EXCLUDED_PATTERNS and measure not in EXCLUDED_MEASURES


@dataclass(frozen=True)
class DaySets:
    """`sets` hard sets of one exercise (its primary and secondary muscles) done on `day`."""

    day: date
    primary: tuple[Muscle, ...]
    secondary: tuple[Muscle, ...]
    sets: int


def muscle_credit(primary: Iterable[Muscle], secondary: Iterable[Muscle]) -> dict[Muscle, float]:
    """What one hard set credits each muscle: 1 for primary, 0.5 for secondary (primary wins)."""
    credit = dict.fromkeys(secondary, SECONDARY_CREDIT)
    credit.update(dict.fromkeys(primary, PRIMARY_CREDIT))
    return credit


def weekly_muscle_sets(entries: Iterable[DaySets]) -> dict[Week, dict[Muscle, float]]:
    """Hard sets per muscle for each ISO week that has any (muscles with none are absent)."""
    weeks: dict[Week, dict[Muscle, float]] = defaultdict(lambda: defaultdict(float))
    for entry in entries:
        if entry.sets <= 0:
            continue
        week = weeks[Week.of(entry.day)]
        for muscle, credit in muscle_credit(entry.primary, entry.secondary).items():
            week[muscle] += credit * entry.sets
    return {week: dict(muscles) for week, muscles in weeks.items()}


def training_days(entries: Iterable[DaySets]) -> dict[Week, frozenset[date]]:
    """The days of each ISO week with at least one hard set."""
    days: dict[Week, set[date]] = defaultdict(set)
    for entry in entries:
        if entry.sets > 0:
            days[Week.of(entry.day)].add(entry.day)
    return {week: frozenset(found) for week, found in days.items()}


class VolumeBand(StrEnum):
    """Where a week's hard sets for one muscle sit (Schoenfeld et al. 2017 groupings)."""

    NONE = "none"
    LOW = "low"  # under 5
    MODERATE = "moderate"  # 5 to under 10
    TARGET = "target"  # 10 or more: the growth guideline

    @property
    def label(self) -> str:
        return BAND_LABELS[self]


BAND_LABELS: Mapping[VolumeBand, str] = {
    VolumeBand.NONE: "None",
    VolumeBand.LOW: "Under 5",
    VolumeBand.MODERATE: "5 to 9",
    VolumeBand.TARGET: "10 or more",
}


def volume_band(sets: float) -> VolumeBand:
    """The band of a weekly hard-set count: none, under 5, 5 to under 10, 10 or more."""
    if sets < 0:
        raise ValueError(f"sets must be 0 or more, got {sets}")
    if sets == 0:
        return VolumeBand.NONE
    if sets < LOW_SETS:
        return VolumeBand.LOW
    if sets < TARGET_SETS:
        return VolumeBand.MODERATE
    return VolumeBand.TARGET
