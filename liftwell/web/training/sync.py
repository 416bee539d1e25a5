"""One change from a device's outbox, applied: the decisions behind POST /api/v1/sync.

Each change runs in its own savepoint through the same services as the per-row endpoints, so a batch
cut off halfway (a lost answer, a killed worker) can be sent again whole: creates are idempotent on
client_id (a resent create answers with the stored row, as later updates left it), deletes of deleted
rows are no-ops, and updates apply again to the same end. The later update wins by the server's order
of arrival. An update to a deleted row is refused (`RowDeleted`), so a late edit from another device
never brings a deleted set back.

The API parses a change and validates its data against its input shapes; this module never sees those
shapes, only the values they gave.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from django.db import models, transaction

from liftwell.web.accounts.models import User
from liftwell.web.training import services
from liftwell.web.training.errors import ClientIdConflict, TrainingError
from liftwell.web.training.lookups import (
    get_set_for_user,
    get_workout_exercise_for_user,
    get_workout_for_user,
)
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

Op = Literal["create", "update", "delete"]
RowType = Literal["workout", "workout_exercise", "set"]
Row = TypeVar("Row", bound=models.Model)


class InvalidChange(TrainingError):
    """The change's data failed validation, or a create names no workout."""


class RowDeleted(Exception):
    """An update to a deleted row: refused, so the edit does not bring the row back."""


@dataclass(frozen=True)
class Change:
    """One validated change.

    `values` are the checked values, ready for the service: for a create every field (client_id
    included), for an update only the fields sent. When the data failed validation, `invalid` says
    why; it is raised only where the values are first needed, after the row is looked up, so a
    missing row still answers "not found" and a deleted one "deleted".
    """

    op: Op
    type: RowType
    client_id: uuid.UUID
    workout_id: str | None = None
    values: Mapping[str, Any] = field(default_factory=dict)
    invalid: str = ""

    def checked_values(self) -> dict[str, Any]:
        if self.invalid:
            raise InvalidChange(self.invalid)
        return dict(self.values)

    def workout_ident(self) -> str:
        if not self.workout_id:
            raise InvalidChange("workout_id: required to create a workout exercise or a set")
        return self.workout_id


@dataclass(frozen=True)
class Outcome:
    """The row as it stands after the change, and whether the change made it; no row after a delete."""

    row: Workout | WorkoutExercise | WorkoutSet | None
    created: bool = False


def apply_change(*, user: User, change: Change) -> Outcome:
    """Apply one change in its own savepoint: a refusal rolls back that change only.

    Raises Http404 (no such row of this user's), ClientIdConflict, RowDeleted or a TrainingError.
    """
    with transaction.atomic():
        return HANDLERS[change.type, change.op](user, change)


def _replayed(
    model: type[Row], user: User, change: Change, *, workout: Workout, exercise_id: int
) -> Row | None:
    """The row a resent create made before, when it is the same thing (same workout and exercise).

    In a resent batch, a create may come back after later updates to its row; the stored row, with those
    updates, is the answer (a per-row create compares values instead, as nothing can have followed it).
    """
    stored = model._default_manager.filter(owner=user, client_id=change.client_id).first()
    if stored is None:
        return None
    if stored.workout_id != workout.pk or stored.exercise_id != exercise_id:  # type: ignore[attr-defined]
        raise ClientIdConflict(
            f"client_id: {change.client_id} is already used in another workout or exercise"
        )
    return stored


# --- Workouts ---


def _create_workout(user: User, change: Change) -> Outcome:
    values = change.checked_values()
    replayed = Workout.objects.filter(owner=user, client_id=change.client_id).first()
    if replayed is not None:
        return Outcome(replayed)
    try:
        workout, created = services.create_workout(user=user, **values)
    except ClientIdConflict:
        # A twin of this change won the race; without a start time sent, "now" differs by a moment,
        # which is no conflict: the twin's row is this change's answer.
        if values.get("started_at") is not None:
            raise
        workout, created = Workout.objects.get(owner=user, client_id=change.client_id), False
    return Outcome(workout, created=created)


def _update_workout(user: User, change: Change) -> Outcome:
    workout = get_workout_for_user(user, str(change.client_id), include_deleted=True)
    if workout.deleted_at is not None:
        raise RowDeleted(f"client_id: workout {change.client_id} was deleted")
    return Outcome(services.update_workout(workout=workout, changes=change.checked_values()))


def _delete_workout(user: User, change: Change) -> Outcome:
    workout = get_workout_for_user(user, str(change.client_id), include_deleted=True)
    if workout.deleted_at is None:
        services.delete_workout(workout=workout)
    return Outcome(None)


# --- Exercises inside a workout ---


def _create_workout_exercise(user: User, change: Change) -> Outcome:
    workout = get_workout_for_user(user, change.workout_ident())
    values = change.checked_values()
    stored = _replayed(WorkoutExercise, user, change, workout=workout, exercise_id=values["exercise_id"])
    if stored is not None:
        return Outcome(stored)
    item, created = services.add_workout_exercise(user=user, workout=workout, **values)
    return Outcome(item, created=created)


def _update_workout_exercise(user: User, change: Change) -> Outcome:
    item = get_workout_exercise_for_user(user, str(change.client_id), include_deleted=True)
    if item.deleted_at is not None:
        raise RowDeleted(f"client_id: workout exercise {change.client_id} was deleted")
    return Outcome(services.update_workout_exercise(item=item, changes=change.checked_values()))


def _delete_workout_exercise(user: User, change: Change) -> Outcome:
    item = get_workout_exercise_for_user(user, str(change.client_id), include_deleted=True)
    if item.deleted_at is None:
        services.delete_workout_exercise(item=item)
    return Outcome(None)


# --- Sets ---


def _create_set(user: User, change: Change) -> Outcome:
    workout = get_workout_for_user(user, change.workout_ident())
    values = change.checked_values()
    stored = _replayed(WorkoutSet, user, change, workout=workout, exercise_id=values["exercise_id"])
    if stored is not None:
        return Outcome(stored)
    block_ident = values.pop("workout_exercise_id", None)
    block = get_workout_exercise_for_user(user, block_ident) if block_ident else None
    workout_set, created = services.log_set(user=user, workout=workout, workout_exercise=block, **values)
    return Outcome(workout_set, created=created)


def _update_set(user: User, change: Change) -> Outcome:
    workout_set = get_set_for_user(user, str(change.client_id), include_deleted=True)
    if workout_set.deleted_at is not None:
        raise RowDeleted(f"client_id: set {change.client_id} was deleted")
    return Outcome(services.update_set(workout_set=workout_set, changes=change.checked_values()))


def _delete_set(user: User, change: Change) -> Outcome:
    workout_set = get_set_for_user(user, str(change.client_id), include_deleted=True)
    if workout_set.deleted_at is None:
        services.delete_set(workout_set=workout_set)
    return Outcome(None)


HANDLERS: dict[tuple[RowType, Op], Callable[[User, Change], Outcome]] = {
    ("workout", "create"): _create_workout,
    ("workout", "update"): _update_workout,
    ("workout", "delete"): _delete_workout,
    ("workout_exercise", "create"): _create_workout_exercise,
    ("workout_exercise", "update"): _update_workout_exercise,
    ("workout_exercise", "delete"): _delete_workout_exercise,
    ("set", "create"): _create_set,
    ("set", "update"): _update_set,
    ("set", "delete"): _delete_set,
}
