"""liftwell.web.training.sync without the API: a validated change in, an outcome (or a refusal) out."""

from __future__ import annotations

import uuid

import pytest

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training import services
from liftwell.web.training.errors import ClientIdConflict
from liftwell.web.training.sync import Change, InvalidChange, RowDeleted, apply_change


def _set_change(owner: User, bench: Exercise) -> Change:
    workout, _ = services.create_workout(user=owner, title="Plain values")
    client_id = uuid.uuid4()
    fields = {"client_id": client_id, "exercise_id": bench.pk, "workout_exercise_id": None, "reps": 5}
    change = Change(op="create", type="set", client_id=client_id, workout_id=str(workout.pk), values=fields)
    return change


def test_it_creates_once_and_replays_the_stored_row(owner: User, bench: Exercise) -> None:
    change = _set_change(owner, bench)
    first = apply_change(user=owner, change=change)
    again = apply_change(user=owner, change=change)
    assert (first.created, again.created) == (True, False)
    assert first.row is not None and again.row is not None and first.row.pk == again.row.pk


def test_a_replayed_create_in_another_workout_conflicts(owner: User, bench: Exercise) -> None:
    change = _set_change(owner, bench)
    apply_change(user=owner, change=change)
    other, _ = services.create_workout(user=owner, title="Another day")
    moved = Change(
        op="create", type="set", client_id=change.client_id, workout_id=str(other.pk), values=change.values
    )
    with pytest.raises(ClientIdConflict):
        apply_change(user=owner, change=moved)


@pytest.mark.parametrize(("deleted", "refusal"), [(False, InvalidChange), (True, RowDeleted)])
def test_an_update_is_refused_for_a_deleted_row_before_its_data(
    owner: User, bench: Exercise, deleted: bool, refusal: type[Exception]
) -> None:
    change = _set_change(owner, bench)
    apply_change(user=owner, change=change)
    if deleted:
        apply_change(user=owner, change=Change(op="delete", type="set", client_id=change.client_id))
    update = Change(op="update", type="set", client_id=change.client_id, invalid="data.reps: too many")
    with pytest.raises(refusal):
        apply_change(user=owner, change=update)


def test_a_delete_of_a_deleted_row_is_a_no_op(owner: User, bench: Exercise) -> None:
    change = _set_change(owner, bench)
    apply_change(user=owner, change=change)
    delete = Change(op="delete", type="set", client_id=change.client_id)
    assert apply_change(user=owner, change=delete).row is None
    assert apply_change(user=owner, change=delete).row is None
