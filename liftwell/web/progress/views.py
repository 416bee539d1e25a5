"""Progress pages: the weekly view, one exercise over time, records, and strength scores.

Each view parses its query parameters (a bad one is a 400 page naming it), calls `services`, and turns
kilograms into the person's unit for display. Charts come from `svg`, each followed by a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from html import escape
from itertools import groupby
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from liftwell.core.adherence import MajorGroup
from liftwell.core.points import WILKS_2020_REVISION
from liftwell.core.record_history import RecordEvent
from liftwell.core.records import RecordKind
from liftwell.core.series import Best, SessionPoint
from liftwell.core.units import from_kg, to_kg
from liftwell.core.volume import LOW_SETS, TARGET_SETS, Week, volume_band
from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.exercises.services import get_exercise_for_user
from liftwell.web.progress import services, svg
from liftwell.web.training import weeks
from liftwell.web.training.display import date_text, load_text, volume_text

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
RECENT_WEEKS = 12
RANGES = {"1y": 365, "3y": 3 * 365, "all": None}
MAX_BODY_WEIGHT_KG = Decimal(400)


class BadParameter(ValueError):
    """A query parameter that cannot be used; the message names it."""


def _bad(request: HttpRequest, title: str, error: BadParameter) -> HttpResponse:
    return render(request, "progress/bad_parameter.html", {"title": title, "error": str(error)}, status=400)


def parse_week(raw: str, today: date) -> Week:
    """ "2026-W10" -> that ISO week; empty -> this week. Refuses malformed, impossible and future weeks."""
    if not raw:
        return Week.of(today)
    match = WEEK_RE.match(raw)
    if not match:
        raise BadParameter(f"week: expected a week such as {Week.of(today)}, got {raw!r}")
    try:
        week = Week.of(date.fromisocalendar(int(match[1]), int(match[2]), 1))
    except ValueError:
        raise BadParameter(f"week: {raw} does not exist") from None
    if week > Week.of(today):
        raise BadParameter("week: must not be after this week")
    return week


# --- The weekly view ---


@dataclass(frozen=True)
class MuscleRow:
    label: str
    sets: float
    band: str
    band_label: str


@login_required
@require_GET
def progress_weeks(request: AuthedRequest) -> HttpResponse:
    user = request.user
    today = local_today(user)
    try:
        selected = parse_week(request.GET.get("week", ""), today)
    except BadParameter as error:
        return _bad(request, "Weekly progress", error)
    this_week = Week.of(today)
    window_start = this_week.shifted(-(services.STREAK_WINDOW_WEEKS - 1))
    if selected >= window_start:
        summaries = weeks.week_summaries(user, window_start, this_week)
        guideline = services.guideline(user, today, summaries)
    else:
        summaries = weeks.week_summaries(user, selected.shifted(-(RECENT_WEEKS - 1)), selected)
        guideline = services.guideline(user, today)
    by_week = {s.week: s for s in summaries}
    current = by_week[selected]
    recent = [by_week[w] for w in (selected.shifted(-n) for n in range(RECENT_WEEKS)) if w in by_week]
    muscles = [
        MuscleRow(m.label, sets, volume_band(sets).value, volume_band(sets).label)
        for m, sets in current.muscle_sets.items()
    ]
    chart = svg.bar_chart(
        chart_id="muscle-sets",
        title=f"Hard sets per muscle in the week of {date_text(selected.monday)}; "
        f"reference lines at {LOW_SETS:g} and {TARGET_SETS:g} sets",
        bars=[svg.Bar(m.label, m.sets, f"band-{m.band}") for m in muscles],
        marks=[LOW_SETS, TARGET_SETS],
    )
    context: dict[str, Any] = {
        "week": selected,
        "summary": current,
        "adherence": current.adherence,
        "days": [date_text(d) for d in current.days],
        "muscles": muscles,
        "chart": chart,
        "recent": recent,
        "streak": guideline.streak,
        "share": guideline.share,
        "previous_week": str(selected.shifted(-1)),
        "next_week": str(selected.shifted(1)) if selected < this_week else None,
        "is_this_week": selected == this_week,
        "week_label": f"{date_text(selected.monday)} to {date_text(selected.sunday)}",
        "groups": list(MajorGroup),
        "low_sets": f"{LOW_SETS:g}",
        "target_sets": f"{TARGET_SETS:g}",
    }
    return render(request, "progress/weeks.html", context)


# --- One exercise ---


@dataclass(frozen=True)
class SessionRow:
    workout_id: int
    day: str
    top_set: str
    e1rm: str
    volume: str
    sets: int


def _session_rows(sessions: list[SessionPoint], unit: str) -> list[SessionRow]:
    """Table rows, newest first. Ten years of one lift is a few thousand sessions: the same loads and
    volumes recur, so each distinct figure is formatted once."""
    loads: dict[Decimal, str] = {}
    volumes: dict[Decimal, str] = {}

    def load(value: Decimal) -> str:
        text = loads.get(value)
        if text is None:
            text = loads[value] = load_text(value, unit)
        return text

    def volume(value: Decimal) -> str:
        text = volumes.get(value)
        if text is None:
            text = volumes[value] = volume_text(value, unit)
        return text

    return [
        SessionRow(
            workout_id=s.session_id,
            day=date_text(s.day),
            top_set=f"{load(s.top_load_kg)} × {s.top_reps}" if s.top_load_kg is not None else "",
            e1rm=load(s.best_e1rm_kg) if s.best_e1rm_kg is not None else "",
            volume=volume(s.volume_kg),
            sets=s.sets,
        )
        for s in reversed(sessions)
    ]


def _session_table_body(rows: list[SessionRow]) -> SafeString:
    """The rows as HTML, built here rather than in a template loop: a few thousand rows then render in
    a few milliseconds instead of tens. Every text is escaped; ids and counts are integers."""
    # The workout link's prefix, reversed once: reverse() per row costs more than the rest of the row.
    marker = 987654321
    before, after = reverse("history-workout", args=[marker]).split(str(marker))
    before, after = escape(before), escape(after)
    return mark_safe(  # noqa: S308  # every interpolated text is escaped above or below
        "".join(
            f'<tr><th scope="row"><a href="{before}{int(r.workout_id)}{after}">{escape(r.day)}</a></th>'
            f'<td>{escape(r.top_set)}</td><td class="num">{escape(r.e1rm)}</td>'
            f'<td class="num">{escape(r.volume)}</td><td class="num">{int(r.sets)}</td></tr>'
            for r in rows
        )
    )


def _best_text(best: Best | None, unit: str, *, volume: bool = False) -> str:
    if best is None:
        return ""
    value = volume_text(best.value, unit) if volume else load_text(best.value, unit)
    if best.load_kg is not None and best.reps is not None and not (best.reps == 1 and not volume):
        value += f" ({load_text(best.load_kg, unit)} × {best.reps})"
    return value


@login_required
@require_GET
def progress_exercise(request: AuthedRequest, exercise_id: int) -> HttpResponse:
    user = request.user
    exercise = get_exercise_for_user(user, exercise_id)
    range_key = request.GET.get("range", "1y")
    if range_key not in RANGES:
        return _bad(
            request,
            exercise.name,
            BadParameter(f"range: must be one of {', '.join(RANGES)}, got {range_key!r}"),
        )
    progress = services.exercise_progress(user, exercise)
    days = RANGES[range_key]
    since = local_today(user) - timedelta(days=days) if days else date.min
    shown = [s for s in progress.sessions if s.day >= since]
    unit = user.unit
    strength = svg.line_chart(
        chart_id="strength",
        title=f"{exercise.name}: estimated 1RM and heaviest set per session, in {unit}",
        series=[
            svg.Series(
                f"Estimated 1RM ({unit})",
                "series-1",
                [(s.day, float(from_kg(s.best_e1rm_kg, unit))) for s in shown if s.best_e1rm_kg is not None],
            ),
            svg.Series(
                f"Heaviest set ({unit})",
                "series-2",
                [(s.day, float(from_kg(s.top_load_kg, unit))) for s in shown if s.top_load_kg is not None],
            ),
        ],
    )
    volume_chart = svg.line_chart(
        chart_id="volume",
        title=f"{exercise.name}: volume (load × reps) per session, in {unit}",
        series=[
            svg.Series(
                f"Volume ({unit})",
                "series-3",
                [(s.day, float(from_kg(s.volume_kg, unit, places=0))) for s in shown],
            )
        ],
    )
    rows = _session_rows(shown, unit)
    records = progress.records
    context = {
        "exercise": exercise,
        "range_key": range_key,
        "ranges": [("1y", "Last 12 months"), ("3y", "Last 3 years"), ("all", "All time")],
        "strength_chart": strength,
        "volume_chart": volume_chart,
        "rows": rows,
        "table_body": _session_table_body(rows),
        "total_sets": progress.total_sets,
        "session_count": len(progress.sessions),
        "records": [
            ("Heaviest weight", _best_text(records.heaviest, unit), records.heaviest),
            ("Best estimated 1RM", _best_text(records.best_e1rm, unit), records.best_e1rm),
            (
                "Best set volume",
                _best_text(records.best_set_volume, unit, volume=True),
                records.best_set_volume,
            ),
            (
                "Best session volume",
                _best_text(records.best_session_volume, unit, volume=True),
                records.best_session_volume,
            ),
        ],
        "rep_maxes": [
            (reps, load_text(best.load_kg, unit), best) for reps, best in progress.rep_maxes.items()
        ],
    }
    return render(request, "progress/exercise.html", context)


# --- Records ---

TIMELINE_ENTRIES = 40  # records, shown grouped by session and exercise


def _event_text(event: RecordEvent, unit: str, *, previous: bool = False) -> str:
    value = event.previous if previous else event.value
    if value is None:
        return ""
    if event.kind in (RecordKind.BEST_SET_VOLUME, RecordKind.BEST_SESSION_VOLUME):
        return volume_text(value, unit)
    return load_text(value, unit)


@login_required
@require_GET
def progress_records(request: AuthedRequest) -> HttpResponse:
    user = request.user
    unit = user.unit
    overview = services.records_overview(user, timeline_limit=TIMELINE_ENTRIES)
    rows = [
        {
            "exercise_id": r.exercise_id,
            "name": r.name,
            "heaviest": _best_text(r.records.heaviest, unit),
            "heaviest_best": r.records.heaviest,
            "e1rm": _best_text(r.records.best_e1rm, unit),
            "e1rm_best": r.records.best_e1rm,
            "set_volume": _best_text(r.records.best_set_volume, unit, volume=True),
            "session_volume": _best_text(r.records.best_session_volume, unit, volume=True),
            "session_best": r.records.best_session_volume,
        }
        for r in overview.rows
    ]
    # One entry per exercise and session, listing the records it broke.
    timeline = [
        {
            "exercise_id": exercise_id,
            "name": entries[0].name,
            "day": day,
            "workout_id": workout_id,
            "records": [
                {
                    "label": t.event.kind.label,
                    "value": _event_text(t.event, unit),
                    "previous": _event_text(t.event, unit, previous=True),
                }
                for t in entries
            ],
        }
        for (day, workout_id, exercise_id), group in groupby(
            overview.timeline, key=lambda t: (t.event.day, t.event.session_id, t.exercise_id)
        )
        for entries in [list(group)]
    ]
    return render(request, "progress/records.html", {"rows": rows, "timeline": timeline})


# --- Strength scores ---


def parse_body_weight(raw: str, unit: str) -> Decimal | None:
    """A body weight typed in the person's unit, in kg; empty -> None."""
    if not raw:
        return None
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation:
        raise BadParameter(f"bodyweight: expected a number in {unit}, got {raw!r}") from None
    if not value.is_finite() or value <= 0:
        raise BadParameter("bodyweight: must be more than 0")
    kg = to_kg(value, unit)
    if kg < 20 or kg > MAX_BODY_WEIGHT_KG:
        raise BadParameter(
            f"bodyweight: must be between {from_kg(Decimal(20), unit)} and "
            f"{from_kg(MAX_BODY_WEIGHT_KG, unit)} {unit}"
        )
    return kg


def _points(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@login_required
@require_GET
def progress_scores(request: AuthedRequest) -> HttpResponse:
    user = request.user
    unit = user.unit
    raw = request.GET.get("bodyweight", "")
    try:
        typed_kg = parse_body_weight(raw, unit)
    except BadParameter as error:
        return _bad(request, "Strength scores", error)
    scores = services.strength_scores(user, typed_kg)
    rows = [
        {
            "label": s.label,
            "best": load_text(s.best.value, unit) if s.best else "",
            "best_day": date_text(s.best.day) if s.best else "",
            "best_workout": s.best.session_id if s.best else None,
            "body_weight": load_text(s.body_weight_kg, unit),
            "multiple": "" if s.multiple is None else f"{s.multiple}×",
            "dots": _points(s.dots),
            "wilks": _points(s.wilks),
            "wilks_original": _points(s.wilks_original),
            "ipf_gl": _points(s.ipf_gl),
        }
        for s in scores
    ]
    context = {
        "rows": rows,
        "unit": unit,
        "typed": raw,
        "has_best": any(s.best for s in scores),
        "missing_body_weight": any(s.best and s.body_weight_kg is None for s in scores),
        "needs_sex": user.sex not in ("male", "female"),
        "wilks_2020_revision": WILKS_2020_REVISION,
    }
    return render(request, "progress/scores.html", context)
