"""Plan pages: screening before the first plan, its clearance, the questionnaire, the preview, and
"Use this plan".

Views parse input, call one service and render or redirect. Screening answers are health data: pages are
never cached, and another person's screening is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from liftwell.core.planner import Condition, PlanError
from liftwell.core.screening import QUESTIONS
from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.planning.forms import ClearanceForm, QuestionnaireForm, ScreeningForm
from liftwell.web.planning.models import Screening
from liftwell.web.planning.services import (
    build_plan,
    get_screening_for_user,
    latest_screening_for,
    record_clearance,
    record_screening,
    remove_clearance,
    screened_on,
    screening_result,
    screening_status,
    use_plan,
)


def _age_from_profile(user: User) -> int | None:
    return user.age_on(local_today(user))


def _screening_context(screening: Screening | None) -> dict[str, object]:
    return {"status": screening_status(screening)}


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def screening(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ScreeningForm(request.POST)
        if form.is_valid():
            record_screening(
                user=user,
                answers=form.answers(),
                pregnant=form.cleaned_data["pregnant"],
                age=form.cleaned_data["age"],
            )
            return redirect("plan-questionnaire")
        status = 400
    else:
        form = ScreeningForm(initial={"age": _age_from_profile(user)})
        status = 200
    questions = [form[q.code] for q in QUESTIONS]
    context = {"form": form, "questions": questions, **_screening_context(latest_screening_for(user))}
    return render(request, "planning/screening.html", context, status=status)


def _clearance_form(screening: Screening, data: object = None) -> ClearanceForm:
    initial = {"cleared_on": screening.cleared_on, "cleared_by": screening.cleared_by}
    return ClearanceForm(
        data,
        initial=initial,
        outcome=screening_result(screening).outcome,
        screened_on=screened_on(screening),
        today=timezone.localdate(),
    )


def _detail(request: AuthedRequest, found: Screening, form: ClearanceForm, status: int = 200) -> HttpResponse:
    answers = [(q, found.answers.get(q.code, False)) for q in QUESTIONS]
    context = {"answers": answers, "clearance_form": form, "latest": latest_screening_for(request.user)}
    return render(
        request, "planning/screening_detail.html", {**context, **_screening_context(found)}, status=status
    )


@login_required
@never_cache
def screening_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    found = get_screening_for_user(request.user, pk)
    return _detail(request, found, _clearance_form(found))


@login_required
@never_cache
@require_POST
def clearance(request: AuthedRequest, pk: int) -> HttpResponse:
    """Record (or, with `remove`, forget) that a doctor or professional cleared these answers."""
    found = get_screening_for_user(request.user, pk)
    if request.POST.get("remove"):
        remove_clearance(screening=found)
        messages.success(request, "The clearance is removed: the advice shows on your plan and Today again.")
        return redirect("plan-screening-detail", pk=found.pk)
    form = _clearance_form(found, request.POST)
    if form.is_valid():
        # The form checked the same rule (core.screening.check_clearance) against the same day.
        record_clearance(
            screening=found,
            cleared_on=form.cleaned_data["cleared_on"],
            cleared_by=form.cleaned_data["cleared_by"],
            today=form.today,
        )
        messages.success(request, "Clearance saved.")
        return redirect("plan-screening-detail", pk=found.pk)
    return _detail(request, found, form, status=400)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def questionnaire(request: AuthedRequest) -> HttpResponse:
    user = request.user
    latest = latest_screening_for(user)
    if latest is None:
        return redirect(reverse("plan-screening"))
    if request.method == "POST":
        form = QuestionnaireForm(request.POST)
        if form.is_valid():
            try:
                plan = build_plan(questionnaire=form.questionnaire)
            except PlanError as exc:
                form.add_error(None, str(exc))
            else:
                hidden = [(name, value) for name in form.fields for value in request.POST.getlist(name)]
                context = {"plan": plan, "hidden": hidden, **_screening_context(latest)}
                return render(request, "planning/preview.html", context)
        return render(
            request, "planning/questionnaire.html", {"form": form, **_screening_context(latest)}, status=400
        )
    initial: dict[str, object] = {"age": latest.age or _age_from_profile(user)}
    if latest.pregnant:
        initial["conditions"] = [Condition.PREGNANCY.value]
    form = QuestionnaireForm(initial=initial)
    return render(request, "planning/questionnaire.html", {"form": form, **_screening_context(latest)})


@login_required
@require_POST
def use(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = QuestionnaireForm(request.POST)
    if form.is_valid():
        try:
            enrollment = use_plan(user=user, questionnaire=form.questionnaire)
        except PlanError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your plan is saved and active. Today shows its first session.")
            return redirect("program-detail", pk=enrollment.program.pk)
    context = {"form": form, **_screening_context(latest_screening_for(user))}
    return render(request, "planning/questionnaire.html", context, status=400)
