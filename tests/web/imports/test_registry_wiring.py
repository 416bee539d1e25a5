"""What the web layer takes from the import-format registry (liftwell/importers/registry.py).

The expected values are the ones the form, the workout model, the command and the pages spelled out
before the registry existed; a new entry must also fit the database columns its names go into.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django import forms
from django.core.management import call_command, load_command_class
from django.db import models
from django.test import Client

from liftwell.importers.registry import FORMATS, ImportFormat
from liftwell.web.imports.forms import UploadForm
from liftwell.web.imports.models import ExerciseMapping, ImportedMeasurement, PendingImport
from liftwell.web.training.models import Workout


def _max_length(model: type[models.Model], name: str) -> int:
    field = model._meta.get_field(name)
    assert isinstance(field, models.CharField) and field.max_length is not None
    return field.max_length


@pytest.mark.parametrize("entry", FORMATS, ids=lambda entry: entry.code)
def test_each_format_fits_the_columns_its_names_are_stored_in(entry: ImportFormat) -> None:
    assert 0 < len(entry.code) <= _max_length(PendingImport, "format")
    for model, name in (
        (Workout, "source"),
        (ExerciseMapping, "source_app"),
        (ImportedMeasurement, "source_app"),
    ):
        assert 0 < len(entry.app) <= _max_length(model, name)


def test_the_upload_form_offers_detection_then_every_format() -> None:
    field = UploadForm().fields["format"]
    assert isinstance(field, forms.ChoiceField)
    assert field.choices == [
        ("auto", "Detect from the file"),
        ("strong", "Strong"),
        ("hevy", "Hevy workouts"),
        ("hevy-measurements", "Hevy measurements"),
        ("fitnotes", "FitNotes"),
        ("fitnotes-body", "FitNotes body tracker"),
        ("fitbod", "Fitbod"),
    ]


def test_a_workout_comes_from_liftwell_or_one_of_the_apps() -> None:
    # As in training's migration 0001: the choices did not change, so no migration was needed.
    assert Workout._meta.get_field("source").choices == [
        ("manual", "Logged in Liftwell"),
        ("program", "From a program"),
        ("strong", "Imported from Strong"),
        ("hevy", "Imported from Hevy"),
        ("fitnotes", "Imported from FitNotes"),
        ("fitbod", "Imported from Fitbod"),
    ]


@pytest.mark.django_db
def test_the_models_match_their_migrations() -> None:
    out = StringIO()
    call_command("makemigrations", "imports", "training", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_the_import_command_takes_every_format_and_names_the_apps() -> None:
    command = load_command_class("liftwell.web.imports", "import")
    usage = re.sub(r"\s+", " ", command.create_parser("liftwell", "import").format_help())
    assert "{auto,strong,hevy,hevy-measurements,fitnotes,fitnotes-body,fitbod,liftwell}" in usage
    assert "Import a Strong, Hevy, FitNotes or Fitbod export, or restore a Liftwell backup" in usage


@pytest.mark.parametrize(
    ("path", "sentence"),
    [
        (
            "/import/",
            "Upload a CSV export from Strong, Hevy (workouts or measurements), FitNotes (workouts or body "
            "tracker) or Fitbod, or a Liftwell backup.",
        ),
        ("/import/backup/", "Coming from Strong, Hevy, FitNotes or Fitbod?"),
        ("/accounts/profile/", "import from Strong, Hevy, FitNotes or Fitbod</a>"),
    ],
)
def test_the_pages_name_the_apps_as_before(owner_client: Client, path: str, sentence: str) -> None:
    response = owner_client.get(path)
    assert response.status_code == 200
    assert sentence in re.sub(r"\s+", " ", response.content.decode())
