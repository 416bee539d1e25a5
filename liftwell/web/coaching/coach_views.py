"""The coach's side at /coach/: clients with flags, a client's read-only training, progress and health,
comments, notes and the progress report.

Every view about a client loads them with `get_client_for_coach`, which checks the live grant and
writes the access-log row; the decorators only decide between 404 and asking for two-factor first.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liftwell.core.volume import Week
from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.coaching.access import ClientAccess, get_client_for_coach, get_clients_for_coach
from liftwell.web.coaching.decorators import (
    coach_area,
    coach_client_page,
    coach_grant_page,
    invitation_page,
)
from liftwell.web.coaching.forms import AssignProgramForm, CommentForm, InviteClientForm, NoteForm
from liftwell.web.coaching.models import Scope
from liftwell.web.coaching.notes import NoteError, add_comment, add_note, comments_for_workout, notes_for
from liftwell.web.coaching.orgs import organisations_for
from liftwell.web.coaching.overview import client_rows
from liftwell.web.coaching.pdf import report_pdf
from liftwell.web.coaching.programs import (
    AssignError,
    assign_choice,
    assign_text,
    choices_for,
    current_program,
)
from liftwell.web.coaching.report import PeriodError, build_report, parse_period
from liftwell.web.coaching.services import (
    SharingError,
    accept_invitation,
    coach_sent_invitations,
    decline_invitation,
    end_grant,
    get_invitation_for_user,
    get_open_grant_for_coach,
    invitations_to_answer,
    invite_client,
)
from liftwell.web.health.kinds import KINDS
from liftwell.web.health.services import entries_for_user, recent_bp_advice
from liftwell.web.health.viewer import viewer_for
from liftwell.web.progress import services as progress
from liftwell.web.training import weeks
from liftwell.web.training.display import load_text, workout_detail, workout_rows
from liftwell.web.training.errors import TrainingError
from liftwell.web.training.lookups import get_workout_for_user
from liftwell.web.training.queries import workout_page

PAGE_SIZE = 20
HEALTH_ROWS_PER_KIND = 5
PROGRESS_WEEKS = 12


def _load(request: AuthedRequest, client_id: int, what: str, scope: str = Scope.TRAINING) -> ClientAccess:
    return get_client_for_coach(coach=request.user, client_id=client_id, scope=scope, what=what)


# --- Home, invitations ---


@coach_area
@require_GET
def coach_home(request: AuthedRequest) -> HttpResponse:
    coach = request.user
    rows = client_rows(get_clients_for_coach(coach=coach, what="summary on the coach home"))
    context = {
        "rows": rows,
        "invitations": list(invitations_to_answer(coach, as_coach=True)),
        "sent": list(coach_sent_invitations(coach)),
        "memberships": list(organisations_for(coach)),
        "form": InviteClientForm(),
    }
    return render(request, "coaching/coach_home.html", context)


@coach_area
@require_POST
def coach_invite(request: AuthedRequest) -> HttpResponse:
    form = InviteClientForm(request.POST)
    if form.is_valid():
        try:
            grant = invite_client(coach=request.user, identifier=form.cleaned_data["identifier"])
        except SharingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Invited {grant.client.username}; they choose what to share.")
    else:
        messages.error(request, "Give a username or email.")
    return redirect("coach-home")


@invitation_page
@require_POST
def coach_accept(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_invitation_for_user(request.user, grant_id, as_coach=True)
    try:
        accept_invitation(grant=grant)
    except SharingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"{grant.client.username} is now your client.")
    return redirect("coach-home")


@invitation_page
@require_POST
def coach_decline(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_invitation_for_user(request.user, grant_id, as_coach=True)
    decline_invitation(grant=grant)
    messages.success(request, f"Declined {grant.client.username}'s invitation.")
    return redirect("coach-home")


@coach_grant_page
@require_POST
def coach_client_end(request: AuthedRequest, client_id: int) -> HttpResponse:
    grant = get_open_grant_for_coach(request.user, client_id)
    end_grant(grant=grant)
    messages.success(request, f"You no longer follow {grant.client.username}.")
    return redirect("coach-home")


# --- One client ---


def _client_context(access: ClientAccess, section: str) -> dict[str, Any]:
    return {"access": access, "client": access.client, "section": section}


@coach_client_page()
@require_GET
def coach_client(request: AuthedRequest, client_id: int) -> HttpResponse:
    access = _load(request, client_id, "training history")
    cursor = request.GET.get("cursor") or None
    status = 200
    try:
        workouts, next_cursor = workout_page(access.client, cursor=cursor, limit=PAGE_SIZE)
    except TrainingError:
        workouts, next_cursor, status = [], None, 400
    here = reverse("coach-client", args=[client_id])
    context = {
        **_client_context(access, "training"),
        "rows": workout_rows(workouts, access.client.unit),
        "older_url": f"{here}?{urlencode({'cursor': next_cursor})}" if next_cursor else None,
        "bad_cursor": status == 400,
    }
    return render(request, "coaching/client_training.html", context, status=status)


@coach_client_page()
@require_GET
def coach_client_workout(request: AuthedRequest, client_id: int, workout_id: int) -> HttpResponse:
    access = _load(request, client_id, f"workout {workout_id}")
    context = {
        **_client_context(access, "training"),
        **workout_detail(access.client, workout_id),
        "comments": comments_for_workout(get_workout_for_user(access.client, workout_id)),
        "form": CommentForm(),
    }
    return render(request, "coaching/client_workout.html", context)


@coach_client_page()
@require_POST
def coach_client_comment(request: AuthedRequest, client_id: int, workout_id: int) -> HttpResponse:
    access = _load(request, client_id, f"workout {workout_id} (to comment)")
    workout = get_workout_for_user(access.client, workout_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            add_comment(coach=request.user, access=access, workout=workout, text=form.cleaned_data["text"])
        except NoteError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Comment added; {access.client.username} sees it on the workout.")
    else:
        messages.error(request, "Write a comment of up to 2000 characters.")
    return redirect("coach-client-workout", client_id=client_id, workout_id=workout.pk)


@coach_client_page()
@require_GET
def coach_client_progress(request: AuthedRequest, client_id: int) -> HttpResponse:
    access = _load(request, client_id, "progress")
    client = access.client
    today = local_today(client)
    this_week = Week.of(today)
    summaries = weeks.week_summaries(client, this_week.shifted(-(PROGRESS_WEEKS - 1)), this_week)
    guideline = progress.guideline(client, today)
    context = {
        **_client_context(access, "progress"),
        "weeks": list(reversed(summaries)),
        "streak": guideline.streak,
        "share": guideline.share,
        "records": [_record(row, client.unit) for row in progress.all_records(client)[:30]],
    }
    return render(request, "coaching/client_progress.html", context)


def _record(row: progress.RecordRow, unit: str) -> dict[str, Any]:
    heaviest, e1rm = row.records.heaviest, row.records.best_e1rm
    return {
        "name": row.name,
        "heaviest": load_text(heaviest.value, unit) if heaviest else "",
        "heaviest_day": heaviest.day if heaviest else None,
        "e1rm": load_text(e1rm.value, unit) if e1rm else "",
        "last_day": row.last_day,
    }


@coach_client_page(Scope.HEALTH)
@require_GET
def coach_client_health(request: AuthedRequest, client_id: int) -> HttpResponse:
    access = _load(request, client_id, "health", scope=Scope.HEALTH)
    client = access.client
    today = local_today(client)
    viewer = viewer_for(client, today=today)
    sections = []
    for kind in KINDS.values():
        entries = list(entries_for_user(user=client, kind=kind)[:HEALTH_ROWS_PER_KIND])
        if entries:
            sections.append((kind, [(entry, kind.read(entry, viewer)) for entry in entries]))
    bp = recent_bp_advice(user=client, today=today)
    context = {
        **_client_context(access, "health"),
        "sections": sections,
        "advice": bp[1] if bp else None,
        "advice_reading": bp[0] if bp else None,
    }
    return render(request, "coaching/client_health.html", context)


@coach_client_page()
@require_POST
def coach_client_notes(request: AuthedRequest, client_id: int) -> HttpResponse:
    access = _load(request, client_id, "notes (to add one)")
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            add_note(
                coach=request.user,
                access=access,
                written_on=form.cleaned_data["written_on"],
                text=form.cleaned_data["text"],
            )
        except NoteError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Note saved; it appears in reports covering its date.")
    else:
        messages.error(request, "A note needs a date and some text.")
    return redirect("coach-client-report", client_id=client_id)


@coach_client_page()
@require_http_methods(["GET", "POST"])
def coach_client_program(request: AuthedRequest, client_id: int) -> HttpResponse:
    coach = request.user
    what = "program (to assign one)" if request.method == "POST" else "program"
    access = _load(request, client_id, what)
    current = current_program(access)
    form = AssignProgramForm(
        request.POST if request.method == "POST" else None,
        choices=choices_for(coach),
        initial={"source": current.source if current else ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["choice"]:
                enrollment = assign_choice(coach=coach, access=access, choice=form.cleaned_data["choice"])
            else:
                enrollment = assign_text(coach=coach, access=access, text=form.cleaned_data["source"])
        except AssignError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"{access.client.username} now follows {enrollment.program.name}.")
            return redirect("coach-client-program", client_id=client_id)
    context = {**_client_context(access, "program"), "current": current, "form": form}
    return render(request, "coaching/client_program.html", context, status=400 if form.errors else 200)


def _period(request: AuthedRequest, access: ClientAccess) -> tuple[date, date]:
    return parse_period(request.GET.get("from", ""), request.GET.get("to", ""), local_today(access.client))


@coach_client_page()
@require_GET
def coach_client_report(request: AuthedRequest, client_id: int) -> HttpResponse:
    access = _load(request, client_id, "progress report")
    context: dict[str, Any] = {**_client_context(access, "report"), "note_form": NoteForm()}
    try:
        first, last = _period(request, access)
    except PeriodError as error:
        context["error"] = str(error)
        return render(request, "coaching/client_report.html", context, status=400)
    context["report"] = build_report(coach=request.user, access=access, first=first, last=last)
    context["query"] = urlencode({"from": first.isoformat(), "to": last.isoformat()})
    context["all_notes"] = notes_for(coach=request.user, access=access)
    return render(request, "coaching/client_report.html", context)


@coach_client_page()
@require_GET
def coach_client_report_pdf(request: AuthedRequest, client_id: int) -> HttpResponse:
    access = _load(request, client_id, "progress report (PDF)")
    try:
        first, last = _period(request, access)
    except PeriodError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    report = build_report(coach=request.user, access=access, first=first, last=last)
    response = HttpResponse(report_pdf(report), content_type="application/pdf")
    name = f"liftwell-report-{access.client.username}-{first}-{last}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
