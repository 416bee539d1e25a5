"""`liftwell programs validate FILE` and `liftwell programs list`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from liftwell.cli import LIFTWELL_COMMANDS
from liftwell.data.loaders import shipped_program_texts


def test_programs_is_a_liftwell_command() -> None:
    assert "programs" in LIFTWELL_COMMANDS


def test_list_names_every_built_in_program() -> None:
    out = io.StringIO()
    call_command("programs", "list", stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split()[0] for line in lines] == list(shipped_program_texts())
    assert any("wave-531" in line and "4 days/week, 4 weeks" in line for line in lines)


def test_validate_accepts_a_good_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(shipped_program_texts()["back-care"], encoding="utf-8")
    out = io.StringIO()
    call_command("programs", "validate", str(path), stdout=out)
    assert out.getvalue().strip() == f"{path}: OK - Back care (3 days) (3 days/week, 1 week, 16 exercises)"


def test_validate_names_the_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: Bad\nslug: bad\ndescription: x\ndays:\n  - name: A\n    exercises:\n"
        "      - {exercise: barbell-back-squat, sets: 3x5, rest_s: 9999}\n"
        "      - {exercise: moon-squat, sets: 3x5}\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problems"):
        call_command("programs", "validate", str(path), stderr=err)
    assert err.getvalue().splitlines() == [
        f"{path}: line 7, days[0].exercises[0].rest_s: must be 0 to 1200, got 9999",
        f"{path}: line 8, days[0].exercises[1].exercise: no exercise 'moon-squat' in the library",
    ]


def test_validate_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("programs", "validate", str(tmp_path / "nope.yaml"))
