"""Body measurements from Hevy and FitNotes: one body measurement a day, each value once."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BodyMeasurement
from liftwell.web.health.services import delete_entry
from liftwell.web.imports.services import import_file
from tests.web.imports.files import FITNOTES_BODY, HEVY_MEASUREMENTS

pytestmark = pytest.mark.django_db


def _run(tmp_path: Path, data: bytes, *args: str) -> dict[str, object]:
    path = tmp_path / "measurements.csv"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("import", str(path), *args, "--json", stdout=out)
    return json.loads(out.getvalue())  # type: ignore[no-any-return]


def test_hevy_measurements_become_one_entry_a_day_in_canonical_units(tmp_path: Path, owner: User) -> None:
    summary = _run(tmp_path, HEVY_MEASUREMENTS, "--user", owner.username, "--format", "hevy-measurements")
    assert summary["format"] == "hevy-measurements"
    assert (summary["measurements"], summary["new_measurements"]) == (10, 10)
    assert summary["not_kept"] == {"shoulder": 1, "left_forearm": 1, "right_forearm": 1, "abdomen": 1}
    jan14 = BodyMeasurement.objects.get(owner=owner, measured_on=date(2025, 1, 14))
    assert jan14.weight_kg == Decimal("78.1")  # 08:00 is later than 00:00
    # 1 in = 2.54 cm exactly (international yard and pound agreement, 1959).
    assert (jan14.neck_cm, jan14.chest_cm, jan14.waist_cm, jan14.hip_cm) == (
        Decimal("38.1"),
        Decimal("101.6"),
        Decimal("81.28"),
        Decimal("96.52"),
    )
    assert jan14.arm_cm == Decimal("35.56")  # the right bicep (14 in), not the left (13.5 in)
    assert (jan14.thigh_cm, jan14.calf_cm) == (Decimal("58.42"), Decimal("38.1"))
    jan26 = BodyMeasurement.objects.get(owner=owner, measured_on=date(2025, 1, 26))
    assert (jan26.weight_kg, jan26.body_fat_pct, jan26.body_fat_method) == (
        Decimal("77.79"),
        Decimal("22.3"),
        "measured",
    )
    assert jan26.notes == "Imported from Hevy"


def test_importing_again_adds_nothing(tmp_path: Path, owner: User) -> None:
    _run(tmp_path, HEVY_MEASUREMENTS, "--user", owner.username)  # detected from the header
    again = _run(tmp_path, HEVY_MEASUREMENTS, "--user", owner.username)
    assert (again["new_measurements"], again["already_present_measurements"]) == (0, 10)
    assert BodyMeasurement.objects.filter(owner=owner).count() == 2


def test_a_newer_export_adds_only_what_is_new(owner: User) -> None:
    import_file(user=owner, data=HEVY_MEASUREMENTS)
    newer = HEVY_MEASUREMENTS.replace(
        b'"26 Jan 2025, 00:00",77.79,22.3,,,,,,,,,,,,,,\n',
        b'"01 Feb 2025, 00:00",77.2,,,,,,,,,,,,,,,\n"26 Jan 2025, 00:00",77.79,22.3,,,,,,,,,30.5,,,,,\n',
    )
    summary = import_file(user=owner, data=newer)
    assert (summary.new_measurements, summary.already_present_measurements) == (2, 10)
    assert BodyMeasurement.objects.filter(owner=owner).count() == 3
    jan26 = BodyMeasurement.objects.get(owner=owner, measured_on=date(2025, 1, 26))
    assert (jan26.weight_kg, jan26.waist_cm) == (Decimal("77.79"), Decimal("77.47"))


def test_a_deleted_entry_does_not_come_back(owner: User) -> None:
    import_file(user=owner, data=HEVY_MEASUREMENTS)
    delete_entry(user=owner, entry=BodyMeasurement.objects.get(owner=owner, measured_on=date(2025, 1, 26)))
    summary = import_file(user=owner, data=HEVY_MEASUREMENTS)
    assert summary.new_measurements == 0
    assert BodyMeasurement.objects.filter(owner=owner).count() == 1


def test_fitnotes_body_tracker_converts_pounds_and_reports_a_typo(owner: User, stranger: User) -> None:
    summary = import_file(user=owner, data=FITNOTES_BODY)
    assert summary.format == "fitnotes-body"
    assert summary.new_measurements == 4 and summary.not_kept == {"Shoulders": 1}
    assert [(p.line, "outside what a body measures" in p.message) for p in summary.problems] == [(6, True)]
    july = BodyMeasurement.objects.get(owner=owner, measured_on=date(2018, 7, 30))
    # 167 lb x 0.45359237 kg/lb = 75.74992579 kg, kept to 6 places.
    assert (july.weight_kg, july.body_fat_pct) == (Decimal("75.749926"), Decimal("18.5"))
    august = BodyMeasurement.objects.get(owner=owner, measured_on=date(2018, 8, 6))
    assert (august.weight_kg, august.waist_cm) == (Decimal("75.976722"), Decimal("86"))
    assert not BodyMeasurement.objects.filter(owner=owner, measured_on=date(2018, 8, 9)).exists()
    assert not BodyMeasurement.objects.filter(owner=stranger).exists()


def test_the_same_file_for_two_people_is_two_imports(owner: User, stranger: User) -> None:
    import_file(user=owner, data=FITNOTES_BODY)
    assert import_file(user=stranger, data=FITNOTES_BODY).new_measurements == 4


def test_dry_run_writes_nothing(tmp_path: Path, owner: User) -> None:
    summary = _run(tmp_path, FITNOTES_BODY, "--user", owner.username, "--dry-run")
    assert summary["new_measurements"] == 4
    assert not BodyMeasurement.objects.filter(owner=owner).exists()


def test_the_web_flow_previews_then_imports(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        "/import/", {"file": SimpleUploadedFile("measurement_data.csv", HEVY_MEASUREMENTS), "format": "auto"}
    )
    preview = owner_client.get(response["Location"]).content.decode()
    assert "10 values on 2 days (10 new, 0 already here)" in preview
    assert "Not kept: shoulder" in preview
    assert not BodyMeasurement.objects.filter(owner=owner).exists()
    done = owner_client.post(response["Location"] + "confirm/")
    assert done.status_code == 302 and done["Location"] == "/health/body/"
    assert BodyMeasurement.objects.filter(owner=owner).count() == 2
