"""Flags a coach sees beside each client: no training for a while, and pain trending up.

Pure functions of dates and scores; the web layer loads the rows and passes `today` in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

# Two weeks without a logged workout: long enough not to flag a normal rest week or a holiday weekend.
NO_LOG_DAYS = 14

# A change of about 2 points on the 0-10 pain scale is clinically important (Farrar et al., Pain
# 2001;94:149-58; docs/science.md §7). The mean of the last 14 days must rise by that much
# over the 14 days before to raise the flag.
PAIN_RISE_POINTS = 2.0
PAIN_WINDOW_DAYS = 14


def no_recent_log(last_day: date | None, today: date, days: int = NO_LOG_DAYS) -> bool:
    """True when nothing was logged in the last `days` days (or ever)."""
    return last_day is None or (today - last_day).days >= days


@dataclass(frozen=True)
class PainTrend:
    earlier_mean: float
    recent_mean: float

    @property
    def rise(self) -> float:
        return self.recent_mean - self.earlier_mean

    @property
    def rising(self) -> bool:
        return self.rise >= PAIN_RISE_POINTS


def pain_trend(scores: Iterable[tuple[date, int]], today: date) -> PainTrend | None:
    """Mean pain (0-10) of the last 14 days (today included) against the 14 days before.

    None when either window has no score: a trend needs two ends."""
    recent_start = today - timedelta(days=PAIN_WINDOW_DAYS - 1)
    earlier_start = recent_start - timedelta(days=PAIN_WINDOW_DAYS)
    recent: list[int] = []
    earlier: list[int] = []
    for day, score in scores:
        if recent_start <= day <= today:
            recent.append(score)
        elif earlier_start <= day < recent_start:
            earlier.append(score)
    if not recent or not earlier:
        return None
    return PainTrend(earlier_mean=sum(earlier) / len(earlier), recent_mean=sum(recent) / len(recent))


# Planned sessions are counted over the last two weeks, like the no-log flag.
MISSED_WINDOW_DAYS = 14


def missed_sessions(days_per_week: int, done: int, span_days: int) -> int:
    """Sessions a program planned in `span_days` (whole sessions only: floor of days_per_week x span/7)
    that were not done. 3 a week over 14 days plans 6; over 5 days, 2."""
    planned = days_per_week * span_days // 7
    return max(0, planned - done)
