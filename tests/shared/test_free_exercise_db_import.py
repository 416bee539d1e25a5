"""`liftwell exercises import` on the real free-exercise-db file in ../shared (skipped when absent;
failed under CI=true)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command

from liftwell.importers.free_exercise_db import parse_free_exercise_db
from liftwell.web.exercises.models import Exercise
from tests.shared.files import needs, shared_path

LIBRARY = shared_path("data", "exercises", "exercises.json")

pytestmark = needs(LIBRARY)


def test_every_entry_parses_or_is_named() -> None:
    result = parse_free_exercise_db(LIBRARY.read_text(encoding="utf-8"))
    assert len(result.rows) + len(result.problems) >= 800
    assert len(result.rows) >= 850
    for problem in result.problems:
        assert problem.line >= 1 and problem.column


@pytest.mark.django_db
def test_importing_it_adds_matches_and_is_idempotent(library: None) -> None:
    shipped = Exercise.objects.count()
    out = io.StringIO()
    call_command("exercises", "import", str(LIBRARY), stdout=out)
    added, matched, skipped = map(
        int, re.match(r"(\d+) added, (\d+) matched, (\d+) skipped", out.getvalue()).groups()
    )  # type: ignore[union-attr]
    assert matched >= 50  # names Liftwell already has are not duplicated
    assert Exercise.objects.count() == shipped + added
    again = io.StringIO()
    call_command("exercises", "import", str(LIBRARY), stdout=again)
    assert again.getvalue().startswith(f"0 added, {added + matched} matched")
