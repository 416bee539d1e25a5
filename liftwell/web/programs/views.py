"""Program library, one program, import and download, start/stop, and Today."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from liftwell.core.programs.model import Program
from liftwell.core.programs.reader import ProgramFormatError
from liftwell.core.units import to_kg
from liftwell.web.accounts.models import User
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.programs import services
from liftwell.web.programs.display import (
    deload_notes,
    load_value,
    rule_text,
    sets_text,
    target_text,
    week_blocks,
)
from liftwell.web.programs.forms import ImportForm

MAX_LOAD_KG = Decimal(1000)


@login_required
def program_list(request: AuthedRequest) -> HttpResponse:
    user = request.user
    services.apply_finished_sessions(user=user)
    builtins = [program for program, _ in services.builtin_programs().values()]
    return render(
        request,
        "programs/list.html",
        {
            "builtins": builtins,
            "mine": services.programs_for_user(user),
            "active": services.active_enrollment(user),
        },
    )


def _detail_context(program: Program, names: dict[str, str]) -> dict[str, object]:
    blocks = []
    for block in week_blocks(program):
        days = []
        for day in block.days:
            rows = [
                {
                    "name": names.get(slot.exercise, slot.exercise),
                    "sets": sets_text(slot.sets),
                    "rest": f"{slot.rest_s // 60}:{slot.rest_s % 60:02d}" if slot.rest_s else "",
                    "progression": rule_text(program.rule(slot.progression)),
                    "superset": slot.superset or "",
                    "notes": slot.notes,
                }
                for slot in day.slots
            ]
            days.append({"name": day.name, "rows": rows})
        blocks.append({"title": block.title, "days": days})
    return {"program": program, "blocks": blocks, "deloads": deload_notes(program)}


def _names(user: User, program: Program) -> dict[str, str]:
    return {slug: row.name for slug, row in services.exercises_by_slug(user, program.exercises()).items()}


@login_required
def builtin_detail(request: AuthedRequest, slug: str) -> HttpResponse:
    program, _ = services.get_builtin(slug)
    context = _detail_context(program, _names(request.user, program))
    context.update(
        download_url=reverse("program-builtin-download", args=[slug]),
        start_url=reverse("program-builtin-start", args=[slug]),
        builtin=True,
    )
    return render(request, "programs/detail.html", context)


@login_required
def program_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    stored = services.get_program_for_user(request.user, pk)
    program = services.parsed(stored)
    context = _detail_context(program, _names(request.user, program))
    context.update(
        stored=stored,
        download_url=reverse("program-download", args=[pk]),
        start_url=reverse("program-start", args=[pk]),
        delete_url=reverse("program-delete", args=[pk]),
    )
    return render(request, "programs/detail.html", context)


def _download(slug: str, text: str) -> HttpResponse:
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}.yaml"'
    return response


@login_required
def builtin_download(request: AuthedRequest, slug: str) -> HttpResponse:
    _, text = services.get_builtin(slug)
    return _download(slug, text)


@login_required
def program_download(request: AuthedRequest, pk: int) -> HttpResponse:
    stored = services.get_program_for_user(request.user, pk)
    return _download(stored.slug, stored.source)


@login_required
@require_POST
def builtin_start(request: AuthedRequest, slug: str) -> HttpResponse:
    user = request.user
    stored = services.copy_builtin(user=user, slug=slug)
    services.start_program(user=user, program=stored)
    messages.success(request, f"You are now following {stored.name}.")
    return redirect("today")


@login_required
@require_POST
def program_start(request: AuthedRequest, pk: int) -> HttpResponse:
    user = request.user
    stored = services.get_program_for_user(user, pk)
    services.start_program(user=user, program=stored)
    messages.success(request, f"You are now following {stored.name}.")
    return redirect("today")


@login_required
@require_POST
def program_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    stored = services.get_program_for_user(request.user, pk)
    services.delete_program(program=stored)
    messages.success(request, f"Deleted {stored.name}.")
    return redirect("program-list")


@login_required
@require_POST
def program_stop(request: AuthedRequest) -> HttpResponse:
    services.stop_program(user=request.user)
    messages.success(request, "You have stopped your program. Your workouts stay in your history.")
    return redirect("program-list")


@login_required
def program_import(request: AuthedRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            stored = services.import_program(user=request.user, text=form.program_text())
        except forms.ValidationError as error:
            form.add_error(None, error)
        except ProgramFormatError as error:
            problems = [str(problem) for problem in error.problems]
        else:
            messages.success(request, f"Imported {stored.name}.")
            return redirect("program-detail", pk=stored.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "programs/import.html", {"form": form, "problems": problems}, status=status)


# --- Today ---


@login_required
def today(request: AuthedRequest) -> HttpResponse:
    user = request.user
    plan = services.next_program_workout(user)
    return render(request, "programs/today.html", _today_context(plan, {}), status=200)


def _today_context(plan: services.Today | None, errors: dict[str, str]) -> dict[str, object]:
    if plan is None:
        return {"plan": None}
    slots = []
    for target in plan.plan.slots:
        rows = []
        for index, planned in enumerate(target.sets):
            key = f"{target.index}-{index}"
            rows.append(
                {
                    "key": key,
                    "target": target_text(planned),
                    "load": load_value(planned.load_kg, plan.unit),
                    "reps": planned.reps,
                    "timed": planned.seconds is not None,
                    "intensity": planned.intensity,
                    "error": errors.get(key, ""),
                }
            )
        slots.append(
            {
                "name": plan.names.get(target.slot.exercise, target.slot.exercise),
                "missing": target.slot.exercise not in plan.names,
                "reason": target.reason,
                "notes": target.slot.notes,
                "rest_s": target.slot.rest_s,
                "superset": target.slot.superset or "",
                "rows": rows,
            }
        )
    last_reasons = []
    if plan.last is not None:
        # Reasons are keyed by progression track: an exercise slug, or a program's own track name.
        found = services.exercises_by_slug(plan.enrollment.user, list(plan.last.reasons))
        last_reasons = [
            f"{found[track].name if track in found else track}: {reason}"
            for track, reason in plan.last.reasons.items()
        ]
    return {"plan": plan, "slots": slots, "unit": plan.unit, "last_reasons": last_reasons}


def _overrides(
    request: HttpRequest, plan: services.Today
) -> tuple[dict[tuple[int, int], services.Override], dict[str, str]]:
    overrides: dict[tuple[int, int], services.Override] = {}
    errors: dict[str, str] = {}
    for target in plan.plan.slots:
        for index, _ in enumerate(target.sets):
            key = f"{target.index}-{index}"
            load_text = request.POST.get(f"load-{key}", "").strip()
            reps_text = request.POST.get(f"reps-{key}", "").strip()
            load_kg: Decimal | None = None
            reps: int | None = None
            try:
                if load_text:
                    load_kg = to_kg(Decimal(load_text), plan.unit)
                    if not Decimal(0) <= load_kg <= MAX_LOAD_KG:
                        raise InvalidOperation
                if reps_text:
                    reps = int(reps_text)
                    if not 0 <= reps <= 1000:
                        raise ValueError
            except (InvalidOperation, ValueError):
                errors[key] = f"give a load (0-{MAX_LOAD_KG} kg) and reps (0-1000) as numbers"
                continue
            overrides[(target.index, index)] = services.Override(load_kg=load_kg, reps=reps)
    return overrides, errors


@login_required
@require_POST
def today_start(request: AuthedRequest) -> HttpResponse:
    user = request.user
    plan = services.next_program_workout(user)
    if plan is None:
        messages.error(request, "Choose a program first.")
        return redirect("program-list")
    overrides, errors = _overrides(request, plan)
    if errors:
        return render(request, "programs/today.html", _today_context(plan, errors), status=400)
    workout = services.start_today(user=user, overrides=overrides)
    return redirect("log-workout", client_id=workout.client_id)
