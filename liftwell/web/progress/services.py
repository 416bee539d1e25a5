"""Progress reads: the database groups a person's hard sets, `liftwell.core` does the arithmetic.

Nothing is cached: every figure is computed from the live sets (tombstoned sets and workouts left out), so
it is right after any edit, delete, restore or import. Each query groups in SQL (`values()` + `annotate`,
and for the records page one statement with window functions): ten years of sets arrive as a few thousand
small tuples at most, never as model objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Min, QuerySet

from liftwell.core import adherence
from liftwell.core.adherence import Share
from liftwell.core.points import dots, ipf_gl, wilks
from liftwell.core.record_history import (
    ExerciseHistory,
    RecordEvent,
    SessionBests,
    record_history,
    timeline,
)
from liftwell.core.records import RecordKind
from liftwell.core.series import (
    Best,
    ExerciseRecords,
    SessionPoint,
    SetGroup,
    exercise_records,
    rep_max_grid,
    session_series,
)
from liftwell.core.training import EPLEY_DIVISOR, MAX_RELIABLE_REPS, SetKind, e1rm_from_scaled
from liftwell.core.volume import Week
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.progress.bodyweight import body_weight_kg_near
from liftwell.web.training.models import Workout, WorkoutSet
from liftwell.web.training.weeks import WeekSummary, hard_sets, only_hard, week_summaries

# How far back the streak looks at first; it looks further only while the streak reaches that far.
STREAK_WINDOW_WEEKS = 60


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

SIX_PLACES = Decimal("0.000001")

# Per exercise and session, the maxima of the person's hard sets (the same filter as `hard_sets`), then
# only the sessions that raised one of them above every earlier session: the running maximum of each
# kind changes only at those sessions, so `core.record_history` over them finds the same holders and the
# same timeline as over every session, from a few hundred rows instead of ten thousand. Window functions
# need SQLite 3.28 or PostgreSQL. Values are rounded to six decimals of a kg in SQL so that SQLite's
# binary floating point compares equal sums as equal (each is a load with six decimals times whole
# numbers); `e1rm30` is 30 x the Epley e1RM, exact in SQL (see `core.training.e1rm_from_scaled`). Epley's
# divisor, the rep limit and the warm-up kind arrive as query parameters from `core.training`.
# It starts from the person's workouts and reaches their sets through the workout index: a workout's sets
# sit together on disk, so this reads far fewer pages than the sets' owner index (twice as fast on SQLite).
RECORD_SESSIONS_SQL = """
WITH s AS (
  SELECT ws.exercise_id AS exercise_id, ws.workout_id AS workout_id, w.local_date AS day,
    ROUND(MAX(ws.load_kg), 6) AS top,
    ROUND(MAX(CASE WHEN ws.reps = 1 THEN ws.load_kg * %(epley)s
                   WHEN ws.reps <= %(max_reps)s THEN ws.load_kg * (ws.reps + %(epley)s) END), 6) AS e1rm30,
    ROUND(MAX(ws.load_kg * ws.reps), 6) AS best_set,
    ROUND(COALESCE(SUM(ws.load_kg * ws.reps), 0), 6) AS volume
  FROM {workouts} w INNER JOIN {sets} ws ON ws.workout_id = w.id
  WHERE w.owner_id = %(owner)s AND ws.deleted_at IS NULL AND w.deleted_at IS NULL
    AND ws.completed AND ws.reps >= 1 AND ws.kind <> %(warmup)s
  GROUP BY ws.exercise_id, ws.workout_id, w.local_date
), r AS (
  SELECT exercise_id, workout_id, day, top, e1rm30, best_set, volume,
    MAX(top) OVER before AS top_before, MAX(e1rm30) OVER before AS e1rm30_before,
    MAX(best_set) OVER before AS best_set_before, MAX(volume) OVER before AS volume_before,
    MAX(day) OVER (PARTITION BY exercise_id) AS last_day
  FROM s
  WINDOW before AS (PARTITION BY exercise_id ORDER BY day, workout_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT exercise_id, workout_id, day, top, e1rm30, best_set, volume, last_day FROM r
WHERE (top IS NOT NULL AND (top_before IS NULL OR top > top_before))
   OR (e1rm30 IS NOT NULL AND (e1rm30_before IS NULL OR e1rm30 > e1rm30_before))
   OR (best_set IS NOT NULL AND (best_set_before IS NULL OR best_set > best_set_before))
   OR volume_before IS NULL OR volume > volume_before
"""


def _decimal(value: object) -> Decimal | None:
    """A number from a raw query (a float or an int on SQLite, a Decimal on PostgreSQL), to 0.000001."""
    if value is None:
        return None
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    return number.quantize(SIX_PLACES)


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def record_sessions(user: User) -> tuple[list[SessionBests], dict[int, date]]:
    """The sessions that raised a record of some exercise (see RECORD_SESSIONS_SQL), oldest first, and
    each exercise's last training day."""
    sql = RECORD_SESSIONS_SQL.format(sets=WorkoutSet._meta.db_table, workouts=Workout._meta.db_table)
    params: dict[str, int | str] = {
        "owner": user.pk,
        "max_reps": MAX_RELIABLE_REPS,
        "epley": EPLEY_DIVISOR,
        "warmup": SetKind.WARMUP.value,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    sessions = []
    last_days: dict[int, date] = {}
    for exercise_id, workout_id, day, top, e1rm30, best_set, total, last_day in rows:
        sessions.append(
            SessionBests(
                exercise_id=exercise_id,
                session_id=workout_id,
                day=_day(day),
                top_load_kg=_decimal(top),
                best_e1rm_kg=e1rm_from_scaled(_decimal(e1rm30)),
                best_set_volume_kg=_decimal(best_set),
                volume_kg=_decimal(total) or Decimal(0),
            )
        )
        last_days[exercise_id] = _day(last_day)
    return sessions, last_days


@dataclass(frozen=True)
class RecordRow:
    exercise_id: int
    name: str
    records: ExerciseRecords
    last_day: date


@dataclass(frozen=True)
class TimelineEntry:
    exercise_id: int
    name: str
    event: RecordEvent


@dataclass(frozen=True)
class RecordsOverview:
    rows: list[RecordRow]  # each exercise's current records, the most recently trained first
    timeline: list[TimelineEntry]  # records broken, newest first


def _with_sets(user: User, histories: dict[int, ExerciseHistory]) -> dict[int, ExerciseRecords]:
    """The holders' records with the load and reps of the set that made them.

    Only the sessions that hold a record are read set by set: within them the first set to reach each
    value is the record's set, exactly as `exercise_records` over all sets would find it."""
    holders = {(h.exercise_id, e.session_id) for h in histories.values() for e in h.holders.values()}
    groups: dict[int, list[SetGroup]] = {}
    # Started from the holders' workouts (their index), not from every set the person has.
    rows = (
        only_hard(WorkoutSet.objects.filter(workout__owner=user, workout_id__in={s for _, s in holders}))
        .filter(exercise_id__in={e for e, _ in holders})
        .values_list("exercise_id", "workout_id", "workout__local_date", "load_kg", "reps")
        .annotate(n=Count("id"))
    )
    for exercise_id, w, d, load, reps, n in rows:
        if (exercise_id, w) in holders:
            groups.setdefault(exercise_id, []).append(SetGroup(w, d, load, reps, n))
    result = {}
    for exercise_id, history in histories.items():
        found = exercise_records(groups.get(exercise_id, []))
        volume = history.holders.get(RecordKind.BEST_SESSION_VOLUME)
        result[exercise_id] = ExerciseRecords(
            heaviest=found.heaviest,
            best_e1rm=found.best_e1rm,
            best_set_volume=found.best_set_volume,
            best_session_volume=Best(volume.value, volume.day, volume.session_id) if volume else None,
        )
    return result


def records_overview(user: User, timeline_limit: int = 50) -> RecordsOverview:
    """Each exercise's current records (most recently trained exercise first) and the latest records
    broken, from per-session maxima computed in SQL."""
    sessions, last_days = record_sessions(user)
    histories = record_history(sessions)
    names = dict(Exercise.objects.filter(pk__in=histories).values_list("id", "name"))
    records = _with_sets(user, histories)
    rows = [RecordRow(eid, names[eid], records[eid], last_days[eid]) for eid in histories]
    rows.sort(key=lambda r: (r.last_day, r.name), reverse=True)
    events = timeline(histories.values(), timeline_limit)
    return RecordsOverview(
        rows=[r for r in rows if r.records.heaviest is not None or r.records.best_session_volume is not None],
        timeline=[TimelineEntry(e.exercise_id, names[e.exercise_id], e) for e in events],
    )


def all_records(user: User) -> list[RecordRow]:
    """Each exercise's current records, the most recently trained exercise first."""
    return records_overview(user, timeline_limit=0).rows


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
