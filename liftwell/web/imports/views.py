"""Upload an export, preview what it holds, confirm: nothing is written before the confirmation."""

from __future__ import annotations

import uuid
import zoneinfo
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from liftwell.core.names import normalize_name
from liftwell.importers.detect import parse_bytes
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.exercises.models import Exercise
from liftwell.web.imports.backup import looks_like_backup
from liftwell.web.imports.export import liftwell_csv, strong_csv
from liftwell.web.imports.forms import UploadForm
from liftwell.web.imports.matching import Library
from liftwell.web.imports.services import (
    MAX_UPLOAD_BYTES,
    ImportRefused,
    confirm_pending,
    get_pending_import_for_user,
    read_upload,
    save_upload,
    summarize,
)


def after_upload(request: HttpRequest, location: str) -> HttpResponse:
    """Where to go next: a redirect, or for the upload-progress script (which cannot see a
    redirect without following it) the address as JSON."""
    if request.headers.get("X-Upload-Progress"):
        return JsonResponse({"location": location})
    return redirect(location)


@login_required
def import_upload(request: AuthedRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size and upload.size > MAX_UPLOAD_BYTES:  # refuse before reading it into memory
                raise ImportRefused(f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
            pending = save_upload(
                user=request.user,
                file_name=upload.name or "upload.csv",
                data=upload.chunks(),
            )
        except ImportRefused as error:
            form.add_error("file", str(error))
        else:
            return after_upload(request, reverse("import-preview", args=[pending.pk]))
    return render(request, "imports/upload.html", {"form": form}, status=422 if form.errors else 200)


def _choices(request: HttpRequest, library: Library, names: list[str]) -> dict[str, Exercise | None]:
    """Exercise matches the person typed: `match-N` holds a library name, empty for a new exercise."""
    source = request.POST if request.method == "POST" else request.GET
    chosen: dict[str, Exercise | None] = {}
    for index, name in enumerate(names):
        field = f"match-{index}"
        if field not in source:
            continue
        typed = normalize_name(source[field])
        chosen[name] = library.by_key.get(typed) if typed else None
    return chosen


def _summary(request: AuthedRequest, pending_id: uuid.UUID) -> tuple[Any, Any, dict[str, Any]]:
    user = request.user
    pending = get_pending_import_for_user(user, pending_id)
    parsed = parse_bytes(read_upload(pending))
    source = request.POST if request.method == "POST" else request.GET
    library = Library(user)
    names = sorted({row.exercise for row in parsed.sets})
    unit = source.get("unit") or None
    zone = source.get("time_zone") or None
    context: dict[str, Any] = {"pending": pending, "parsed": parsed, "names": names}
    try:
        summary = summarize(
            user=user,
            parsed=parsed,
            unit=unit,
            time_zone=zone,
            choices=_choices(request, library, names),
            library=library,
        )
    except ImportRefused as error:
        context["error"] = str(error)
        summary = summarize(user=user, parsed=parsed, library=library)
    context.update(
        summary=summary,
        rows=[(index, summary.matches[name]) for index, name in enumerate(names)],
        library_names=sorted({exercise.name for exercise in library.by_id.values()}),
        time_zones=sorted(zoneinfo.available_timezones()),
    )
    return pending, summary, context


@login_required
def import_preview(request: AuthedRequest, pending_id: uuid.UUID) -> HttpResponse:
    pending = get_pending_import_for_user(request.user, pending_id)
    if looks_like_backup(read_upload(pending)):
        return redirect("backup-preview", pending_id=pending.pk)
    _, _, context = _summary(request, pending_id)
    return render(request, "imports/preview.html", context)


@login_required
@require_POST
def import_confirm(request: AuthedRequest, pending_id: uuid.UUID) -> HttpResponse:
    pending, summary, context = _summary(request, pending_id)
    if "error" in context:
        return render(request, "imports/preview.html", context, status=422)
    names = context["names"]
    try:
        done = confirm_pending(
            pending=pending,
            unit=summary.unit,
            time_zone=summary.time_zone,
            choices={name: summary.matches[name].exercise for name in names},
        )
    except ImportRefused as error:
        context["error"] = str(error)
        return render(request, "imports/preview.html", context, status=422)
    if done.plan is not None:
        messages.success(
            request,
            f"Imported {done.new_measurements} body measurements"
            f" ({done.already_present_measurements} were already here).",
        )
        return redirect("health-list", slug="body")
    messages.success(
        request,
        f"Imported {done.new_workouts} workouts with {done.new_sets} sets"
        f" ({done.already_present_workouts} were already here).",
    )
    return redirect("history")


@login_required
def export_csv(request: AuthedRequest) -> HttpResponse:
    """Every set as CSV: `?format=strong` for Strong's format, else Liftwell's own."""
    user = request.user
    strong = request.GET.get("format") == "strong"
    lines = strong_csv(user) if strong else liftwell_csv(user)
    response = HttpResponse("".join(lines), content_type="text/csv; charset=utf-8")
    name = "liftwell-strong.csv" if strong else "liftwell-sets.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
