"""/api/v1/progress/...: one exercise's series and records, and weeks of hard sets per muscle with the
WHO guideline. Loads in kg; the numbers come from `liftwell.web.progress.services`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from liftwell.core.adherence import MajorGroup
from liftwell.core.series import Best
from liftwell.core.volume import Week, weeks_between
from liftwell.web.accounts.dates import local_today
from liftwell.web.api.auth import request_user
from liftwell.web.api.schemas import ErrorOut
from liftwell.web.exercises.services import get_exercise_for_user
from liftwell.web.progress import services
from liftwell.web.training.weeks import week_summaries

router = Router(tags=["progress"])

# The operation ids from when this router lived in the progress app, kept so generated clients keep the
# names of their functions (ninja derives an id from the module path otherwise).
OPERATION_PREFIX = "liftwell_web_progress_api_"

MAX_WEEKS = 157  # three years a request
DEFAULT_WEEKS = 12


class BestOut(Schema):
    value: Decimal
    date: date
    workout_id: int
    load_kg: Decimal | None
    reps: int | None


class RecordsOut(Schema):
    heaviest_kg: BestOut | None
    best_e1rm_kg: BestOut | None
    best_set_volume_kg: BestOut | None
    best_session_volume_kg: BestOut | None


class SessionOut(Schema):
    workout_id: int
    date: date
    top_load_kg: Decimal | None
    top_reps: int
    e1rm_kg: Decimal | None
    volume_kg: Decimal
    sets: int


class RepMaxOut(Schema):
    reps: int
    load_kg: Decimal
    date: date
    workout_id: int
    done_reps: int


class ExerciseProgressOut(Schema):
    exercise_id: int
    name: str
    sessions: list[SessionOut]
    records: RecordsOut
    rep_maxes: list[RepMaxOut]


def _best(best: Best | None) -> dict[str, Any] | None:
    if best is None:
        return None
    return {
        "value": best.value,
        "date": best.day,
        "workout_id": best.session_id,
        "load_kg": best.load_kg,
        "reps": best.reps,
    }


@router.get(
    "/progress/exercises/{exercise_id}",
    response={200: ExerciseProgressOut, 404: ErrorOut},
    summary="One exercise over time: per-session e1RM, top set and volume, records, rep maxes",
    operation_id=f"{OPERATION_PREFIX}exercise_progress",
)
def exercise_progress(request: HttpRequest, exercise_id: int) -> dict[str, Any]:
    user = request_user(request)
    exercise = get_exercise_for_user(user, exercise_id)
    progress = services.exercise_progress(user, exercise)
    r = progress.records
    return {
        "exercise_id": exercise.pk,
        "name": exercise.name,
        "sessions": [
            {
                "workout_id": s.session_id,
                "date": s.day,
                "top_load_kg": s.top_load_kg,
                "top_reps": s.top_reps,
                "e1rm_kg": s.best_e1rm_kg,
                "volume_kg": s.volume_kg,
                "sets": s.sets,
            }
            for s in progress.sessions
        ],
        "records": {
            "heaviest_kg": _best(r.heaviest),
            "best_e1rm_kg": _best(r.best_e1rm),
            "best_set_volume_kg": _best(r.best_set_volume),
            "best_session_volume_kg": _best(r.best_session_volume),
        },
        "rep_maxes": [
            {"reps": reps, "load_kg": b.value, "date": b.day, "workout_id": b.session_id, "done_reps": b.reps}
            for reps, b in progress.rep_maxes.items()
        ],
    }


class WeekFilters(Schema):
    date_from: date | None = Field(
        None, alias="from", description="A day in the first week (default: 11 weeks ago)"
    )
    date_to: date | None = Field(None, alias="to", description="A day in the last week (default: today)")


class WeekOut(Schema):
    week: str
    monday: date
    training_days: list[date]
    hard_sets_per_muscle: dict[str, float]
    major_groups_worked: list[MajorGroup]
    major_groups_missing: list[MajorGroup]
    guideline_met: bool


class ShareOut(Schema):
    met: int
    weeks: int


class WeeksOut(Schema):
    weeks: list[WeekOut]
    current_streak_weeks: int
    last_12_months: ShareOut


@router.get(
    "/progress/weeks",
    response={200: WeeksOut, 422: ErrorOut},
    summary="Hard sets per muscle and the WHO guideline, per ISO week, oldest first",
    operation_id=f"{OPERATION_PREFIX}weeks",
)
def weeks(request: HttpRequest, filters: Query[WeekFilters]) -> dict[str, Any]:
    user = request_user(request)
    today = local_today(user)
    last = Week.of(filters.date_to or today)
    first = Week.of(filters.date_from) if filters.date_from else last.shifted(-(DEFAULT_WEEKS - 1))
    if first > last:
        raise HttpError(422, "from: must be on or before to")
    if len(weeks_between(first, last)) > MAX_WEEKS:
        raise HttpError(422, f"from: at most {MAX_WEEKS} weeks a request")
    summaries = week_summaries(user, first, last)
    guideline = services.guideline(user, today)
    return {
        "weeks": [
            {
                "week": str(s.week),
                "monday": s.week.monday,
                "training_days": s.days,
                "hard_sets_per_muscle": {m.value: sets for m, sets in s.muscle_sets.items()},
                "major_groups_worked": [g for g in MajorGroup if g in s.adherence.groups],
                "major_groups_missing": s.adherence.missing_groups,
                "guideline_met": s.adherence.met,
            }
            for s in summaries
        ],
        "current_streak_weeks": guideline.streak,
        "last_12_months": {"met": guideline.share.met, "weeks": guideline.share.weeks},
    }
