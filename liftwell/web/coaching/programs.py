"""A coach gives a client a program: a built-in one, one of the coach's own, or edited program text.

Writes go through the programs app's `assign_program` (it copies the program to the client and starts
it, recording the coach as `assigned_by`). Also the "missed planned sessions" flag for the coach home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from liftwell.core.coaching import MISSED_WINDOW_DAYS, missed_sessions
from liftwell.core.programs.format import ProgramFormatError, parse_program
from liftwell.web.accounts.models import User
from liftwell.web.coaching.access import ClientAccess
from liftwell.web.programs.models import Enrollment, ProgramSession, UserProgram
from liftwell.web.programs.services import (
    active_enrollment,
    assign_program,
    builtin_programs,
    get_program_for_user,
    known_exercise_slugs,
    parsed,
)


class AssignError(ValueError):
    pass


def choices_for(coach: User) -> list[tuple[str, str]]:
    """(value, label): Liftwell's programs, then the coach's own."""
    builtin = [(f"builtin:{slug}", program.name) for slug, (program, _) in sorted(builtin_programs().items())]
    own = [(f"mine:{row.pk}", f"{row.name} (yours)") for row in UserProgram.objects.filter(owner=coach)]
    return builtin + own


def assign_choice(*, coach: User, access: ClientAccess, choice: str) -> Enrollment:
    kind, _, key = choice.partition(":")
    if kind == "builtin" and key in builtin_programs():
        program = builtin_programs()[key][0]
        return assign_program(user=access.client, program=program, assigned_by=coach)
    if kind == "mine" and key.isdigit():
        return assign_program(
            user=access.client, program=get_program_for_user(coach, int(key)), assigned_by=coach
        )
    raise AssignError("Choose a program from the list.")


def assign_text(*, coach: User, access: ClientAccess, text: str) -> Enrollment:
    """Program text the coach wrote or edited, checked against the client's exercises."""
    try:
        program = parse_program(text, known_exercises=known_exercise_slugs(access.client))
    except ProgramFormatError as error:
        raise AssignError(str(error)) from None
    return assign_program(user=access.client, program=program, assigned_by=coach)


@dataclass(frozen=True)
class CurrentProgram:
    enrollment: Enrollment
    days_per_week: int
    source: str


def current_program(access: ClientAccess) -> CurrentProgram | None:
    enrollment = active_enrollment(access.client)
    if enrollment is None:
        return None
    program = parsed(enrollment.program)
    return CurrentProgram(enrollment, len(program.weeks[0].days), enrollment.program.source)


@dataclass(frozen=True)
class Missed:
    program: str
    planned_per_week: int
    done: int
    missed: int
    days: int


def missed_planned(access: ClientAccess, today: date) -> Missed | None:
    """Sessions of the active program done in the last 14 days (or since it started) against its plan."""
    current = current_program(access)
    if current is None:
        return None
    started = current.enrollment.started_at.date()
    first = max(today - timedelta(days=MISSED_WINDOW_DAYS - 1), started)
    days = (today - first).days + 1
    done = ProgramSession.objects.filter(
        enrollment=current.enrollment,
        workout__deleted_at=None,
        workout__local_date__gte=first,
        workout__local_date__lte=today,
    ).count()
    missed = missed_sessions(current.days_per_week, done, days)
    return Missed(current.enrollment.program.name, current.days_per_week, done, missed, days)
