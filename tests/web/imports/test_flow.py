"""The web flow: upload, preview (nothing written), adjust, confirm (one write), re-import adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.imports.models import ExerciseMapping, PendingImport
from liftwell.web.training.models import Workout, WorkoutSet
from tests.web.imports.files import STRONG_CSV

pytestmark = pytest.mark.usefixtures("library")


def _upload(client: Client, data: bytes = STRONG_CSV, name: str = "strong.csv") -> PendingImport | None:
    response = client.post("/import/", {"file": SimpleUploadedFile(name, data), "format": "auto"})
    if response.status_code != 302:
        return None
    return PendingImport.objects.get(pk=response["Location"].rstrip("/").rsplit("/", 1)[1])


def test_it_previews_without_writing(owner_client: Client, owner: User) -> None:
    pending = _upload(owner_client)
    assert pending is not None
    response = owner_client.get(f"/import/{pending.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Strong" in page and "2024-03-01 to 2024-03-03" in page
    assert "45/135/225" in page  # the unit inference and its reason
    assert "Zorbing Press Deluxe" in page and "new exercise" in page
    assert not Workout.objects.filter(owner=owner).exists()
    stored = Path(settings.DATA_DIR) / "imports"
    assert (stored / str(owner.pk) / f"{pending.pk}.upload").read_bytes() == STRONG_CSV


def test_it_imports_on_confirm_and_only_once(owner_client: Client, owner: User) -> None:
    pending = _upload(owner_client)
    assert pending is not None
    bench = Exercise.objects.get(owner=None, slug="barbell-bench-press")
    form = {"unit": "lb", "time_zone": "America/New_York", "match-0": bench.name, "match-2": ""}
    response = owner_client.post(f"/import/{pending.pk}/confirm/", form)
    assert response.status_code == 302
    assert Workout.objects.filter(owner=owner).count() == 2
    assert WorkoutSet.objects.filter(owner=owner).count() == 5
    legs = Workout.objects.get(owner=owner, title="Legs")
    assert legs.time_zone == "America/New_York" and legs.started_at.isoformat() == "2024-03-01T23:00:00+00:00"
    heaviest = WorkoutSet.objects.filter(workout=legs).order_by("-load_kg").first()
    assert heaviest is not None and str(heaviest.load_kg) == "102.058283"  # 225 lb
    assert Exercise.objects.filter(owner=owner, name="Zorbing Press Deluxe").exists()
    assert ExerciseMapping.objects.filter(owner=owner, source_app="strong").count() == 3

    again = _upload(owner_client)
    assert again is not None
    owner_client.post(f"/import/{again.pk}/confirm/", form)
    assert WorkoutSet.objects.filter(owner=owner).count() == 5
    assert Exercise.objects.filter(owner=owner).count() == 1


def test_a_bad_file_is_named_and_nothing_is_written(owner_client: Client, owner: User) -> None:
    pending = _upload(owner_client, b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50, "photo.png")
    assert pending is not None
    page = owner_client.get(f"/import/{pending.pk}/").content.decode()
    assert "binary" in page
    response = owner_client.post(f"/import/{pending.pk}/confirm/", {})
    assert response.status_code == 422
    assert not Workout.objects.filter(owner=owner).exists()


def test_an_empty_upload_is_refused(owner_client: Client) -> None:
    response = owner_client.post("/import/", {"file": SimpleUploadedFile("empty.csv", b"")})
    assert response.status_code == 422


def test_a_stranger_gets_404(owner_client: Client, stranger: User) -> None:
    pending = _upload(owner_client)
    assert pending is not None
    other = Client()
    other.force_login(stranger)
    assert other.get(f"/import/{pending.pk}/").status_code == 404
    assert other.post(f"/import/{pending.pk}/confirm/", {}).status_code == 404
    assert not Workout.objects.filter(owner=stranger).exists()


def test_anonymous_is_sent_to_log_in(db: None) -> None:
    response = Client().get("/import/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_file_over_the_limit_is_refused_unread(
    owner_client: Client, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("liftwell.web.imports.views.MAX_UPLOAD_BYTES", 100)
    response = owner_client.post("/import/", {"file": SimpleUploadedFile("big.csv", STRONG_CSV)})
    assert response.status_code == 422 and "larger than" in response.content.decode()
    assert not PendingImport.objects.filter(owner=owner).exists()
