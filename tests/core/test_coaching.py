"""Coach flags: no log for 14 days, and pain trending up (a 2-point rise matters: Farrar et al. 2001)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from liftwell.core.coaching import PAIN_RISE_POINTS, missed_sessions, no_recent_log, pain_trend

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("last", "flagged"),
    [(None, True), (TODAY, False), (TODAY - timedelta(days=13), False), (TODAY - timedelta(days=14), True)],
)
def test_no_recent_log_flags_from_the_fourteenth_day(last: date | None, flagged: bool) -> None:
    assert no_recent_log(last, TODAY) is flagged


def test_pain_rising_by_two_points_is_flagged() -> None:
    # Earlier window (14 to 27 days ago): 3 and 3; recent window (the last 14 days): 5 and 5.
    scores = [
        (TODAY - timedelta(days=20), 3),
        (TODAY - timedelta(days=16), 3),
        (TODAY - timedelta(days=5), 5),
        (TODAY, 5),
    ]
    trend = pain_trend(scores, TODAY)
    assert trend is not None
    assert (trend.earlier_mean, trend.recent_mean) == (3.0, 5.0)
    assert trend.rise == PAIN_RISE_POINTS == 2.0
    assert trend.rising


def test_a_smaller_rise_or_a_fall_is_not_flagged() -> None:
    rise = pain_trend([(TODAY - timedelta(days=20), 3), (TODAY - timedelta(days=2), 4)], TODAY)
    fall = pain_trend([(TODAY - timedelta(days=20), 6), (TODAY - timedelta(days=2), 2)], TODAY)
    assert rise is not None and not rise.rising
    assert fall is not None and not fall.rising


def test_the_windows_are_14_days_each_and_older_scores_are_ignored() -> None:
    # Day 13 ago is the oldest recent day; 14 ago the newest earlier day; 28 ago is outside both.
    scores = [
        (TODAY - timedelta(days=28), 0),
        (TODAY - timedelta(days=14), 2),
        (TODAY - timedelta(days=13), 4),
    ]
    trend = pain_trend(scores, TODAY)
    assert trend is not None
    assert (trend.earlier_mean, trend.recent_mean) == (2.0, 4.0)
    assert trend.rising


def test_no_trend_without_both_ends() -> None:
    assert pain_trend([(TODAY, 8)], TODAY) is None
    assert pain_trend([(TODAY - timedelta(days=20), 1)], TODAY) is None
    assert pain_trend([], TODAY) is None


@pytest.mark.parametrize(
    ("per_week", "done", "span", "missed"),
    [(3, 0, 14, 6), (3, 5, 14, 1), (3, 6, 14, 0), (3, 8, 14, 0), (3, 0, 5, 2), (2, 0, 1, 0), (4, 1, 7, 3)],
)
def test_missed_sessions_count_whole_planned_sessions(
    per_week: int, done: int, span: int, missed: int
) -> None:
    assert missed_sessions(per_week, done, span) == missed
