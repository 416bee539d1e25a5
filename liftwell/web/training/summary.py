"""The end-of-workout summary: duration, sets, volume and the personal records hit."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from liftwell.core.records import ExerciseBests, SetPerformance, find_records
from liftwell.core.training import counts_for_tonnage, tonnage_kg
from liftwell.core.units import plain
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import Workout, WorkoutSet


def _performance(row: tuple[int, Decimal | None, int | None, bool, str]) -> SetPerformance:
    exercise_id, load_kg, reps, completed, kind = row
    return SetPerformance(
        exercise_id=exercise_id, load_kg=load_kg or Decimal(0), reps=reps or 0, completed=completed, kind=kind
    )


def summarize_workout(user: User, workout: Workout) -> dict[str, Any]:
    columns = ("exercise_id", "load_kg", "reps", "completed", "kind")
    session_rows = list(
        WorkoutSet.objects.filter(workout=workout, deleted_at=None)
        .order_by("position", "id")
        .values_list(*columns)
    )
    done = [row for row in session_rows if row[3]]
    counted = (row for row in done if counts_for_tonnage(kind=row[4], completed=row[3]))
    volume = sum((tonnage_kg(row[1], row[2]) for row in counted), Decimal(0))
    exercise_ids = list(dict.fromkeys(row[0] for row in session_rows))

    # Earlier sessions of the same exercises, grouped by workout, for the records to beat.
    history: dict[int, dict[int, list[SetPerformance]]] = defaultdict(lambda: defaultdict(list))
    earlier = WorkoutSet.objects.filter(
        owner=user,
        exercise_id__in=exercise_ids,
        deleted_at=None,
        completed=True,
        workout__deleted_at=None,
        workout__started_at__lt=workout.started_at,
    ).values_list("workout_id", *columns)
    for workout_id, *row in earlier.iterator(chunk_size=2000):
        history[row[0]][workout_id].append(_performance(tuple(row)))

    names = dict(Exercise.objects.filter(pk__in=exercise_ids).values_list("pk", "name"))
    records = []
    for exercise_id in exercise_ids:
        sessions = list(history[exercise_id].values())
        bests = ExerciseBests.from_history(exercise_id, sessions) if sessions else None
        session = [_performance(row) for row in session_rows if row[0] == exercise_id]
        for record in find_records(bests, session):
            records.append(
                {
                    "kind": str(record.kind),
                    "label": record.label,
                    "exercise_id": exercise_id,
                    "exercise_name": names.get(exercise_id, ""),
                    "value": plain(record.value),
                    "previous": plain(record.previous) if record.previous is not None else None,
                    "load_kg": plain(record.load_kg) if record.load_kg is not None else None,
                }
            )
    end = workout.ended_at
    duration_s = int((end - workout.started_at).total_seconds()) if end else 0
    return {
        "workout": workout,
        "duration_s": max(duration_s, 0),
        "exercises": len(exercise_ids),
        "sets": len(done),
        "volume_kg": plain(volume),
        "records": records,
    }
