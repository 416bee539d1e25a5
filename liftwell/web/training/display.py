"""Training in words for the pages: loads, volumes, dates and durations in the person's unit, and the rows of
the workout list and of one workout.

The history pages use these, and so do the coach's read-only pages about a client, the coach's reports
and the progress pages: other apps import this module, never `history_views`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import Http404

from liftwell.core.training import counts_for_tonnage, tonnage_kg
from liftwell.core.units import from_kg, plain
from liftwell.web.accounts.models import User
from liftwell.web.training.lookups import workouts_for_user
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet
from liftwell.web.training.queries import with_contents

# --- Shown values, in the person's unit ---


def load_text(load_kg: Decimal | None, unit: str) -> str:
    return "" if load_kg is None else f"{from_kg(load_kg, unit)} {unit}"


def volume_text(volume_kg: Decimal, unit: str) -> str:
    return f"{from_kg(volume_kg, unit, places=0):,} {unit}"


def date_text(day: date) -> str:
    """As in "Sat 14 Mar 2026"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def duration_text(started_at: datetime, ended_at: datetime | None) -> str:
    if ended_at is None or ended_at < started_at:
        return ""
    minutes = round((ended_at - started_at).total_seconds() / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def set_volume_kg(workout_set: WorkoutSet) -> Decimal:
    """Volume counts done sets that are not warm-ups, as the end-of-workout summary does."""
    if not counts_for_tonnage(kind=workout_set.kind, completed=workout_set.completed):
        return Decimal(0)
    return tonnage_kg(workout_set.load_kg, workout_set.reps)


@dataclass(frozen=True)
class SetRow:
    workout_set: WorkoutSet
    number: int
    load: str
    rpe: str
    best: bool = False


def set_row(workout_set: WorkoutSet, number: int, unit: str, *, best: bool = False) -> SetRow:
    rpe = "" if workout_set.rpe is None else str(plain(workout_set.rpe))
    return SetRow(workout_set, number, load_text(workout_set.load_kg, unit), rpe, best)


# --- The workout list ---


@dataclass(frozen=True)
class WorkoutRow:
    workout: Workout
    duration: str
    exercise_names: list[str]
    done_sets: int
    volume: str


def workout_rows(workouts: list[Workout], unit: str) -> list[WorkoutRow]:
    """Two queries for the whole page, whatever its length: exercise names, and the done sets."""
    ids = [workout.pk for workout in workouts]
    names: dict[int, list[str]] = {pk: [] for pk in ids}
    blocks = (
        WorkoutExercise.objects.filter(workout_id__in=ids, deleted_at=None)
        .order_by("workout_id", "position", "id")
        .values_list("workout_id", "exercise__name")
    )
    for workout_id, name in blocks:
        if name not in names[workout_id]:
            names[workout_id].append(name)
    done: dict[int, int] = dict.fromkeys(ids, 0)
    volume: dict[int, Decimal] = {pk: Decimal(0) for pk in ids}
    sets = WorkoutSet.objects.filter(workout_id__in=ids, deleted_at=None, completed=True).values_list(
        "workout_id", "load_kg", "reps", "kind"
    )
    for workout_id, load_kg, reps, kind in sets:
        done[workout_id] += 1
        if counts_for_tonnage(kind=kind, completed=True):
            volume[workout_id] += tonnage_kg(load_kg, reps)
    return [
        WorkoutRow(
            workout=workout,
            duration=duration_text(workout.started_at, workout.ended_at),
            exercise_names=names[workout.pk],
            done_sets=done[workout.pk],
            volume=volume_text(volume[workout.pk], unit),
        )
        for workout in workouts
    ]


# --- One workout ---


@dataclass(frozen=True)
class ExerciseBlock:
    item: WorkoutExercise
    rows: list[SetRow]


def _workout_with_contents(user: User, workout_id: int) -> Workout:
    workout = with_contents(workouts_for_user(user).filter(pk=workout_id)).first()
    if workout is None:
        raise Http404("No such workout.")
    return workout


def workout_detail(user: User, workout_id: int) -> dict[str, Any]:
    """One of `user`'s workouts with its blocks and totals: for the owner's page, and for a coach's
    read-only page about a client (already loaded through the coaching access check)."""
    workout = _workout_with_contents(user, workout_id)
    blocks = []
    volume = Decimal(0)
    done = 0
    for item in workout.live_exercises:  # type: ignore[attr-defined]
        rows = [
            set_row(workout_set, number, user.unit) for number, workout_set in enumerate(item.live_sets, 1)
        ]
        volume += sum((set_volume_kg(row.workout_set) for row in rows), Decimal(0))
        done += sum(1 for row in rows if row.workout_set.completed)
        blocks.append(ExerciseBlock(item, rows))
    return {
        "workout": workout,
        "blocks": blocks,
        "duration": duration_text(workout.started_at, workout.ended_at),
        "volume": volume_text(volume, user.unit),
        "done_sets": done,
        "unit": user.unit,
    }
