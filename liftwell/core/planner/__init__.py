"""The plan generator: a short questionnaire in, a personal weekly `Program` with reasons out.

`generate_plan(questionnaire, library)` is deterministic. Every plan of 2 or more days works every major
muscle group (`liftwell.core.adherence.MajorGroup`) as a primary mover on at least 2 days a week, fits
each session into the minutes given (estimate in `timing`), uses only the equipment given (plus body
weight), none of the movement patterns to avoid and no exercise with a movement feature the person's
conditions exclude (`catalogue.CONDITION_EXCLUSIONS`): it checks every exercise against the filter before
returning, and raises `UnsafePlanError` (a bug) rather than return one that fails; see `generate` for the
steps.
"""

from liftwell.core.planner.generate import (
    Plan,
    PlanError,
    PlannedDay,
    PlannedExercise,
    UnsafePlanError,
    generate_plan,
)
from liftwell.core.planner.questionnaire import (
    Condition,
    Experience,
    Goal,
    Questionnaire,
    QuestionnaireError,
)

__all__ = [
    "Condition",
    "Experience",
    "Goal",
    "Plan",
    "PlanError",
    "PlannedDay",
    "PlannedExercise",
    "Questionnaire",
    "QuestionnaireError",
    "UnsafePlanError",
    "generate_plan",
]
