"""A coach gives a client a program: a built-in one, one of the coach's own, or edited program text.

Writes go through the programs app's `assign_program` (it copies the program to the client and starts
it, recording the coach as `assigned_by`). Also the "missed planned sessions" flag for the coach home.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count

from liftwell.core.coaching import MISSED_WINDOW_DAYS, missed_sessions
from liftwell.core.programs.reader import ProgramFormatError
from liftwell.data.program_text import parse_program
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


def missed_planned_by_client(today_by_client: Mapping[int, date]) -> dict[int, Missed]:
    """Sessions of each client's active program done in the last 14 days (or since it started) against
    its plan, keyed by client id: two queries whatever the number of clients, each client's window ending
    on their own `today`. Clients without an active program are absent."""
    if not today_by_client:
        return {}
    enrollments: dict[int, Enrollment] = {}
    # The lowest id first, as `active_enrollment` (at most one is active anyway).
    active = Enrollment.objects.filter(user_id__in=today_by_client, active=True).select_related("program")
    for enrollment in active.order_by("user_id", "pk"):
        enrollments.setdefault(enrollment.user_id, enrollment)
    if not enrollments:
        return {}
    windows: dict[int, tuple[date, date]] = {}
    for client_id, enrollment in enrollments.items():
        today = today_by_client[client_id]
        windows[enrollment.pk] = (
            max(today - timedelta(days=MISSED_WINDOW_DAYS - 1), enrollment.started_at.date()),
            today,
        )
    done: Counter[int] = Counter()
    sessions = (
        ProgramSession.objects.filter(
            enrollment_id__in=windows,
            workout__deleted_at=None,
            workout__local_date__gte=min(first for first, _ in windows.values()),
            workout__local_date__lte=max(last for _, last in windows.values()),
        )
        .values_list("enrollment_id", "workout__local_date")
        .annotate(n=Count("id"))
        .order_by()
    )
    for enrollment_id, day, n in sessions:
        first, last = windows[enrollment_id]
        if first <= day <= last:
            done[enrollment_id] += n
    days_per_week: dict[str, int] = {}  # parsed once per program text
    missed: dict[int, Missed] = {}
    for client_id, enrollment in enrollments.items():
        source = enrollment.program.source
        if source not in days_per_week:
            days_per_week[source] = len(parse_program(source).weeks[0].days)
        first, last = windows[enrollment.pk]
        days = (last - first).days + 1
        planned = days_per_week[source]
        count = done[enrollment.pk]
        missed[client_id] = Missed(
            enrollment.program.name, planned, count, missed_sessions(planned, count, days), days
        )
    return missed
