"""Training and outcomes, honestly: a plain comparison of weeks with and without regular training.

This shows an association in one person's own numbers, not proof that training caused the difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class WeekComparison:
    """Mean of a weekly value in weeks with at least `sessions_from` sessions, and in the other weeks."""

    trained_mean: float | None
    trained_weeks: int
    other_mean: float | None
    other_weeks: int
    sessions_from: int = 2


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return date.fromordinal(day.toordinal() - day.weekday())


def compare_weeks(
    sessions_per_week: Mapping[date, int], values: Iterable[tuple[date, float]], *, sessions_from: int = 2
) -> WeekComparison:
    """Average each week's values, then average those weekly means over weeks with >= `sessions_from`
    sessions and over the rest. Weeks with no value are left out; each week counts once."""
    weekly: dict[date, list[float]] = {}
    for day, value in values:
        weekly.setdefault(week_start(day), []).append(value)
    trained: list[float] = []
    other: list[float] = []
    for week, week_values in weekly.items():
        mean = sum(week_values) / len(week_values)
        (trained if sessions_per_week.get(week, 0) >= sessions_from else other).append(mean)
    return WeekComparison(
        trained_mean=sum(trained) / len(trained) if trained else None,
        trained_weeks=len(trained),
        other_mean=sum(other) / len(other) if other else None,
        other_weeks=len(other),
        sessions_from=sessions_from,
    )


def training_days_per_week(session_days: Iterable[date]) -> dict[date, int]:
    """Distinct training days per ISO week (Monday), for the WHO 2020 guideline of muscle-strengthening
    on 2 or more days a week."""
    per_week: dict[date, set[date]] = {}
    for day in session_days:
        per_week.setdefault(week_start(day), set()).add(day)
    return {week: len(days) for week, days in per_week.items()}
