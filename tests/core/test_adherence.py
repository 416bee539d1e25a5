"""The WHO muscle-strengthening guideline by week, the streak and the 12-month share."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.adherence import (
    MAJOR_MUSCLE_GROUPS,
    MajorGroup,
    current_streak,
    groups_worked,
    share_met,
    share_weeks,
    week_adherence,
)
from liftwell.core.vocabulary import Muscle
from liftwell.core.volume import Week

M = Muscle
FULL_BODY = {
    M.QUADS: 3.0,
    M.GLUTES: 3.0,
    M.LATS: 3.0,
    M.ABS: 1.5,
    M.CHEST: 3.0,
    M.FRONT_DELTS: 1.5,
    M.TRICEPS: 1.5,
}
WEEK = Week(2026, 10)
MON, TUE, THU = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 5)


def test_every_muscle_but_the_neck_belongs_to_a_major_group() -> None:
    grouped = set().union(*MAJOR_MUSCLE_GROUPS.values())
    assert grouped == set(Muscle) - {M.NECK}


@pytest.mark.parametrize(
    ("days", "muscles", "met", "missing"),
    [
        ({MON, THU}, FULL_BODY, True, []),
        ({MON}, FULL_BODY, False, []),  # one day is not enough
        ({MON, TUE, THU}, {**FULL_BODY, M.ABS: 0.0}, False, [MajorGroup.ABDOMEN]),
        (
            {MON, THU},
            {M.CHEST: 12.0, M.TRICEPS: 6.0},
            False,
            [g for g in MajorGroup if g not in {"chest", "arms"}],
        ),
        ({MON, THU}, {**FULL_BODY, M.ABS: 0.5}, True, []),  # a secondary half set works the group
        (set(), {}, False, list(MajorGroup)),
    ],
)
def test_a_week_meets_the_guideline(
    days: set[date], muscles: dict[Muscle, float], met: bool, missing: list[MajorGroup]
) -> None:
    week = week_adherence(WEEK, days, muscles)
    assert week.met is met
    assert week.missing_groups == missing
    assert week.training_days == len(days)


def test_groups_worked() -> None:
    assert groups_worked([M.SIDE_DELTS, M.CALVES, M.NECK]) == {MajorGroup.SHOULDERS, MajorGroup.LEGS}


@pytest.mark.parametrize(
    ("met_weeks", "today", "streak"),
    [
        ([], date(2026, 3, 4), 0),
        ([Week(2026, 9), Week(2026, 8)], date(2026, 3, 4), 2),  # this week not over: counts up to last week
        ([Week(2026, 10), Week(2026, 9), Week(2026, 8)], date(2026, 3, 4), 3),  # this week already met
        ([Week(2026, 9), Week(2026, 7)], date(2026, 3, 4), 1),  # a gap ends it
        ([Week(2026, 8)], date(2026, 3, 4), 0),  # last week missed
        ([Week(2026, 53), Week(2027, 1)], date(2027, 1, 12), 2),  # across ISO week 53
    ],
)
def test_current_streak(met_weeks: list[Week], today: date, streak: int) -> None:
    assert current_streak(set(met_weeks), today) == streak


def test_share_counts_52_complete_weeks() -> None:
    today = date(2026, 3, 4)  # week 10
    weeks = share_weeks(date(2020, 1, 1), today)
    assert len(weeks) == 52
    assert weeks[-1] == Week(2026, 9)
    share = share_met(
        {Week(2026, 9), Week(2026, 1), Week(2025, 10), Week(2025, 9), Week(2026, 10)}, date(2020, 1, 1), today
    )
    # 2025-W09 is 53 weeks back and this week (W10) is not over: neither counts.
    assert (share.met, share.weeks, share.percent) == (3, 52, 6)


def test_share_starts_at_the_first_training_week() -> None:
    share = share_met({Week(2026, 8)}, date(2026, 2, 18), date(2026, 3, 4))  # started in week 8
    assert (share.met, share.weeks, share.percent) == (1, 2, 50)
    assert share_met(set(), None, date(2026, 3, 4)).percent is None


@given(
    st.sets(st.integers(min_value=0, max_value=60)),
    st.dates(min_value=date(2010, 1, 1), max_value=date(2040, 1, 1)),
)
def test_streak_and_share_bounds(back: set[int], today: date) -> None:
    met = {Week.of(today - timedelta(weeks=n)) for n in back}
    streak = current_streak(met, today)
    share = share_met(met, date(2000, 1, 1), today)
    assert 0 <= share.met <= share.weeks == 52
    assert streak <= len(met)
    # Meeting one more week never lowers either.
    extra = met | {Week.of(today)}
    assert current_streak(extra, today) >= streak
    assert share_met(extra, date(2000, 1, 1), today).met >= share.met
