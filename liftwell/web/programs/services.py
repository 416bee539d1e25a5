"""Programs for a person: their copies, the active enrolment, "Today", and applying progression.

The only write paths for `UserProgram`, `Enrollment` and `ProgramSession`. Progression is applied
lazily and exactly once per finished workout: `apply_finished_sessions` runs whenever a programs page
or Today is opened, takes the enrolment row lock, and skips sessions already applied. That covers
every way a workout ends (the logging screen, the API, an offline sync that arrives later) without a
hook inside the training services.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from liftwell.core.plates import PlateSet
from liftwell.core.programs.model import Program
from liftwell.core.programs.progression import (
    LoggedSet,
    ProgramState,
    RoundKg,
    SessionPlan,
    advance,
    prescribe,
    round_to_plates,
    round_to_step,
    start_state,
)
from liftwell.core.strength import e1rm
from liftwell.core.units import KG_PER_LB, LOAD_KG_PLACES
from liftwell.data.loaders import shipped_program_texts
from liftwell.data.program_text import parse_program, program_to_text
from liftwell.web.accounts.gym import plate_set_for
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import visible_exercises
from liftwell.web.programs.models import Enrollment, ProgramSession, UserProgram
from liftwell.web.training.models import SetKind, Workout, WorkoutExercise, WorkoutSet
from liftwell.web.training.services import create_workout

# Loads of these are rounded to the person's own bar and plates; others to a step in their unit.
PLATE_LOADED = {"barbell", "trap_bar", "smith_machine"}
STEPS = {"kg": {"dumbbell": 2.0, "kettlebell": 4.0}, "lb": {"dumbbell": 5.0, "kettlebell": 5.0}}
DEFAULT_STEP = {"kg": 2.5, "lb": 5.0}
# The e1RM behind first-session loads: the best Epley estimate among this many recent sets.
HISTORY_SETS = 20


# --- built-in programs ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def builtin_programs() -> dict[str, tuple[Program, str]]:
    """slug -> (program, its text), the files of liftwell/data/programs/."""
    return {slug: (parse_program(text), text) for slug, text in shipped_program_texts().items()}


def get_builtin(slug: str) -> tuple[Program, str]:
    try:
        return builtin_programs()[slug]
    except KeyError:
        raise Http404("No such program.") from None


# --- a person's programs ------------------------------------------------------------------------------


def programs_for_user(user: User) -> list[UserProgram]:
    return list(UserProgram.objects.filter(owner=user))


def get_program_for_user(user: User, pk: int) -> UserProgram:
    try:
        return UserProgram.objects.get(owner=user, pk=pk)
    except UserProgram.DoesNotExist:
        raise Http404("No such program.") from None


def known_exercise_slugs(user: User) -> set[str]:
    return set(visible_exercises(user, include_hidden=True).values_list("slug", flat=True))


def parsed(program: UserProgram) -> Program:
    return parse_program(program.source)


def _free_slug(user: User, slug: str) -> str:
    taken = set(UserProgram.objects.filter(owner=user, slug__startswith=slug).values_list("slug", flat=True))
    if slug not in taken:
        return slug
    number = 2
    while f"{slug}-{number}" in taken:
        number += 1
    return f"{slug}-{number}"


def save_program(
    *, user: User, program: Program, origin: str = UserProgram.Origin.IMPORTED, source: str | None = None
) -> UserProgram:
    """Store a program as the person's own (its text; a free slug if theirs is taken)."""
    text = source if source is not None else program_to_text(program)
    return UserProgram.objects.create(
        owner=user, slug=_free_slug(user, program.slug), name=program.name, source=text, origin=origin
    )


def import_program(*, user: User, text: str) -> UserProgram:
    """Validate program text against the person's exercises and keep it; raises ProgramFormatError."""
    program = parse_program(text, known_exercises=known_exercise_slugs(user))
    return save_program(user=user, program=program, source=text)


def delete_program(*, program: UserProgram) -> None:
    program.delete()


def copy_builtin(*, user: User, slug: str) -> UserProgram:
    """The person's copy of a built-in program, made on first use."""
    program, text = get_builtin(slug)
    existing = UserProgram.objects.filter(owner=user, slug=slug, origin=UserProgram.Origin.BUILTIN).first()
    return existing or save_program(
        user=user, program=program, origin=UserProgram.Origin.BUILTIN, source=text
    )


# --- enrolment ---------------------------------------------------------------------------------------


def active_enrollment(user: User) -> Enrollment | None:
    return Enrollment.objects.filter(user=user, active=True).select_related("program").first()


@transaction.atomic
def stop_program(*, user: User) -> None:
    Enrollment.objects.filter(user=user, active=True).update(active=False, stopped_at=timezone.now())


@transaction.atomic
def start_program(*, user: User, program: UserProgram, assigned_by: User | None = None) -> Enrollment:
    """Make `program` (theirs) the active one from week 1, day 1; any other active one stops."""
    if program.owner_id != user.pk:
        raise Http404("No such program.")
    stop_program(user=user)
    state = start_state(parsed(program)).to_json()
    return Enrollment.objects.create(user=user, program=program, state=state, assigned_by=assigned_by)


def assign_program(
    *, user: User, program: UserProgram | Program, assigned_by: User | None = None
) -> Enrollment:
    """Give `user` a program and start it (for coaches and the plan generator).

    `program` is a parsed `Program` (stored as the person's own copy) or a stored program; one of
    somebody else's (a coach's) is copied to `user` first.
    """
    origin = UserProgram.Origin.ASSIGNED if assigned_by is not None else UserProgram.Origin.GENERATED
    with transaction.atomic():
        if isinstance(program, Program):
            stored = save_program(user=user, program=program, origin=origin)
        elif program.owner_id != user.pk:
            stored = save_program(user=user, program=parsed(program), origin=origin, source=program.source)
        else:
            stored = program
        return start_program(user=user, program=stored, assigned_by=assigned_by)


# --- history, rounding -------------------------------------------------------------------------------


def history_e1rm(user: User, slugs: list[str]) -> dict[str, float]:
    """Exercise slug -> the best Epley e1RM (kg) among the person's last 20 completed working sets."""
    rows = (
        WorkoutSet.objects.filter(
            owner=user,
            exercise__slug__in=slugs,
            completed=True,
            deleted_at=None,
            workout__deleted_at=None,
            load_kg__gt=0,
            reps__gte=1,
            reps__lte=12,
        )
        .exclude(kind=SetKind.WARMUP)
        .order_by("-workout__started_at", "-id")
        .values_list("exercise__slug", "load_kg", "reps")[: 40 * len(slugs)]
    )
    seen: dict[str, int] = defaultdict(int)
    best: dict[str, float] = {}
    for slug, load, reps in rows:
        if seen[slug] >= HISTORY_SETS or load is None or reps is None:
            continue
        seen[slug] += 1
        value = e1rm(float(load), reps).value_kg
        best[slug] = max(best.get(slug, 0.0), value)
    return best


def rounder_for(user: User, equipment: Mapping[str, str]) -> tuple[str, RoundKg]:
    """(unit, round_kg): loads rounded to the person's plates (barbells) or equipment steps."""
    kit = plate_set_for(user)
    unit = kit["unit"]
    plate_set = PlateSet(bar=kit["bar"], plates=tuple(kit["plates"]), collar=kit["collar"])
    kg_per_unit = float(KG_PER_LB) if unit == "lb" else 1.0

    def round_kg(slug: str, load_kg: float) -> float:
        kind = equipment.get(slug, "")
        if kind in PLATE_LOADED:
            return round_to_plates(load_kg, plate_set, kg_per_unit=kg_per_unit)
        step = STEPS[unit].get(kind, DEFAULT_STEP[unit])
        return round(round_to_step(load_kg / kg_per_unit, step) * kg_per_unit, 6)

    return unit, round_kg


# --- applying progression ----------------------------------------------------------------------------


def _logged(session: ProgramSession) -> dict[int, list[LoggedSet]]:
    by_slot: dict[int, list[LoggedSet]] = defaultdict(list)
    sets = (
        WorkoutSet.objects.filter(workout=session.workout, deleted_at=None, workout_exercise__deleted_at=None)
        .exclude(kind=SetKind.WARMUP)
        .order_by("workout_exercise__position", "position", "id")
    )
    for row in sets:
        slot = session.slots.get(str(row.workout_exercise_id))
        if slot is None:
            continue
        rpe = float(row.rpe) if row.rpe is not None else (10.0 - row.rir if row.rir is not None else None)
        by_slot[int(slot)].append(
            LoggedSet(
                load_kg=float(row.load_kg) if row.load_kg is not None else None,
                reps=row.reps,
                seconds=row.duration_s,
                rpe=rpe,
                completed=row.completed,
            )
        )
    return by_slot


def apply_finished_sessions(*, user: User) -> list[ProgramSession]:
    """Apply progression for every finished, not yet applied workout of the active program, once."""
    enrollment = active_enrollment(user)
    if enrollment is None:
        return []
    applied: list[ProgramSession] = []
    with transaction.atomic():
        locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        pending = (
            locked.sessions.filter(applied_at=None, workout__deleted_at=None)
            .exclude(workout__ended_at=None)
            .select_related("workout")
            .order_by("workout__ended_at", "id")
        )
        if not pending:
            return []
        program = parsed(enrollment.program)
        state = ProgramState.from_json(locked.state)
        for session in pending:
            here = replace(state, week=session.week, day=session.day, cycle=session.cycle)
            if here.week >= len(program.weeks) or here.day >= len(program.weeks[here.week].days):
                session.applied_at = timezone.now()
                session.save(update_fields=["applied_at"])
                continue
            slugs = [slot.exercise for slot in program.day(here.week, here.day).slots]
            result = advance(program, here, _logged(session), e1rm_kg=history_e1rm(user, slugs))
            state = result.state
            session.applied_at = timezone.now()
            session.reasons = dict(result.reasons)
            session.save(update_fields=["applied_at", "reasons"])
            applied.append(session)
        locked.state = state.to_json()
        locked.save(update_fields=["state"])
    return applied


# --- Today -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Today:
    enrollment: Enrollment
    program: Program
    plan: SessionPlan
    unit: str
    names: dict[str, str]
    pending: ProgramSession | None  # a started, unfinished workout of this program
    last: ProgramSession | None  # the last applied session, with its reasons


def exercises_by_slug(user: User, slugs: list[str]) -> dict[str, Exercise]:
    """Slug -> the exercise the person sees under it: the shared library's, else their own."""
    found: dict[str, Exercise] = {}
    for row in visible_exercises(user, include_hidden=True).filter(slug__in=slugs):
        if row.owner_id is None or row.slug not in found:
            found[row.slug] = row
    return found


def next_program_workout(user: User) -> Today | None:
    """The next workout of the active program, with targets from history rounded to the person's kit."""
    apply_finished_sessions(user=user)
    enrollment = active_enrollment(user)
    if enrollment is None:
        return None
    program = parsed(enrollment.program)
    state = ProgramState.from_json(enrollment.state)
    slugs = [slot.exercise for slot in program.day(state.week, state.day).slots]
    exercises = exercises_by_slug(user, slugs)
    unit, round_kg = rounder_for(user, {slug: row.equipment for slug, row in exercises.items()})
    plan = prescribe(program, state, e1rm_kg=history_e1rm(user, slugs), round_kg=round_kg)
    sessions = enrollment.sessions.select_related("workout")
    pending = sessions.filter(applied_at=None, workout__ended_at=None, workout__deleted_at=None).first()
    last = sessions.exclude(applied_at=None).order_by("-applied_at", "-id").first()
    names = {slug: row.name for slug, row in exercises.items()}
    return Today(enrollment, program, plan, unit, names, pending, last)


@dataclass(frozen=True)
class Override:
    load_kg: Decimal | None
    reps: int | None


def start_today(*, user: User, overrides: Mapping[tuple[int, int], Override] | None = None) -> Workout:
    """Create the workout of Today's plan, sets not completed and pre-filled with the targets (or the
    person's overrides, keyed by (slot index, set index)); an unfinished one already started is reused."""
    today = next_program_workout(user)
    if today is None:
        raise Http404("No active program.")
    if today.pending is not None:
        return today.pending.workout
    overrides = overrides or {}
    exercises = exercises_by_slug(user, [slot.slot.exercise for slot in today.plan.slots])
    with transaction.atomic():
        # The enrolment row lock makes a double tap start one workout, not two.
        locked = Enrollment.objects.select_for_update().get(pk=today.enrollment.pk)
        again = locked.sessions.filter(applied_at=None, workout__ended_at=None, workout__deleted_at=None)
        if (pending := again.select_related("workout").first()) is not None:
            return pending.workout
        workout, _ = create_workout(
            user=user,
            title=f"{today.program.name}: {today.plan.day_name}",
            source=Workout.Source.PROGRAM,
            source_ref=f"{today.enrollment.program.slug}/w{today.plan.week + 1}d{today.plan.day + 1}",
        )
        groups: dict[str, int] = {}
        slots: dict[str, int] = {}
        for position, target in enumerate(today.plan.slots):
            exercise = exercises.get(target.slot.exercise)
            if exercise is None:
                continue  # an exercise missing from this server's library: skipped, the rest still works
            group = None
            if target.slot.superset:
                group = groups.setdefault(target.slot.superset, len(groups) + 1)
            block = WorkoutExercise.objects.create(
                owner=user,
                workout=workout,
                exercise=exercise,
                position=position,
                superset_group=group,
                rest_s=target.slot.rest_s,
                notes=target.slot.notes,
            )
            slots[str(block.pk)] = target.index
            rows = []
            for index, planned in enumerate(target.sets):
                change = overrides.get((target.index, index))
                load = change.load_kg if change and change.load_kg is not None else _decimal(planned.load_kg)
                reps = change.reps if change and change.reps is not None else planned.reps
                rows.append(
                    WorkoutSet(
                        owner=user,
                        workout=workout,
                        workout_exercise=block,
                        exercise=exercise,
                        client_id=uuid.uuid4(),
                        position=index,
                        kind=SetKind.AMRAP if planned.amrap else SetKind.WORKING,
                        load_kg=load,
                        reps=None if planned.seconds else reps,
                        duration_s=planned.seconds,
                        completed=False,
                    )
                )
            WorkoutSet.objects.bulk_create(rows)
        ProgramSession.objects.create(
            enrollment=today.enrollment,
            workout=workout,
            week=today.plan.week,
            day=today.plan.day,
            cycle=today.plan.cycle,
            slots=slots,
        )
    return workout


def _decimal(load_kg: float | None) -> Decimal | None:
    return None if load_kg is None else Decimal(str(load_kg)).quantize(LOAD_KG_PLACES)
