"""Done-when of issue 7: a newcomer answers the questionnaire, gets a plan with reasons, logs Today, and
sees the next session's targets progress."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from liftwell.core.screening import QUESTION_CODES
from liftwell.web.programs import services
from liftwell.web.training.models import Workout, WorkoutSet
from tests.conftest import ApiClient, make_user

pytestmark = pytest.mark.usefixtures("library")

ANSWERS = {
    "goals": ["strength_muscle"],
    "days_per_week": "1",
    "minutes_per_session": "30",
    "equipment": ["dumbbell"],
    "experience": "new",
    "age": "34",
}


def test_a_newcomer_plans_logs_today_and_progresses(db: None) -> None:
    user = make_user("nina")
    client = Client()
    client.force_login(user)
    api = ApiClient(user)
    assert client.post("/plan/screening/", dict.fromkeys(QUESTION_CODES, "no")).status_code == 302
    preview = client.post("/plan/", ANSWERS)
    assert preview.status_code == 200 and b"Why this plan" in preview.content
    assert client.post("/plan/use/", ANSWERS).status_code == 302

    today = services.next_program_workout(user)
    assert today is not None
    # The plan's first dumbbell lift with linear progression (+2 kg a session).
    first = next(s for s in today.plan.slots if (s.slot.progression or "").startswith("linear"))
    slug = first.slot.exercise
    assert first.slot.progression == "linear-2kg"

    response = client.post("/today/start/", {})
    assert response.status_code == 302
    workout = Workout.objects.get(source=Workout.Source.PROGRAM, ended_at=None)
    sets = list(WorkoutSet.objects.filter(workout=workout, exercise__slug=slug).order_by("position"))
    assert sets and all(s.reps == 10 for s in sets)
    for workout_set in sets:
        answer = api.patch(f"/api/v1/sets/{workout_set.pk}", {"completed": True, "reps": 10, "load_kg": 12})
        assert answer.status_code == 200, answer.content
    assert api.post(f"/api/v1/workouts/{workout.pk}/finish", {}).status_code == 200

    # One day a week: the next session is the same day, and the lift is 2 kg heavier.
    today = services.next_program_workout(user)
    assert today is not None
    slot = next(s for s in today.plan.slots if s.slot.exercise == slug)
    assert [Decimal(str(s.load_kg)) for s in slot.sets] == [Decimal(14)] * len(sets)
    assert slot.reason.startswith("+2 kg")
