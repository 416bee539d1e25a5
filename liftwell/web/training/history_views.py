"""Workout history: the list, a calendar, one workout, and every set of one exercise.

Reads go through `queries` and `lookups` (someone else's id is a 404), writes through `services`, and
what the pages show (loads in the person's unit, the rows of the list and of a workout) through `display`.
htmx requests get the partial they swap in; every htmx action also works as a plain link or form.
"""

from __future__ import annotations

import calendar
import itertools
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.exercises.services import get_exercise_for_user
from liftwell.web.training.display import (
    SetRow,
    date_text,
    load_text,
    set_row,
    workout_detail,
    workout_rows,
)
from liftwell.web.training.errors import TrainingError
from liftwell.web.training.history_forms import HistoryFilterForm, SetEditForm
from liftwell.web.training.lookups import get_set_for_user, get_workout_for_user, workouts_for_user
from liftwell.web.training.models import Workout, WorkoutSet
from liftwell.web.training.queries import set_page, workout_page
from liftwell.web.training.services import (
    delete_set,
    delete_workout,
    restore_set,
    restore_workout,
    update_set,
)

PAGE_SIZE = 20
SET_PAGE_SIZE = 100


def _set_number(workout_set: WorkoutSet) -> int:
    """The set's place among the live sets of its exercise block, from 1."""
    earlier = WorkoutSet.objects.filter(
        workout_exercise_id=workout_set.workout_exercise_id, deleted_at=None
    ).filter(Q(position__lt=workout_set.position) | Q(position=workout_set.position, pk__lt=workout_set.pk))
    return earlier.count() + 1


# --- The list ---


def _deleted_workout(user: User, raw: str | None) -> Workout | None:
    """The workout just deleted (named in `?deleted=`), for the undo banner; only the user's own."""
    if not raw or not raw.isdigit():
        return None
    return workouts_for_user(user, include_deleted=True).filter(pk=int(raw), deleted_at__isnull=False).first()


@login_required
@require_GET
def history(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = HistoryFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    cursor = request.GET.get("cursor") or None
    status = 200
    try:
        workouts, next_cursor = workout_page(
            user, cursor=cursor, limit=PAGE_SIZE, date_from=filters.get("from"), date_to=filters.get("to")
        )
    except TrainingError:
        workouts, next_cursor, status = [], None, 400
    kept = {key: request.GET[key] for key in ("from", "to") if filters.get(key)}
    here = reverse("history")
    context: dict[str, Any] = {
        "form": form,
        "rows": workout_rows(workouts, user.unit),
        "bad_cursor": status == 400,
        "first_page": cursor is None,
        "older_url": f"{here}?{urlencode({**kept, 'cursor': next_cursor})}" if next_cursor else None,
        "newest_url": f"{here}?{urlencode(kept)}" if kept else here,
        "filtered": bool(kept),
        "deleted": _deleted_workout(user, request.GET.get("deleted")),
    }
    template = "training/_history_results.html" if request.htmx else "training/history.html"
    return render(request, template, context, status=status)


# --- The calendar ---


def _month(raw: str | None, today: date) -> date:
    if raw:
        try:
            return datetime.strptime(raw, "%Y-%m").date()
        except ValueError:
            raise Http404("No such month.") from None
    return today.replace(day=1)


def _shift_month(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass
class CalendarDay:
    day: date
    in_month: bool
    workouts: list[Workout] = field(default_factory=list)

    @property
    def link(self) -> str:
        if len(self.workouts) == 1:
            return reverse("history-workout", args=[self.workouts[0].pk])
        stamp = self.day.isoformat()
        return f"{reverse('history')}?{urlencode({'from': stamp, 'to': stamp})}"


@login_required
@require_GET
def history_calendar(request: AuthedRequest) -> HttpResponse:
    user = request.user
    today = local_today(user)
    first = _month(request.GET.get("month"), today)
    if not date(1900, 1, 1) <= first <= date(9998, 12, 1):
        raise Http404("No such month.")
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(first.year, first.month)
    days = {day: CalendarDay(day, day.month == first.month) for week in weeks for day in week}
    # Training days come from each workout's own local date, never from today's profile zone.
    workouts = (
        workouts_for_user(user)
        .filter(local_date__gte=weeks[0][0], local_date__lte=weeks[-1][-1])
        .only("id", "title", "local_date", "started_at")
        .order_by("started_at", "id")
    )
    for workout in workouts:
        days[workout.local_date].workouts.append(workout)
    previous_first, next_first = _shift_month(first, -1), _shift_month(first, 1)
    training_days = sum(1 for day in days.values() if day.in_month and day.workouts)
    context = {
        "month": first,
        "weeks": [[days[day] for day in week] for week in weeks],
        "weekdays": [calendar.day_name[index] for index in range(7)],
        "training_days": training_days,
        "previous_month": f"{previous_first:%Y-%m}",
        "next_month": f"{next_first:%Y-%m}",
        "previous_first": previous_first,
        "next_first": next_first,
        "today": today,
    }
    return render(request, "training/history_calendar.html", context)


# --- One workout ---


@login_required
@require_GET
def history_workout(request: AuthedRequest, workout_id: int) -> HttpResponse:
    user = request.user
    context = workout_detail(user, workout_id)
    workout = context["workout"]
    deleted_set = None
    raw = request.GET.get("deleted_set", "")
    if raw.isdigit():
        deleted_set = (
            WorkoutSet.objects.filter(owner=user, workout=workout, pk=int(raw), deleted_at__isnull=False)
            .select_related("exercise")
            .first()
        )
    context["deleted_set"] = deleted_set
    return render(request, "training/history_workout.html", context)


@login_required
@require_POST
def history_workout_delete(request: AuthedRequest, workout_id: int) -> HttpResponse:
    workout = get_workout_for_user(request.user, workout_id)
    delete_workout(workout=workout)
    return redirect(f"{reverse('history')}?{urlencode({'deleted': workout.pk})}")


@login_required
@require_POST
def history_workout_restore(request: AuthedRequest, workout_id: int) -> HttpResponse:
    workout = get_workout_for_user(request.user, workout_id, include_deleted=True)
    restore_workout(workout=workout)
    messages.success(request, f"Restored the workout of {date_text(workout.local_date)}.")
    return redirect("history-workout", workout_id=workout.pk)


# --- One set: shown, edited in place, deleted with undo ---


def _row_response(request: AuthedRequest, workout_set: WorkoutSet, *, focus: bool = True) -> HttpResponse:
    row = set_row(workout_set, _set_number(workout_set), request.user.unit)
    return render(request, "training/_history_set_row.html", {"row": row, "focus": focus})


def _workout_anchor(workout_set: WorkoutSet) -> str:
    return f"{reverse('history-workout', args=[workout_set.workout_id])}#set-{workout_set.pk}"


@login_required
@require_GET
def history_set(request: AuthedRequest, set_id: int) -> HttpResponseBase:
    """The set's row (htmx: what Cancel swaps back in); a plain visit goes to its workout."""
    workout_set = get_set_for_user(request.user, set_id)
    if workout_set.workout.deleted_at is not None:
        raise Http404("No such set.")
    if not request.htmx:
        return redirect(_workout_anchor(workout_set))
    return _row_response(request, workout_set)


@login_required
@require_http_methods(["GET", "POST"])
def history_set_edit(request: AuthedRequest, set_id: int) -> HttpResponse:
    user = request.user
    workout_set = get_set_for_user(user, set_id)
    if workout_set.workout.deleted_at is not None:
        raise Http404("No such set.")
    form = SetEditForm(request.POST or None, unit=user.unit, workout_set=workout_set)
    if request.method == "POST" and form.is_valid():
        try:
            update_set(workout_set=workout_set, changes=form.changes())
        except TrainingError as error:
            field_name, _, message = str(error).partition(": ")
            form.add_error("load" if field_name == "load_kg" else field_name, message or str(error))
        else:
            if request.htmx:
                return _row_response(request, workout_set)
            messages.success(request, "Saved the set.")
            return redirect(_workout_anchor(workout_set))
    number = _set_number(workout_set)
    context = {
        "form": form,
        "workout_set": workout_set,
        "workout": workout_set.workout,
        "number": number,
        "exercise_name": workout_set.exercise.name,
    }
    template = "training/_history_set_form_row.html" if request.htmx else "training/history_set_edit.html"
    return render(request, template, context)


@login_required
@require_POST
def history_set_delete(request: AuthedRequest, set_id: int) -> HttpResponse:
    workout_set = get_set_for_user(request.user, set_id)
    number = _set_number(workout_set)
    delete_set(workout_set=workout_set)
    if request.htmx:
        context = {"workout_set": workout_set, "number": number, "exercise_name": workout_set.exercise.name}
        return render(request, "training/_history_set_deleted_row.html", context)
    url = reverse("history-workout", args=[workout_set.workout_id])
    return redirect(f"{url}?{urlencode({'deleted_set': workout_set.pk})}#undo")


@login_required
@require_POST
def history_set_restore(request: AuthedRequest, set_id: int) -> HttpResponse:
    workout_set = get_set_for_user(request.user, set_id, include_deleted=True)
    restore_set(workout_set=workout_set)
    if request.htmx:
        return _row_response(request, workout_set)
    messages.success(request, "Restored the set.")
    return redirect(_workout_anchor(workout_set))


# --- Every set of one exercise ---


@dataclass(frozen=True)
class SetGroup:
    workout_id: int
    local_date: date
    rows: list[SetRow]


def _best_set(user: User, exercise_id: int) -> WorkoutSet | None:
    """The heaviest done set ever (most reps breaks a tie, then the earliest)."""
    return (
        WorkoutSet.objects.filter(
            owner=user,
            exercise_id=exercise_id,
            deleted_at=None,
            workout__deleted_at=None,
            completed=True,
            load_kg__isnull=False,
        )
        .select_related("workout")
        .only("id", "load_kg", "reps", "workout_id", "workout__local_date")
        .order_by("-load_kg", "-reps", "id")
        .first()
    )


def _set_numbers(block_ids: set[int]) -> dict[int, int]:
    """Each live set's number within its exercise block, in one query for a whole page."""
    live = (
        WorkoutSet.objects.filter(workout_exercise_id__in=block_ids, deleted_at=None)
        .order_by("workout_exercise_id", "position", "id")
        .values_list("workout_exercise_id", "id")
    )
    numbers: dict[int, int] = {}
    for _, block in itertools.groupby(live, key=lambda row: row[0]):
        numbers.update((set_id, number) for number, (_, set_id) in enumerate(block, 1))
    return numbers


@login_required
@require_GET
def history_exercise(request: AuthedRequest, exercise_id: int) -> HttpResponse:
    user = request.user
    exercise = get_exercise_for_user(user, exercise_id)
    raw_before = request.GET.get("before", "")
    before_id = int(raw_before) if raw_before.isdigit() else None
    sets, next_before = set_page(user, exercise_id=exercise.pk, before_id=before_id, limit=SET_PAGE_SIZE)
    best = _best_set(user, exercise.pk)
    numbers = _set_numbers({workout_set.workout_exercise_id for workout_set in sets})
    groups = []
    # Newest first across workouts; within a workout, in the order the sets were done.
    for workout_id, chunk in itertools.groupby(sets, key=lambda row: row.workout_id):
        in_order = sorted(chunk, key=lambda row: (row.workout_exercise_id, row.position, row.pk))
        rows = [
            set_row(
                workout_set,
                numbers[workout_set.pk],
                user.unit,
                best=best is not None and workout_set.pk == best.pk,
            )
            for workout_set in in_order
        ]
        groups.append(SetGroup(workout_id, in_order[0].workout.local_date, rows))
    context = {
        "exercise": exercise,
        "groups": groups,
        "best": best,
        "best_load": load_text(best.load_kg, user.unit) if best else "",
        "older_url": f"{request.path}?{urlencode({'before': next_before})}" if next_before else None,
        "first_page": before_id is None,
    }
    template = "training/_history_exercise_sets.html" if request.htmx else "training/history_exercise.html"
    return render(request, template, context)
