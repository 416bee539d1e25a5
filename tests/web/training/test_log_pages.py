"""The logging screen's server-rendered pages: /log/ and /log/<client_id>/."""

from __future__ import annotations

import json
import re
import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from liftwell.core.plates import STANDARD_PLATE_SETS
from liftwell.core.training import SetKind
from liftwell.core.units import WeightUnit
from liftwell.web.accounts.gym import plate_set_json
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.training.services import create_workout, log_set, update_workout
from tests.conftest import make_user


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


def page_rules(body: str) -> dict[str, Any]:
    """What the page hands the logging module in its json_script block."""
    found = re.search(r'<script id="logging-rules" type="application/json">(.*?)</script>', body, re.S)
    assert found, "no #logging-rules in the page"
    rules: dict[str, Any] = json.loads(found.group(1))
    return rules


@pytest.mark.parametrize("unit", ["kg", "lb"])
def test_it_hands_the_screen_the_set_kinds_and_standard_plates(db: None, unit: str) -> None:
    # Both pages that render the screen: a workout's, and the offline shell the service worker keeps.
    person = make_user(f"lifter_{unit}", unit=unit)
    workout, _ = create_workout(user=person)
    client = Client()
    client.force_login(person)
    for path in (f"/log/{workout.client_id}/", "/log/shell/"):
        rules = page_rules(client.get(path).content.decode())
        assert [(k["value"], k["label"]) for k in rules["set_kinds"]] == [(k.value, k.label) for k in SetKind]
        tonnage = {k["value"]: k["tonnage"] for k in rules["set_kinds"]}
        assert tonnage == {"warmup": False, "working": True, "drop": True, "failure": True, "amrap": True}
        assert rules["warmup_kind"] == "warmup"
        assert rules["default_kind"] == "working"
        # The standard sets of docs/science.md §8, in the shape the profile stores and /api/v1/me answers.
        assert rules["plate_sets"]["kg"]["bar"] == "20"
        assert rules["plate_sets"]["lb"]["bar"] == "45"
        assert rules["plate_sets"][unit] == plate_set_json(unit, STANDARD_PLATE_SETS[WeightUnit(unit)])
        me = client.get("/api/v1/me").json()["plate_set"]
        assert [[float(w), n] for w, n in me["plates"]] == [
            [float(w), n] for w, n in rules["plate_sets"][unit]["plates"]
        ]
