"""The WHO adult guideline for muscle strengthening, week by week: met or not, streak, and share met.

WHO 2020 (Bull et al., Br J Sports Med 2020;54:1451-62; docs/science.md §1.1): adults should do
muscle-strengthening activity of moderate or greater intensity that involves all major muscle groups on
2 or more days a week. WHO does not list the groups; Liftwell uses the list of the US Physical Activity
Guidelines for Americans, 2nd ed. (US DHHS 2018, ch. 2): "legs, hips, back, abdomen, chest, shoulders,
and arms", mapped onto Liftwell's muscles in `MAJOR_MUSCLE_GROUPS`.

A week meets the guideline when it has at least 2 training days (days with a hard set, see
`liftwell.core.volume`) and every major group was worked that week by at least one hard set, as a primary
or a secondary muscle. The guideline does not require each day to work every group, so neither does this.
The adult target is used for everyone; the 3+ days of multicomponent activity advised from 65 is not scored.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from liftwell.core.vocabulary import Muscle
from liftwell.core.volume import Week, weeks_between

MIN_DAYS = 2
SHARE_WEEKS = 52


class MajorGroup(StrEnum):
    LEGS = "legs"
    HIPS = "hips"
    BACK = "back"
    ABDOMEN = "abdomen"
    CHEST = "chest"
    SHOULDERS = "shoulders"
    ARMS = "arms"

    @property
    def label(self) -> str:
        return self.value.capitalize()


MAJOR_MUSCLE_GROUPS: Mapping[MajorGroup, frozenset[Muscle]] = MappingProxyType(
    {
        MajorGroup.LEGS: frozenset({Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.CALVES}),
        MajorGroup.HIPS: frozenset({Muscle.GLUTES, Muscle.HIP_FLEXORS, Muscle.ADDUCTORS, Muscle.ABDUCTORS}),
        MajorGroup.BACK: frozenset({Muscle.UPPER_BACK, Muscle.LATS, Muscle.LOWER_BACK, Muscle.TRAPS}),
        MajorGroup.ABDOMEN: frozenset({Muscle.ABS, Muscle.OBLIQUES}),
        MajorGroup.CHEST: frozenset({Muscle.CHEST}),
        MajorGroup.SHOULDERS: frozenset({Muscle.FRONT_DELTS, Muscle.SIDE_DELTS, Muscle.REAR_DELTS}),
        MajorGroup.ARMS: frozenset({Muscle.BICEPS, Muscle.TRICEPS, Muscle.FOREARMS}),
    }
)


def groups_worked(muscles: Iterable[Muscle]) -> frozenset[MajorGroup]:
    """The major groups any of `muscles` belongs to."""
    found = set(muscles)
    return frozenset(group for group, members in MAJOR_MUSCLE_GROUPS.items() if members & found)


@dataclass(frozen=True)
class WeekAdherence:
    week: Week
    training_days: int
    groups: frozenset[MajorGroup]

    @property
    def missing_groups(self) -> list[MajorGroup]:
        return [group for group in MajorGroup if group not in self.groups]

    @property
    def enough_days(self) -> bool:
        return self.training_days >= MIN_DAYS

    @property
    def met(self) -> bool:
        return self.enough_days and not self.missing_groups


def week_adherence(week: Week, days: Collection[date], muscle_sets: Mapping[Muscle, float]) -> WeekAdherence:
    """One week: its training days and the hard sets per muscle it holds."""
    worked = [muscle for muscle, sets in muscle_sets.items() if sets > 0]
    return WeekAdherence(week=week, training_days=len(days), groups=groups_worked(worked))


def current_streak(met: Collection[Week], today: date) -> int:
    """Consecutive weeks met, up to this week if it is already met, else up to last week (not over yet)."""
    week = Week.of(today)
    if week not in met:
        week = week.shifted(-1)
    streak = 0
    while week in met:
        streak += 1
        week = week.shifted(-1)
    return streak


@dataclass(frozen=True)
class Share:
    met: int
    weeks: int

    @property
    def percent(self) -> int | None:
        return None if self.weeks == 0 else round(100 * self.met / self.weeks)


def share_weeks(first_day: date | None, today: date) -> list[Week]:
    """The weeks the 12-month share counts: the 52 complete weeks before this one, none before the week of
    the first training day (so someone who started 3 weeks ago is scored on 3 weeks)."""
    last = Week.of(today).shifted(-1)
    first = last.shifted(-(SHARE_WEEKS - 1))
    if first_day is None:
        return []
    return weeks_between(max(first, Week.of(first_day)), last)


def share_met(met: Collection[Week], first_day: date | None, today: date) -> Share:
    """How many of `share_weeks(first_day, today)` met the guideline."""
    weeks = share_weeks(first_day, today)
    return Share(met=sum(1 for week in weeks if week in met), weeks=len(weeks))
