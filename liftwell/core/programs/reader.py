"""What program parsing reads and reports: a tree of values with their lines, and field-by-field checks.

The text format (YAML, docs/programs.md) is read at the edge, by `liftwell.data.program_text`, into a
tree of `Located` values; `liftwell.core.programs.parse` checks that tree with the `FieldReader` below.
Every problem names the line (when the tree came from text) and the field path, like
"line 14, days[1].exercises[2].sets: must be 1 or more".
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class ProgramFormatError(ValueError):
    """The text is not a valid program; `problems` lists each one with its line and field path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def sorted_problems(problems: Collection[Problem]) -> list[Problem]:
    """Problems in the order of the text: by line, then by field path."""
    return sorted(problems, key=lambda p: (p.line or 0, p.path))


@dataclass(frozen=True)
class Located:
    """A value of a program document with the line it starts on: dict[str, Located], list[Located] or a
    scalar (text, number, true/false, null). `line` is None for data that never was text."""

    value: Any
    line: int | None
    raw: str | None = None  # a scalar's text as written ("0x5" stays "0x5", not the YAML 1.1 hex 5)


def locate_plain(data: object) -> Located:
    """Plain data (dicts, lists and scalars, as `program_to_data` gives) as a tree without lines.

    A scalar's raw text is its `str()`, which is what a text format would have written for it.
    """
    if isinstance(data, dict):
        return Located({str(key): locate_plain(value) for key, value in data.items()}, None)
    if isinstance(data, list | tuple):
        return Located([locate_plain(item) for item in data], None)
    return Located(data, None, None if data is None else str(data))


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class FieldReader:
    """Reads one mapping field by field, recording problems instead of stopping at the first."""

    def __init__(self, problems: list[Problem], node: Located, path: str, fields: Collection[str]) -> None:
        self.problems = problems
        self.node = node
        self.path = path
        self.items: dict[str, Located] = node.value if isinstance(node.value, dict) else {}
        if not isinstance(node.value, dict):
            self.fail(node, path, "must be a mapping of fields")
        for key, child in self.items.items():
            if key not in fields:
                self.fail(child, join_path(path, key), f"unknown field (expected one of {', '.join(fields)})")

    def fail(self, node: Located | None, path: str, message: str) -> None:
        self.problems.append(Problem(node.line if node else self.node.line, path, message))

    def at(self, key: str) -> str:
        return join_path(self.path, key)

    def has(self, key: str) -> bool:
        return key in self.items

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        node = self.items.get(key)
        if node is None:
            if required:
                self.fail(None, self.at(key), "is required")
            return default
        if not isinstance(node.value, str) or (required and not node.value.strip()):
            self.fail(
                node, self.at(key), "must be text" if not isinstance(node.value, str) else "must not be empty"
            )
            return default
        return node.value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        node = self.items.get(key)
        if node is None:
            return ()
        if not isinstance(node.value, list) or not all(isinstance(i.value, str) for i in node.value):
            self.fail(node, self.at(key), "must be a list of text")
            return ()
        return tuple(item.value.strip() for item in node.value)

    def number(self, key: str, low: float, high: float, *, default: float | None = None) -> float | None:
        node = self.items.get(key)
        if node is None:
            if default is None:
                self.fail(None, self.at(key), "is required")
            return default
        return _number(self, node, self.at(key), low, high)

    def integer(self, key: str, low: int, high: int, *, default: int | None = None) -> int | None:
        value = self.number(key, low, high, default=default)
        if value is not None and value != int(value):
            self.fail(self.items.get(key), self.at(key), "must be a whole number")
            return default
        return None if value is None else int(value)

    def flag(self, key: str) -> bool:
        node = self.items.get(key)
        if node is None:
            return False
        if not isinstance(node.value, bool):
            self.fail(node, self.at(key), "must be true or false")
            return False
        return bool(node.value)

    def items_of(self, key: str, *, required: bool = True) -> Iterator[tuple[Located, str]]:
        node = self.items.get(key)
        if node is None:
            if required:
                self.fail(None, self.at(key), "is required")
            return
        if not isinstance(node.value, list) or not node.value:
            self.fail(node, self.at(key), "must be a list with 1 or more items")
            return
        for index, item in enumerate(node.value):
            yield item, f"{self.at(key)}[{index}]"


def _number(reader: FieldReader, node: Located, path: str, low: float, high: float) -> float | None:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        reader.fail(node, path, "must be a number")
        return None
    if not low <= value <= high:
        reader.fail(node, path, f"must be {_fmt(low)} to {_fmt(high)}, got {_fmt(value)}")
        return None
    return float(value)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
