"""The benefits dashboard: one card per benefit area of the seed article, built from the person's own
entries and training. Reads only; the pure sums live in liftwell.core.health.outcomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q

from liftwell.core.health.outcomes import WeekComparison, compare_weeks, training_days_per_week, week_start
from liftwell.core.volume import Week
from liftwell.web.accounts.models import User
from liftwell.web.health.kinds import KINDS, Kind, Reading
from liftwell.web.health.models import WellbeingCheckIn
from liftwell.web.health.services import entries_for_user
from liftwell.web.health.viewer import Viewer
from liftwell.web.training.models import Workout, WorkoutSet
from liftwell.web.training.weeks import week_summaries

# The WHO card counts this many complete weeks before the current one.
WHO_WEEKS = 12


@dataclass(frozen=True)
class Area:
    slug: str
    title: str
    article: str
    kinds: tuple[str, ...]
    training: tuple[str, ...]  # keys of TrainingFacts.lines


AREAS: tuple[Area, ...] = (
    Area("muscle", "Muscle size and strength", "muscle-strength", ("grip", "push-ups"), ("working_sets",)),
    Area("bone", "Bone density", "bone-density", ("bone-density",), ("bone_sessions",)),
    Area(
        "connective", "Connective tissue", "connective-tissue", ("wellbeing",), ("who_weeks", "working_sets")
    ),
    Area(
        "body",
        "Body composition and metabolism",
        "body-composition",
        ("body",),
        ("who_weeks",),
    ),
    Area("sugar", "Blood sugar", "blood-sugar", ("fasting-glucose", "hba1c"), ("who_weeks",)),
    Area(
        "lipids",
        "Blood lipids",
        "blood-lipids",
        ("total-cholesterol", "ldl", "hdl", "triglycerides"),
        ("who_weeks",),
    ),
    Area(
        "function",
        "Daily function",
        "daily-function",
        ("chair-stand-30s", "sit-to-stand-5x", "gait-speed", "timed-up-and-go"),
        ("daily_sets",),
    ),
    Area("posture", "Posture and pain", "posture-and-pain", ("wellbeing", "plank"), ("posterior_sets",)),
    Area("sport", "Sport performance", "sport-performance", ("push-ups", "grip"), ("power_sets",)),
    Area("heart", "Cardiovascular health", "cardiovascular-health", ("blood-pressure",), ("who_weeks",)),
    Area(
        "ageing",
        "Healthy ageing",
        "healthy-ageing",
        ("sarc-f", "grip", "gait-speed"),
        ("balance_sets", "who_weeks"),
    ),
    Area("brain", "Brain, mood and sleep", "brain-mood-sleep", ("wellbeing",), ("who_weeks",)),
)


@dataclass(frozen=True)
class Latest:
    kind: Kind
    date: date
    reading: Reading
    trend: str  # "since 3 Jan 2025: 82.0 -> 78.5 kg", or ""


@dataclass(frozen=True)
class Card:
    area: Area
    tracked: list[Kind]
    latest: list[Latest]
    training: list[str]
    comparison: list[tuple[str, WeekComparison]] = field(default_factory=list)


@dataclass(frozen=True)
class TrainingFacts:
    lines: dict[str, str]
    days_per_week: dict[date, int]


def who_weeks_met(user: User, *, today: date) -> int:
    """How many of the WHO_WEEKS complete weeks before this one met the WHO 2020 muscle-strengthening
    guideline: hard sets covering every major muscle group, on 2 or more days (`liftwell.core.adherence`).

    Read through the same service as the progress page's weeks, so the card and /progress/ always agree."""
    last = Week.of(today).shifted(-1)
    summaries = week_summaries(user, last.shifted(-(WHO_WEEKS - 1)), last)
    return sum(1 for summary in summaries if summary.adherence.met)


def training_facts(user: User, *, today: date) -> TrainingFacts:
    workouts = Workout.objects.filter(owner=user, deleted_at=None)
    days = list(workouts.values_list("local_date", flat=True))
    per_week = training_days_per_week(days)
    meeting = who_weeks_met(user, today=today)
    since = today - timedelta(days=28)
    sets = WorkoutSet.objects.filter(
        owner=user, completed=True, deleted_at=None, workout__deleted_at=None, workout__local_date__gte=since
    ).exclude(kind="warmup")

    def tagged(tag: str) -> int:
        return sets.filter(exercise__benefits__contains=f",{tag},").count()

    bone_sessions = (
        sets.filter(exercise__benefits__contains=",bone_loading,").values("workout_id").distinct().count()
    )
    posterior = sets.filter(
        Q(exercise__pattern="hinge") | Q(exercise__benefits__contains=",posture_back,")
    ).count()
    lines = {
        "who_weeks": (
            f"{meeting} of the last {WHO_WEEKS} weeks met the WHO 2020 guideline: every major muscle group "
            "worked, on 2 or more days"
        ),
        "working_sets": f"{sets.count()} working sets in the last 4 weeks",
        "bone_sessions": f"{bone_sessions} sessions with bone-loading exercises in the last 4 weeks",
        "daily_sets": f"{tagged('daily_function')} sets of everyday-strength exercises in the last 4 weeks",
        "posterior_sets": f"{posterior} posterior-chain and back sets in the last 4 weeks",
        "power_sets": f"{tagged('power')} sets of power exercises in the last 4 weeks",
        "balance_sets": f"{tagged('balance')} sets of balance exercises in the last 4 weeks",
    }
    return TrainingFacts(lines, per_week)


def _trend(kind: Kind, first: Reading, last: Reading, first_day: date, units: dict[str, str]) -> str:
    for name, value in last.points.items():
        if name in first.points and first_day:
            start = first.points[name]
            change = value - start
            unit = units.get(name, "")
            return (
                f"{name} since {first_day.day} {first_day:%b %Y}: {start:g} → {value:g} {unit} "
                f"({'+' if change >= 0 else '−'}{abs(change):.3g})"
            )
    return ""


def latest_for(user: User, kind: Kind, viewer: Viewer) -> Latest | None:
    rows = entries_for_user(user=user, kind=kind)
    newest = rows.first()
    if newest is None:
        return None
    oldest = rows.order_by("measured_on", "id").first()
    reading = kind.read(newest, viewer)
    trend = ""
    if oldest is not None and oldest.pk != newest.pk:
        units = dict(kind.series(viewer))
        trend = _trend(kind, kind.read(oldest, viewer), reading, oldest.measured_on, units)
    return Latest(kind, newest.measured_on, reading, trend)


def wellbeing_comparisons(
    user: User, per_week: dict[date, int], *, before: date
) -> list[tuple[str, WeekComparison]]:
    """Check-ins in weeks with 2+ training days against the other weeks, up to `before` (this week's
    Monday: a week still under way may yet reach two sessions)."""
    rows = WellbeingCheckIn.objects.filter(owner=user, measured_on__lt=before).values_list(
        "measured_on", "sleep_quality", "mood", "pain"
    )
    sleep = [(day, float(s)) for day, s, _, _ in rows if s is not None]
    mood = [(day, float(m)) for day, _, m, _ in rows if m is not None]
    pain = [(day, float(p)) for day, _, _, p in rows if p is not None]
    found = []
    for label, values in (("Sleep quality (1-5)", sleep), ("Mood (1-5)", mood), ("Pain (0-10)", pain)):
        if values:
            found.append((label, compare_weeks(per_week, values)))
    return found


def dashboard_cards(user: User, viewer: Viewer, *, today: date) -> list[Card]:
    facts = training_facts(user, today=today)
    latest_by_kind = {slug: latest_for(user, kind, viewer) for slug, kind in KINDS.items()}
    comparisons = wellbeing_comparisons(user, facts.days_per_week, before=week_start(today))
    cards = []
    for area in AREAS:
        tracked = [KINDS[slug] for slug in area.kinds]
        latest = [found for slug in area.kinds if (found := latest_by_kind[slug]) is not None]
        training = [facts.lines[key] for key in area.training]
        cards.append(
            Card(area, tracked, latest, training, comparisons if area.slug in ("brain", "posture") else [])
        )
    return cards
