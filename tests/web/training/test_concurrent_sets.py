"""The same set sent by several requests at once is stored once: the unique constraint settles races."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connections

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.models import WorkoutSet
from liftwell.web.training.services import create_workout
from tests.conftest import ApiClient

THREADS = 8


@pytest.mark.django_db(transaction=True)
def test_eight_simultaneous_creates_of_one_set_store_it_once(owner: User, bench: Exercise) -> None:
    workout, _ = create_workout(user=owner)
    clients = [ApiClient(owner) for _ in range(THREADS)]
    client_ids = [str(uuid.uuid4()) for _ in range(5)]
    statuses: list[int] = []
    conflicts: list[str] = []
    barrier = threading.Barrier(THREADS)

    def send(api: ApiClient) -> None:
        try:
            for client_id in client_ids:
                barrier.wait()
                body = {"client_id": client_id, "exercise_id": bench.pk, "load_kg": "80", "reps": 8}
                response = api.post(f"/api/v1/workouts/{workout.pk}/sets", body)
                statuses.append(response.status_code)
                if response.status_code != 200 and response.status_code != 201:
                    conflicts.append(response.content.decode())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(api,)) for api in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(set(statuses)) == [200, 201], conflicts
    assert statuses.count(201) == len(client_ids)
    assert WorkoutSet.objects.filter(workout=workout).count() == len(client_ids)
