from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet


@pytest.fixture
def bench(library: None) -> Exercise:
    return Exercise.objects.get(owner=None, slug="barbell-bench-press")


@pytest.fixture
def squat(library: None) -> Exercise:
    return Exercise.objects.get(owner=None, slug="barbell-back-squat")


@pytest.fixture
def deadlift(library: None) -> Exercise:
    return Exercise.objects.get(owner=None, slug="barbell-deadlift")


def log(
    user: User,
    day: date,
    exercise: Exercise,
    sets: list[tuple[str | int | None, int]],
    *,
    kind: str = "working",
    completed: bool = True,
    workout: Workout | None = None,
) -> tuple[Workout, list[WorkoutSet]]:
    """A workout on `day` (or `workout`) with one block of `exercise` and these (load kg, reps) sets."""
    if workout is None:
        workout = Workout.objects.create(
            owner=user,
            started_at=datetime.combine(day, time(10), tzinfo=UTC),
            time_zone="UTC",
            local_date=day,
        )
    block = WorkoutExercise.objects.create(owner=user, workout=workout, exercise=exercise)
    rows = [
        WorkoutSet.objects.create(
            owner=user,
            workout=workout,
            workout_exercise=block,
            exercise=exercise,
            position=i,
            kind=kind,
            load_kg=None if load is None else Decimal(str(load)),
            reps=reps,
            completed=completed,
        )
        for i, (load, reps) in enumerate(sets)
    ]
    return workout, rows
