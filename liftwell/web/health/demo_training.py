"""Two years of realistic training for the demo account: `liftwell.core.synthetic.demo`, written in bulk.

A beginner in their late fifties trains three days a week (Monday, Wednesday, Friday), alternating two
full-body sessions: the major lifts, each with a warm-up, then accessories for the back, grip, balance,
power and the trunk. Loads rise quickly at first and then slowly, the way novices progress; some weeks
hold only one or two sessions, and holidays and the odd cold leave weeks empty; the first session back
after ten days or more is lighter. Deterministic: the same seed and dates give the same rows.
"""

from __future__ import annotations

import zoneinfo
from datetime import date

from liftwell.core.synthetic.demo import DEMO_SLUGS, demo_training
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import load_shipped_exercises
from liftwell.web.training.bulk import write_workouts


def _library() -> dict[str, int]:
    found = dict(Exercise.objects.filter(owner=None, slug__in=DEMO_SLUGS).values_list("slug", "pk"))
    if len(found) < len(DEMO_SLUGS):
        load_shipped_exercises()
        found = dict(Exercise.objects.filter(owner=None, slug__in=DEMO_SLUGS).values_list("slug", "pk"))
    missing = DEMO_SLUGS - set(found)
    if missing:
        raise LookupError(f"the exercise library lacks {', '.join(sorted(missing))}")
    return found


def seed_training_demo(*, user: User, today: date, weeks: int = 104, seed: int = 8) -> tuple[int, int]:
    """Write about `weeks` weeks of finished workouts for `user` ending yesterday; returns (workouts,
    sets). Call inside `transaction.atomic()`."""
    exercise_ids = _library()
    workouts = demo_training(today=today, weeks=weeks, seed=seed, zone=zoneinfo.ZoneInfo(user.time_zone))
    sets = write_workouts(
        owner_id=user.pk,
        time_zone=user.time_zone,
        workouts=workouts,
        exercise_ids=exercise_ids,
        source_ref="demo",
    )
    return len(workouts), sets
