"""Production settings: `check --deploy` passes with HTTPS on; SQLite is durable; env parsing is strict."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from liftwell.web.env import env_bool, secret_key

REPO = Path(__file__).resolve().parents[2]


def run_liftwell(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "liftwell.cli", *args],
        env={k: v for k, v in {**os.environ, **env}.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_it_passes_check_deploy_with_https(tmp_path: Path) -> None:
    result = run_liftwell(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"LIFTWELL_DATA_DIR": str(tmp_path), "DEBUG": "false", "HTTPS": "true", "DATABASE_URL": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_deploy_catches_plain_http(tmp_path: Path) -> None:
    result = run_liftwell(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"LIFTWELL_DATA_DIR": str(tmp_path), "DEBUG": "false", "HTTPS": "false", "DATABASE_URL": ""},
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr + result.stdout


def test_it_generates_one_secret_key_and_keeps_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = secret_key(tmp_path)
    assert len(first) >= 50
    assert secret_key(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_env_bool_refuses_nonsense(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOMETHING", "maybe")
    with pytest.raises(ValueError, match="SOMETHING must be true or false"):
        env_bool("SOMETHING", False)


def test_passwords_are_hashed_with_argon2() -> None:
    # Tests swap in a fast hasher; production's first choice must be Argon2.
    from liftwell.web import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_full_sync() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 2  # FULL
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


def test_sqlite_file_database_uses_wal(tmp_path: Path) -> None:
    result = run_liftwell(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); "
        "print(c.fetchone()[0])",
        env={"LIFTWELL_DATA_DIR": str(tmp_path), "DATABASE_URL": ""},
    )
    assert result.stdout.strip().splitlines()[-1] == "wal", result.stderr


def test_the_security_headers_and_csp_are_sent(client: object, db: None) -> None:
    response = client.get("/accounts/login/")  # type: ignore[attr-defined]
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
