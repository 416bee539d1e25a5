"""The app as `make run` serves it: gunicorn, DEBUG off, hashed static files, the strict CSP.

Starts `liftwell serve` in a subprocess on a free port with its own data directory, makes an account
with the CLI, signs in through the login form, and opens the pages whose scripts matter most.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import PHONE

PASSWORD = "served-App-pass-1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("served")
    env = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DEBUG"}
    }
    env["LIFTWELL_DATA_DIR"] = str(data_dir)
    liftwell = [sys.executable, "-m", "liftwell.cli"]
    subprocess.run([*liftwell, "migrate"], env=env, check=True, capture_output=True, timeout=300)
    subprocess.run(
        [*liftwell, "createuser", "ada", "--password-stdin"],
        input=PASSWORD + "\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = _free_port()
    log = open(Path(data_dir) / "serve.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [*liftwell, "serve", "--port", str(port), "--workers", "2"], env=env, stdout=log, stderr=log
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((Path(data_dir) / "serve.log").read_text()[-3000:]) from None
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def served_page(browser: Any, served: str) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, base_url=served)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None,
    )
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.problems = problems
    yield page
    context.close()


def _sign_in(page: Any) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/")


def test_the_logging_screen_runs_under_the_csp_with_hashed_modules(served_page: Any) -> None:
    page = served_page
    _sign_in(page)
    page.goto("/log/")
    page.get_by_role("button", name="Start an empty workout").click()
    page.wait_for_url("**/log/*-*/")
    page.get_by_role("button", name="Add exercise").first.click()
    page.get_by_role("searchbox").fill("rdl")
    page.get_by_role("button", name="Romanian Deadlift (Barbell)").first.click()
    page.get_by_text("Romanian Deadlift (Barbell)").first.wait_for()
    scripts = page.evaluate("[...document.scripts].map((s) => s.src)")
    assert any("/static/liftwell/logging/" in src and src.count(".") >= 3 for src in scripts), scripts
    assert page.problems == []


def test_the_exercise_search_and_api_docs_render(served_page: Any) -> None:
    page = served_page
    _sign_in(page)
    page.goto("/exercises/")
    page.get_by_label("Search by name or alias").fill("rdl")
    page.get_by_text("Romanian Deadlift (Barbell)").first.wait_for()
    page.goto("/api/v1/docs")
    page.locator(".swagger-ui").first.wait_for()
    page.get_by_text("/api/v1/exercises").first.wait_for()
    assert page.problems == []
