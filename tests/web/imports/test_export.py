"""CSV export: Liftwell's columns and Strong's format; Strong's format imports back unchanged."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.management import call_command
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.imports.services import import_file
from liftwell.web.training.models import WorkoutSet
from tests.conftest import make_user
from tests.importers.test_strong import VARIANT_C
from tests.web.imports.files import STRONG_CSV

pytestmark = pytest.mark.usefixtures("library")


def stored_sets(user: User) -> list[tuple[object, ...]]:
    """What an export must keep of each of `user`'s sets, in a stable order."""
    return sorted(
        WorkoutSet.objects.filter(owner=user).values_list(
            "workout__started_at",
            "workout__title",
            "workout_exercise__position",
            "position",
            "exercise__name",
            "kind",
            "load_kg",
            "reps",
            "rpe",
            "duration_s",
            "distance_m",
            "rest_s",
        )
    )


def test_the_liftwell_csv_has_one_row_per_set(owner: User) -> None:
    import_file(user=owner, data=STRONG_CSV, unit="lb")
    out = io.StringIO()
    call_command("export", "csv", "--user", owner.username, stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 5
    assert rows[2]["load_kg"] == "102.058283" and rows[2]["rpe"] == "9.5"
    assert rows[0]["started_at"] == "2024-03-01T17:00:00+00:00" and rows[0]["time_zone"] == "Europe/Berlin"


def test_strong_format_round_trips(owner: User) -> None:
    import_file(user=owner, data=VARIANT_C.encode())
    out = io.StringIO()
    call_command("export", "csv", "--user", owner.username, "--format", "strong", stdout=out)
    assert out.getvalue().startswith('"Workout #";"Date";"Workout Name"')
    other = make_user("copy", time_zone="Europe/Berlin")
    summary = import_file(user=other, data=out.getvalue().encode())
    assert summary.sets == 5 and summary.pseudo_rows == {"note": 1, "rest timer": 1}
    assert stored_sets(other) == stored_sets(owner)


def test_the_profile_download(owner_client: Client, owner: User) -> None:
    import_file(user=owner, data=STRONG_CSV)
    response = owner_client.get("/import/export.csv?format=strong")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.decode().count("Squat") == 3
