"""Weekly training summaries: hard sets per day and muscle, and each ISO week against the WHO
guideline (core.adherence). The progress pages, the benefits dashboard and the coach pages all read weeks
through here, so every page counts a week the same way (docs/science.md §1.1)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet

from liftwell.core import adherence, volume
from liftwell.core.adherence import WeekAdherence
from liftwell.core.training import SetKind
from liftwell.core.vocabulary import Muscle
from liftwell.core.volume import DaySets, Week
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import unpack
from liftwell.web.training.models import WorkoutSet


def only_hard(sets: QuerySet[WorkoutSet]) -> QuerySet[WorkoutSet]:
    return (
        sets.filter(deleted_at=None, workout__deleted_at=None, completed=True, reps__gte=1)
        .exclude(kind=SetKind.WARMUP)
        .order_by()
    )


def hard_sets(user: User) -> QuerySet[WorkoutSet]:
    """The person's live hard sets: completed, not warm-ups, at least one rep (see core.volume)."""
    return only_hard(WorkoutSet.objects.filter(owner=user))


@dataclass(frozen=True)
class WeekSummary:
    week: Week
    days: list[date]
    muscle_sets: dict[Muscle, float]
    adherence: WeekAdherence


def _muscles(packed: str) -> tuple[Muscle, ...]:
    return tuple(Muscle(m) for m in unpack(packed))


def _day_sets(user: User, first_day: date, last_day: date) -> list[DaySets]:
    return day_sets_by_owner([user.pk], first_day, last_day).get(user.pk, [])


def day_sets_by_owner(
    owner_ids: Collection[int], first_day: date, last_day: date
) -> dict[int, list[DaySets]]:
    """The hard sets per day and exercise muscles of several people at once (one query), by owner id."""
    # Filtered on the workout's owner and date, not the set's owner, so that the database starts from the
    # workouts in range (index on owner and local_date), not from every set the person ever did.
    rows = (
        only_hard(WorkoutSet.objects.filter(workout__owner_id__in=owner_ids))
        .filter(workout__local_date__gte=first_day, workout__local_date__lte=last_day)
        .exclude(exercise__pattern__in=volume.EXCLUDED_PATTERNS)
        .exclude(exercise__measure__in=volume.EXCLUDED_MEASURES)
        .values_list(
            "workout__owner_id",
            "workout__local_date",
            "exercise__primary_muscles",
            "exercise__secondary_muscles",
        )
        .annotate(n=Count("id"))
    )
    parsed: dict[str, tuple[Muscle, ...]] = {}
    entries: dict[int, list[DaySets]] = {}
    for owner_id, day, primary, secondary, n in rows:
        if primary not in parsed:
            parsed[primary] = _muscles(primary)
        if secondary not in parsed:
            parsed[secondary] = _muscles(secondary)
        entries.setdefault(owner_id, []).append(
            DaySets(day=day, primary=parsed[primary], secondary=parsed[secondary], sets=n)
        )
    return entries


def week_summaries(user: User, first: Week, last: Week) -> list[WeekSummary]:
    """Every week from `first` to `last` (oldest first), with or without training."""
    return summaries_of(_day_sets(user, first.monday, last.sunday), first, last)


def summaries_of(entries: Iterable[DaySets], first: Week, last: Week) -> list[WeekSummary]:
    """`week_summaries` from day sets already loaded (entries outside `first`..`last` are left out)."""
    inside = [entry for entry in entries if first.monday <= entry.day <= last.sunday]
    muscles = volume.weekly_muscle_sets(inside)
    days = volume.training_days(inside)
    summaries = []
    for week in volume.weeks_between(first, last):
        week_days = days.get(week, frozenset())
        week_muscles = muscles.get(week, {})
        summaries.append(
            WeekSummary(
                week=week,
                days=sorted(week_days),
                muscle_sets=dict(sorted(week_muscles.items(), key=lambda item: (-item[1], item[0]))),
                adherence=adherence.week_adherence(week, week_days, week_muscles),
            )
        )
    return summaries
