"""The dashboard's WHO card counts a week as met by the rule the progress page uses (liftwell.core.adherence):
hard sets covering every major muscle group on 2 or more days (WHO 2020, Bull et al., Br J Sports Med
2020;54:1451-62; groups from the US Physical Activity Guidelines 2018). Two workout days alone are not
enough, and the card and /progress/ never disagree about a week."""

from __future__ import annotations

import re
import zoneinfo
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from liftwell.core.volume import Week
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout
from tests.web.progress.conftest import log

# Each made-up exercise works a known set of the seven major groups.
MUSCLES = {
    # chest, back, shoulders, arms
    "upper": (",chest,upper_back,front_delts,triceps,", ",biceps,"),
    # legs, hips, abdomen
    "lower": (",quads,glutes,", ",abs,"),
    # chest, shoulders, arms
    "push": (",chest,front_delts,triceps,", ""),
    # legs, hips
    "legs": (",quads,glutes,", ""),
}


def exercise(user: User, name: str) -> Exercise:
    primary, secondary = MUSCLES[name]
    found, _ = Exercise.objects.get_or_create(
        owner=user,
        slug=f"who-{name}",
        defaults={
            "name": f"WHO {name}",
            "primary_muscles": primary,
            "secondary_muscles": secondary,
            "equipment": "dumbbell",
            "pattern": "squat" if name in ("lower", "legs") else "horizontal_push",
            "mechanic": "compound",
            "search_text": name,
        },
    )
    return found


def train(user: User, day: date, names: tuple[str, ...]) -> None:
    """One workout on `day` with three hard sets of each named exercise."""
    workout: Workout | None = None
    for name in names:
        workout, _ = log(user, day, exercise(user, name), [(20, 8)] * 3, workout=workout)


def user_today(user: User) -> date:
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(user.time_zone))


def card_count(client: Client) -> int:
    page = client.get("/health/").content.decode()
    card = page.split('id="area-heart"', 1)[1].split('class="benefit-card"', 1)[0]
    found = re.search(r"(\d+) of the last 12 weeks met the WHO 2020 guideline", card)
    assert found, card
    return int(found.group(1))


def progress_verdict(client: Client, week: Week) -> str:
    page = client.get(f"/progress/?week={week}").content.decode()
    found = re.search(r'<p class="verdict [a-z-]+">\s*(Met|Not met yet|Not met):', page)
    assert found, page
    return found.group(1)


# weeks back from this one, then (day offset from Monday, exercises) per workout, then whether it counts
CASES = [
    pytest.param(1, ((0, ("upper",)), (3, ("lower",))), 1, id="two-days-every-group"),
    pytest.param(1, ((0, ("push",)), (3, ("legs",))), 0, id="two-days-without-back-and-abdomen"),
    pytest.param(1, ((0, ("upper", "lower")),), 0, id="one-day-every-group"),
    pytest.param(1, ((0, ("upper", "lower")), (3, ("push",))), 1, id="every-group-and-a-second-day"),
    pytest.param(12, ((0, ("upper",)), (3, ("lower",))), 1, id="twelfth-week-back-counts"),
    pytest.param(13, ((0, ("upper",)), (3, ("lower",))), 0, id="thirteenth-week-back-is-outside"),
    pytest.param(0, ((0, ("upper",)), (0, ("lower",))), 0, id="this-week-is-not-over"),
]


@pytest.mark.parametrize(("weeks_back", "workouts", "expected"), CASES)
def test_the_who_card_counts_a_week_as_the_progress_page_does(
    owner_client: Client,
    owner: User,
    weeks_back: int,
    workouts: tuple[tuple[int, tuple[str, ...]], ...],
    expected: int,
) -> None:
    today = user_today(owner)
    week = Week.of(today).shifted(-weeks_back)
    for offset, names in workouts:
        # This week's workouts go on today, so none is in the future.
        train(owner, week.monday + timedelta(days=offset) if weeks_back else today, names)
    assert card_count(owner_client) == expected
    if weeks_back and weeks_back <= 12:
        assert progress_verdict(owner_client, week) == ("Met" if expected else "Not met")


def test_two_workout_days_alone_do_not_meet_the_guideline(owner_client: Client, owner: User) -> None:
    # The old card counted any 2 workout days: 12 such weeks would have read "12 of the last 12 weeks".
    this_week = Week.of(user_today(owner))
    for back in range(1, 13):
        monday = this_week.shifted(-back).monday
        train(owner, monday, ("push",))
        train(owner, monday + timedelta(days=2), ("push",))
    assert card_count(owner_client) == 0
    assert progress_verdict(owner_client, this_week.shifted(-1)) == "Not met"


def test_someone_elses_training_does_not_count(owner_client: Client, owner: User, stranger: User) -> None:
    monday = Week.of(user_today(owner)).shifted(-1).monday
    train(stranger, monday, ("upper",))
    train(stranger, monday + timedelta(days=3), ("lower",))
    assert card_count(owner_client) == 0
