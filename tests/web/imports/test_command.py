"""`liftwell import FILE --user NAME …`: summary, --json, --dry-run, and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from liftwell.web.accounts.models import User
from liftwell.web.training.models import WorkoutSet
from tests.web.imports.files import STRONG_CSV

pytestmark = pytest.mark.usefixtures("library")


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def test_it_prints_one_json_object_and_is_idempotent(tmp_path: Path, owner: User) -> None:
    path = tmp_path / "strong.csv"
    path.write_bytes(STRONG_CSV)
    first = json.loads(_run(str(path), "--user", owner.username, "--unit", "lb", "--json"))
    assert first == {
        "format": "strong",
        "workouts": 2,
        "sets": 5,
        "warmup_sets": 0,
        "new_workouts": 2,
        "already_present_workouts": 0,
        "problems": [],
    }
    second = json.loads(_run(str(path), "--user", owner.username, "--json"))
    assert (second["new_workouts"], second["already_present_workouts"]) == (0, 2)
    assert WorkoutSet.objects.filter(owner=owner).count() == 5


def test_dry_run_writes_nothing_and_explains_the_unit(tmp_path: Path, owner: User) -> None:
    path = tmp_path / "strong.csv"
    path.write_bytes(STRONG_CSV)
    out = _run(str(path), "--user", owner.username, "--dry-run", "--tz", "UTC")
    assert "would add 2 workouts" in out and "45/135/225" in out
    assert not WorkoutSet.objects.filter(owner=owner).exists()


def test_bad_input_is_a_clear_error(tmp_path: Path, owner: User) -> None:
    other = tmp_path / "other.csv"
    other.write_bytes(b"name,price\nwidget,3\n")
    with pytest.raises(CommandError, match="not an export Liftwell knows"):
        _run(str(other), "--user", owner.username)
    with pytest.raises(CommandError, match="no user"):
        _run(str(other), "--user", "nobody")
    with pytest.raises(CommandError, match="not a known time zone"):
        path = tmp_path / "strong.csv"
        path.write_bytes(STRONG_CSV)
        _run(str(path), "--user", owner.username, "--tz", "Mars/Olympus")
    assert not WorkoutSet.objects.filter(owner=owner).exists()
