"""What the coach home shows per client: last workout, WHO adherence, and flags.

Built from the progress and health services for one client already loaded through `access.py`.
Health flags (blood pressure, pain) appear only when the grant covers health.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from liftwell.core.coaching import NO_LOG_DAYS, no_recent_log, pain_trend
from liftwell.core.volume import Week
from liftwell.web.coaching.access import ClientAccess
from liftwell.web.coaching.programs import missed_planned
from liftwell.web.health.models import WellbeingCheckIn
from liftwell.web.health.services import recent_bp_advice
from liftwell.web.progress import services as progress
from liftwell.web.training.models import Workout

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


def adherence_for(access: ClientAccess, today: date) -> Adherence:
    this_week = Week.of(today)
    summaries = progress.week_summaries(access.client, this_week.shifted(-ADHERENCE_WEEKS), this_week)
    full = summaries[:-1]
    return Adherence(
        days_per_week=sum(len(s.days) for s in full) / len(full),
        weeks_met=sum(1 for s in full if s.adherence.met),
        weeks=len(full),
        this_week_days=len(summaries[-1].days),
    )


def last_workout(access: ClientAccess) -> Workout | None:
    return (
        Workout.objects.filter(owner=access.client, deleted_at=None)
        .order_by("-local_date", "-started_at")
        .first()
    )


def flags_for(access: ClientAccess, today: date, last: Workout | None) -> list[Flag]:
    flags: list[Flag] = []
    if no_recent_log(last.local_date if last else None, today):
        text = f"No workout logged in the last {NO_LOG_DAYS} days."
        flags.append(Flag("no_log", text, "attention"))
    missed = missed_planned(access, today)
    if missed is not None and missed.missed:
        text = (
            f"{missed.missed} planned session{'s' if missed.missed != 1 else ''} of {missed.program} missed: "
            f"{missed.done} done in the last {missed.days} days, {missed.planned_per_week} a week planned."
        )
        flags.append(Flag("missed_sessions", text, "attention"))
    if not access.health:
        return flags
    bp = recent_bp_advice(user=access.client, today=today)
    if bp is not None:
        reading, advice = bp
        level = "warning" if advice.code == "do_not_train" else "attention"
        text = (
            f"Blood pressure {reading.systolic_mmhg}/{reading.diastolic_mmhg} mmHg "
            f"on {reading.measured_on:%d %b}: "
            f"{advice.headline} ({advice.source})."
        )
        flags.append(Flag("blood_pressure", text, level))
    scores = WellbeingCheckIn.objects.filter(
        owner=access.client, pain__isnull=False, measured_on__gte=today - timedelta(days=28)
    ).values_list("measured_on", "pain")
    trend = pain_trend([(day, pain) for day, pain in scores if pain is not None], today)
    if trend is not None and trend.rising:
        text = (
            f"Pain trending up: {trend.recent_mean:.1f}/10 on average in the last 14 days, "
            f"{trend.earlier_mean:.1f} in the 14 before (Farrar et al. 2001: 2 points matter)."
        )
        flags.append(Flag("pain_rising", text, "attention"))
    return flags


def client_row(access: ClientAccess) -> ClientRow:
    today = progress.today_for(access.client)
    last = last_workout(access)
    return ClientRow(access, last, adherence_for(access, today), flags_for(access, today, last))
