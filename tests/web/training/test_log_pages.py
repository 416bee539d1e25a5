"""The logging screen's server-rendered pages: /log/ and /log/<client_id>/."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.services import create_workout, log_set, update_workout


def test_it_renders_the_start_page(owner_client: Client) -> None:
    response = owner_client.get("/log/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Start an empty workout" in body
    assert 'name="csrf-token"' in body
    assert "liftwell/logging/start.js" in body
    assert "/log/00000000-0000-0000-0000-000000000000/" in body


def test_it_offers_to_resume_and_repeat(owner: User, owner_client: Client, bench: Exercise) -> None:
    done, _ = create_workout(
        user=owner, title="Push day", started_at=timezone.now() - timedelta(days=2), time_zone="UTC"
    )
    log_set(user=owner, workout=done, exercise_id=bench.pk, load_kg="100", reps=5, completed=True)
    update_workout(
        workout=done, changes={"ended_at": timezone.now() - timedelta(days=2) + timedelta(hours=1)}
    )
    open_now, _ = create_workout(user=owner, title="Still going")
    stale, _ = create_workout(
        user=owner, title="Forgotten", started_at=timezone.now() - timedelta(days=3), time_zone="UTC"
    )

    body = owner_client.get("/log/").content.decode()

    assert f'href="/log/{open_now.client_id}/"' in body
    assert f'href="/log/{stale.client_id}/"' not in body  # older than a day: only offered to repeat
    assert f'data-repeat-of="{done.client_id}"' in body
    assert bench.name in body


def test_it_renders_the_screen_for_the_owner(owner: User, owner_client: Client) -> None:
    workout, _ = create_workout(user=owner, title="Legs")
    response = owner_client.get(f"/log/{workout.client_id}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f'data-workout="{workout.client_id}"' in body
    assert 'data-unit="kg"' in body
    assert 'data-api-base="/api/v1/"' in body
    assert "liftwell/logging/screen.js" in body
    assert "<script>" not in body  # the CSP forbids inline scripts


def test_it_refuses_someone_elses_workout(owner: User, stranger: User) -> None:
    workout, _ = create_workout(user=owner)
    client = Client()
    client.force_login(stranger)
    assert client.get(f"/log/{workout.client_id}/").status_code == 404


def test_it_refuses_an_unknown_workout(owner_client: Client) -> None:
    assert owner_client.get(f"/log/{uuid.uuid4()}/").status_code == 404


def test_it_sends_anonymous_people_to_log_in(owner: User) -> None:
    workout, _ = create_workout(user=owner)
    for path in ("/log/", f"/log/{workout.client_id}/"):
        response = Client().get(path)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
