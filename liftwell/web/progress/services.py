"""Progress reads: the database groups a person's hard sets, `liftwell.core` does the arithmetic.

Nothing is cached: every figure is computed from the live sets (tombstoned sets and workouts left out), so
it is right after any edit, delete, restore or import. Each query groups in SQL (`values()` + `annotate`):
ten years of sets arrive as a few thousand small tuples, never as model objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from liftwell.core import adherence, volume
from liftwell.core.adherence import Share, WeekAdherence
from liftwell.core.points import dots, ipf_gl, wilks
from liftwell.core.series import (
    Best,
    ExerciseRecords,
    SessionPoint,
    SetGroup,
    exercise_records,
    rep_max_grid,
    session_series,
)
from liftwell.core.vocabulary import Muscle
from liftwell.core.volume import DaySets, Week
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise, unpack
from liftwell.web.progress.bodyweight import body_weight_kg_near
from liftwell.web.training.models import SetKind, Workout, WorkoutSet

# How far back the streak looks at first; it looks further only while the streak reaches that far.
STREAK_WINDOW_WEEKS = 60


def today_for(user: User) -> date:
    """Today in the person's time zone."""
    return timezone.localtime(timezone.now(), ZoneInfo(user.time_zone)).date()


def _hard(sets: QuerySet[WorkoutSet]) -> QuerySet[WorkoutSet]:
    return (
        sets.filter(deleted_at=None, workout__deleted_at=None, completed=True, reps__gte=1)
        .exclude(kind=SetKind.WARMUP)
        .order_by()
    )


def hard_sets(user: User) -> QuerySet[WorkoutSet]:
    """The person's live hard sets: completed, not warm-ups, at least one rep (see core.volume)."""
    return _hard(WorkoutSet.objects.filter(owner=user))


# --- Weeks: hard sets per muscle and the WHO guideline ---


@dataclass(frozen=True)
class WeekSummary:
    week: Week
    days: list[date]
    muscle_sets: dict[Muscle, float]
    adherence: WeekAdherence


def _muscles(packed: str) -> tuple[Muscle, ...]:
    return tuple(Muscle(m) for m in unpack(packed))


def _day_sets(user: User, first_day: date, last_day: date) -> list[DaySets]:
    # Filtered on the workout's owner and date, not the set's owner, so that the database starts from the
    # workouts in range (index on owner and local_date), not from every set the person ever did.
    rows = (
        _hard(WorkoutSet.objects.filter(workout__owner=user))
        .filter(workout__local_date__gte=first_day, workout__local_date__lte=last_day)
        .exclude(exercise__pattern__in=volume.EXCLUDED_PATTERNS)
        .exclude(exercise__measure__in=volume.EXCLUDED_MEASURES)
        .values_list("workout__local_date", "exercise__primary_muscles", "exercise__secondary_muscles")
        .annotate(n=Count("id"))
    )
    parsed: dict[str, tuple[Muscle, ...]] = {}
    entries = []
    for day, primary, secondary, n in rows:
        if primary not in parsed:
            parsed[primary] = _muscles(primary)
        if secondary not in parsed:
            parsed[secondary] = _muscles(secondary)
        entries.append(DaySets(day=day, primary=parsed[primary], secondary=parsed[secondary], sets=n))
    return entries


def week_summaries(user: User, first: Week, last: Week) -> list[WeekSummary]:
    """Every week from `first` to `last` (oldest first), with or without training."""
    entries = _day_sets(user, first.monday, last.sunday)
    muscles = volume.weekly_muscle_sets(entries)
    days = volume.training_days(entries)
    summaries = []
    for week in volume.weeks_between(first, last):
        week_days = days.get(week, frozenset())
        week_muscles = muscles.get(week, {})
        summaries.append(
            WeekSummary(
                week=week,
                days=sorted(week_days),
                muscle_sets=dict(sorted(week_muscles.items(), key=lambda item: (-item[1], item[0]))),
                adherence=adherence.week_adherence(week, week_days, week_muscles),
            )
        )
    return summaries


def first_training_day(user: User) -> date | None:
    first: date | None = Workout.objects.filter(owner=user, deleted_at=None).aggregate(
        first=Min("local_date")
    )["first"]
    return first


@dataclass(frozen=True)
class Guideline:
    streak: int
    share: Share


def guideline(user: User, today: date, recent: list[WeekSummary] | None = None) -> Guideline:
    """The current streak of weeks meeting the WHO guideline and the share met over the last 12 months.

    `recent` may pass summaries the caller already has (weeks up to this one) to save a query."""
    first_day = first_training_day(user)
    this_week = Week.of(today)
    span = STREAK_WINDOW_WEEKS
    start = this_week.shifted(-(span - 1))
    if recent and recent[0].week <= start and recent[-1].week == this_week:
        summaries = [s for s in recent if s.week >= start]
    else:
        summaries = week_summaries(user, start, this_week)
    met = {s.week for s in summaries if s.adherence.met}
    streak = adherence.current_streak(met, today)
    # A streak that reaches the window's first week may go back further: widen the window until it ends.
    while streak and first_day is not None and start.monday > first_day:
        newest = this_week if this_week in met else this_week.shifted(-1)
        if newest.shifted(-(streak - 1)) > start:
            break
        older_start = start.shifted(-104)
        met |= {s.week for s in week_summaries(user, older_start, start.shifted(-1)) if s.adherence.met}
        start = older_start
        streak = adherence.current_streak(met, today)
    return Guideline(streak=streak, share=adherence.share_met(met, first_day, today))


# --- One exercise ---


@dataclass(frozen=True)
class ExerciseProgress:
    exercise: Exercise
    sessions: list[SessionPoint]
    records: ExerciseRecords
    rep_maxes: dict[int, Best]
    total_sets: int


def _set_groups(queryset: QuerySet[WorkoutSet]) -> list[SetGroup]:
    rows = queryset.values_list("workout_id", "workout__local_date", "load_kg", "reps").annotate(
        n=Count("id")
    )
    return [SetGroup(session_id=w, day=d, load_kg=load, reps=reps, count=n) for w, d, load, reps, n in rows]


def exercise_progress(user: User, exercise: Exercise) -> ExerciseProgress:
    """Per-session series, records and the rep-max grid of one exercise (already checked as visible)."""
    groups = _set_groups(hard_sets(user).filter(exercise=exercise))
    sessions = session_series(groups)
    return ExerciseProgress(
        exercise=exercise,
        sessions=sessions,
        records=exercise_records(groups, sessions),
        rep_maxes=rep_max_grid(groups),
        total_sets=sum(s.sets for s in sessions),
    )


# --- Records over every exercise ---


@dataclass(frozen=True)
class RecordRow:
    exercise_id: int
    name: str
    records: ExerciseRecords
    last_day: date


def all_records(user: User) -> list[RecordRow]:
    """Each exercise's current records, the most recently trained exercise first."""
    rows = (
        hard_sets(user)
        .values_list("exercise_id", "workout_id", "workout__local_date", "load_kg", "reps")
        .annotate(n=Count("id"))
    )
    by_exercise: dict[int, list[SetGroup]] = {}
    for exercise_id, w, d, load, reps, n in rows:
        by_exercise.setdefault(exercise_id, []).append(SetGroup(w, d, load, reps, n))
    names = dict(Exercise.objects.filter(pk__in=by_exercise).values_list("id", "name"))
    result = [
        RecordRow(eid, names[eid], exercise_records(groups), max(g.day for g in groups))
        for eid, groups in by_exercise.items()
    ]
    result.sort(key=lambda r: (r.last_day, r.name), reverse=True)
    return [r for r in result if r.records.heaviest is not None or r.records.best_session_volume is not None]


# --- Strength scores ---

# The competition lifts, by the slug of Liftwell's shipped exercise.
SCORED_LIFTS = (
    ("squat", "barbell-back-squat"),
    ("bench", "barbell-bench-press"),
    ("deadlift", "barbell-deadlift"),
)


@dataclass(frozen=True)
class Score:
    label: str
    best: Best | None
    body_weight_kg: Decimal | None
    multiple: Decimal | None
    dots: float | None
    wilks: float | None
    wilks_original: float | None
    ipf_gl: float | None


def _score(label: str, best: Best | None, bw: Decimal | None, sex: str | None, event: str) -> Score:
    if best is None or bw is None or bw <= 0:
        return Score(label, best, bw, None, None, None, None, None)
    multiple = (best.value / bw).quantize(Decimal("0.01"))
    if sex is None:
        return Score(label, best, bw, multiple, None, None, None, None)
    weight, total = float(bw), float(best.value)
    gl = ipf_gl(sex, weight, total, "raw", event) if event in ("SBD", "B") else None  # type: ignore[arg-type]
    return Score(
        label=label,
        best=best,
        body_weight_kg=bw,
        multiple=multiple,
        dots=dots(sex, weight, total),  # type: ignore[arg-type]
        wilks=wilks(sex, weight, total),  # type: ignore[arg-type]
        wilks_original=wilks(sex, weight, total, "original"),  # type: ignore[arg-type]
        ipf_gl=gl,
    )


def strength_scores(user: User, body_weight_kg: Decimal | None = None) -> list[Score]:
    """Scores for the best e1RM of squat, bench and deadlift, and their total.

    Body weight: `body_weight_kg` when given, else the one logged nearest each best's date (the latest
    of the three for the total). Points need the profile's sex; multiples of body weight do not."""
    sex = {"male": "M", "female": "F"}.get(user.sex)
    ids = dict(
        Exercise.objects.filter(owner=None, slug__in=[s for _, s in SCORED_LIFTS]).values_list("slug", "id")
    )
    scores = []
    bests: list[Best | None] = []
    events = {"squat": "S", "bench": "B", "deadlift": "D"}
    for label, slug in SCORED_LIFTS:
        groups = _set_groups(hard_sets(user).filter(exercise_id=ids.get(slug, 0)))
        best = exercise_records(groups).best_e1rm
        bests.append(best)
        bw = (
            body_weight_kg
            if body_weight_kg is not None
            else (body_weight_kg_near(user, best.day) if best else None)
        )
        scores.append(_score(label.capitalize(), best, bw, sex, events[label]))
    if all(bests):
        present = [b for b in bests if b is not None]
        last = max(present, key=lambda b: b.day)
        total = Best(sum((b.value for b in present), Decimal(0)), last.day, last.session_id)
        bw = body_weight_kg if body_weight_kg is not None else body_weight_kg_near(user, last.day)
        scores.append(_score("Total", total, bw, sex, "SBD"))
    return scores
