"""The exercises section: the person's own exercises, the ones they hid, and their import matches."""

from __future__ import annotations

from typing import Any

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.names import normalize_name
from liftwell.core.vocabulary import BenefitTag, Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise, HiddenExercise, unpack
from liftwell.web.exercises.services import (
    DuplicateExerciseName,
    create_custom_exercise,
    is_hidden,
    set_hidden,
    visible_exercises,
)
from liftwell.web.imports.backup.base import BackupError, Counts, rows_of
from liftwell.web.imports.backup.refs import CUSTOM, ExerciseRefs
from liftwell.web.imports.models import ExerciseMapping


def _custom(exercise: Exercise) -> dict[str, Any]:
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "primary_muscles": unpack(exercise.primary_muscles),
        "secondary_muscles": unpack(exercise.secondary_muscles),
        "equipment": exercise.equipment,
        "pattern": exercise.pattern,
        "mechanic": exercise.mechanic,
        "laterality": exercise.laterality,
        "measure": exercise.measure,
        "benefits": unpack(exercise.benefits),
        "cues": list(exercise.cues),
    }


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    custom = [_custom(exercise) for exercise in Exercise.objects.filter(owner=user).order_by("slug")]
    hidden_ids = list(HiddenExercise.objects.filter(user=user).values_list("exercise_id", flat=True))
    mappings = list(
        ExerciseMapping.objects.filter(owner=user)
        .order_by("source_app", "name_key")
        .values_list("source_app", "name_key", "exercise_id")
    )
    names = refs.names_for([*hidden_ids, *(exercise_id for *_, exercise_id in mappings)])
    return {
        "custom": custom,
        "hidden": sorted(names[pk] for pk in hidden_ids),
        "mappings": [
            {"source_app": source, "name_key": key, "exercise": names[pk]} for source, key, pk in mappings
        ],
    }


def _spec(row: dict[str, Any]) -> ExerciseSpec:
    return ExerciseSpec(
        slug=str(row["slug"]),
        name=str(row["name"]).strip()[:120],
        aliases=tuple(str(alias) for alias in row.get("aliases", [])),
        primary_muscles=tuple(Muscle(value) for value in row.get("primary_muscles", [])),
        secondary_muscles=tuple(Muscle(value) for value in row.get("secondary_muscles", [])),
        equipment=Equipment(row["equipment"]),
        pattern=Pattern(row["pattern"]),
        mechanic=Mechanic(row["mechanic"]),
        laterality=Laterality(row.get("laterality", "bilateral")),
        measure=Measure(row.get("measure", "weight_reps")),
        benefits=tuple(BenefitTag(value) for value in row.get("benefits", [])),
        cues=tuple(str(cue) for cue in row.get("cues", [])),
    )


def _same_name(user: User, name: str) -> Exercise | None:
    """A visible exercise already called `name` (as its name or an alias)."""
    wanted = normalize_name(name)
    for existing in visible_exercises(user, include_hidden=True).filter(search_text__contains=wanted):
        if wanted in existing.search_text.split(" | "):
            return existing
    return None


def _load_custom(user: User, rows: list[dict[str, Any]], refs: ExerciseRefs) -> tuple[int, int]:
    added = present = 0
    for row in rows:
        spec = _spec(row)
        if not spec.name:
            raise BackupError("a custom exercise in the backup has no name")
        existing = Exercise.objects.filter(owner=user, slug=spec.slug, name=spec.name).first()
        if existing is None:
            try:
                existing = create_custom_exercise(user=user, spec=spec)
                added += 1
            except DuplicateExerciseName:
                existing = _same_name(user, spec.name)
                if existing is None:
                    raise
                present += 1
        else:
            present += 1
        refs.remember(CUSTOM + spec.slug, existing.pk)
    return added, present


def _load_hidden(user: User, names: list[Any], refs: ExerciseRefs) -> tuple[int, int]:
    added = present = 0
    exercises = Exercise.objects.in_bulk([refs.id_of(name) for name in names])
    for exercise in exercises.values():
        if is_hidden(user, exercise):
            present += 1
        else:
            set_hidden(user=user, exercise=exercise, hidden=True)
            added += 1
    return added, present


def _load_mappings(user: User, rows: list[dict[str, Any]], refs: ExerciseRefs) -> tuple[int, int]:
    added = present = 0
    for row in rows:
        exercise_id = refs.id_of(row["exercise"])
        source, name_key = str(row["source_app"])[:10], str(row["name_key"])[:200]
        mine = ExerciseMapping.objects.filter(owner=user, source_app=source, name_key=name_key)
        if mine.filter(exercise_id=exercise_id).exists():
            present += 1
            continue
        ExerciseMapping.objects.update_or_create(
            owner=user, source_app=source, name_key=name_key, defaults={"exercise_id": exercise_id}
        )
        added += 1
    return added, present


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    if not isinstance(data, dict):
        raise BackupError('"exercises" in the backup is not an object')
    hidden = data.get("hidden", [])
    if not isinstance(hidden, list):
        raise BackupError('"exercises.hidden" in the backup is not a list')
    return {
        "custom": _load_custom(user, rows_of(data, "custom"), refs),
        "hidden": _load_hidden(user, hidden, refs),
        "mappings": _load_mappings(user, rows_of(data, "mappings"), refs),
    }
