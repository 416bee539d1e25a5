"""The training section: every live workout with its exercises and sets (deleted ones are left out).

Rows are named by their `client_id`, so restoring adds only the workouts, exercises and sets not yet
in the account (a deleted one there stays deleted). The fields written are the models' own, so a field
added to a training model later is backed up without a change here.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from typing import Any

from django.db import models

from liftwell.web.accounts.models import User
from liftwell.web.imports.backup.base import BackupError, Counts, from_json, rows_of, to_json
from liftwell.web.imports.backup.refs import ExerciseRefs
from liftwell.web.training.bulk import insert_rows
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

# Identity, ownership and bookkeeping; the links are given by nesting and `exercise`.
NOT_COPIED = {
    "id",
    "owner",
    "workout",
    "workout_exercise",
    "exercise",
    "created_at",
    "updated_at",
    "deleted_at",
}
CHUNK = 500


@functools.cache
def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in NOT_COPIED and not field.is_relation
    ]


def _dump_rows(model: type[models.Model], rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    names = [field.attname for field in _fields(model)]
    for row in rows:
        yield {name: to_json(row[name]) for name in names}


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    live = {"owner": user, "deleted_at": None}
    workouts = list(
        Workout.objects.filter(**live).order_by("started_at", "id").values("id", *_attnames(Workout))
    )
    blocks = list(
        WorkoutExercise.objects.filter(**live, workout__deleted_at=None)
        .order_by("position", "id")
        .values("id", "workout_id", "exercise_id", *_attnames(WorkoutExercise))
    )
    sets_by_block: dict[int, list[dict[str, Any]]] = {}
    for item in (
        WorkoutSet.objects.filter(**live, workout__deleted_at=None, workout_exercise__deleted_at=None)
        .order_by("position", "id")
        .values("workout_exercise_id", *_attnames(WorkoutSet))
        .iterator(chunk_size=2000)
    ):
        sets_by_block.setdefault(item["workout_exercise_id"], []).append(item)
    names = refs.names_for({block["exercise_id"] for block in blocks})
    blocks_by_workout: dict[int, list[dict[str, Any]]] = {}
    for block in blocks:
        row = next(iter(_dump_rows(WorkoutExercise, [block])))
        row["exercise"] = names[block["exercise_id"]]
        row["sets"] = list(_dump_rows(WorkoutSet, sets_by_block.get(block["id"], [])))
        blocks_by_workout.setdefault(block["workout_id"], []).append(row)
    result = []
    for workout in workouts:
        row = next(iter(_dump_rows(Workout, [workout])))
        row["exercises"] = blocks_by_workout.get(workout["id"], [])
        result.append(row)
    return {"workouts": result}


def _attnames(model: type[models.Model]) -> list[str]:
    return [field.attname for field in _fields(model)]


class _Values:
    """Rows' values in `_fields(model)` order, checked as the models' own fields check them.

    Values repeat (kinds, reps, loads, zones): each distinct one is converted and checked once.
    """

    def __init__(self) -> None:
        self._seen: dict[tuple[str, type, Any], Any] = {}

    def __call__(self, model: type[models.Model], row: dict[str, Any], client_id: uuid.UUID) -> list[Any]:
        values: list[Any] = []
        for field in _fields(model):
            if field.attname == "client_id":  # already parsed, and unique: nothing to reuse
                values.append(client_id)
                continue
            if field.attname not in row:  # a field newer than the backup
                values.append(field.get_default())
                continue
            raw = row[field.attname]
            key = (f"{model.__name__}.{field.attname}", type(raw), raw if _hashable(raw) else id(raw))
            if key not in self._seen:
                value = from_json(field, raw)
                field.clean(value, None)
                self._seen[key] = value
            values.append(self._seen[key])
        return values


def _hashable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None


def _existing(model: type[models.Model], user: User, client_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    found: dict[uuid.UUID, int] = {}
    for start in range(0, len(client_ids), CHUNK):
        chunk = client_ids[start : start + CHUNK]
        found.update(model.objects.filter(owner=user, client_id__in=chunk).values_list("client_id", "id"))  # type: ignore[attr-defined]
    return found


def _client_id(row: dict[str, Any]) -> uuid.UUID:
    try:
        return uuid.UUID(str(row["client_id"]))
    except (KeyError, ValueError):
        raise BackupError(f"a row of the backup has no valid client_id: {str(row)[:120]}") from None


def _insert(model: type[models.Model], user: User, links: list[str], rows: list[list[Any]]) -> None:
    insert_rows(model, ["owner_id", *links, *_attnames(model)], ([user.pk, *row] for row in rows))


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    values = _Values()
    # (client_id, row, parent client_id) for each level; each client id is parsed once.
    workouts = [(_client_id(row), row, None) for row in rows_of(data, "workouts")]
    blocks = [(_client_id(b), b, w_id) for w_id, w, _ in workouts for b in rows_of(w, "exercises")]
    sets = [(_client_id(s), s, b_id) for b_id, b, _ in blocks for s in rows_of(b, "sets")]
    counts: Counts = {}

    workout_ids = _existing(Workout, user, [cid for cid, _, _ in workouts])
    new = [(cid, row) for cid, row, _ in workouts if cid not in workout_ids]
    _insert(Workout, user, [], [values(Workout, row, cid) for cid, row in new])
    workout_ids.update(_existing(Workout, user, [cid for cid, _ in new]))
    counts["workouts"] = (len(new), len(workouts) - len(new))

    block_ids = _existing(WorkoutExercise, user, [cid for cid, _, _ in blocks])
    # The workout and the exercise of every block, for its sets.
    block_links = {cid: (workout_ids[w_id], refs.id_of(b.get("exercise"))) for cid, b, w_id in blocks}
    new_blocks = [(cid, b) for cid, b, _ in blocks if cid not in block_ids]
    _insert(
        WorkoutExercise,
        user,
        ["workout_id", "exercise_id"],
        [[*block_links[cid], *values(WorkoutExercise, b, cid)] for cid, b in new_blocks],
    )
    block_ids.update(_existing(WorkoutExercise, user, [cid for cid, _ in new_blocks]))
    counts["exercises"] = (len(new_blocks), len(blocks) - len(new_blocks))

    set_ids = _existing(WorkoutSet, user, [cid for cid, _, _ in sets])
    new_sets = [(cid, item, b_id) for cid, item, b_id in sets if cid not in set_ids]
    _insert(
        WorkoutSet,
        user,
        ["workout_id", "workout_exercise_id", "exercise_id"],
        [
            [block_links[b_id][0], block_ids[b_id], block_links[b_id][1], *values(WorkoutSet, item, cid)]
            for cid, item, b_id in new_sets
        ],
    )
    counts["sets"] = (len(new_sets), len(sets) - len(new_sets))
    return counts
