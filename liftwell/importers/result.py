"""What every importer returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

Row = TypeVar("Row")


@dataclass(frozen=True)
class Problem:
    """Something wrong with one row of a file, named so the person can find it."""

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class ImportResult(Generic[Row]):
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
