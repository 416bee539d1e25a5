"""Exercise libraries in the free-exercise-db JSON format (a list of objects with name, muscles...).

The vocabulary there differs from ours; this module maps it, and infers the movement pattern from
the name where the format has none. Entries that cannot be mapped become problems, not errors.
"""

from __future__ import annotations

import json
from typing import Any

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.names import normalize_name
from liftwell.core.vocabulary import Equipment, Laterality, Measure, Mechanic, Muscle, Pattern
from liftwell.importers.result import ImportResult, Problem

MUSCLES: dict[str, Muscle] = {
    "abdominals": Muscle.ABS,
    "abductors": Muscle.ABDUCTORS,
    "adductors": Muscle.ADDUCTORS,
    "biceps": Muscle.BICEPS,
    "calves": Muscle.CALVES,
    "chest": Muscle.CHEST,
    "forearms": Muscle.FOREARMS,
    "glutes": Muscle.GLUTES,
    "hamstrings": Muscle.HAMSTRINGS,
    "lats": Muscle.LATS,
    "lower back": Muscle.LOWER_BACK,
    "middle back": Muscle.UPPER_BACK,
    "neck": Muscle.NECK,
    "quadriceps": Muscle.QUADS,
    "shoulders": Muscle.SIDE_DELTS,
    "traps": Muscle.TRAPS,
    "triceps": Muscle.TRICEPS,
}

EQUIPMENT: dict[str | None, Equipment] = {
    None: Equipment.OTHER,
    "body only": Equipment.BODYWEIGHT,
    "machine": Equipment.MACHINE,
    "other": Equipment.OTHER,
    "foam roll": Equipment.OTHER,
    "kettlebells": Equipment.KETTLEBELL,
    "dumbbell": Equipment.DUMBBELL,
    "cable": Equipment.CABLE,
    "barbell": Equipment.BARBELL,
    "bands": Equipment.BAND,
    "medicine ball": Equipment.MEDICINE_BALL,
    "exercise ball": Equipment.STABILITY_BALL,
    "e-z curl bar": Equipment.EZ_BAR,
}

# Checked in order: the first word found in the normalised name decides the pattern.
PATTERN_WORDS: list[tuple[str, Pattern]] = [
    ("carry", Pattern.CARRY),
    ("farmer", Pattern.CARRY),
    ("jump", Pattern.JUMP),
    ("plank", Pattern.ANTI_EXTENSION),
    ("rollout", Pattern.ANTI_EXTENSION),
    ("deadlift", Pattern.HINGE),
    ("good morning", Pattern.HINGE),
    ("hip thrust", Pattern.HINGE),
    ("swing", Pattern.HINGE),
    ("clean", Pattern.HINGE),
    ("snatch", Pattern.HINGE),
    ("lunge", Pattern.LUNGE),
    ("split squat", Pattern.LUNGE),
    ("step up", Pattern.LUNGE),
    ("squat", Pattern.SQUAT),
    ("leg press", Pattern.SQUAT),
    ("pulldown", Pattern.VERTICAL_PULL),
    ("pull up", Pattern.VERTICAL_PULL),
    ("pullup", Pattern.VERTICAL_PULL),
    ("chin up", Pattern.VERTICAL_PULL),
    ("row", Pattern.HORIZONTAL_PULL),
    ("overhead", Pattern.VERTICAL_PUSH),
    ("shoulder press", Pattern.VERTICAL_PUSH),
    ("military", Pattern.VERTICAL_PUSH),
    ("bench press", Pattern.HORIZONTAL_PUSH),
    ("push up", Pattern.HORIZONTAL_PUSH),
    ("pushup", Pattern.HORIZONTAL_PUSH),
    ("dip", Pattern.VERTICAL_PUSH),
    ("crunch", Pattern.TRUNK_FLEXION),
    ("sit up", Pattern.TRUNK_FLEXION),
    ("side bend", Pattern.LATERAL_FLEXION),
    ("twist", Pattern.ANTI_ROTATION),
]


def parse_free_exercise_db(text: str) -> ImportResult[ExerciseSpec]:
    """Parse the JSON text of a free-exercise-db style library into exercise specs."""
    result: ImportResult[ExerciseSpec] = ImportResult()
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        result.problems.append(Problem(error.lineno, "", f"not valid JSON: {error.msg}"))
        return result
    if not isinstance(entries, list):
        result.problems.append(Problem(0, "", "expected a JSON list of exercises"))
        return result
    seen: set[str] = set()
    for index, entry in enumerate(entries, start=1):
        spec = _parse_entry(index, entry, result.problems)
        if spec is None:
            continue
        key = normalize_name(spec.name)
        if key in seen:
            result.problems.append(Problem(index, "name", f"'{spec.name}' appears twice; kept the first"))
            continue
        seen.add(key)
        result.rows.append(spec)
    return result


def _parse_entry(index: int, entry: Any, problems: list[Problem]) -> ExerciseSpec | None:
    # `line` holds the entry's position in the list: JSON has no useful line per entry.
    if not isinstance(entry, dict):
        problems.append(Problem(index, "", "entry is not an object"))
        return None
    name = str(entry.get("name") or "").strip()
    if not name:
        problems.append(Problem(index, "name", "missing"))
        return None
    primary: list[Muscle] = []
    secondary: list[Muscle] = []
    for key, target in (("primaryMuscles", primary), ("secondaryMuscles", secondary)):
        for raw in entry.get(key) or []:
            muscle = MUSCLES.get(str(raw).lower())
            if muscle is None:
                problems.append(Problem(index, key, f"unknown muscle '{raw}' in '{name}'"))
                return None
            if muscle not in target and (target is primary or muscle not in primary):
                target.append(muscle)
    if not primary:
        problems.append(Problem(index, "primaryMuscles", f"'{name}' names no primary muscle"))
        return None
    raw_equipment = entry.get("equipment")
    equipment = EQUIPMENT.get(raw_equipment.lower() if isinstance(raw_equipment, str) else None)
    if equipment is None:
        problems.append(Problem(index, "equipment", f"unknown equipment '{raw_equipment}' in '{name}'"))
        return None
    mechanic = Mechanic.ISOLATION if entry.get("mechanic") == "isolation" else Mechanic.COMPOUND
    category = str(entry.get("category") or "strength").lower()
    instructions = [str(step).strip() for step in entry.get("instructions") or [] if str(step).strip()]
    return ExerciseSpec(
        slug=str(entry.get("id") or name),
        name=name,
        aliases=(),
        primary_muscles=tuple(primary),
        secondary_muscles=tuple(secondary),
        equipment=equipment,
        pattern=_infer_pattern(name, mechanic, category),
        mechanic=mechanic,
        laterality=Laterality.BILATERAL,
        measure=_infer_measure(category, equipment),
        benefits=(),
        cues=tuple(instructions[:4]),
    )


def _infer_pattern(name: str, mechanic: Mechanic, category: str) -> Pattern:
    if category == "stretching":
        return Pattern.MOBILITY
    if category == "cardio":
        return Pattern.CONDITIONING
    normalized = f" {normalize_name(name)} "
    for word, pattern in PATTERN_WORDS:
        if f" {word}" in normalized:
            return pattern
    if category == "plyometrics":
        return Pattern.JUMP
    return Pattern.ISOLATION if mechanic == Mechanic.ISOLATION else Pattern.CONDITIONING


def _infer_measure(category: str, equipment: Equipment) -> Measure:
    if category in {"stretching", "cardio"}:
        return Measure.TIME
    if equipment == Equipment.BODYWEIGHT:
        return Measure.BODYWEIGHT_REPS
    return Measure.WEIGHT_REPS
