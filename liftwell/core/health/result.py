"""The shape every health classification returns."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How a result is shown: a neutral badge, one that asks for attention, or a clear warning."""

    GOOD = "good"
    INFO = "info"
    ATTENTION = "attention"
    WARNING = "warning"


@dataclass(frozen=True)
class Classification:
    """A category code (stable, for storage and the API), a plain-language label, its source, and an
    optional caveat shown beside the source ("a diagnosis needs repeated readings")."""

    code: str
    label: str
    source: str
    level: Level = Level.INFO
    note: str = ""

    @property
    def cited(self) -> str:
        """The label with its source (and caveat), as on a badge: "In the stage 2 range (ACC/AHA 2017
        office categories; a diagnosis needs repeated readings)"."""
        return f"{self.label} ({self.source}; {self.note})" if self.note else f"{self.label} ({self.source})"
