"""The `liftwell` command: help, createuser, token create, exercises import."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from liftwell.cli import main
from liftwell.web.accounts.models import User
from liftwell.web.accounts.tokens import user_for_token
from liftwell.web.exercises.models import Exercise


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    main(["liftwell", "--help"])
    out = capsys.readouterr().out
    for command in ("serve", "migrate", "createuser", "token", "exercises", "import", "export"):
        assert f"  {command}" in out
    for command in ("backup", "restore"):
        assert f"  {command}" in out


@pytest.mark.django_db
def test_createuser_reads_the_password_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-Long-enough-pass\n"))
    call_command(
        "createuser", "nina", "--email", "nina@example.org", "--password-stdin", stdout=io.StringIO()
    )
    user = User.objects.get(username="nina")
    assert user.email == "nina@example.org" and user.check_password("a-Long-enough-pass")


@pytest.mark.django_db
def test_createuser_refuses_a_weak_password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    with pytest.raises(CommandError, match="password:"):
        call_command("createuser", "nina", "--password-stdin")


@pytest.mark.django_db
def test_token_create_prints_a_working_token(owner: User) -> None:
    out = io.StringIO()
    call_command("token", "create", "--user", owner.username, stdout=out)
    token = out.getvalue().strip()
    assert token.startswith("lw_")
    assert user_for_token(token) == owner


@pytest.mark.django_db
def test_token_create_names_an_unknown_user() -> None:
    with pytest.raises(CommandError, match="no account named 'ghost'"):
        call_command("token", "create", "--user", "ghost")


@pytest.mark.django_db
def test_exercises_import_adds_matches_and_skips(tmp_path: Path, library: None) -> None:
    library_file = tmp_path / "lib.json"
    library_file.write_text(
        json.dumps(
            [
                {
                    "name": "Romanian Deadlift (Barbell)",
                    "primaryMuscles": ["hamstrings"],
                    "equipment": "barbell",
                },
                {"name": "Zercher Carry Z", "primaryMuscles": ["abdominals"], "equipment": "barbell"},
                {"name": "Nothing", "primaryMuscles": [], "equipment": "barbell"},
            ]
        )
    )
    before = Exercise.objects.count()
    out = io.StringIO()
    call_command("exercises", "import", str(library_file), stdout=out)
    assert "1 added, 1 matched, 1 skipped" in out.getvalue()
    assert Exercise.objects.count() == before + 1
    out = io.StringIO()
    call_command("exercises", "import", str(library_file), stdout=out)
    assert "0 added, 2 matched" in out.getvalue()


@pytest.mark.django_db
def test_exercises_import_names_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="cannot read"):
        call_command("exercises", "import", str(tmp_path / "missing.json"))
