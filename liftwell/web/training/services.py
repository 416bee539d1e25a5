"""The only write paths for workouts, their exercises and sets.

Creates are idempotent on the client's UUID: the same create sent twice returns the stored row the
second time (`created=False`), a database unique constraint backs that across app servers, and the
same UUID with different values is a conflict. Deletes leave tombstones (`deleted_at`).
"""

from __future__ import annotations

import uuid
import zoneinfo
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone

from liftwell.core.units import LOAD_KG_PLACES, plain
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import visible_exercises
from liftwell.web.training.errors import ClientIdConflict, TrainingError
from liftwell.web.training.models import SetKind, Workout, WorkoutExercise, WorkoutSet

Row = TypeVar("Row", bound=models.Model)

# Fields of a set that a client sends when creating it, and that a retry must repeat exactly.
SET_FIELDS = (
    "kind",
    "load_kg",
    "reps",
    "rpe",
    "rir",
    "duration_s",
    "distance_m",
    "completed",
    "completed_at",
    "rest_s",
    "notes",
)


def _create_once(
    model: type[Row],
    *,
    owner: User,
    client_id: uuid.UUID,
    values: dict[str, Any],
    noun: str,
    derived: frozenset[str] = frozenset(),
    looked_up: bool = False,
) -> tuple[Row, bool]:
    """Create a row unless this owner's client_id exists; the unique constraint settles races.

    A retry must repeat what the client said; `derived` names the values the server worked out
    (a position, a block), which a concurrent twin may have worked out differently. `looked_up`
    says the caller has just found no such row, so the first lookup is skipped.
    """
    manager = model._default_manager
    existing = None if looked_up else manager.filter(owner=owner, client_id=client_id).first()
    if existing is None:
        try:
            with transaction.atomic():
                return manager.create(owner=owner, client_id=client_id, **values), True
        except IntegrityError:
            # Another request with the same client_id won the race: compare with what it stored.
            existing = manager.filter(owner=owner, client_id=client_id).first()
            if existing is None:
                raise
    _same_or_conflict(existing, values, noun=noun, derived=derived)
    return existing, False


def _same_or_conflict(
    existing: models.Model, values: dict[str, Any], *, noun: str, derived: frozenset[str] = frozenset()
) -> None:
    differing = [
        key
        for key, value in values.items()
        if key not in derived and _stored(existing, key) != _comparable(value)
    ]
    if differing:
        raise ClientIdConflict(
            f"client_id: {existing.client_id} is already a {noun} "  # type: ignore[attr-defined]
            f"with different {', '.join(differing)}"
        )


def _stored(row: models.Model, key: str) -> Any:
    field = row._meta.get_field(key)
    if isinstance(field, models.ForeignKey):
        return getattr(row, field.attname)
    return _comparable(getattr(row, key))


def _comparable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Decimal):
        return plain(value)
    return value


def _next_position(queryset: models.QuerySet[Any]) -> int:
    top = queryset.aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


def local_date_of(moment: datetime, time_zone: str) -> Any:
    return moment.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


def _check_time_zone(time_zone: str) -> str:
    if time_zone not in zoneinfo.available_timezones():
        raise TrainingError(f"time_zone: '{time_zone}' is not a known time zone")
    return time_zone


# --- Workouts ---


def create_workout(
    *,
    user: User,
    client_id: uuid.UUID | None = None,
    started_at: datetime | None = None,
    time_zone: str | None = None,
    title: str = "",
    notes: str = "",
    source: str = Workout.Source.MANUAL,
    source_ref: str = "",
) -> tuple[Workout, bool]:
    started = started_at or timezone.now()
    if timezone.is_naive(started):
        raise TrainingError("started_at: give a time zone offset, e.g. 2026-05-01T18:30:00+02:00")
    zone = _check_time_zone(time_zone or user.time_zone)
    values: dict[str, Any] = {
        "title": title,
        "notes": notes,
        "started_at": started,
        "time_zone": zone,
        "local_date": local_date_of(started, zone),
        "source": source,
        "source_ref": source_ref,
    }
    return _create_once(
        Workout, owner=user, client_id=client_id or uuid.uuid4(), values=values, noun="workout"
    )


def update_workout(*, workout: Workout, changes: dict[str, Any]) -> Workout:
    """Apply the given fields; started_at or time_zone changes move the workout's local date."""
    allowed = {"title", "notes", "started_at", "ended_at", "time_zone"}
    unknown = set(changes) - allowed
    if unknown:
        raise TrainingError(f"{sorted(unknown)[0]}: cannot be changed")
    if "time_zone" in changes:
        _check_time_zone(changes["time_zone"])
    if "started_at" in changes and changes["started_at"] is None:
        raise TrainingError("started_at: cannot be empty")
    for key, value in changes.items():
        setattr(workout, key, value)
    if workout.ended_at and workout.ended_at < workout.started_at:
        raise TrainingError("ended_at: must not be before started_at")
    workout.local_date = local_date_of(workout.started_at, workout.time_zone)
    workout.save()
    return workout


def delete_workout(*, workout: Workout) -> None:
    with transaction.atomic():
        now = timezone.now()
        Workout.objects.filter(pk=workout.pk).update(deleted_at=now)
        workout.deleted_at = now


def restore_workout(*, workout: Workout) -> None:
    Workout.objects.filter(pk=workout.pk).update(deleted_at=None)
    workout.deleted_at = None


@transaction.atomic
def repeat_workout(
    *, user: User, source: Workout, client_id: uuid.UUID | None = None
) -> tuple[Workout, bool]:
    """A new workout with the same exercises and the same sets to do (not completed)."""
    workout, created = create_workout(user=user, client_id=client_id, title=source.title)
    if not created:
        return workout, False
    for position, old in enumerate(source.exercises.filter(deleted_at=None).order_by("position", "id")):
        new = WorkoutExercise.objects.create(
            owner=user,
            workout=workout,
            exercise_id=old.exercise_id,
            position=position,
            superset_group=old.superset_group,
            rest_s=old.rest_s,
        )
        WorkoutSet.objects.bulk_create(
            WorkoutSet(
                owner=user,
                workout=workout,
                workout_exercise=new,
                exercise_id=old.exercise_id,
                position=index,
                kind=old_set.kind,
                load_kg=old_set.load_kg,
                reps=old_set.reps,
                duration_s=old_set.duration_s,
                distance_m=old_set.distance_m,
            )
            for index, old_set in enumerate(old.sets.filter(deleted_at=None).order_by("position", "id"))
        )
    return workout, True


# --- Exercises inside a workout ---


def _exercise_for(user: User, exercise_id: int) -> Exercise:
    exercise = visible_exercises(user, include_hidden=True).filter(pk=exercise_id).first()
    if exercise is None:
        raise TrainingError(f"exercise_id: no exercise {exercise_id} in your library")
    return exercise


def add_workout_exercise(
    *,
    user: User,
    workout: Workout,
    exercise_id: int,
    client_id: uuid.UUID | None = None,
    position: int | None = None,
    superset_group: int | None = None,
    notes: str = "",
    rest_s: int | None = None,
) -> tuple[WorkoutExercise, bool]:
    exercise = _exercise_for(user, exercise_id)
    derived = frozenset({"position"}) if position is None else frozenset()
    if position is None:
        position = _next_position(workout.exercises.all())
    values: dict[str, Any] = {
        "workout": workout,
        "exercise": exercise,
        "position": position,
        "superset_group": superset_group,
        "notes": notes,
        "rest_s": rest_s,
    }
    return _create_once(
        WorkoutExercise,
        owner=user,
        client_id=client_id or uuid.uuid4(),
        values=values,
        noun="workout exercise",
        derived=derived,
    )


def update_workout_exercise(*, item: WorkoutExercise, changes: dict[str, Any]) -> WorkoutExercise:
    allowed = {"position", "superset_group", "notes", "rest_s"}
    unknown = set(changes) - allowed
    if unknown:
        raise TrainingError(f"{sorted(unknown)[0]}: cannot be changed")
    for key, value in changes.items():
        setattr(item, key, value)
    item.save(update_fields=[*changes])
    return item


def delete_workout_exercise(*, item: WorkoutExercise) -> None:
    now = timezone.now()
    with transaction.atomic():
        WorkoutExercise.objects.filter(pk=item.pk).update(deleted_at=now)
        WorkoutSet.objects.filter(workout_exercise=item, deleted_at=None).update(deleted_at=now)
    item.deleted_at = now


# --- Sets ---


def _normalise_set_values(values: dict[str, Any]) -> dict[str, Any]:
    clean = dict(values)
    if clean.get("load_kg") is not None:
        clean["load_kg"] = Decimal(clean["load_kg"]).quantize(LOAD_KG_PLACES)
    if clean.get("rpe") is not None:
        rpe = Decimal(clean["rpe"])
        if rpe * 2 != (rpe * 2).to_integral_value():
            raise TrainingError("rpe: use whole or half points, e.g. 8 or 8.5")
        clean["rpe"] = rpe.quantize(Decimal("0.1"))
    if clean.get("completed_at") is not None:
        clean["completed"] = True
    return clean


def log_set(
    *,
    user: User,
    workout: Workout,
    exercise_id: int,
    client_id: uuid.UUID | None = None,
    workout_exercise: WorkoutExercise | None = None,
    position: int | None = None,
    **fields: Any,
) -> tuple[WorkoutSet, bool]:
    """Record one set. Idempotent on client_id; the set joins `workout_exercise` when given, else
    the workout's last block of that exercise (made if missing)."""
    unknown = set(fields) - set(SET_FIELDS)
    if unknown:
        raise TrainingError(f"{sorted(unknown)[0]}: not a field of a set")
    client_id = client_id or uuid.uuid4()
    existing = WorkoutSet.objects.filter(owner=user, client_id=client_id).first()
    if existing is not None:
        # A retry: skip every lookup and compare with what is stored.
        if existing.workout_id != workout.pk or existing.exercise_id != exercise_id:
            raise ClientIdConflict(f"client_id: {client_id} is already a set in another workout or exercise")
        values = _normalise_set_values({key: fields.get(key, _default(key)) for key in SET_FIELDS})
        _same_or_conflict(existing, values, noun="set")
        return existing, False
    block_derived = workout_exercise is None
    if workout_exercise is None:
        workout_exercise = (
            WorkoutExercise.objects.filter(workout=workout, exercise_id=exercise_id, deleted_at=None)
            .order_by("-position", "-id")
            .first()
        )
        if workout_exercise is None:
            workout_exercise, _ = add_workout_exercise(
                user=user, workout=workout, exercise_id=exercise_id, client_id=uuid.uuid5(client_id, "block")
            )
    elif workout_exercise.workout_id != workout.pk:
        raise TrainingError("workout_exercise_id: belongs to another workout")
    elif workout_exercise.exercise_id != exercise_id:
        raise TrainingError("exercise_id: differs from the exercise of workout_exercise_id")
    derived = {"workout_exercise"} if block_derived else set()
    if position is None:
        position = _next_position(workout_exercise.sets.all())
        derived.add("position")
    values = _normalise_set_values({key: fields.get(key, _default(key)) for key in SET_FIELDS})
    values.update(
        workout=workout, workout_exercise=workout_exercise, exercise_id=exercise_id, position=position
    )
    return _create_once(
        WorkoutSet,
        owner=user,
        client_id=client_id,
        values=values,
        noun="set",
        derived=frozenset(derived),
        looked_up=True,
    )


def _default(key: str) -> Any:
    if key == "kind":
        return SetKind.WORKING
    if key == "completed":
        return False
    if key == "notes":
        return ""
    return None


def update_set(*, workout_set: WorkoutSet, changes: dict[str, Any]) -> WorkoutSet:
    allowed = {*SET_FIELDS, "position"}
    unknown = set(changes) - allowed
    if unknown:
        raise TrainingError(f"{sorted(unknown)[0]}: cannot be changed")
    clean = _normalise_set_values(changes)
    if clean.get("completed") is True and workout_set.completed_at is None and "completed_at" not in clean:
        clean["completed_at"] = timezone.now()
    if clean.get("completed") is False:
        clean["completed_at"] = None
    for key, value in clean.items():
        setattr(workout_set, key, value)
    workout_set.save(update_fields=[*clean, "updated_at"])
    return workout_set


def delete_set(*, workout_set: WorkoutSet) -> None:
    workout_set.deleted_at = timezone.now()
    workout_set.save(update_fields=["deleted_at", "updated_at"])


def restore_set(*, workout_set: WorkoutSet) -> None:
    workout_set.deleted_at = None
    workout_set.save(update_fields=["deleted_at", "updated_at"])
