"""Liftwell's shipped exercise library: the entry schema and a strict parser.

The library lives in ``liftwell/data/exercises.json`` as a list of entries, read by
``liftwell.data.loaders.load_shipped_library``. Every entry is checked field by field; any problem
raises :class:`ExerciseLibraryError` whose message names the entry (its index and slug) and the field,
so a bad edit to the JSON file is easy to find.

This module is pure Python (no Django, no file reading) so importers and tests can use it directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from liftwell.core.names import normalize_name
from liftwell.core.vocabulary import (
    BenefitTag,
    Equipment,
    Laterality,
    Measure,
    Mechanic,
    MovementFeature,
    Muscle,
    Pattern,
)

__all__ = [
    "CUE_MAX_LENGTH",
    "CUES_MAX",
    "CUES_MIN",
    "ENTRY_FIELDS",
    "ExerciseLibraryError",
    "ExerciseSpec",
    "build_name_index",
    "parse_exercise_library",
]

CUES_MIN = 2
CUES_MAX = 4
CUE_MAX_LENGTH = 120

ENTRY_FIELDS: tuple[str, ...] = (
    "slug",
    "name",
    "aliases",
    "primary_muscles",
    "secondary_muscles",
    "equipment",
    "pattern",
    "mechanic",
    "laterality",
    "measure",
    "benefits",
    "features",
    "cues",
)

_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_E = TypeVar("_E", bound=StrEnum)


class ExerciseLibraryError(ValueError):
    """The exercise library (or one entry of it) is not valid."""


@dataclass(frozen=True, slots=True)
class ExerciseSpec:
    """One exercise of the shipped library, fully validated."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    primary_muscles: tuple[Muscle, ...]
    secondary_muscles: tuple[Muscle, ...]
    equipment: Equipment
    pattern: Pattern
    mechanic: Mechanic
    laterality: Laterality
    measure: Measure
    benefits: tuple[BenefitTag, ...]
    cues: tuple[str, ...]
    # What the movement does that a health condition may rule out. Required in the shipped library;
    # exercises built elsewhere (custom, imported) default to none known.
    features: frozenset[MovementFeature] = frozenset()

    @property
    def all_names(self) -> tuple[str, ...]:
        """The display name followed by every alias."""
        return (self.name, *self.aliases)


def _fail(index: int, slug: str | None, field: str | None, problem: str) -> ExerciseLibraryError:
    where = f"entry {index} ({slug if slug else '?'})"
    if field is not None:
        where += f": field {field!r}"
    return ExerciseLibraryError(f"{where}: {problem}")


class _EntryParser:
    """Validates a single entry; every error names the entry index, its slug and the field."""

    def __init__(self, index: int, raw: Mapping[str, object]) -> None:
        self.index = index
        self.raw = raw
        slug = raw.get("slug")
        self.slug: str | None = slug if isinstance(slug, str) and slug else None

    def error(self, field: str | None, problem: str) -> ExerciseLibraryError:
        return _fail(self.index, self.slug, field, problem)

    def text(self, field: str) -> str:
        value = self.raw[field]
        if not isinstance(value, str):
            raise self.error(field, f"expected a string, got {type(value).__name__}")
        if not value.strip():
            raise self.error(field, "must not be empty")
        if value != value.strip() or "  " in value:
            raise self.error(field, f"{value!r} has stray whitespace")
        return value

    def text_list(self, field: str) -> list[str]:
        value = self.raw[field]
        if not isinstance(value, list):
            raise self.error(field, f"expected a list, got {type(value).__name__}")
        items: list[str] = []
        for position, item in enumerate(value):
            if not isinstance(item, str):
                raise self.error(field, f"item {position} must be a string, got {type(item).__name__}")
            if not item.strip():
                raise self.error(field, f"item {position} must not be empty")
            if item != item.strip() or "  " in item:
                raise self.error(field, f"item {position} {item!r} has stray whitespace")
            items.append(item)
        return items

    def choice(self, field: str, enum: type[_E]) -> _E:
        value = self.raw[field]
        return self._member(field, enum, value)

    def choices(self, field: str, enum: type[_E], *, minimum: int = 0) -> tuple[_E, ...]:
        value = self.raw[field]
        if not isinstance(value, list):
            raise self.error(field, f"expected a list, got {type(value).__name__}")
        if len(value) < minimum:
            raise self.error(field, f"needs at least {minimum} value(s), got {len(value)}")
        members = tuple(self._member(field, enum, item) for item in value)
        duplicates = sorted({m.value for m in members if members.count(m) > 1})
        if duplicates:
            raise self.error(field, f"repeats {', '.join(duplicates)}")
        return members

    def _member(self, field: str, enum: type[_E], value: object) -> _E:
        allowed = ", ".join(member.value for member in enum)
        if not isinstance(value, str):
            raise self.error(field, f"{value!r} is not one of {allowed}")
        try:
            return enum(value)
        except ValueError:
            raise self.error(field, f"{value!r} is not one of {allowed}") from None

    def parse(self) -> ExerciseSpec:
        missing = [field for field in ENTRY_FIELDS if field not in self.raw]
        if missing:
            also = f" (also missing: {', '.join(missing[1:])})" if len(missing) > 1 else ""
            raise self.error(missing[0], f"is missing{also}")
        unexpected = sorted(str(key) for key in self.raw if key not in ENTRY_FIELDS)
        if unexpected:
            raise self.error(unexpected[0], f"is not a known field (known: {', '.join(ENTRY_FIELDS)})")

        slug = self.text("slug")
        if not _SLUG_RE.fullmatch(slug):
            raise self.error("slug", f"{slug!r} is not lowercase-kebab (like 'barbell-back-squat')")
        name = self.text("name")

        if not normalize_name(name):
            raise self.error("name", f"{name!r} has no letters or digits")
        aliases = self.text_list("aliases")
        seen = {name.casefold()}
        for alias in aliases:
            if alias.casefold() in seen:
                raise self.error("aliases", f"{alias!r} repeats the name or another alias of this entry")
            if not normalize_name(alias):
                raise self.error("aliases", f"{alias!r} has no letters or digits")
            seen.add(alias.casefold())

        primary = self.choices("primary_muscles", Muscle, minimum=1)
        secondary = self.choices("secondary_muscles", Muscle)
        overlap = [muscle.value for muscle in secondary if muscle in primary]
        if overlap:
            raise self.error("secondary_muscles", f"{', '.join(overlap)} is already a primary muscle")

        features = frozenset(self.choices("features", MovementFeature))
        if (
            MovementFeature.SPINAL_FLEXION_LOADED in features
            and MovementFeature.SPINAL_FLEXION not in features
        ):
            raise self.error("features", "spinal_flexion_loaded needs spinal_flexion listed too")

        cues = self.text_list("cues")
        if not CUES_MIN <= len(cues) <= CUES_MAX:
            raise self.error("cues", f"needs {CUES_MIN} to {CUES_MAX} cues, got {len(cues)}")
        for position, cue in enumerate(cues):
            if len(cue) > CUE_MAX_LENGTH:
                raise self.error("cues", f"cue {position} is {len(cue)} characters (max {CUE_MAX_LENGTH})")

        return ExerciseSpec(
            slug=slug,
            name=name,
            aliases=tuple(aliases),
            primary_muscles=primary,
            secondary_muscles=secondary,
            equipment=self.choice("equipment", Equipment),
            pattern=self.choice("pattern", Pattern),
            mechanic=self.choice("mechanic", Mechanic),
            laterality=self.choice("laterality", Laterality),
            measure=self.choice("measure", Measure),
            benefits=self.choices("benefits", BenefitTag),
            cues=tuple(cues),
            features=features,
        )


def parse_exercise_library(entries: list[dict[str, object]]) -> list[ExerciseSpec]:
    """Validate every entry and the library as a whole; return the exercises in file order.

    Besides each entry's own fields, checks that slugs are unique and that no name or alias of one
    exercise equals a name or alias of another once both are put through
    :func:`liftwell.core.names.normalize_name` (which folds case, accents and punctuation, the form
    used to match imported names). Within one entry, spelling variants that differ only in
    punctuation ("Pull Up", "Pull-Up") are allowed; exact case-insensitive repeats are not.
    """
    if not isinstance(entries, list):
        raise ExerciseLibraryError(f"the library must be a list of entries, got {type(entries).__name__}")
    specs: list[ExerciseSpec] = []
    slug_owner: dict[str, int] = {}
    name_owner: dict[str, tuple[int, str]] = {}
    for index, raw in enumerate(entries):
        if not isinstance(raw, dict):
            raise _fail(index, None, None, f"expected an object, got {type(raw).__name__}")
        spec = _EntryParser(index, raw).parse()
        if spec.slug in slug_owner:
            first = slug_owner[spec.slug]
            raise _fail(index, spec.slug, "slug", f"duplicate slug, already used by entry {first}")
        slug_owner[spec.slug] = index
        for field, label in (("name", spec.name), *(("aliases", alias) for alias in spec.aliases)):
            key = normalize_name(label)
            other_index, other_slug = name_owner.get(key, (index, spec.slug))
            if other_index != index:
                raise _fail(
                    index,
                    spec.slug,
                    field,
                    f"{label!r} is already a name or alias of entry {other_index} ({other_slug})",
                )
            name_owner[key] = (index, spec.slug)
        specs.append(spec)
    return specs


def build_name_index(specs: Iterable[ExerciseSpec]) -> dict[str, ExerciseSpec]:
    """Map every name and alias, in :func:`liftwell.core.names.normalize_name` form, to its exercise."""
    index: dict[str, ExerciseSpec] = {}
    for spec in specs:
        for label in spec.all_names:
            index.setdefault(normalize_name(label), spec)
    return index
