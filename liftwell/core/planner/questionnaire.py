"""The plan questionnaire: what a person wants, has and must look after, as one validated value."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from liftwell.core.vocabulary import Equipment, Pattern

MIN_DAYS, MAX_DAYS = 1, 6
MIN_MINUTES, MAX_MINUTES = 20, 120
MIN_AGE, MAX_AGE = 18, 100


class Goal(StrEnum):
    """The benefit areas of the seed article "Why resistance training?"."""

    STRENGTH_MUSCLE = "strength_muscle"
    BONE = "bone"
    BODY_COMPOSITION = "body_composition"
    BLOOD_SUGAR = "blood_sugar"
    BLOOD_PRESSURE = "blood_pressure"
    DAILY_FUNCTION = "daily_function"
    BACK_PAIN = "back_pain"
    SPORT = "sport"
    HEALTHY_AGEING = "healthy_ageing"
    MOOD_SLEEP = "mood_sleep"

    @property
    def label(self) -> str:
        return GOAL_LABELS[self]


GOAL_LABELS: dict[Goal, str] = {
    Goal.STRENGTH_MUSCLE: "Strength and muscle",
    Goal.BONE: "Stronger bones",
    Goal.BODY_COMPOSITION: "Body composition",
    Goal.BLOOD_SUGAR: "Blood sugar",
    Goal.BLOOD_PRESSURE: "Blood pressure",
    Goal.DAILY_FUNCTION: "Everyday strength",
    Goal.BACK_PAIN: "Back pain",
    Goal.SPORT: "Sport and power",
    Goal.HEALTHY_AGEING: "Healthy ageing",
    Goal.MOOD_SLEEP: "Mood and sleep",
}


class Experience(StrEnum):
    """Training status as ACSM 2009 defines it (Ratamess et al., docs/science.md §1.2)."""

    NEW = "new"  # untrained, or not trained for several years
    INTERMEDIATE = "intermediate"  # about 6 months of consistent training
    EXPERIENCED = "experienced"  # years of training

    @property
    def label(self) -> str:
        return EXPERIENCE_LABELS[self]


EXPERIENCE_LABELS: dict[Experience, str] = {
    Experience.NEW: "New, or not for several years",
    Experience.INTERMEDIATE: "About six months of regular training",
    Experience.EXPERIENCED: "Years of regular training",
}


class Condition(StrEnum):
    HYPERTENSION = "hypertension"
    TYPE_2_DIABETES = "type_2_diabetes"
    OSTEOPOROSIS = "osteoporosis"
    LOW_BACK_PAIN = "low_back_pain"
    PREGNANCY = "pregnancy"

    @property
    def label(self) -> str:
        return CONDITION_LABELS[self]


CONDITION_LABELS: dict[Condition, str] = {
    Condition.HYPERTENSION: "High blood pressure",
    Condition.TYPE_2_DIABETES: "Type 2 diabetes",
    Condition.OSTEOPOROSIS: "Osteoporosis or low bone density",
    Condition.LOW_BACK_PAIN: "Low back pain",
    Condition.PREGNANCY: "Pregnancy",
}


class QuestionnaireError(ValueError):
    """An answer is out of range; the message names the field."""


@dataclass(frozen=True)
class Questionnaire:
    """The answers. Body weight is always available, so `equipment` need not list it."""

    goals: frozenset[Goal]
    days_per_week: int
    minutes_per_session: int
    equipment: frozenset[Equipment]
    experience: Experience
    age: int
    conditions: frozenset[Condition] = field(default_factory=frozenset)
    avoid_patterns: frozenset[Pattern] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not MIN_DAYS <= self.days_per_week <= MAX_DAYS:
            raise QuestionnaireError(
                f"days_per_week: must be {MIN_DAYS} to {MAX_DAYS}, got {self.days_per_week}"
            )
        if not MIN_MINUTES <= self.minutes_per_session <= MAX_MINUTES:
            raise QuestionnaireError(
                f"minutes_per_session: must be {MIN_MINUTES} to {MAX_MINUTES}, got {self.minutes_per_session}"
            )
        if not MIN_AGE <= self.age <= MAX_AGE:
            raise QuestionnaireError(
                f"age: the planner is for adults aged {MIN_AGE} to {MAX_AGE}, got {self.age}"
            )

    @property
    def usable_equipment(self) -> frozenset[Equipment]:
        return self.equipment | {Equipment.BODYWEIGHT}

    @property
    def careful(self) -> bool:
        """Moderate effort only: high blood pressure or pregnancy (no maximal efforts, no breath-holding)."""
        return bool(self.conditions & {Condition.HYPERTENSION, Condition.PREGNANCY})
