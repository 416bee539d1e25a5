"""Every read of someone's training data goes through these: what is not theirs is a 404."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from liftwell.web.accounts.models import User
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet


def _identity(ident: int | str) -> dict[str, object]:
    """An id, or a client UUID: the API accepts either wherever it names a row."""
    text = str(ident)
    if text.isdigit():
        return {"pk": int(text)}
    try:
        return {"client_id": uuid.UUID(text)}
    except ValueError:
        raise Http404("Not found.") from None


def workouts_for_user(user: User, *, include_deleted: bool = False) -> QuerySet[Workout]:
    queryset = Workout.objects.filter(owner=user)
    return queryset if include_deleted else queryset.filter(deleted_at=None)


def get_workout_for_user(user: User, ident: int | str, *, include_deleted: bool = False) -> Workout:
    try:
        return workouts_for_user(user, include_deleted=include_deleted).get(**_identity(ident))
    except Workout.DoesNotExist:
        raise Http404("No such workout.") from None


def get_workout_exercise_for_user(
    user: User, ident: int | str, *, include_deleted: bool = False
) -> WorkoutExercise:
    queryset = WorkoutExercise.objects.filter(owner=user).select_related("workout", "exercise")
    if not include_deleted:
        queryset = queryset.filter(deleted_at=None)
    try:
        return queryset.get(**_identity(ident))
    except WorkoutExercise.DoesNotExist:
        raise Http404("No such exercise in a workout.") from None


def get_set_for_user(user: User, ident: int | str, *, include_deleted: bool = False) -> WorkoutSet:
    queryset = WorkoutSet.objects.filter(owner=user).select_related("workout")
    if not include_deleted:
        queryset = queryset.filter(deleted_at=None)
    try:
        return queryset.get(**_identity(ident))
    except WorkoutSet.DoesNotExist:
        raise Http404("No such set.") from None
