from __future__ import annotations

import uuid
from typing import Any

import pytest

from liftwell.web.exercises.models import Exercise
from tests.conftest import ApiClient


@pytest.fixture
def bench(library: None) -> Exercise:
    return Exercise.objects.get(owner=None, search_text__startswith="bench press barbell")


@pytest.fixture
def squat(library: None) -> Exercise:
    return Exercise.objects.get(owner=None, search_text__startswith="squat barbell")


def new_workout(api: ApiClient, **fields: Any) -> dict[str, Any]:
    response = api.post("/api/v1/workouts", {"client_id": str(uuid.uuid4()), **fields})
    assert response.status_code == 201, response.content
    return response.json()


def set_body(exercise: Exercise, **fields: Any) -> dict[str, Any]:
    return {"client_id": str(uuid.uuid4()), "exercise_id": exercise.pk, "load_kg": "100", "reps": 5, **fields}
