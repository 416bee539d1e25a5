"""/api/v1/exercises: search the library and add your own exercises."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import PageNumberPagination, paginate
from pydantic import field_validator

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.vocabulary import BenefitTag, Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
from liftwell.web.api.auth import request_user
from liftwell.web.api.schemas import ErrorOut
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import (
    DuplicateExerciseName,
    create_custom_exercise,
    get_exercise_for_user,
    search_exercises,
)

router = Router(tags=["exercises"])


class ExerciseOut(Schema):
    id: int
    slug: str
    name: str
    aliases: list[str]
    primary_muscles: list[Muscle]
    secondary_muscles: list[Muscle]
    equipment: Equipment
    pattern: Pattern
    mechanic: Mechanic
    laterality: Laterality
    measure: Measure
    benefits: list[BenefitTag]
    cues: list[str]
    custom: bool

    @staticmethod
    def resolve_primary_muscles(obj: Exercise) -> list[Muscle]:
        return obj.primary_muscle_list

    @staticmethod
    def resolve_secondary_muscles(obj: Exercise) -> list[Muscle]:
        return obj.secondary_muscle_list

    @staticmethod
    def resolve_benefits(obj: Exercise) -> list[BenefitTag]:
        return obj.benefit_list

    @staticmethod
    def resolve_custom(obj: Exercise) -> bool:
        return obj.owner_id is not None


class ExerciseFilters(Schema):
    search: str = Field("", max_length=100)
    muscle: Muscle | None = None
    equipment: Equipment | None = None
    pattern: Pattern | None = None


class ExerciseIn(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    aliases: list[str] = Field(default_factory=list, max_length=20)
    primary_muscles: list[Muscle] = Field(..., min_length=1, max_length=6)
    secondary_muscles: list[Muscle] = Field(default_factory=list, max_length=10)
    equipment: Equipment
    pattern: Pattern
    mechanic: Mechanic = Mechanic.COMPOUND
    laterality: Laterality = Laterality.BILATERAL
    measure: Measure = Measure.WEIGHT_REPS
    cues: list[str] = Field(default_factory=list, max_length=4)

    @field_validator("name")
    @classmethod
    def name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


@router.get("/exercises", response=list[ExerciseOut], summary="Search the exercise library")
@paginate(PageNumberPagination, page_size=50)
def list_exercises(request: HttpRequest, filters: Query[ExerciseFilters]):  # type: ignore[no-untyped-def]
    return search_exercises(
        request_user(request),
        search=filters.search,
        muscle=filters.muscle or "",
        equipment=filters.equipment or "",
        pattern=filters.pattern or "",
    )


@router.get("/exercises/{exercise_id}", response={200: ExerciseOut, 404: ErrorOut}, summary="One exercise")
def get_exercise(request: HttpRequest, exercise_id: int) -> Exercise:
    return get_exercise_for_user(request_user(request), exercise_id)


@router.post(
    "/exercises", response={201: ExerciseOut, 409: ErrorOut, 422: ErrorOut}, summary="Add your own exercise"
)
def create_exercise(request: HttpRequest, payload: ExerciseIn) -> Status[Any]:
    overlap = set(payload.primary_muscles) & set(payload.secondary_muscles)
    if overlap:
        raise HttpError(422, f"secondary_muscles: {', '.join(sorted(overlap))} is already a primary muscle")
    spec = ExerciseSpec(
        slug="",
        name=payload.name,
        aliases=tuple(alias.strip() for alias in payload.aliases if alias.strip()),
        primary_muscles=tuple(payload.primary_muscles),
        secondary_muscles=tuple(payload.secondary_muscles),
        equipment=payload.equipment,
        pattern=payload.pattern,
        mechanic=payload.mechanic,
        laterality=payload.laterality,
        measure=payload.measure,
        benefits=(),
        cues=tuple(payload.cues),
    )
    try:
        exercise = create_custom_exercise(user=request_user(request), spec=spec)
    except DuplicateExerciseName as error:
        raise HttpError(409, f"name: {error}") from None
    return Status(201, exercise)
