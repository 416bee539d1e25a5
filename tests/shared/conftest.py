"""Before each test here: the shared files its module needs exist, else skip (or fail under CI=true).

See `tests/shared/files.py`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared.files import MARKER, missing


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"{MARKER}(*paths): files from ../shared that the test reads")


@pytest.fixture(autouse=True)
def _shared_data_present(request: pytest.FixtureRequest) -> None:
    for marker in request.node.iter_markers(MARKER):
        for path in marker.args:
            if not Path(path).exists():
                missing(str(path))
