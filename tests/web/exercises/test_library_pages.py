"""The browse and search page, the detail page, hiding, and adding your own."""

from __future__ import annotations

import pytest
from django.test import Client

from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import load_shipped_exercises

pytestmark = pytest.mark.usefixtures("library")


def test_it_finds_rdl_as_you_type(owner_client: Client) -> None:
    response = owner_client.get("/exercises/?q=rdl", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Romanian" in html
    assert "<html" not in html  # htmx gets only the results partial


def test_the_full_page_has_filters(owner_client: Client) -> None:
    html = owner_client.get("/exercises/?muscle=hamstrings&pattern=hinge").content.decode()
    assert 'id="id_muscle"' in html and "Romanian" in html


def test_the_detail_page_shows_muscles_and_cues(owner_client: Client) -> None:
    rdl = Exercise.objects.filter(search_text__contains="rdl").first()
    assert rdl is not None
    html = owner_client.get(f"/exercises/{rdl.pk}/").content.decode()
    assert "Hamstrings" in html and "Coaching cues" in html
    for cue in rdl.cues:
        assert cue.replace("'", "&#x27;").replace('"', "&quot;") in html


def test_hiding_removes_it_from_search_and_showing_brings_it_back(owner_client: Client) -> None:
    rdl = Exercise.objects.filter(search_text__contains="rdl").first()
    assert rdl is not None
    link = f'href="/exercises/{rdl.pk}/"'
    assert link in owner_client.get("/exercises/?q=rdl").content.decode()
    owner_client.post(f"/exercises/{rdl.pk}/hide/", {"hidden": "1"})
    assert link not in owner_client.get("/exercises/?q=rdl").content.decode()
    owner_client.post(f"/exercises/{rdl.pk}/hide/", {"hidden": "0"})
    assert link in owner_client.get("/exercises/?q=rdl").content.decode()


def test_adding_your_own_exercise(owner_client: Client) -> None:
    response = owner_client.post(
        "/exercises/new/",
        {
            "name": "Tyre Flip",
            "primary_muscles": ["glutes", "quads"],
            "equipment": "other",
            "pattern": "hinge",
            "mechanic": "compound",
            "measure": "bodyweight_reps",
        },
    )
    assert response.status_code == 302
    assert Exercise.objects.get(name="Tyre Flip").owner is not None


def test_adding_refuses_primary_and_secondary_overlap(owner_client: Client) -> None:
    response = owner_client.post(
        "/exercises/new/",
        {
            "name": "Odd Lift",
            "primary_muscles": ["glutes"],
            "secondary_muscles": ["glutes"],
            "equipment": "other",
            "pattern": "hinge",
            "mechanic": "compound",
            "measure": "weight_reps",
        },
    )
    assert response.status_code == 200
    assert "cannot be both primary and secondary" in response.content.decode()


def test_loading_the_library_twice_changes_nothing() -> None:
    before = Exercise.objects.count()
    report = load_shipped_exercises()
    assert Exercise.objects.count() == before >= 200
    assert report.added == [] and report.updated == []
