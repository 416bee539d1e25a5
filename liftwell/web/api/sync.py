"""POST /api/v1/sync: an ordered batch of changes from a device's outbox, answered change by change.

Each change runs in its own savepoint, in the order sent, through the same services as the per-row
endpoints, so a batch cut off halfway (a lost answer, a killed worker) can be sent again whole: creates
are idempotent on client_id, deletes of deleted rows are no-ops, and updates apply again to the same end.
The later update wins by the server's order of arrival. An update to a deleted row is refused with 410,
so a late edit from another device never brings a deleted set back.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal, TypeVar

import pydantic
from django.db import models, transaction
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from liftwell.web.api.errors import describe_validation_error
from liftwell.web.api.schemas import ErrorOut
from liftwell.web.api.training import (
    SetIn,
    SetOut,
    SetPatch,
    WorkoutExerciseIn,
    WorkoutExerciseOut,
    WorkoutExercisePatch,
    WorkoutIn,
    WorkoutOut,
    WorkoutPatch,
    _user,
)
from liftwell.web.training import services
from liftwell.web.training.errors import ClientIdConflict, TrainingError
from liftwell.web.training.lookups import (
    get_set_for_user,
    get_workout_exercise_for_user,
    get_workout_for_user,
)
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

router = Router(tags=["sync"])
Row = TypeVar("Row", bound=models.Model)

MAX_CHANGES = 500


class ChangeIn(Schema):
    op: Literal["create", "update", "delete"]
    type: Literal["workout", "workout_exercise", "set"]
    client_id: uuid.UUID
    workout_id: str | None = Field(None, description="For creates of exercises and sets: id or client_id")
    data: dict[str, Any] = Field(default_factory=dict)


class SyncIn(Schema):
    changes: list[ChangeIn] = Field(..., max_length=MAX_CHANGES)


class ResultOut(Schema):
    index: int
    status: int
    row: dict[str, Any] | None = None
    error: str | None = None


class SyncOut(Schema):
    results: list[ResultOut]


class ChangeRefused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _parse(shape: type[pydantic.BaseModel], data: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Validate `data` against an API input shape; a patch keeps only the fields sent."""
    try:
        parsed = shape.model_validate(data)
    except pydantic.ValidationError as error:
        errors = [{**e, "loc": ("data", *e["loc"])} for e in error.errors()]
        raise ChangeRefused(422, describe_validation_error(errors)) from None
    if partial:
        unknown = sorted(set(data) - set(shape.model_fields))
        if unknown:
            raise ChangeRefused(422, f"data.{unknown[0]}: cannot be changed")
        return {key: getattr(parsed, key) for key in data}
    return parsed.model_dump()


def _dump(shape: type[Schema], row: Any) -> dict[str, Any]:
    return shape.from_orm(row).model_dump(mode="json")


def _replayed(
    model: type[Row], user: Any, change: ChangeIn, *, workout: Workout, exercise_id: int
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


def _need_workout(change: ChangeIn) -> str:
    if not change.workout_id:
        raise ChangeRefused(422, "workout_id: required to create a workout exercise or a set")
    return change.workout_id


def _apply(user: Any, change: ChangeIn) -> tuple[int, dict[str, Any] | None]:
    ident = str(change.client_id)
    if change.type == "workout":
        if change.op == "create":
            values = _parse(WorkoutIn, {**change.data, "client_id": ident})
            values.pop("repeat_of", None)
            replayed = Workout.objects.filter(owner=user, client_id=change.client_id).first()
            if replayed is not None:
                return 200, _dump(WorkoutOut, replayed)
            try:
                workout, created = services.create_workout(user=user, **values)
            except ClientIdConflict:
                # A twin of this change won the race; without a start time sent, "now" differs by a
                # moment, which is no conflict: the twin's row is this change's answer.
                if change.data.get("started_at"):
                    raise
                workout, created = Workout.objects.get(owner=user, client_id=change.client_id), False
            return (201 if created else 200), _dump(WorkoutOut, workout)
        workout = get_workout_for_user(user, ident, include_deleted=True)
        if change.op == "delete":
            if workout.deleted_at is None:
                services.delete_workout(workout=workout)
            return 204, None
        if workout.deleted_at is not None:
            raise ChangeRefused(410, f"client_id: workout {ident} was deleted")
        workout = services.update_workout(
            workout=workout, changes=_parse(WorkoutPatch, change.data, partial=True)
        )
        return 200, _dump(WorkoutOut, workout)

    if change.type == "workout_exercise":
        if change.op == "create":
            workout = get_workout_for_user(user, _need_workout(change))
            values = _parse(WorkoutExerciseIn, {**change.data, "client_id": ident})
            stored_item = _replayed(
                WorkoutExercise, user, change, workout=workout, exercise_id=values["exercise_id"]
            )
            if stored_item is not None:
                return 200, _dump(WorkoutExerciseOut, stored_item)
            item, created = services.add_workout_exercise(user=user, workout=workout, **values)
            return (201 if created else 200), _dump(WorkoutExerciseOut, item)
        item = get_workout_exercise_for_user(user, ident, include_deleted=True)
        if change.op == "delete":
            if item.deleted_at is None:
                services.delete_workout_exercise(item=item)
            return 204, None
        if item.deleted_at is not None:
            raise ChangeRefused(410, f"client_id: workout exercise {ident} was deleted")
        changes = _parse(WorkoutExercisePatch, change.data, partial=True)
        return 200, _dump(WorkoutExerciseOut, services.update_workout_exercise(item=item, changes=changes))

    if change.op == "create":
        workout = get_workout_for_user(user, _need_workout(change))
        values = _parse(SetIn, {**change.data, "client_id": ident})
        stored_set = _replayed(WorkoutSet, user, change, workout=workout, exercise_id=values["exercise_id"])
        if stored_set is not None:
            return 200, _dump(SetOut, stored_set)
        block_ident = values.pop("workout_exercise_id")
        block = get_workout_exercise_for_user(user, block_ident) if block_ident else None
        workout_set, created = services.log_set(user=user, workout=workout, workout_exercise=block, **values)
        return (201 if created else 200), _dump(SetOut, workout_set)
    workout_set = get_set_for_user(user, ident, include_deleted=True)
    if change.op == "delete":
        if workout_set.deleted_at is None:
            services.delete_set(workout_set=workout_set)
        return 204, None
    if workout_set.deleted_at is not None:
        raise ChangeRefused(410, f"client_id: set {ident} was deleted")
    changes = _parse(SetPatch, change.data, partial=True)
    return 200, _dump(SetOut, services.update_set(workout_set=workout_set, changes=changes))


def apply_change(user: Any, index: int, change: ChangeIn) -> dict[str, Any]:
    """One change in its own savepoint: a refusal rolls back that change only."""
    try:
        with transaction.atomic():
            status, row = _apply(user, change)
    except ChangeRefused as refused:
        return {"index": index, "status": refused.status, "error": f"changes[{index}].{refused}"}
    except Http404 as missing:
        return {"index": index, "status": 404, "error": f"changes[{index}]: {missing or 'Not found.'}"}
    except ClientIdConflict as conflict:
        return {"index": index, "status": 409, "error": f"changes[{index}].{conflict}"}
    except TrainingError as refused:
        return {"index": index, "status": 422, "error": f"changes[{index}].{refused}"}
    return {"index": index, "status": status, "row": row}


@router.post(
    "/sync",
    response={200: SyncOut, 401: ErrorOut, 422: ErrorOut},
    summary="Apply an ordered batch of changes; each change is answered on its own",
)
def sync(request: HttpRequest, payload: SyncIn) -> dict[str, Any]:
    user = _user(request)
    return {"results": [apply_change(user, index, change) for index, change in enumerate(payload.changes)]}
