"""Health pages: the benefits dashboard, one list (with trend chart) and form per kind, settings.

Views parse input, call one service and render or redirect; reads go through `services` lookups, so
someone else's entry is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.health.charts import Chart, build_chart
from liftwell.web.health.dashboard import dashboard_cards
from liftwell.web.health.fhir import fhir_bundle
from liftwell.web.health.forms import HealthSettingsForm
from liftwell.web.health.kinds import KINDS, Kind, Reading, kind_for_slug
from liftwell.web.health.services import (
    delete_entry,
    entries_for_user,
    get_entry_for_user,
    recent_bp_advice,
    save_entry,
    save_health_settings,
)
from liftwell.web.health.viewer import Viewer, health_settings_for, viewer_for


def _viewer(request: AuthedRequest) -> Viewer:
    user = request.user
    return viewer_for(user, today=local_today(user))


def _kind(slug: str) -> Kind:
    kind = kind_for_slug(slug)
    if kind is None:
        raise Http404("No such kind of entry.")
    return kind


def _groups() -> list[tuple[str, list[Kind]]]:
    groups: dict[str, list[Kind]] = {}
    for kind in KINDS.values():
        groups.setdefault(kind.group, []).append(kind)
    return list(groups.items())


@login_required
@require_GET
def dashboard(request: AuthedRequest) -> HttpResponse:
    user = request.user
    viewer = _viewer(request)
    cards = dashboard_cards(user, viewer, today=local_today(user))
    recent = recent_bp_advice(user=user, today=local_today(user))
    context = {
        "cards": cards,
        "groups": _groups(),
        "advice": recent[1] if recent else None,
        "advice_reading": recent[0] if recent else None,
    }
    return render(request, "health/dashboard.html", context)


def _charts(kind: Kind, readings: list[tuple[Any, Reading]], viewer: Viewer) -> list[Chart]:
    """One chart per axis unit (weight and waist do not share an axis)."""
    by_unit: dict[str, list[str]] = {}
    units = dict(kind.series(viewer))
    for name, unit in kind.series(viewer):
        by_unit.setdefault(unit, []).append(name)
    charts = []
    for unit, names in by_unit.items():
        points = {
            name: [(e.measured_on, r.points[name]) for e, r in readings if name in r.points] for name in names
        }
        title = f"{', '.join(names)} ({unit})" if unit not in names else ", ".join(names)
        chart = build_chart(title, points, units)
        if chart is not None:
            charts.append(chart)
    return charts


@login_required
@require_GET
def kind_list(request: AuthedRequest, slug: str) -> HttpResponse:
    kind = _kind(slug)
    viewer = _viewer(request)
    entries = list(entries_for_user(user=request.user, kind=kind)[:500])
    readings = [(entry, kind.read(entry, viewer)) for entry in entries]
    advice = readings[0][1].advice if readings else None
    context = {
        "kind": kind,
        "readings": readings,
        "charts": _charts(kind, readings, viewer),
        "advice": advice,
        "advice_reading": readings[0][0] if advice else None,
    }
    return render(request, "health/list.html", context)


def _form_page(request: AuthedRequest, kind: Kind, entry: Any | None) -> HttpResponse:
    user = request.user
    viewer = _viewer(request)
    if request.method == "POST":
        form = kind.form(request.POST, viewer=viewer, kind=kind.filter_kind)
        if form.is_valid():
            saved = save_entry(user=user, kind=kind, fields=form.model_fields(), entry=entry)
            reading = kind.read(saved, viewer)
            summary = "; ".join(c.cited for c in reading.classifications)
            messages.success(request, f"Saved {kind.title.lower()}." + (f" {summary}." if summary else ""))
            if reading.advice is not None:
                messages.warning(request, f"{reading.advice.headline}. {reading.advice.advice}")
            return redirect("health-list", slug=kind.slug)
    else:
        initial = (
            kind.form.initial_from(entry, viewer) if entry is not None else {"measured_on": local_today(user)}
        )
        form = kind.form(initial=initial, viewer=viewer, kind=kind.filter_kind)
    return render(request, "health/form.html", {"kind": kind, "form": form, "entry": entry})


@login_required
@require_http_methods(["GET", "POST"])
def kind_new(request: AuthedRequest, slug: str) -> HttpResponse:
    return _form_page(request, _kind(slug), None)


@login_required
@require_http_methods(["GET", "POST"])
def kind_edit(request: AuthedRequest, slug: str, entry_id: int) -> HttpResponse:
    kind = _kind(slug)
    entry = get_entry_for_user(user=request.user, kind=kind, entry_id=entry_id)
    return _form_page(request, kind, entry)


@login_required
@require_POST
def kind_delete(request: AuthedRequest, slug: str, entry_id: int) -> HttpResponse:
    kind = _kind(slug)
    entry = get_entry_for_user(user=request.user, kind=kind, entry_id=entry_id)
    delete_entry(user=request.user, entry=entry)
    messages.success(request, f"Deleted the entry of {entry.measured_on:%d %b %Y}.")
    return redirect(reverse("health-list", kwargs={"slug": kind.slug}))


@login_required
@require_http_methods(["GET", "POST"])
def health_settings(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = HealthSettingsForm(request.POST)
        if form.is_valid():
            save_health_settings(user=user, **form.cleaned_data)
            messages.success(request, "Saved your health settings.")
            return redirect("health-dashboard")
    else:
        prefs = health_settings_for(user)
        form = HealthSettingsForm(
            initial={
                "lab_unit": prefs.lab_unit,
                "hba1c_unit": prefs.hba1c_unit,
                "bp_guideline": prefs.bp_guideline,
            }
        )
    return render(request, "health/settings.html", {"form": form})


@login_required
@require_GET
@never_cache
def training_advice(request: AuthedRequest) -> HttpResponse:
    """The blood-pressure advice shown on the logging screens before training (docs/science.md §6.3), or an
    empty answer. Those pages fetch it when they open rather than carry it, because the start page is
    kept on the phone for offline use and no health data is stored in the browser."""
    user = request.user
    recent = recent_bp_advice(user=user, today=local_today(user))
    if recent is None:
        return HttpResponse("")
    reading, advice = recent
    return render(request, "health/_advice.html", {"advice": advice, "advice_reading": reading})


@require_GET
def warning_signs(request: HttpRequest) -> HttpResponse:
    return render(request, "health/warning_signs.html")


@login_required
@require_GET
def fhir_export(request: AuthedRequest) -> HttpResponse:
    """Download the person's health entries as a FHIR R4 Bundle of Observations."""
    user = request.user
    response = JsonResponse(fhir_bundle(user), json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/fhir+json"
    response["Content-Disposition"] = f'attachment; filename="liftwell-{user.username}-fhir.json"'
    return response
