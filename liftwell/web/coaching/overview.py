"""What the coach home shows per client: last workout, WHO adherence, and flags.

Built for all the coach's clients at once (loaded and logged through `access.py`), one query per kind
of data whatever the number of clients; the arithmetic is `liftwell.core` (coaching, adherence).
Health flags (blood pressure, pain) appear, and health data is read, only when the grant covers health.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import OuterRef, Subquery

from liftwell.core.coaching import NO_LOG_DAYS, PAIN_WINDOW_DAYS, no_recent_log, pain_trend
from liftwell.core.health import BpAdvice
from liftwell.core.volume import Week
from liftwell.web.accounts.dates import local_today
from liftwell.web.accounts.models import User
from liftwell.web.coaching.access import ClientAccess
from liftwell.web.coaching.programs import Missed, missed_planned_by_client
from liftwell.web.health.models import BloodPressure, WellbeingCheckIn
from liftwell.web.health.services import recent_bp_advice_by_owner
from liftwell.web.training.models import Workout
from liftwell.web.training.weeks import day_sets_by_owner, summaries_of

ADHERENCE_WEEKS = 4


@dataclass(frozen=True)
class Flag:
    code: str  # "no_log", "blood_pressure", "pain_rising"
    text: str
    level: str  # "attention" or "warning", as the health badges


@dataclass(frozen=True)
class Adherence:
    """The last `ADHERENCE_WEEKS` full ISO weeks: mean training days a week, weeks meeting the WHO
    guideline (2+ days working all major muscle groups; WHO 2020), and this week's days so far."""

    days_per_week: float
    weeks_met: int
    weeks: int
    this_week_days: int


@dataclass(frozen=True)
class ClientRow:
    access: ClientAccess
    last_workout: Workout | None
    adherence: Adherence
    flags: list[Flag] = field(default_factory=list)


def client_rows(accesses: Sequence[ClientAccess]) -> list[ClientRow]:
    """The rows of the coach home, in the order given, with a fixed number of queries whatever the
    number of clients: one per kind of data for all of them. Health data (blood pressure, pain) is read
    only for the clients whose grant covers health."""
    today_by_client = {access.client.pk: local_today(access.client) for access in accesses}
    health_today = {
        access.client.pk: today_by_client[access.client.pk] for access in accesses if access.health
    }
    last_by_client = last_workouts(list(today_by_client))
    adherence_by_client = adherence_by(today_by_client)
    missed_by_client = missed_planned_by_client(today_by_client)
    bp_by_client = recent_bp_advice_by_owner(today_by_owner=health_today)
    pain_by_client = pain_scores(health_today)
    rows = []
    for access in accesses:
        client_id = access.client.pk
        today = today_by_client[client_id]
        last = last_by_client.get(client_id)
        flags = training_flags(today, last, missed_by_client.get(client_id))
        if access.health:
            flags += health_flags(today, bp_by_client.get(client_id), pain_by_client.get(client_id, []))
        rows.append(ClientRow(access, last, adherence_by_client[client_id], flags))
    return rows


def adherence_by(today_by_client: Mapping[int, date]) -> dict[int, Adherence]:
    """Each client's last `ADHERENCE_WEEKS` full weeks and this week so far, from one query."""
    if not today_by_client:
        return {}
    weeks = {client_id: Week.of(today) for client_id, today in today_by_client.items()}
    first = min(weeks.values()).shifted(-ADHERENCE_WEEKS)
    entries = day_sets_by_owner(list(weeks), first.monday, max(weeks.values()).sunday)
    found = {}
    for client_id, this_week in weeks.items():
        summaries = summaries_of(entries.get(client_id, []), this_week.shifted(-ADHERENCE_WEEKS), this_week)
        full = summaries[:-1]
        found[client_id] = Adherence(
            days_per_week=sum(len(s.days) for s in full) / len(full),
            weeks_met=sum(1 for s in full if s.adherence.met),
            weeks=len(full),
            this_week_days=len(summaries[-1].days),
        )
    return found


def last_workouts(client_ids: Collection[int]) -> dict[int, Workout]:
    """Each client's latest live workout (by day, then start), from one query; no key without one."""
    if not client_ids:
        return {}
    latest = (
        Workout.objects.filter(owner=OuterRef("pk"), deleted_at=None)
        .order_by("-local_date", "-started_at")
        .values("pk")[:1]
    )
    latest_ids = User.objects.filter(pk__in=list(client_ids)).annotate(last=Subquery(latest)).values("last")
    return {workout.owner_id: workout for workout in Workout.objects.filter(pk__in=latest_ids)}


def pain_scores(today_by_client: Mapping[int, date]) -> dict[int, list[tuple[date, int]]]:
    """Pain scores (0-10) of the last 28 days of each client, from one query: only pass health clients."""
    if not today_by_client:
        return {}
    since = min(today_by_client.values()) - timedelta(days=2 * PAIN_WINDOW_DAYS)
    scores: dict[int, list[tuple[date, int]]] = {}
    rows = WellbeingCheckIn.objects.filter(
        owner_id__in=list(today_by_client), pain__isnull=False, measured_on__gte=since
    ).values_list("owner_id", "measured_on", "pain")
    for owner_id, day, pain in rows:
        if pain is not None and day >= today_by_client[owner_id] - timedelta(days=2 * PAIN_WINDOW_DAYS):
            scores.setdefault(owner_id, []).append((day, pain))
    return scores


def training_flags(today: date, last: Workout | None, missed: Missed | None) -> list[Flag]:
    flags: list[Flag] = []
    if no_recent_log(last.local_date if last else None, today):
        text = f"No workout logged in the last {NO_LOG_DAYS} days."
        flags.append(Flag("no_log", text, "attention"))
    if missed is not None and missed.missed:
        text = (
            f"{missed.missed} planned session{'s' if missed.missed != 1 else ''} of {missed.program} missed: "
            f"{missed.done} done in the last {missed.days} days, {missed.planned_per_week} a week planned."
        )
        flags.append(Flag("missed_sessions", text, "attention"))
    return flags


def health_flags(
    today: date, bp: tuple[BloodPressure, BpAdvice] | None, pain: list[tuple[date, int]]
) -> list[Flag]:
    """Only for a client whose grant covers health."""
    flags: list[Flag] = []
    if bp is not None:
        reading, advice = bp
        level = "warning" if advice.code == "do_not_train" else "attention"
        text = (
            f"Blood pressure {reading.systolic_mmhg}/{reading.diastolic_mmhg} mmHg "
            f"on {reading.measured_on:%d %b}: "
            f"{advice.headline} ({advice.source})."
        )
        flags.append(Flag("blood_pressure", text, level))
    trend = pain_trend(pain, today)
    if trend is not None and trend.rising:
        text = (
            f"Pain trending up: {trend.recent_mean:.1f}/10 on average in the last 14 days, "
            f"{trend.earlier_mean:.1f} in the 14 before (Farrar et al. 2001: 2 points matter)."
        )
        flags.append(Flag("pain_rising", text, "attention"))
    return flags
