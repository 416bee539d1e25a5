"""Shared helpers for the planner tests: the shipped library, named equipment kits and a questionnaire
builder with everyday defaults."""

from __future__ import annotations

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner import Experience, Goal, Plan, Questionnaire
from liftwell.core.vocabulary import Equipment
from liftwell.data.loaders import load_shipped_library

LIBRARY = load_shipped_library()
BY_SLUG = {spec.slug: spec for spec in LIBRARY}

E = Equipment
# What people tend to have: nothing, a band, dumbbells, a home corner, a gym, and everything (including
# "other" kit such as a hand gripper).
KITS: dict[str, frozenset[Equipment]] = {
    "body weight": frozenset(),
    "band": frozenset({E.BAND}),
    "dumbbells": frozenset({E.DUMBBELL}),
    "home": frozenset({E.DUMBBELL, E.KETTLEBELL, E.BAND, E.STABILITY_BALL, E.MEDICINE_BALL}),
    "gym": frozenset(Equipment) - {E.OTHER},
    "everything": frozenset(Equipment),
}


def questionnaire(**changes: object) -> Questionnaire:
    answers: dict[str, object] = {
        "goals": frozenset({Goal.STRENGTH_MUSCLE}),
        "days_per_week": 3,
        "minutes_per_session": 45,
        "equipment": KITS["dumbbells"],
        "experience": Experience.NEW,
        "age": 40,
    }
    answers.update(changes)
    return Questionnaire(**answers)  # type: ignore[arg-type]


def planned_specs(plan: Plan) -> list[ExerciseSpec]:
    return [BY_SLUG[slot.exercise] for day in plan.program.weeks[0].days for slot in day.slots]
