"""Records as they happen: what a set just logged as done breaks, for the logging screen's badge.

Three small queries whatever the history's length: the maxima of the exercise's hard sets in earlier
workouts (one aggregate row, grouped in SQL), its best earlier session volume (one row), and the other
sets of this workout's exercise; `liftwell.core.records.set_records` decides.
"""

from __future__ import annotations

from decimal import Decimal
from types import MappingProxyType

from django.db.models import Case, DecimalField, ExpressionWrapper, F, Max, Q, Sum, When

from liftwell.core.records import ExerciseBests, Record, SetPerformance, set_records
from liftwell.core.training import EPLEY_DIVISOR, MAX_RELIABLE_REPS, SetKind, e1rm_from_scaled
from liftwell.web.training.models import WorkoutSet

SIX_PLACES = Decimal("0.000001")
_DECIMAL: DecimalField[Decimal, Decimal] = DecimalField(max_digits=24, decimal_places=6)
# Fields whose change can make or unmake a record.
RECORD_FIELDS = frozenset({"completed", "load_kg", "reps", "kind"})


def _exact(value: Decimal | None) -> Decimal | None:
    # SQLite multiplies in binary floating point: a load with six decimals times whole numbers rounds back.
    return None if value is None else value.quantize(SIX_PLACES)


def _performance(workout_set: WorkoutSet) -> SetPerformance:
    return SetPerformance(
        exercise_id=workout_set.exercise_id,
        load_kg=workout_set.load_kg if workout_set.load_kg is not None else Decimal(0),
        reps=workout_set.reps or 0,
        completed=workout_set.completed,
        kind=workout_set.kind,
    )


def _history(workout_set: WorkoutSet) -> ExerciseBests | None:
    """The exercise's bests over the person's live hard sets in workouts started before this one."""
    workout = workout_set.workout
    load = workout_set.load_kg
    earlier = (
        WorkoutSet.objects.filter(
            workout__owner_id=workout.owner_id,
            exercise_id=workout_set.exercise_id,
            workout__started_at__lt=workout.started_at,
            workout__deleted_at=None,
            deleted_at=None,
            completed=True,
            reps__gte=1,
            load_kg__isnull=False,
        )
        .exclude(kind=SetKind.WARMUP)
        .order_by()
    )
    set_volume = ExpressionWrapper(F("load_kg") * F("reps"), output_field=_DECIMAL)
    scaled_e1rm = Case(
        When(reps=1, then=ExpressionWrapper(F("load_kg") * EPLEY_DIVISOR, output_field=_DECIMAL)),
        When(
            reps__lte=MAX_RELIABLE_REPS,
            then=ExpressionWrapper(F("load_kg") * (F("reps") + EPLEY_DIVISOR), output_field=_DECIMAL),
        ),
        output_field=_DECIMAL,
    )
    bests = earlier.aggregate(
        heaviest=Max("load_kg"),
        e1rm=Max(scaled_e1rm),
        best_set=Max(set_volume),
        reps_here=Max("reps", filter=Q(load_kg__gte=load)),
    )
    if bests["heaviest"] is None:
        return None
    session_volume = earlier.values("workout_id").annotate(volume=Sum(set_volume)).order_by("-volume").first()
    reps_here = bests["reps_here"]
    return ExerciseBests(
        exercise_id=workout_set.exercise_id,
        heaviest_kg=_exact(bests["heaviest"]),
        best_e1rm_kg=e1rm_from_scaled(_exact(bests["e1rm"])),
        best_set_volume_kg=_exact(bests["best_set"]),
        best_session_volume_kg=_exact(session_volume["volume"]) if session_volume else None,
        # Only this set's load is asked about (`most_reps_at_or_above(load)`), so only it is fetched.
        reps_at_load=MappingProxyType({} if reps_here is None or load is None else {load: reps_here}),
    )


def records_for_set(workout_set: WorkoutSet) -> list[Record]:
    """The records this set breaks now (see `core.records.set_records`); [] unless it is a live, done,
    loaded working set."""
    done = _performance(workout_set)
    if (
        workout_set.deleted_at is not None
        or workout_set.load_kg is None
        or not done.counts
        or workout_set.workout.deleted_at is not None
    ):
        return []
    bests = _history(workout_set)
    if bests is None:
        return []
    others = [
        _performance(s)
        for s in WorkoutSet.objects.filter(
            workout_id=workout_set.workout_id,
            exercise_id=workout_set.exercise_id,
            deleted_at=None,
            load_kg__isnull=False,
        ).exclude(pk=workout_set.pk)
    ]
    return set_records(bests, others, done)
