"""Run the logging screen's ES modules under Node, so their parity tests are part of the default suite.

Node (20 or newer) runs the modules as they are served: no build step and nothing to install from a
registry. They are copied next to a `package.json` that says `"type": "module"`, so every Node release
reads them as ES modules (only recent ones guess it from the syntax), and the copy keeps that file out
of the static folder the site serves.

Where `node` is missing the tests skip, except under CI=true, where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

LOGGING = Path(__file__).resolve().parents[2] / "liftwell" / "web" / "static" / "liftwell" / "logging"
CALL = Path(__file__).with_name("call.mjs")
TIMEOUT_S = 60


@dataclass(frozen=True)
class Node:
    executable: str
    modules: Path  # a copy of the logging modules, read as ES modules

    def call(self, module: str, name: str, calls: list[list[Any]]) -> list[Any]:
        """`name(*args)` exported by logging/`module`, for each argument list in `calls`."""
        request = json.dumps({"module": str(self.modules / module), "name": name, "calls": calls})
        done = subprocess.run(
            [self.executable, str(CALL)],
            input=request,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            raise AssertionError(f"node failed on {module}:{name}\n{done.stderr}")
        result: list[Any] = json.loads(done.stdout)
        return result


def find_node(copy_to: Path) -> Node:
    executable = shutil.which("node")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("node is missing: the JavaScript parity tests need Node 20 or newer")
        pytest.skip("node is missing (install Node 20 or newer to run the JavaScript parity tests)")
    version = subprocess.run([executable, "--version"], capture_output=True, text=True, check=True).stdout
    major = int(version.strip().lstrip("v").split(".")[0])
    if major < 20:
        message = f"node {version.strip()} is too old: the JavaScript parity tests need Node 20 or newer"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    modules = copy_to / "logging"
    shutil.copytree(LOGGING, modules)
    (modules / "package.json").write_text('{"type": "module"}\n')
    return Node(executable, modules)
