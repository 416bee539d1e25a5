"""Screening and plan services: the only write paths for `Screening` and for saving a generated plan.

The plan is generated from the shipped exercise library by `liftwell.core.planner` (deterministic), so
"Use this plan" regenerates it from the same answers rather than trusting a plan sent back by the browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from liftwell.core.exercise_library import ExerciseSpec, load_shipped_library
from liftwell.core.planner import Plan, Questionnaire, generate_plan
from liftwell.core.screening import ScreeningResult, assess
from liftwell.web.accounts.models import User
from liftwell.web.planning.models import Screening
from liftwell.web.programs.models import Enrollment
from liftwell.web.programs.services import assign_program


@lru_cache(maxsize=1)
def _library() -> tuple[ExerciseSpec, ...]:
    return tuple(load_shipped_library())


def record_screening(
    *,
    user: User,
    answers: Mapping[str, bool],
    pregnant: bool,
    age: int | None,
    now: datetime | None = None,
) -> Screening:
    """Keep one set of screening answers, dated; raises ScreeningError if they are not complete."""
    result = assess(answers, age=age, pregnant=pregnant)
    return Screening.objects.create(
        owner=user,
        answered_at=now or timezone.now(),
        answers=dict(answers),
        pregnant=pregnant,
        age=age,
        outcome=result.outcome.value,
    )


def latest_screening_for(user: User) -> Screening | None:
    return Screening.objects.filter(owner=user).first()


def get_screening_for_user(user: User, pk: int) -> Screening:
    try:
        return Screening.objects.get(owner=user, pk=pk)
    except Screening.DoesNotExist:
        raise Http404("No such screening.") from None


def screening_result(screening: Screening) -> ScreeningResult:
    return assess(screening.answers, age=screening.age, pregnant=screening.pregnant)


def build_plan(*, questionnaire: Questionnaire) -> Plan:
    """The plan for these answers; raises PlanError when none fits."""
    return generate_plan(questionnaire, _library())


def screening_note(screening: Screening) -> str:
    """The screening advice, dated, as it is kept in a saved plan's notes."""
    result = screening_result(screening)
    parts = [
        f"Screening of {screening.answered_at:%d %b %Y}: {result.headline}.",
        result.advice,
        *result.notes,
    ]
    if result.triggered:
        parts.append("You answered yes to: " + " ".join(q.text for q in result.triggered))
    return " ".join(parts)


def use_plan(*, user: User, questionnaire: Questionnaire) -> Enrollment:
    """Generate the plan, keep it as the person's own program with the screening advice in its notes,
    and make it their active program. Raises PlanError when no plan fits."""
    plan = build_plan(questionnaire=questionnaire)
    screening = latest_screening_for(user)
    program = plan.program
    if screening is not None:
        program = replace(program, notes=f"{screening_note(screening)} {program.notes}".strip())
    with transaction.atomic():
        return assign_program(user=user, program=program)
