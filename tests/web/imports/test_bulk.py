"""The fast paths of a big import: hashed ids, id look-ups and the SQLite page cache."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection, transaction

from liftwell.web.accounts.models import User
from liftwell.web.imports.services import IMPORT_NAMESPACE, import_file
from liftwell.web.training.bulk import roomy_page_cache, uuid5_hex
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet
from tests.web.imports.files import STRONG_CSV

pytestmark = pytest.mark.usefixtures("library")


def test_uuid5_hex_is_uuid5() -> None:
    namespace = uuid.UUID("6f1c1a0e-9b7e-4c8e-8d0a-2b3c4d5e6f70")
    for name in ["set 0", "block 12", "é ü", ""]:
        made = uuid.uuid5(namespace, name)
        assert uuid5_hex(namespace.bytes, name) == (made.bytes, made.hex)


def test_imported_rows_keep_the_ids_earlier_versions_gave_them(owner: User) -> None:
    # Re-importing a file imported before must match the same rows: the ids are part of the format.
    first = import_file(user=owner, data=STRONG_CSV, unit="lb", time_zone="UTC")
    workout_id = uuid.uuid5(IMPORT_NAMESPACE, "strong|2024-03-01 18:00:00|Legs")
    workout = Workout.objects.get(owner=owner, client_id=workout_id)
    block_id = uuid.uuid5(workout_id, "block 0")
    block = WorkoutExercise.objects.get(owner=owner, client_id=block_id, workout=workout)
    third = WorkoutSet.objects.get(owner=owner, client_id=uuid.uuid5(block_id, "set 2"))
    assert third.workout_exercise_id == block.pk and third.workout_id == workout.pk and third.reps == 3
    again = import_file(user=owner, data=STRONG_CSV, unit="lb", time_zone="UTC")
    assert first.new_sets == 5 and again.new_workouts == 0
    assert WorkoutSet.objects.filter(owner=owner).count() == 5


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a SQLite setting")
def test_the_page_cache_grows_for_the_write_and_shrinks_after(db: None) -> None:
    def cache_size() -> int:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            return int(cursor.fetchone()[0])

    with transaction.atomic():
        before = cache_size()
        with roomy_page_cache(WorkoutSet, mib=32):
            assert cache_size() == -32 * 1024
        assert cache_size() == before
