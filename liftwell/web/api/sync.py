"""POST /api/v1/sync: an ordered batch of changes from a device's outbox, answered change by change.

This module parses each change, validates its data with the same input shapes as the per-row endpoints,
and answers; `liftwell.web.training.sync` applies it and decides replay, conflict (409) and tombstone
(410), so a batch cut off halfway can be sent again whole.
"""

from __future__ import annotations

import uuid
from typing import Any

import pydantic
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from liftwell.web.accounts.models import User
from liftwell.web.api.auth import request_user
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
)
from liftwell.web.training.errors import ClientIdConflict, TrainingError
from liftwell.web.training.sync import Change, Op, RowDeleted, RowType, apply_change

router = Router(tags=["sync"])

MAX_CHANGES = 500

# The shapes a change's data is checked against, and the shape of the row in the answer, per type.
CREATE_SHAPES: dict[str, type[Schema]] = {
    "workout": WorkoutIn,
    "workout_exercise": WorkoutExerciseIn,
    "set": SetIn,
}
PATCH_SHAPES: dict[str, type[Schema]] = {
    "workout": WorkoutPatch,
    "workout_exercise": WorkoutExercisePatch,
    "set": SetPatch,
}
OUT_SHAPES: dict[str, type[Schema]] = {
    "workout": WorkoutOut,
    "workout_exercise": WorkoutExerciseOut,
    "set": SetOut,
}


class ChangeIn(Schema):
    op: Op
    type: RowType
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


class _Invalid(Exception):
    pass


def _parse(shape: type[pydantic.BaseModel], data: dict[str, Any], *, partial: bool = False) -> dict[str, Any]:
    """Validate `data` against an API input shape; a patch keeps only the fields sent."""
    try:
        parsed = shape.model_validate(data)
    except pydantic.ValidationError as error:
        errors = [{**e, "loc": ("data", *e["loc"])} for e in error.errors()]
        raise _Invalid(describe_validation_error(errors)) from None
    if partial:
        unknown = sorted(set(data) - set(shape.model_fields))
        if unknown:
            raise _Invalid(f"data.{unknown[0]}: cannot be changed")
        return {key: getattr(parsed, key) for key in data}
    return parsed.model_dump()


def validated(change: ChangeIn) -> Change:
    """The change with its data checked; a delete carries no data."""
    values: dict[str, Any] = {}
    invalid = ""
    try:
        if change.op == "create":
            values = _parse(CREATE_SHAPES[change.type], {**change.data, "client_id": str(change.client_id)})
            values.pop("repeat_of", None)  # repeating a workout is for POST /workouts only
        elif change.op == "update":
            values = _parse(PATCH_SHAPES[change.type], change.data, partial=True)
    except _Invalid as error:
        invalid = str(error)
    return Change(
        op=change.op,
        type=change.type,
        client_id=change.client_id,
        workout_id=change.workout_id,
        values=values,
        invalid=invalid,
    )


def answer(user: User, index: int, change: ChangeIn) -> dict[str, Any]:
    """One change, applied in its own savepoint, as one entry of the results."""
    try:
        outcome = apply_change(user=user, change=validated(change))
    except RowDeleted as deleted:
        return {"index": index, "status": 410, "error": f"changes[{index}].{deleted}"}
    except Http404 as missing:
        return {"index": index, "status": 404, "error": f"changes[{index}]: {missing or 'Not found.'}"}
    except ClientIdConflict as conflict:
        return {"index": index, "status": 409, "error": f"changes[{index}].{conflict}"}
    except TrainingError as refused:
        return {"index": index, "status": 422, "error": f"changes[{index}].{refused}"}
    if outcome.row is None:
        return {"index": index, "status": 204, "row": None}
    row = OUT_SHAPES[change.type].from_orm(outcome.row).model_dump(mode="json")
    return {"index": index, "status": 201 if outcome.created else 200, "row": row}


@router.post(
    "/sync",
    response={200: SyncOut, 401: ErrorOut, 422: ErrorOut},
    summary="Apply an ordered batch of changes; each change is answered on its own",
)
def sync(request: HttpRequest, payload: SyncIn) -> dict[str, Any]:
    user = request_user(request)
    return {"results": [answer(user, index, change) for index, change in enumerate(payload.changes)]}
