"""Screening and plan services: the only write paths for `Screening` (answers and clearance) and for
saving a generated plan.

The plan is generated from the shipped exercise library by `liftwell.core.planner` (deterministic), so
"Use this plan" regenerates it from the same answers rather than trusting a plan sent back by the browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from django.db import transaction
from django.http import Http404
from django.utils import timezone

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner import Plan, Questionnaire, generate_plan
from liftwell.core.screening import ScreeningResult, assess, check_clearance
from liftwell.data.loaders import load_shipped_library
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


def screened_on(screening: Screening) -> date:
    """The day the answers were given, in the person's time zone (the earliest a clearance can be)."""
    return timezone.localdate(screening.answered_at)


@dataclass(frozen=True)
class ScreeningStatus:
    """What the plan pages and Today show: the latest answers, their advice, and whether it was cleared."""

    screening: Screening
    result: ScreeningResult

    @property
    def cleared(self) -> bool:
        return self.result.needs_clearance and self.screening.cleared_on is not None

    @property
    def advice_on_show(self) -> bool:
        """The advice stays on show, on every visit, until a clearance is recorded."""
        return self.result.needs_clearance and self.screening.cleared_on is None

    @property
    def alert(self) -> bool:
        """The advice on show asks the person not to train on their own yet ("see a doctor before
        training", "train only under supervision"): pages show it as an alert."""
        return self.advice_on_show and self.result.outcome.alert


def screening_status(screening: Screening | None) -> ScreeningStatus | None:
    return None if screening is None else ScreeningStatus(screening, screening_result(screening))


def screening_status_for(user: User) -> ScreeningStatus | None:
    """The status of the person's latest answers; None when they have not answered yet."""
    return screening_status(latest_screening_for(user))


def record_clearance(
    *, screening: Screening, cleared_on: date, cleared_by: str = "", today: date | None = None
) -> Screening:
    """Record that a doctor or professional cleared the person for these answers (replacing an earlier
    record for the same answers). Raises ClearanceError for a date in the future, a date before the
    answers, or answers that need no clearance."""
    check_clearance(
        outcome=screening_result(screening).outcome,
        cleared_on=cleared_on,
        screened_on=screened_on(screening),
        today=today or timezone.localdate(),
    )
    with transaction.atomic():
        screening.cleared_on = cleared_on
        screening.cleared_by = cleared_by.strip()
        screening.save(update_fields=["cleared_on", "cleared_by"])
    return screening


def remove_clearance(*, screening: Screening) -> Screening:
    """Forget a clearance recorded by mistake: the advice is on show again."""
    with transaction.atomic():
        screening.cleared_on = None
        screening.cleared_by = ""
        screening.save(update_fields=["cleared_on", "cleared_by"])
    return screening


def build_plan(*, questionnaire: Questionnaire) -> Plan:
    """The plan for these answers; raises PlanError when none fits."""
    return generate_plan(questionnaire, _library())


def use_plan(*, user: User, questionnaire: Questionnaire) -> Enrollment:
    """Generate the plan, keep it as the person's own program and make it their active program. Raises
    PlanError when no plan fits. The screening advice is not copied into the plan's notes: the program
    page shows the live advice of the latest answers, which a clearance updates."""
    plan = build_plan(questionnaire=questionnaire)
    with transaction.atomic():
        return assign_program(user=user, program=plan.program)
