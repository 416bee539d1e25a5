"""A client's progress report for a period: adherence, strength, health markers (with health scope)
and the coach's notes. One builder feeds the printable page and the PDF, so both say the same."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count

from liftwell.core.volume import Week
from liftwell.web.accounts.models import User
from liftwell.web.coaching.access import ClientAccess
from liftwell.web.coaching.models import CoachNote
from liftwell.web.coaching.notes import notes_for
from liftwell.web.exercises.models import Exercise
from liftwell.web.health.kinds import KINDS
from liftwell.web.health.services import entries_for_user
from liftwell.web.health.viewer import viewer_for
from liftwell.web.progress import services as progress
from liftwell.web.training import weeks
from liftwell.web.training.display import date_text, load_text

DEFAULT_WEEKS = 12
MAX_DAYS = 5 * 366
STRENGTH_EXERCISES = 8


class PeriodError(ValueError):
    pass


def parse_period(raw_from: str, raw_to: str, today: date) -> tuple[date, date]:
    """`from`/`to` as ISO dates; empty means the last 12 weeks up to today."""
    try:
        last = date.fromisoformat(raw_to) if raw_to else today
        first = (
            date.fromisoformat(raw_from) if raw_from else last - timedelta(weeks=DEFAULT_WEEKS) + timedelta(1)
        )
    except ValueError:
        raise PeriodError("Dates are written as YYYY-MM-DD.") from None
    if first > last:
        raise PeriodError("The period must start before it ends.")
    if (last - first).days > MAX_DAYS:
        raise PeriodError("Choose a period of five years or less.")
    return first, last


@dataclass(frozen=True)
class StrengthRow:
    exercise: str
    sessions: int
    first: str  # estimated 1RM at the first session of the period, in the client's unit
    last: str
    change: str


@dataclass(frozen=True)
class MarkerRow:
    kind: str
    day: date
    values: str
    classifications: list[str]  # each "label (source)"
    count: int  # entries in the period


@dataclass(frozen=True)
class Report:
    client: User
    coach: User
    first: date
    last: date
    training_days: int
    weeks: int
    weeks_met: int
    days_per_week: float
    strength: list[StrengthRow]
    markers: list[MarkerRow] | None  # None: the grant does not cover health
    notes: list[CoachNote]

    @property
    def title(self) -> str:
        return f"Progress report: {self.client.shown_name}, {date_text(self.first)} to {date_text(self.last)}"


def _strength(client: User, first: date, last: date) -> list[StrengthRow]:
    top = (
        weeks.hard_sets(client)
        .filter(workout__local_date__gte=first, workout__local_date__lte=last)
        .values("exercise_id")
        .annotate(sessions=Count("workout_id", distinct=True))
        .order_by("-sessions", "exercise_id")[:STRENGTH_EXERCISES]
    )
    ids = [row["exercise_id"] for row in top]
    exercises = Exercise.objects.in_bulk(ids)
    rows = []
    for exercise_id in ids:
        shown = [
            s
            for s in progress.exercise_progress(client, exercises[exercise_id]).sessions
            if first <= s.day <= last and s.best_e1rm_kg is not None
        ]
        if not shown:
            continue
        start, end = shown[0].best_e1rm_kg, shown[-1].best_e1rm_kg
        assert start is not None and end is not None
        change = f"{(end - start) / start * 100:+.0f}%" if start else ""
        rows.append(
            StrengthRow(
                exercises[exercise_id].name,
                len(shown),
                load_text(start, client.unit),
                load_text(end, client.unit),
                change,
            )
        )
    return rows


def _markers(client: User, first: date, last: date) -> list[MarkerRow]:
    viewer = viewer_for(client, today=last)
    rows = []
    for kind in KINDS.values():
        entries = list(
            entries_for_user(user=client, kind=kind).filter(measured_on__gte=first, measured_on__lte=last)[
                :500
            ]
        )
        if not entries:
            continue
        latest = entries[0]
        reading = kind.read(latest, viewer)
        rows.append(
            MarkerRow(
                kind=kind.title,
                day=latest.measured_on,
                values=", ".join(f"{what} {value}" for what, value in reading.values),
                classifications=[c.cited for c in reading.classifications],
                count=len(entries),
            )
        )
    return rows


def build_report(*, coach: User, access: ClientAccess, first: date, last: date) -> Report:
    client = access.client
    summaries = weeks.week_summaries(client, Week.of(first), Week.of(last))
    days = {d for s in summaries for d in s.days if first <= d <= last}
    return Report(
        client=client,
        coach=coach,
        first=first,
        last=last,
        training_days=len(days),
        weeks=len(summaries),
        weeks_met=sum(1 for s in summaries if s.adherence.met),
        days_per_week=len(days) / max(1, ((last - first).days + 1) / 7),
        strength=_strength(client, first, last),
        markers=_markers(client, first, last) if access.health else None,
        notes=notes_for(coach=coach, access=access, first=first, last=last),
    )
