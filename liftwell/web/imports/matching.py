"""Which Liftwell exercise an exercise name from another app means.

In order: what this person chose before for that app, the library's names and aliases (normalised),
then the closest name by difflib (ratio >= 0.85). Names that match nothing become custom exercises.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.names import normalize_name
from liftwell.core.vocabulary import Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
from liftwell.importers.free_exercise_db import PATTERN_WORDS
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import visible_exercises
from liftwell.web.imports.models import ExerciseMapping

FUZZY_CUTOFF = 0.85


@dataclass(frozen=True)
class Match:
    name: str  # as the file writes it
    exercise: Exercise | None
    how: str  # "remembered", "name", "fuzzy", "chosen" or "new"


class Library:
    """The exercises a person may pick, indexed by every normalised name and alias."""

    def __init__(self, user: User) -> None:
        self.by_key: dict[str, Exercise] = {}
        self.by_id: dict[int, Exercise] = {}
        # Own exercises after shared ones, so a person's own name wins a tie.
        for exercise in visible_exercises(user, include_hidden=True).order_by("owner_id", "pk"):
            self.by_id[exercise.pk] = exercise
            for key in exercise.search_text.split(" | "):
                if key:
                    self.by_key[key] = exercise
        self.keys = list(self.by_key)

    def find(self, name: str) -> tuple[Exercise | None, str]:
        key = normalize_name(name)
        if key in self.by_key:
            return self.by_key[key], "name"
        close = difflib.get_close_matches(key, self.keys, n=1, cutoff=FUZZY_CUTOFF)
        if close:
            return self.by_key[close[0]], "fuzzy"
        return None, "new"


def match_names(
    *, user: User, source_app: str, names: Iterable[str], library: Library | None = None
) -> dict[str, Match]:
    library = library or Library(user)
    remembered = {
        row.name_key: row.exercise_id
        for row in ExerciseMapping.objects.filter(owner=user, source_app=source_app)
    }
    matches: dict[str, Match] = {}
    for name in names:
        exercise_id = remembered.get(normalize_name(name))
        if exercise_id is not None and exercise_id in library.by_id:
            matches[name] = Match(name, library.by_id[exercise_id], "remembered")
            continue
        exercise, how = library.find(name)
        matches[name] = Match(name, exercise, how)
    return matches


_EQUIPMENT_WORDS = [
    ("barbell", Equipment.BARBELL),
    ("dumbbell", Equipment.DUMBBELL),
    ("kettlebell", Equipment.KETTLEBELL),
    ("cable", Equipment.CABLE),
    ("smith", Equipment.SMITH_MACHINE),
    ("machine", Equipment.MACHINE),
    ("band", Equipment.BAND),
    ("bodyweight", Equipment.BODYWEIGHT),
]
_PATTERN_MUSCLE = {
    Pattern.SQUAT: Muscle.QUADS,
    Pattern.LUNGE: Muscle.QUADS,
    Pattern.HINGE: Muscle.HAMSTRINGS,
    Pattern.HORIZONTAL_PUSH: Muscle.CHEST,
    Pattern.VERTICAL_PUSH: Muscle.FRONT_DELTS,
    Pattern.HORIZONTAL_PULL: Muscle.UPPER_BACK,
    Pattern.VERTICAL_PULL: Muscle.LATS,
}


def custom_spec(name: str) -> ExerciseSpec:
    """A first guess at a custom exercise for an unmatched name; the person can edit it later."""
    key = f" {normalize_name(name)} "
    equipment = next((eq for word, eq in _EQUIPMENT_WORDS if f" {word}" in key), Equipment.OTHER)
    pattern = next((p for word, p in PATTERN_WORDS if f" {word}" in key), Pattern.ISOLATION)
    return ExerciseSpec(
        slug="",
        name=re.sub(r"\s+", " ", name).strip()[:120],
        aliases=(),
        primary_muscles=(_PATTERN_MUSCLE.get(pattern, Muscle.ABS),),
        secondary_muscles=(),
        equipment=equipment,
        pattern=pattern,
        mechanic=Mechanic.ISOLATION if pattern == Pattern.ISOLATION else Mechanic.COMPOUND,
        laterality=Laterality.BILATERAL,
        measure=Measure.BODYWEIGHT_REPS if equipment == Equipment.BODYWEIGHT else Measure.WEIGHT_REPS,
        benefits=(),
        cues=(),
    )
