"""The sections of a backup, one per app, in the order they are restored.

To add an app: write a module here with `dump(*, user, refs)`
returning plain JSON values and `load(*, user, data, refs)` returning `{kind: (added, already_present)}`,
idempotent (by client ids or natural keys), then list it in SECTIONS after the sections it refers to.
"""

from __future__ import annotations

from dataclasses import dataclass

from liftwell.web.imports.backup import exercises, health, imports, planning, profile, programs, training
from liftwell.web.imports.backup.base import Dump, Load


@dataclass(frozen=True)
class Section:
    name: str
    dump: Dump
    load: Load


SECTIONS: tuple[Section, ...] = (
    Section("profile", profile.dump, profile.load),
    Section("exercises", exercises.dump, exercises.load),
    Section("training", training.dump, training.load),
    Section("health", health.dump, health.load),
    Section("imports", imports.dump, imports.load),  # after "health": it links to body measurements
    Section("programs", programs.dump, programs.load),  # after "training": sessions name workouts
    Section("planning", planning.dump, planning.load),
)
