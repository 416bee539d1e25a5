"""Where tests/shared finds the real third-party files it reads, and what happens when they are absent.

The files (sample exports, an OpenPowerlifting slice, a grip-norms table, the free-exercise-db library)
live in the `shared` folder beside the repository checkout and are never copied into the repository.
`LIFTWELL_SHARED_DIR` points elsewhere when set.

A module declares what it needs with `pytestmark = needs(path)`; `conftest.py` checks it before each
test. When a file is absent the tests skip on a developer's machine, but under `CI=true` (what `.ci/run`
sets) they fail: CI must not go green with these tests silently not run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

SHARED_DIR = Path(os.environ.get("LIFTWELL_SHARED_DIR") or Path(__file__).resolve().parents[3] / "shared")
MARKER = "shared_data"  # the mark `needs` makes; conftest.py registers and checks it


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder (which may not exist)."""
    return SHARED_DIR.joinpath(*parts)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def missing(what: str) -> NoReturn:
    """Skip the test because `what` is absent, or fail it under CI=true."""
    message = f"{what} is not here (shared folder: {SHARED_DIR}; set LIFTWELL_SHARED_DIR to move it)"
    if in_ci():
        pytest.fail(f"{message}. Under CI=true tests/shared must run, not skip.", pytrace=False)
    pytest.skip(message)


def needs(*paths: Path) -> pytest.MarkDecorator:
    """Mark tests that read these files or folders: each must exist when the test starts."""
    return pytest.mark.shared_data(*paths)
