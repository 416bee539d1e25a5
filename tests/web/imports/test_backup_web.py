"""The backup from the profile page: download it, upload it, see what it adds, restore it once."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.imports.backup import export_backup
from liftwell.web.imports.services import import_file
from liftwell.web.training.models import Workout, WorkoutSet
from tests.conftest import make_user
from tests.web.imports.files import STRONG_CSV

pytestmark = pytest.mark.usefixtures("library")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _backup_of_someone() -> bytes:
    ada = make_user("ada")
    import_file(user=ada, data=STRONG_CSV, unit="lb", time_zone="UTC")
    return json.dumps(export_backup(ada)).encode()


def test_the_profile_page_offers_every_export_and_the_restore(owner_client: Client) -> None:
    page = owner_client.get("/accounts/profile/").content.decode()
    for link in (
        "/import/export.json",
        "/import/export.csv",
        "/import/export.csv?format=strong",
        "/health/export/fhir/",
        "/import/backup/",
    ):
        assert f'href="{link}"' in page


def test_the_download_is_the_owners_backup(owner_client: Client, owner: User) -> None:
    import_file(user=owner, data=STRONG_CSV, unit="lb", time_zone="UTC")
    response = owner_client.get("/import/export.json")
    assert response["Content-Disposition"].startswith('attachment; filename="liftwell-backup-olivia-')
    document = json.loads(response.content)
    assert document["format"] == "liftwell-backup"
    assert len(document["sections"]["training"]["workouts"]) == 2


def test_upload_preview_confirm_restores_once(owner_client: Client, owner: User) -> None:
    data = _backup_of_someone()
    response = owner_client.post("/import/backup/", {"file": SimpleUploadedFile("b.json", data)})
    assert response.status_code == 302
    preview = owner_client.get(response["Location"])
    assert preview.status_code == 200
    assert "<td>training.sets</td><td>5</td><td>0</td>" in preview.content.decode()
    assert not Workout.objects.filter(owner=owner).exists()  # the preview writes nothing
    confirmed = owner_client.post(response["Location"] + "confirm/")
    assert confirmed.status_code == 302 and confirmed["Location"] == "/accounts/profile/"
    assert WorkoutSet.objects.filter(owner=owner).count() == 5
    again = owner_client.post("/import/backup/", {"file": SimpleUploadedFile("b.json", data)})
    page = owner_client.get(again["Location"]).content.decode()
    assert "<td>training.sets</td><td>0</td><td>5</td>" in page and "disabled" in page
    owner_client.post(again["Location"] + "confirm/")
    assert WorkoutSet.objects.filter(owner=owner).count() == 5


def test_a_backup_uploaded_as_an_import_goes_to_the_restore(owner_client: Client) -> None:
    response = owner_client.post(
        "/import/", {"file": SimpleUploadedFile("b.json", _backup_of_someone()), "format": "auto"}
    )
    preview = owner_client.get(response["Location"], follow=True)
    assert preview.redirect_chain[-1][0].startswith("/import/backup/")
    assert "training.sets" in preview.content.decode()


def test_a_damaged_backup_is_refused_and_writes_nothing(owner_client: Client, owner: User) -> None:
    document = json.loads(_backup_of_someone())
    document["sections"]["training"]["workouts"][0]["exercises"][0]["exercise"] = "library/nope"
    data = json.dumps(document).encode()
    response = owner_client.post("/import/backup/", {"file": SimpleUploadedFile("b.json", data)})
    preview = owner_client.get(response["Location"])
    assert preview.status_code == 422 and "library/nope" in preview.content.decode()
    confirmed = owner_client.post(response["Location"] + "confirm/")
    assert confirmed.status_code == 422
    assert not Workout.objects.filter(owner=owner).exists()


def test_a_stranger_cannot_restore_someone_elses_upload(owner_client: Client, stranger: User) -> None:
    response = owner_client.post(
        "/import/backup/", {"file": SimpleUploadedFile("b.json", _backup_of_someone())}
    )
    assert _client(stranger).post(response["Location"] + "confirm/").status_code == 404
    assert not Workout.objects.filter(owner=stranger).exists()


def test_the_progress_script_gets_the_next_address_as_json(owner_client: Client) -> None:
    upload = {"file": SimpleUploadedFile("strong.csv", STRONG_CSV), "format": "auto"}
    response = owner_client.post("/import/", upload, headers={"X-Upload-Progress": "1"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert owner_client.get(response.json()["location"]).status_code == 200
    backup = {"file": SimpleUploadedFile("b.json", _backup_of_someone())}
    response = owner_client.post("/import/backup/", backup, headers={"X-Upload-Progress": "1"})
    assert response.json()["location"].startswith("/import/backup/")
