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
    """A category code (stable, for storage and the API), a plain-language label and its source."""

    code: str
    label: str
    source: str
    level: Level = Level.INFO

    @property
    def cited(self) -> str:
        """The label with its source, as on a badge: "Stage 2 hypertension (ACC/AHA 2017)"."""
        return f"{self.label} ({self.source})"
