"""The programs section: the person's programs (their text), their enrolments with the progression
state, and which workouts were program sessions.

Programs are named by their slug (unique per person), enrolments by program and start time, and
sessions by their workout's `client_id`, so a restore adds each once. A session's slot map names
the workout's exercises by their `client_id` in the backup (ids differ between instances). Who
assigned a program (a coach's account) is not part of a backup.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db import models

from liftwell.web.accounts.models import User
from liftwell.web.imports.backup.base import BackupError, Counts, from_json, rows_of, to_json
from liftwell.web.imports.backup.refs import ExerciseRefs
from liftwell.web.programs.models import Enrollment, ProgramSession, UserProgram
from liftwell.web.training.models import Workout, WorkoutExercise

NOT_COPIED = {"id", "owner", "user", "created_at", "updated_at"}


@functools.cache
def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if f.name not in NOT_COPIED and not f.is_relation]


def _row(item: models.Model) -> dict[str, Any]:
    return {field.name: to_json(getattr(item, field.attname)) for field in _fields(type(item))}


def _values(
    model: type[models.Model], row: dict[str, Any], *, skip: set[str] | None = None
) -> dict[str, Any]:
    values = {}
    for field in _fields(model):
        if field.name in row and field.name not in (skip or set()):
            value = from_json(field, row[field.name])
            field.clean(value, None)
            values[field.name] = value
    return values


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    programs = list(UserProgram.objects.filter(owner=user).order_by("slug"))
    block_ids = dict(
        WorkoutExercise.objects.filter(owner=user, deleted_at=None).values_list("id", "client_id")
    )
    sessions: dict[int, list[dict[str, Any]]] = {}
    for session in (
        ProgramSession.objects.filter(enrollment__user=user, workout__deleted_at=None)
        .select_related("workout")
        .order_by("workout__started_at", "id")
    ):
        row = _row(session)
        row["workout"] = str(session.workout.client_id)
        row["slots"] = {
            str(block_ids[int(key)]): slot
            for key, slot in sorted(session.slots.items(), key=lambda item: item[1])
            if key.isdigit() and int(key) in block_ids
        }
        sessions.setdefault(session.enrollment_id, []).append(row)
    enrollments = []
    for enrollment in (
        Enrollment.objects.filter(user=user).select_related("program").order_by("started_at", "id")
    ):
        row = _row(enrollment)
        row.update(program=enrollment.program.slug, sessions=sessions.get(enrollment.pk, []))
        enrollments.append(row)
    return {"programs": [_row(program) for program in programs], "enrollments": enrollments}


def _load_programs(user: User, rows: list[dict[str, Any]]) -> tuple[dict[str, UserProgram], tuple[int, int]]:
    by_slug = {program.slug: program for program in UserProgram.objects.filter(owner=user)}
    added = present = 0
    for row in rows:
        values = _values(UserProgram, row)
        slug = values.get("slug")
        if not slug:
            raise BackupError("a program in the backup has no slug")
        if slug in by_slug:
            present += 1
            continue
        program = UserProgram(owner=user, **values)
        program.full_clean(exclude=["owner"])
        program.save()
        by_slug[slug] = program
        added += 1
    return by_slug, (added, present)


def _load_sessions(user: User, enrollment: Enrollment, rows: list[dict[str, Any]]) -> tuple[int, int]:
    added = present = 0
    for row in rows:
        workout = Workout.objects.filter(owner=user, client_id=str(row.get("workout"))).first()
        if workout is None:
            raise BackupError(
                f"a program session names the workout {row.get('workout')}, which is not in the backup"
            )
        if ProgramSession.objects.filter(workout=workout).exists():
            present += 1
            continue
        slots = row.get("slots") or {}
        if not isinstance(slots, dict):
            raise BackupError("a program session's slots are not an object")
        block_ids = dict(
            WorkoutExercise.objects.filter(
                owner=user, workout=workout, client_id__in=list(slots)
            ).values_list("client_id", "id")
        )
        values = _values(ProgramSession, row, skip={"slots"})
        values["slots"] = {
            str(block_ids[key]): slot
            for key, slot in ((_uuid(k), v) for k, v in slots.items())
            if key in block_ids
        }
        ProgramSession.objects.create(enrollment=enrollment, workout=workout, **values)
        added += 1
    return added, present


def _uuid(text: str) -> Any:
    import uuid

    try:
        return uuid.UUID(text)
    except ValueError:
        raise BackupError(f"a program session's slot names {text!r}, not a workout exercise") from None


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    programs, program_counts = _load_programs(user, rows_of(data, "programs"))
    added = present = 0
    session_counts = [0, 0]
    for row in rows_of(data, "enrollments"):
        program = programs.get(str(row.get("program")))
        if program is None:
            raise BackupError(
                f"an enrolment names the program '{row.get('program')}', which is not in the backup"
            )
        values = _values(Enrollment, row)
        started = values.pop("started_at", None)
        enrollment = Enrollment.objects.filter(user=user, program=program, started_at=started).first()
        if enrollment is None:
            if values.get("active") and Enrollment.objects.filter(user=user, active=True).exists():
                values["active"] = False  # the program they follow now stays the active one
            enrollment = Enrollment.objects.create(user=user, program=program, **values)
            if started is not None:  # started_at is set on creation; keep the backup's
                Enrollment.objects.filter(pk=enrollment.pk).update(started_at=started)
            added += 1
        else:
            present += 1
        done = _load_sessions(user, enrollment, rows_of(row, "sessions"))
        session_counts[0] += done[0]
        session_counts[1] += done[1]
    return {
        "programs": program_counts,
        "enrollments": (added, present),
        "sessions": (session_counts[0], session_counts[1]),
    }
