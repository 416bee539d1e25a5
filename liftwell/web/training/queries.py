"""Reads for the logging screen and history: each a fixed, small number of queries."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.errors import TrainingError
from liftwell.web.training.lookups import workouts_for_user
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet
from liftwell.web.training.services import SET_FIELDS


def with_contents(queryset: QuerySet[Workout]) -> QuerySet[Workout]:
    """Workouts with their live exercises and sets prefetched: three queries for any number."""
    live_sets = WorkoutSet.objects.filter(deleted_at=None).order_by("position", "id")
    live_exercises = (
        WorkoutExercise.objects.filter(deleted_at=None)
        .select_related("exercise")
        .prefetch_related(Prefetch("sets", queryset=live_sets, to_attr="live_sets"))
        .order_by("position", "id")
    )
    return queryset.prefetch_related(Prefetch("exercises", queryset=live_exercises, to_attr="live_exercises"))


def encode_cursor(workout: Workout) -> str:
    raw = json.dumps([workout.started_at.isoformat(), workout.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    try:
        started, pk = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return datetime.fromisoformat(started), int(pk)
    except (ValueError, TypeError, binascii.Error):
        raise TrainingError("cursor: not a cursor this API gave out") from None


def _count_of(model: type[WorkoutSet] | type[WorkoutExercise]) -> Coalesce:
    rows = (
        model.objects.filter(workout=OuterRef("pk"), deleted_at=None)
        .order_by()
        .values("workout")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows), 0)


def workout_page(
    user: User,
    *,
    cursor: str | None = None,
    limit: int = 20,
    date_from: date | None = None,
    date_to: date | None = None,
) -> tuple[list[Any], str | None]:
    """Newest first, keyset-paginated on (started_at, id): no OFFSET, no COUNT over all rows."""
    queryset = workouts_for_user(user)
    if date_from:
        queryset = queryset.filter(local_date__gte=date_from)
    if date_to:
        queryset = queryset.filter(local_date__lte=date_to)
    if cursor:
        started, pk = decode_cursor(cursor)
        queryset = queryset.filter(Q(started_at__lt=started) | Q(started_at=started, pk__lt=pk))
    # Correlated counts, not JOIN + GROUP BY: the database can stop at the page limit, and two joined
    # counts would multiply each other.
    queryset = queryset.annotate(
        set_count=_count_of(WorkoutSet), exercise_count=_count_of(WorkoutExercise)
    ).order_by("-started_at", "-pk")
    rows = list(queryset[: limit + 1])
    next_cursor = encode_cursor(rows[limit - 1]) if len(rows) > limit else None
    return rows[:limit], next_cursor


def set_page(
    user: User,
    *,
    exercise_id: int | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> tuple[list[WorkoutSet], int | None]:
    """Sets newest first, keyset-paginated on id; filtered by exercise and the workout's local date."""
    queryset = WorkoutSet.objects.filter(owner=user, deleted_at=None, workout__deleted_at=None)
    if exercise_id is not None:
        queryset = queryset.filter(exercise_id=exercise_id)
    if date_from:
        queryset = queryset.filter(workout__local_date__gte=date_from)
    if date_to:
        queryset = queryset.filter(workout__local_date__lte=date_to)
    if before_id:
        queryset = queryset.filter(pk__lt=before_id)
    rows = list(
        queryset.select_related("workout")
        .only(*SET_COLUMNS, "workout__local_date", "workout__client_id")
        .order_by("-pk")[: limit + 1]
    )
    next_before = rows[limit - 1].pk if len(rows) > limit else None
    return rows[:limit], next_before


# What a set's API answer reads: its identity, where it belongs, the client's fields, and its tombstone.
SET_COLUMNS = (
    "id",
    "client_id",
    "workout_id",
    "workout_exercise_id",
    "exercise_id",
    "position",
    *SET_FIELDS,
    "deleted_at",
    "updated_at",
)


def previous_sets(
    user: User, exercise_ids: Iterable[int], *, exclude_workout: Workout | None = None
) -> dict[int, list[WorkoutSet]]:
    """For each exercise, the sets of the most recent earlier workout that had it ("previous")."""
    ids = list(dict.fromkeys(exercise_ids))
    if not ids:
        return {}
    base = WorkoutExercise.objects.filter(
        owner=user, exercise_id__in=ids, deleted_at=None, workout__deleted_at=None
    )
    if exclude_workout is not None:
        base = base.exclude(workout=exclude_workout).filter(
            workout__started_at__lte=exclude_workout.started_at
        )
    base = base.filter(Exists(WorkoutSet.objects.filter(workout_exercise=OuterRef("pk"), completed=True)))
    latest_block = (
        base.filter(exercise_id=OuterRef("pk")).order_by("-workout__started_at", "-pk").values("pk")[:1]
    )
    blocks = (
        Exercise.objects.filter(pk__in=ids)
        .annotate(last_block=Subquery(latest_block))
        .exclude(last_block=None)
        .values_list("last_block", flat=True)
    )
    result: dict[int, list[WorkoutSet]] = {exercise_id: [] for exercise_id in ids}
    for workout_set in WorkoutSet.objects.filter(workout_exercise_id__in=blocks, deleted_at=None).order_by(
        "position", "id"
    ):
        result[workout_set.exercise_id].append(workout_set)
    return result


def recent_exercises(user: User, *, limit: int = 30) -> list[dict[str, Any]]:
    """The exercises someone logs most, most recent first: the top of the exercise picker."""
    rows = (
        WorkoutExercise.objects.filter(owner=user, deleted_at=None, workout__deleted_at=None)
        .values("exercise_id")
        .annotate(times=Count("workout", distinct=True), last_used=Max("workout__started_at"))
        .order_by("-last_used")[:limit]
    )
    by_id = Exercise.objects.in_bulk([row["exercise_id"] for row in rows])
    return [
        {"exercise": by_id[row["exercise_id"]], "times": row["times"], "last_used": row["last_used"]}
        for row in rows
        if row["exercise_id"] in by_id
    ]
