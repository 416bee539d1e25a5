"""Browse, search and add exercises."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.vocabulary import Laterality, Measure, Mechanic, Muscle
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.exercises.forms import CustomExerciseForm, ExerciseFilterForm
from liftwell.web.exercises.services import (
    DuplicateExerciseName,
    create_custom_exercise,
    get_exercise_for_user,
    is_hidden,
    search_exercises,
    set_hidden,
)


@login_required
def exercise_list(request: AuthedRequest) -> HttpResponse:
    form = ExerciseFilterForm(request.GET)
    filters = form.cleaned_data if form.is_valid() else {}
    results = search_exercises(
        request.user,
        search=filters.get("q", ""),
        muscle=filters.get("muscle", ""),
        equipment=filters.get("equipment", ""),
        pattern=filters.get("pattern", ""),
    )
    page = Paginator(results, 50).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "query": request.GET.urlencode()}
    template = "exercises/_results.html" if request.htmx else "exercises/list.html"
    return render(request, template, context)


@login_required
def exercise_detail(request: AuthedRequest, exercise_id: int) -> HttpResponse:
    exercise = get_exercise_for_user(request.user, exercise_id)
    hidden = is_hidden(request.user, exercise)
    return render(request, "exercises/detail.html", {"exercise": exercise, "hidden": hidden})


@login_required
@require_POST
def exercise_hide(request: AuthedRequest, exercise_id: int) -> HttpResponse:
    exercise = get_exercise_for_user(request.user, exercise_id)
    hide = request.POST.get("hidden") == "1"
    set_hidden(user=request.user, exercise=exercise, hidden=hide)
    messages.success(request, f"{exercise.name} is {'hidden from' if hide else 'back in'} your searches.")
    return redirect("exercise-detail", exercise_id=exercise.pk)


@login_required
def exercise_create(request: AuthedRequest) -> HttpResponse:
    form = CustomExerciseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        spec = ExerciseSpec(
            slug="",
            name=data["name"].strip(),
            aliases=tuple(a.strip() for a in data["aliases"].split(",") if a.strip()),
            primary_muscles=tuple(Muscle(m) for m in data["primary_muscles"]),
            secondary_muscles=tuple(Muscle(m) for m in data["secondary_muscles"]),
            equipment=data["equipment"],
            pattern=data["pattern"],
            mechanic=Mechanic(data["mechanic"]),
            laterality=Laterality.BILATERAL,
            measure=Measure(data["measure"]),
            benefits=(),
            cues=(),
        )
        try:
            exercise = create_custom_exercise(user=request.user, spec=spec)
        except DuplicateExerciseName as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Added {exercise.name} to your exercises.")
            return redirect("exercise-detail", exercise_id=exercise.pk)
    return render(request, "exercises/create.html", {"form": form})
