"""Small builders for coaching tests: an exercise, a workout with one done set, health entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.vocabulary import Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import create_custom_exercise
from liftwell.web.training.models import Workout
from liftwell.web.training.services import create_workout, log_set


def custom_exercise(
    user: User, name: str, muscles: tuple[Muscle, ...] = (Muscle.QUADS,), pattern: Pattern = Pattern.SQUAT
) -> Exercise:
    """A dumbbell exercise of the user's own working `muscles` as its main ones."""
    return create_custom_exercise(
        user=user,
        spec=ExerciseSpec(
            slug="",
            name=name,
            aliases=(),
            primary_muscles=muscles,
            secondary_muscles=(),
            equipment=Equipment.DUMBBELL,
            pattern=pattern,
            mechanic=Mechanic.COMPOUND,
            laterality=Laterality.BILATERAL,
            measure=Measure.WEIGHT_REPS,
            benefits=(),
            cues=(),
        ),
    )


def squat(user: User, name: str = "Goblet Squat") -> Exercise:
    return custom_exercise(user, name)


def workout_on(
    user: User, day: date, exercise: Exercise, load_kg: str = "40", reps: int = 5, title: str = ""
) -> Workout:
    workout, _ = create_workout(
        user=user, started_at=datetime.combine(day, time(9), tzinfo=UTC), time_zone="UTC", title=title
    )
    log_set(
        user=user,
        workout=workout,
        exercise_id=exercise.pk,
        load_kg=Decimal(load_kg),
        reps=reps,
        completed=True,
    )
    return workout
