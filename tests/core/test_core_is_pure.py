"""liftwell.core stays pure (STYLE.md, "Layout"): the standard library only, no I/O, no clock.

Files, YAML and the shipped data are read at the edge (liftwell/data/, liftwell/web/) and core gets plain
data; the caller passes `today`/`now` in. This reads every core module's source (with `ast`, nothing is
run) and names each line that imports a third-party package, a module that reaches files, the network,
other processes or the clock, or liftwell outside core; or that calls open(), input() or print(), a
path's read/write methods, or now()/today(). Django and the web layer are also kept out by
tests/test_layers.py and the import contracts in .importlinter.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "liftwell"
CORE_FILES = sorted((ROOT / "core").rglob("*.py"))

# Standard-library modules whose purpose is files, the network, other processes or the clock.
IO_MODULES = frozenset(
    {
        "asyncio", "dbm", "fileinput", "ftplib", "glob", "gzip", "http", "importlib", "io", "logging",
        "mmap", "multiprocessing", "os", "pathlib", "pkgutil", "selectors", "shelve", "shutil", "smtplib",
        "socket", "sqlite3", "ssl", "subprocess", "tarfile", "tempfile", "threading", "time", "urllib",
        "webbrowser", "zipfile",
    }
)  # fmt: skip
IO_BUILTINS = frozenset({"open", "input", "print"})
IO_METHODS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes"})  # pathlib, resources
CLOCK_METHODS = frozenset({"now", "utcnow", "today"})  # datetime.now(), date.today()


def _import_problem(name: str) -> str | None:
    top = name.split(".")[0]
    if top == "liftwell":
        core = name == "liftwell.core" or name.startswith("liftwell.core.")
        return None if core else f"imports {name}: core imports only core"
    if top not in sys.stdlib_module_names:
        return f"imports {name}, which is not in the standard library"
    if top in IO_MODULES:
        return f"imports {name}, which reaches files, the network, processes or the clock"
    return None


def impurities(source: str) -> list[str]:
    """What in `source` breaks core's rules, one line each, as "line N: ..."."""
    problems: list[str] = []
    for node in ast.walk(ast.parse(source)):
        found: list[str | None] = []
        if isinstance(node, ast.Import):
            found = [_import_problem(alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found = [_import_problem(node.module)]
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in IO_BUILTINS:
                found = [f"calls {func.id}()"]
            elif isinstance(func, ast.Attribute) and func.attr in IO_METHODS:
                found = [f"calls .{func.attr}(), which reads or writes a file"]
            elif isinstance(func, ast.Attribute) and func.attr in CLOCK_METHODS:
                found = [f"calls .{func.attr}(): pass today/now in instead"]
        problems += [f"line {node.lineno}: {problem}" for problem in found if problem]
    return problems


@pytest.mark.parametrize("path", CORE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_is_pure(path: Path) -> None:
    assert impurities(path.read_text(encoding="utf-8")) == [], path.relative_to(ROOT)


def test_the_scan_covers_the_program_parser_and_the_exercise_library() -> None:
    names = {str(path.relative_to(ROOT)) for path in CORE_FILES}
    assert {"core/programs/parse.py", "core/programs/dump.py", "core/exercise_library.py"} <= names


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Allowed: the standard library's pure modules, core itself, relative imports.
        ("import re\nfrom collections.abc import Mapping\nfrom datetime import date", None),
        ("from liftwell.core.units import to_kg\nimport liftwell.core.programs.model", None),
        ("from . import model\nfrom .parse import program_from_tree", None),
        ("import json\njson.loads(text)", None),
        ("date.fromisoformat(text)\nday.replace(day=1)", None),
        # Refused: third-party packages, the edge, and I/O by import or by call.
        ("import yaml", "line 1: imports yaml, which is not in the standard library"),
        ("from django.db import models", "line 1: imports django.db, which is not in the standard library"),
        ("from liftwell.data.loaders import load_shipped_library", "line 1: imports liftwell.data.loaders"),
        ("import re\nfrom importlib.resources import files", "line 2: imports importlib.resources, which"),
        ("from importlib import resources", "line 1: imports importlib, which reaches files"),
        ("from pathlib import Path", "line 1: imports pathlib, which reaches files"),
        ("import os.path", "line 1: imports os.path, which reaches files"),
        ("import time", "line 1: imports time, which reaches files, the network, processes or the clock"),
        ("text = open('exercises.json').read()", "line 1: calls open()"),
        ("print(total)", "line 1: calls print()"),
        ("folder.joinpath('a.yaml').read_text(encoding='utf-8')", "line 1: calls .read_text()"),
        ("target.write_bytes(data)", "line 1: calls .write_bytes()"),
        ("moment = datetime.now(tz)", "line 1: calls .now(): pass today/now in instead"),
        ("day = date.today()", "line 1: calls .today(): pass today/now in instead"),
    ],
)
def test_the_scan_tells_pure_from_impure(source: str, expected: str | None) -> None:
    problems = impurities(source)
    if expected is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problems[0].startswith(expected), problems
