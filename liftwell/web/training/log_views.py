"""The logging screen's pages: the start page and the shell the client-side module renders into.

Both are server-rendered shells; the module under static/liftwell/logging/ does the rest through the JSON
API (the start page only to create the workout, the screen for everything).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.training.lookups import get_workout_for_user, workouts_for_user
from liftwell.web.training.models import Workout, WorkoutExercise

RECENT_WORKOUTS = 10
RESUME_WITHIN = timedelta(hours=24)
# The URL of the screen with a placeholder UUID the start page's module swaps for the new workout's.
PLACEHOLDER_ID = uuid.UUID(int=0)


def _with_exercise_names(queryset: QuerySet[Workout]) -> list[Workout]:
    live = (
        WorkoutExercise.objects.filter(deleted_at=None).select_related("exercise").order_by("position", "id")
    )
    return list(queryset.prefetch_related(Prefetch("exercises", queryset=live, to_attr="live_exercises")))


def _start_page_workouts(user: User) -> tuple[list[Workout], list[Workout]]:
    """(unfinished workouts started in the last 24 h, the last 10 others to repeat)."""
    now = timezone.now()
    mine = workouts_for_user(user).order_by("-started_at", "-pk")
    unfinished = _with_exercise_names(mine.filter(ended_at=None, started_at__gte=now - RESUME_WITHIN))
    others = mine.exclude(pk__in=[workout.pk for workout in unfinished])
    recent = _with_exercise_names(others[:RECENT_WORKOUTS])
    return unfinished, recent


@login_required
def log_start(request: AuthedRequest) -> HttpResponse:
    unfinished, recent = _start_page_workouts(request.user)
    return render(
        request,
        "training/log_start.html",
        {
            "unfinished": unfinished,
            "recent": recent,
            "screen_url": reverse("log-workout", args=[PLACEHOLDER_ID]),
            "api_base": "/api/v1/",
        },
    )


@login_required
def log_workout(request: AuthedRequest, client_id: uuid.UUID) -> HttpResponse:
    workout = get_workout_for_user(request.user, str(client_id))
    return render(
        request,
        "training/log_workout.html",
        {"workout": workout, "api_base": "/api/v1/"},
    )
