"""The one bulk writer (`training/bulk.py`): its column lists match the models, rows get the models'
defaults, `skip_existing` makes a rewrite add only what is missing, a broken constraint is Django's
IntegrityError on both databases (executemany on SQLite, COPY on PostgreSQL), and synthetic workouts
land with their exercises and sets linked."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, models, transaction

from liftwell.core.synthetic import SyntheticBlock, SyntheticSet, SyntheticWorkout
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.bulk import (
    BLOCK_COLUMNS,
    SET_COLUMNS,
    WORKOUT_COLUMNS,
    insert_rows,
    write_workouts,
)
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

pytestmark = pytest.mark.django_db
STARTED = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("model", "columns"),
    [(Workout, WORKOUT_COLUMNS), (WorkoutExercise, BLOCK_COLUMNS), (WorkoutSet, SET_COLUMNS)],
)
def test_each_column_list_names_the_models_fields_and_leaves_out_only_what_fills_itself(
    model: type[models.Model], columns: tuple[str, ...]
) -> None:
    fields = {f.attname: f for f in model._meta.concrete_fields}
    assert set(columns) <= set(fields) and len(set(columns)) == len(columns)
    # In the model's order, so a row reads like the model.
    assert list(columns) == [name for name in fields if name in columns]
    for name, field in fields.items():
        if name not in columns:
            fills_itself = field.primary_key or field.null or field.has_default()
            assert (
                fills_itself or getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            ), name


def _workout_row(owner: User, client_id: uuid.UUID, title: str = "Legs") -> tuple[object, ...]:
    return (owner.pk, client_id, title, "", STARTED, None, "UTC", STARTED.date(), "manual", "")


def test_it_writes_rows_with_the_models_defaults(owner: User) -> None:
    first, second = uuid.uuid4(), uuid.uuid4()
    with transaction.atomic():
        written = insert_rows(
            Workout, WORKOUT_COLUMNS, [_workout_row(owner, first), _workout_row(owner, second)]
        )
    assert written == 2
    workout = Workout.objects.get(owner=owner, client_id=first)
    assert (workout.title, workout.started_at, workout.deleted_at) == ("Legs", STARTED, None)
    assert (
        workout.created_at is not None and workout.created_at > STARTED
    )  # auto_now_add: the moment of writing


def test_given_stamps_are_kept(owner: User) -> None:
    client_id = uuid.uuid4()
    with transaction.atomic():
        insert_rows(
            Workout,
            (*WORKOUT_COLUMNS, "created_at", "updated_at"),
            [(*_workout_row(owner, client_id), STARTED, STARTED)],
        )
    workout = Workout.objects.get(owner=owner, client_id=client_id)
    assert (workout.created_at, workout.updated_at) == (STARTED, STARTED)


def test_skip_existing_adds_only_the_missing_rows(owner: User) -> None:
    kept, new = uuid.uuid4(), uuid.uuid4()
    with transaction.atomic():
        insert_rows(Workout, WORKOUT_COLUMNS, [_workout_row(owner, kept)])
    with transaction.atomic():
        rows = [_workout_row(owner, kept, title="Changed"), _workout_row(owner, new)]
        assert insert_rows(Workout, WORKOUT_COLUMNS, rows, skip_existing=True) == 1
    with transaction.atomic():
        assert insert_rows(Workout, WORKOUT_COLUMNS, rows, skip_existing=True) == 0
    assert Workout.objects.get(client_id=kept).title == "Legs"  # the row already there is left as it was
    assert Workout.objects.filter(owner=owner).count() == 2


def test_a_duplicate_without_skip_existing_is_an_integrity_error_and_writes_nothing(owner: User) -> None:
    taken = uuid.uuid4()
    with transaction.atomic():
        insert_rows(Workout, WORKOUT_COLUMNS, [_workout_row(owner, taken)])
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(Workout, WORKOUT_COLUMNS, [_workout_row(owner, uuid.uuid4()), _workout_row(owner, taken)])
    assert Workout.objects.filter(owner=owner).count() == 1


def _planned(day: int) -> SyntheticWorkout:
    started = STARTED + timedelta(days=day)
    workout_id = uuid.uuid4()
    sets = [
        SyntheticSet(uuid.uuid4(), 0, "warmup", started + timedelta(minutes=2), 60, Decimal("40"), 5),
        SyntheticSet(
            uuid.uuid4(), 1, "working", started + timedelta(minutes=5), 180, Decimal("80"), 5, Decimal("8")
        ),
    ]
    hold = [SyntheticSet(uuid.uuid4(), 0, "working", started + timedelta(minutes=9), 60, duration_s=45)]
    blocks = [
        SyntheticBlock(uuid.uuid4(), "barbell-back-squat", 0, 180, sets),
        SyntheticBlock(uuid.uuid4(), "plank", 1, None, hold),
    ]
    return SyntheticWorkout(
        workout_id, "Full body", started, started + timedelta(hours=1), started.date(), blocks
    )


def test_synthetic_workouts_land_linked_and_a_rewrite_adds_nothing(owner: User, library: None) -> None:
    ids = dict(
        Exercise.objects.filter(owner=None, slug__in=["barbell-back-squat", "plank"]).values_list(
            "slug", "pk"
        )
    )
    planned = [_planned(0), _planned(2)]
    with transaction.atomic():
        sets = write_workouts(
            owner_id=owner.pk, time_zone="Europe/Berlin", workouts=planned, exercise_ids=ids
        )
    assert sets == 6
    with transaction.atomic():
        again = write_workouts(
            owner_id=owner.pk,
            time_zone="Europe/Berlin",
            workouts=planned,
            exercise_ids=ids,
            skip_existing=True,
        )
    assert again == 0 and WorkoutSet.objects.filter(owner=owner).count() == 6
    workout = Workout.objects.get(owner=owner, client_id=planned[0].client_id)
    assert (workout.time_zone, workout.local_date, workout.source) == (
        "Europe/Berlin",
        date(2026, 3, 2),
        "manual",
    )
    working = WorkoutSet.objects.get(owner=owner, client_id=planned[0].blocks[0].sets[1].client_id)
    assert working.workout_id == workout.pk and working.workout_exercise.workout_id == workout.pk
    assert (working.exercise_id, working.load_kg, working.rpe, working.completed) == (
        ids["barbell-back-squat"],
        Decimal("80"),
        Decimal("8"),
        True,
    )
    plank = WorkoutSet.objects.get(owner=owner, client_id=planned[0].blocks[1].sets[0].client_id)
    assert (plank.duration_s, plank.load_kg, plank.workout_exercise.rest_s) == (45, None, None)
