"""/api/v1/workouts, /api/v1/sets and the logging screen's reads. Creates are idempotent on client_id."""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, PatchDict, Query, Router, Schema, Status

from liftwell.core.units import plain
from liftwell.web.api.auth import request_user
from liftwell.web.api.schemas import ErrorOut
from liftwell.web.progress.live import RECORD_FIELDS, records_for_set
from liftwell.web.training import services
from liftwell.web.training.lookups import (
    get_set_for_user,
    get_workout_exercise_for_user,
    get_workout_for_user,
)
from liftwell.web.training.models import SetKind, Workout, WorkoutExercise, WorkoutSet
from liftwell.web.training.queries import (
    previous_sets,
    recent_exercises,
    set_page,
    with_contents,
    workout_page,
)
from liftwell.web.training.summary import summarize_workout

router = Router(tags=["training"])

MAX_LOAD_KG = Decimal(5000)


# --- Shapes ---


class SetOut(Schema):
    id: int
    client_id: uuid.UUID
    workout_id: int
    workout_exercise_id: int
    exercise_id: int
    position: int
    kind: SetKind
    load_kg: Decimal | None
    reps: int | None
    rpe: Decimal | None
    rir: int | None
    duration_s: int | None
    distance_m: Decimal | None
    completed: bool
    completed_at: datetime | None
    rest_s: int | None
    notes: str
    deleted: bool

    @staticmethod
    def resolve_deleted(obj: WorkoutSet) -> bool:
        return obj.deleted_at is not None

    @staticmethod
    def resolve_load_kg(obj: WorkoutSet) -> Decimal | None:
        return plain(obj.load_kg) if obj.load_kg is not None else None

    @staticmethod
    def resolve_distance_m(obj: WorkoutSet) -> Decimal | None:
        return plain(obj.distance_m) if obj.distance_m is not None else None


class WorkoutExerciseOut(Schema):
    id: int
    client_id: uuid.UUID
    workout_id: int
    exercise_id: int
    exercise_name: str
    position: int
    superset_group: int | None
    notes: str
    rest_s: int | None
    deleted: bool

    @staticmethod
    def resolve_exercise_name(obj: WorkoutExercise) -> str:
        return obj.exercise.name

    @staticmethod
    def resolve_deleted(obj: WorkoutExercise) -> bool:
        return obj.deleted_at is not None


class WorkoutExerciseWithSetsOut(WorkoutExerciseOut):
    sets: list[SetOut]

    @staticmethod
    def resolve_sets(obj: WorkoutExercise) -> list[WorkoutSet]:
        return getattr(obj, "live_sets", None) or []


class WorkoutOut(Schema):
    id: int
    client_id: uuid.UUID
    title: str
    notes: str
    started_at: datetime
    ended_at: datetime | None
    time_zone: str
    local_date: date
    source: str
    source_ref: str
    deleted: bool

    @staticmethod
    def resolve_deleted(obj: Workout) -> bool:
        return obj.deleted_at is not None


class WorkoutListItem(WorkoutOut):
    set_count: int
    exercise_count: int


class WorkoutDetailOut(WorkoutOut):
    exercises: list[WorkoutExerciseWithSetsOut]

    @staticmethod
    def resolve_exercises(obj: Workout) -> list[WorkoutExercise]:
        return getattr(obj, "live_exercises", [])


class WorkoutPage(Schema):
    items: list[WorkoutListItem]
    next_cursor: str | None


class WorkoutIn(Schema):
    client_id: uuid.UUID | None = None
    started_at: datetime | None = None
    time_zone: str | None = Field(None, max_length=64)
    title: str = Field("", max_length=120)
    notes: str = Field("", max_length=5000)
    repeat_of: str | None = Field(None, description="Copy the exercises and sets of this workout.")


# Patch shapes: PatchDict passes on only the fields a request sent; the defaults here are never used.
class WorkoutPatch(Schema):
    title: str = Field("", max_length=120)
    notes: str = Field("", max_length=5000)
    started_at: datetime | None = None
    ended_at: datetime | None = None
    time_zone: str = Field("UTC", max_length=64)


class WorkoutExerciseIn(Schema):
    client_id: uuid.UUID | None = None
    exercise_id: int
    position: int | None = Field(None, ge=0)
    superset_group: int | None = Field(None, ge=0, le=100)
    notes: str = Field("", max_length=2000)
    rest_s: int | None = Field(None, ge=0, le=3600)


class WorkoutExercisePatch(Schema):
    position: int = Field(0, ge=0)
    superset_group: int | None = Field(None, ge=0, le=100)
    notes: str = Field("", max_length=2000)
    rest_s: int | None = Field(None, ge=0, le=3600)


class SetFields(Schema):
    kind: SetKind = SetKind.WORKING
    load_kg: Decimal | None = Field(None, ge=0, le=MAX_LOAD_KG, decimal_places=6)
    reps: int | None = Field(None, ge=0, le=1000)
    rpe: Decimal | None = Field(None, ge=1, le=10)
    rir: int | None = Field(None, ge=0, le=10)
    duration_s: int | None = Field(None, ge=0, le=86400)
    distance_m: Decimal | None = Field(None, ge=0, le=1_000_000, decimal_places=2)
    completed: bool = False
    completed_at: datetime | None = None
    rest_s: int | None = Field(None, ge=0, le=3600)
    notes: str = Field("", max_length=2000)


class SetIn(SetFields):
    client_id: uuid.UUID
    exercise_id: int
    workout_exercise_id: str | None = Field(None, description="Its id or client_id; default: the last block")
    position: int | None = Field(None, ge=0)


class SetPatch(SetFields):
    position: int = Field(0, ge=0)


class SetPage(Schema):
    items: list[SetOut]
    next_before: int | None


class SetFilters(Schema):
    exercise_id: int | None = None
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    before: int | None = Field(None, description="Cursor: the next_before of the previous page")
    limit: int = Field(50, ge=1, le=500)


class WorkoutFilters(Schema):
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class FinishIn(Schema):
    ended_at: datetime | None = None


class RecordOut(Schema):
    kind: str
    label: str
    exercise_id: int
    exercise_name: str
    value: Decimal
    previous: Decimal | None
    load_kg: Decimal | None = Field(None, description="For a rep record: the load it was set at.")


class SetRecordOut(Schema):
    kind: str
    label: str
    value: Decimal
    previous: Decimal
    load_kg: Decimal | None = Field(None, description="For a rep record: the load it was set at.")


class LoggedSetOut(SetOut):
    records: list[SetRecordOut] = Field(
        default_factory=list,
        description="The personal records this set breaks, when the request made or changed a done set "
        "(its completion, load, reps or kind); empty otherwise.",
    )


class _Logged:
    """A set with the records it breaks, read by `LoggedSetOut` (every other field is the set's)."""

    def __init__(self, workout_set: WorkoutSet, records: list[dict[str, Any]]) -> None:
        self.workout_set = workout_set
        self.records = records

    def __getattr__(self, name: str) -> Any:
        return getattr(self.workout_set, name)


def _logged(workout_set: WorkoutSet, *, changed: set[str] | None = None) -> _Logged:
    """The set with the records it breaks, worked out only when the change can matter."""
    records = []
    if changed is None or changed & RECORD_FIELDS:
        records = [
            {
                "kind": str(r.kind),
                "label": r.label,
                "value": plain(r.value),
                "previous": plain(r.previous) if r.previous is not None else None,
                "load_kg": plain(r.load_kg) if r.load_kg is not None else None,
            }
            for r in records_for_set(workout_set)
        ]
    return _Logged(workout_set, records)


class SummaryOut(Schema):
    workout: WorkoutOut
    duration_s: int
    exercises: int
    sets: int
    volume_kg: Decimal
    records: list[RecordOut]


class RecentExerciseOut(Schema):
    exercise_id: int
    name: str
    times: int
    last_used: datetime


# --- Workouts ---


@router.get("/workouts", response=WorkoutPage, summary="Your workouts, newest first")
def list_workouts(request: HttpRequest, filters: Query[WorkoutFilters]) -> dict[str, Any]:
    items, next_cursor = workout_page(
        request_user(request),
        cursor=filters.cursor,
        limit=filters.limit,
        date_from=filters.date_from,
        date_to=filters.date_to,
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post(
    "/workouts",
    response={200: WorkoutDetailOut, 201: WorkoutDetailOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Start a workout (idempotent on client_id)",
)
def create_workout(request: HttpRequest, payload: WorkoutIn) -> Status[Any]:
    user = request_user(request)
    if payload.repeat_of:
        source = get_workout_for_user(user, payload.repeat_of)
        workout, created = services.repeat_workout(user=user, source=source, client_id=payload.client_id)
    else:
        workout, created = services.create_workout(
            user=user,
            client_id=payload.client_id,
            started_at=payload.started_at,
            time_zone=payload.time_zone,
            title=payload.title,
            notes=payload.notes,
        )
    return Status(201 if created else 200, with_contents(Workout.objects.filter(pk=workout.pk)).get())


@router.get("/workouts/{workout_id}", response={200: WorkoutDetailOut, 404: ErrorOut}, summary="One workout")
def get_workout(request: HttpRequest, workout_id: str) -> Workout:
    workout = get_workout_for_user(request_user(request), workout_id)
    return with_contents(Workout.objects.filter(pk=workout.pk)).get()


@router.patch(
    "/workouts/{workout_id}",
    response={200: WorkoutOut, 404: ErrorOut, 422: ErrorOut},
    summary="Edit a workout",
)
def patch_workout(request: HttpRequest, workout_id: str, payload: PatchDict[WorkoutPatch]) -> Workout:
    workout = get_workout_for_user(request_user(request), workout_id)
    return services.update_workout(workout=workout, changes=dict(payload))


@router.delete("/workouts/{workout_id}", response={204: None, 404: ErrorOut}, summary="Delete a workout")
def delete_workout(request: HttpRequest, workout_id: str) -> Status[Any]:
    workout = get_workout_for_user(request_user(request), workout_id, include_deleted=True)
    if workout.deleted_at is None:
        services.delete_workout(workout=workout)
    return Status(204, None)


@router.post(
    "/workouts/{workout_id}/restore", response={200: WorkoutOut, 404: ErrorOut}, summary="Undo a delete"
)
def restore_workout(request: HttpRequest, workout_id: str) -> Workout:
    workout = get_workout_for_user(request_user(request), workout_id, include_deleted=True)
    services.restore_workout(workout=workout)
    return workout


@router.post(
    "/workouts/{workout_id}/finish",
    response={200: SummaryOut, 404: ErrorOut, 422: ErrorOut},
    summary="Finish a workout and get its summary",
)
def finish_workout(request: HttpRequest, workout_id: str, payload: FinishIn) -> Any:
    user = request_user(request)
    workout = get_workout_for_user(user, workout_id)
    if payload.ended_at is not None or workout.ended_at is None:
        services.update_workout(workout=workout, changes={"ended_at": payload.ended_at or timezone.now()})
    return summarize_workout(user, workout)


@router.get(
    "/workouts/{workout_id}/summary", response={200: SummaryOut, 404: ErrorOut}, summary="A workout's summary"
)
def workout_summary(request: HttpRequest, workout_id: str) -> Any:
    user = request_user(request)
    return summarize_workout(user, get_workout_for_user(user, workout_id))


# --- Exercises inside a workout ---


@router.post(
    "/workouts/{workout_id}/exercises",
    response={200: WorkoutExerciseOut, 201: WorkoutExerciseOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Add an exercise to a workout (idempotent on client_id)",
)
def add_exercise(request: HttpRequest, workout_id: str, payload: WorkoutExerciseIn) -> Status[Any]:
    user = request_user(request)
    workout = get_workout_for_user(user, workout_id)
    item, created = services.add_workout_exercise(user=user, workout=workout, **payload.dict())
    return Status(201 if created else 200, item)


@router.patch(
    "/workout-exercises/{item_id}",
    response={200: WorkoutExerciseOut, 404: ErrorOut, 422: ErrorOut},
    summary="Move, group or annotate an exercise in a workout",
)
def patch_exercise(
    request: HttpRequest, item_id: str, payload: PatchDict[WorkoutExercisePatch]
) -> WorkoutExercise:
    item = get_workout_exercise_for_user(request_user(request), item_id)
    return services.update_workout_exercise(item=item, changes=dict(payload))


@router.delete(
    "/workout-exercises/{item_id}",
    response={204: None, 404: ErrorOut},
    summary="Remove an exercise and its sets",
)
def delete_exercise(request: HttpRequest, item_id: str) -> Status[Any]:
    item = get_workout_exercise_for_user(request_user(request), item_id, include_deleted=True)
    if item.deleted_at is None:
        services.delete_workout_exercise(item=item)
    return Status(204, None)


# --- Sets ---


@router.post(
    "/workouts/{workout_id}/sets",
    response={200: LoggedSetOut, 201: LoggedSetOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut},
    summary="Log a set (idempotent on client_id: a retry returns the stored set with 200)",
)
def create_set(request: HttpRequest, workout_id: str, payload: SetIn) -> Status[Any]:
    user = request_user(request)
    workout = get_workout_for_user(user, workout_id)
    data = payload.dict()
    block_ident = data.pop("workout_exercise_id")
    block = get_workout_exercise_for_user(user, block_ident) if block_ident else None
    workout_set, created = services.log_set(user=user, workout=workout, workout_exercise=block, **data)
    return Status(201 if created else 200, _logged(workout_set))


@router.get("/sets", response=SetPage, summary="Your sets, newest first")
def list_sets(request: HttpRequest, filters: Query[SetFilters]) -> dict[str, Any]:
    items, next_before = set_page(
        request_user(request),
        exercise_id=filters.exercise_id,
        date_from=filters.date_from,
        date_to=filters.date_to,
        before_id=filters.before,
        limit=filters.limit,
    )
    return {"items": items, "next_before": next_before}


@router.patch(
    "/sets/{set_id}", response={200: LoggedSetOut, 404: ErrorOut, 422: ErrorOut}, summary="Edit a set"
)
def patch_set(request: HttpRequest, set_id: str, payload: PatchDict[SetPatch]) -> _Logged:
    workout_set = get_set_for_user(request_user(request), set_id)
    changes = dict(payload)
    return _logged(services.update_set(workout_set=workout_set, changes=changes), changed=set(changes))


@router.delete("/sets/{set_id}", response={204: None, 404: ErrorOut}, summary="Delete a set")
def delete_set(request: HttpRequest, set_id: str) -> Status[Any]:
    workout_set = get_set_for_user(request_user(request), set_id, include_deleted=True)
    if workout_set.deleted_at is None:
        services.delete_set(workout_set=workout_set)
    return Status(204, None)


# --- For the logging screen ---


class PreviousFilters(Schema):
    exercise_id: list[int] = Field(..., min_length=1, max_length=100)
    workout: str | None = Field(None, description="Look before this workout (its id or client_id)")


@router.get("/previous", response=dict[int, list[SetOut]], summary="What was done last time, per exercise")
def previous(request: HttpRequest, filters: Query[PreviousFilters]) -> dict[int, list[WorkoutSet]]:
    user = request_user(request)
    current = get_workout_for_user(user, filters.workout) if filters.workout else None
    return previous_sets(user, filters.exercise_id, exclude_workout=current)


@router.get(
    "/recent-exercises", response=list[RecentExerciseOut], summary="Your most recently logged exercises"
)
def recent(request: HttpRequest, limit: int = Query(30, ge=1, le=100)) -> list[dict[str, Any]]:  # type: ignore[type-arg]
    return [
        {
            "exercise_id": row["exercise"].pk,
            "name": row["exercise"].name,
            "times": row["times"],
            "last_used": row["last_used"],
        }
        for row in recent_exercises(request_user(request), limit=limit)
    ]
