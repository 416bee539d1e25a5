"""Issue 4's fault run, scaled down: set creations from 16 clients, a third of them resent, while a
gunicorn worker is killed with SIGKILL every 2 s; then 0 lost, 0 duplicated, integrity_check ok.

The full run (10,000 creations) is `python -m bench.fault_run` (see its docstring).
Lives with the browser tests as it serves the real app in a subprocess, like test_served_app.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.fault_run import main as fault_run

CREATIONS = 300


@pytest.mark.slow
def test_killed_workers_lose_and_duplicate_nothing(tmp_path: Path) -> None:
    out = tmp_path / "fault.json"
    # Paced (16 clients x ~19 sets, 0.5 s apart), so even a fast machine sees several workers killed.
    args = ["--creations", str(CREATIONS), "--pace", "0.5", "--data-dir", str(tmp_path / "data")]
    fault_run([*args, "--json-out", str(out)])
    result = json.loads(out.read_text())
    assert result["creations"] == CREATIONS
    assert result["workers_killed"] >= 3
    assert result["resent_pct"] >= 30
    assert (result["lost"], result["duplicated"], result["unexpected"]) == (0, 0, 0)
    assert result["stored_rows"] == CREATIONS
    assert result["integrity_check"] == "ok"
