"""`liftwell serve` as the deploy guide runs it: timeouts, the access log, and the metrics folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test.utils import override_settings

from liftwell.web.accounts.management.commands import serve


@pytest.fixture
def exec_argv(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """gunicorn's command line, caught instead of replacing the test process."""
    caught: list[str] = []

    def fake_execv(path: str, argv: list[str]) -> Any:
        caught.extend(argv)

    monkeypatch.setattr(serve.os, "execv", fake_execv)
    monkeypatch.setattr(serve, "call_command", lambda *args, **kwargs: None)  # no migrate/collectstatic
    return caught


def _flag(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_it_passes_the_timeouts_and_keeps_the_access_log_in_text_mode(
    exec_argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUNICORN_TIMEOUT", "90")
    call_command("serve", "--no-migrate", "--workers", "3")
    assert _flag(exec_argv, "--timeout") == "90" and _flag(exec_argv, "--graceful-timeout") == "30"
    assert _flag(exec_argv, "--workers") == "3"
    assert _flag(exec_argv, "--access-logfile") == "-"


@override_settings(LIFTWELL_LOG_FORMAT="json")
def test_json_mode_drops_gunicorns_access_log_which_shows_query_strings(exec_argv: list[str]) -> None:
    call_command("serve", "--no-migrate")
    assert "--access-logfile" not in exec_argv


def test_metrics_get_a_fresh_folder_for_the_workers(
    exec_argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "metrics"
    folder.mkdir()
    (folder / "counter_999.db").write_text("a dead worker's counts")
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(folder))
    with override_settings(LIFTWELL_METRICS=True):
        call_command("serve", "--no-migrate")
    assert os.environ["PROMETHEUS_MULTIPROC_DIR"] == str(folder)
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_without_metrics_no_folder_is_set(exec_argv: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    call_command("serve", "--no-migrate")
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ
