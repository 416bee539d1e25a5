"""Liftwell's shipped exercise library and its parser (no database)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable
from importlib.resources import files

import pytest

from liftwell.core.exercise_library import (
    CUE_MAX_LENGTH,
    ENTRY_FIELDS,
    ExerciseLibraryError,
    ExerciseSpec,
    build_name_index,
    parse_exercise_library,
)
from liftwell.core.names import normalize_name
from liftwell.core.vocabulary import Equipment, Measure, MovementFeature, Muscle, Pattern
from liftwell.data.loaders import load_shipped_library


@pytest.fixture(scope="module")
def library() -> list[ExerciseSpec]:
    return load_shipped_library()


def _by_casefold(library: list[ExerciseSpec]) -> dict[str, ExerciseSpec]:
    """Names and aliases, matched case-insensitively and otherwise exactly."""
    index: dict[str, ExerciseSpec] = {}
    for spec in library:
        for label in spec.all_names:
            index.setdefault(label.casefold(), spec)
    return index


# --- the shipped file -------------------------------------------------------------------------------


def test_shipped_library_parses_and_is_big_enough(library: list[ExerciseSpec]) -> None:
    assert len(library) >= 200
    assert all(isinstance(spec, ExerciseSpec) for spec in library)


def test_slugs_and_names_are_unique(library: list[ExerciseSpec]) -> None:
    slugs = [spec.slug for spec in library]
    names = [spec.name.casefold() for spec in library]
    assert len(set(slugs)) == len(slugs)
    assert len(set(names)) == len(names)


def test_aliases_never_clash_across_exercises(library: list[ExerciseSpec]) -> None:
    owner: dict[str, str] = {}
    for spec in library:
        for label in {label.casefold() for label in spec.all_names}:
            assert label not in owner, f"{label!r} is used by {owner[label]} and {spec.slug}"
            owner[label] = spec.slug


def test_names_and_aliases_stay_distinct_under_the_import_normal_form(library: list[ExerciseSpec]) -> None:
    """Imports match names after folding case, accents and punctuation; no two exercises may then meet."""
    owner: dict[str, str] = {}
    for spec in library:
        for key in {normalize_name(label) for label in spec.all_names}:
            assert key, f"{spec.slug} has a name or alias with no letters"
            assert owner.setdefault(key, spec.slug) == spec.slug, f"{key!r}: {owner[key]} vs {spec.slug}"


def test_every_muscle_is_somebodys_primary(library: list[ExerciseSpec]) -> None:
    primaries = {muscle for spec in library for muscle in spec.primary_muscles}
    assert set(Muscle) - primaries == set()


def test_every_equipment_except_other_is_used(library: list[ExerciseSpec]) -> None:
    used = {spec.equipment for spec in library}
    assert set(Equipment) - {Equipment.OTHER} - used == set()


def test_every_pattern_is_used(library: list[ExerciseSpec]) -> None:
    assert set(Pattern) - {spec.pattern for spec in library} == set()


def test_every_exercise_has_two_to_four_short_cues(library: list[ExerciseSpec]) -> None:
    for spec in library:
        assert 2 <= len(spec.cues) <= 4, spec.slug
        assert all(0 < len(cue) <= CUE_MAX_LENGTH for cue in spec.cues), spec.slug
        assert len(set(spec.cues)) == len(spec.cues), spec.slug


def test_secondary_muscles_never_repeat_primary(library: list[ExerciseSpec]) -> None:
    for spec in library:
        assert not set(spec.primary_muscles) & set(spec.secondary_muscles), spec.slug


def test_timed_and_distance_exercises_exist(library: list[ExerciseSpec]) -> None:
    by_slug = {spec.slug: spec for spec in library}
    assert by_slug["plank"].measure is Measure.TIME
    assert by_slug["dead-hang"].measure is Measure.TIME
    assert by_slug["sled-push"].measure is Measure.WEIGHT_DISTANCE
    assert by_slug["dumbbell-farmer-carry"].measure is Measure.WEIGHT_DISTANCE


# --- movement features (what a movement does that a condition may rule out) ------------------------------

Feature = MovementFeature


def test_every_entry_of_the_file_lists_its_features() -> None:
    """The field is required in the file itself, an empty list included (the parser's default is for
    exercises built elsewhere)."""
    raw = json.loads((files("liftwell.data") / "exercises.json").read_text(encoding="utf-8"))
    assert raw and all(isinstance(entry.get("features"), list) for entry in raw), [
        entry.get("slug") for entry in raw if not isinstance(entry.get("features"), list)
    ]


# The exercises a clinical review named (issue 14), and a few per feature. Osteoporosis advice (Too Fit To
# Fracture, Giangregorio et al., Osteoporos Int 2014; Brooke-Wavell et al., Br J Sports Med 2022) names
# flexion, twisting, side bending and toe touches; pregnancy advice (ACOG Committee Opinion 804, 2020)
# names lying on the back.
KNOWN_FEATURES: list[tuple[str, frozenset[MovementFeature]]] = [
    ("cable-wood-chop", frozenset({Feature.LOADED_ROTATION})),
    ("medicine-ball-rotational-throw", frozenset({Feature.LOADED_ROTATION})),
    (
        "russian-twist",
        frozenset({Feature.SPINAL_FLEXION, Feature.SPINAL_FLEXION_LOADED, Feature.LOADED_ROTATION}),
    ),
    ("walkout", frozenset({Feature.SPINAL_FLEXION, Feature.SPINAL_FLEXION_LOADED, Feature.FLOOR_REACH})),
    ("mcgill-curl-up", frozenset({Feature.SPINAL_FLEXION, Feature.SUPINE})),
    ("dumbbell-side-bend", frozenset({Feature.LATERAL_FLEXION_LOADED})),
    (
        "oblique-crunch",
        frozenset(
            {
                Feature.SPINAL_FLEXION,
                Feature.SPINAL_FLEXION_LOADED,
                Feature.LATERAL_FLEXION_LOADED,
                Feature.SUPINE,
            }
        ),
    ),
    ("crunch", frozenset({Feature.SPINAL_FLEXION, Feature.SPINAL_FLEXION_LOADED, Feature.SUPINE})),
    ("sit-up", frozenset({Feature.SPINAL_FLEXION, Feature.SPINAL_FLEXION_LOADED, Feature.SUPINE})),
    ("barbell-good-morning", frozenset({Feature.SPINAL_FLEXION, Feature.SPINAL_FLEXION_LOADED})),
    ("dumbbell-chest-supported-row", frozenset({Feature.PRONE})),
    ("back-extension", frozenset({Feature.PRONE})),
    ("machine-lying-leg-curl", frozenset({Feature.PRONE})),
    ("barbell-bench-press", frozenset({Feature.SUPINE})),
    ("barbell-hip-thrust", frozenset({Feature.SUPINE})),
    ("glute-bridge", frozenset({Feature.SUPINE})),
    ("box-jump", frozenset({Feature.IMPACT})),
    ("pogo-hops", frozenset({Feature.IMPACT})),
    ("barbell-power-clean", frozenset({Feature.IMPACT, Feature.BREATH_HOLD})),
    ("barbell-rack-pull", frozenset({Feature.BREATH_HOLD})),
    # Nothing to rule out: a flat-backed hinge, an inclined press, a seated machine, the isometrics.
    ("barbell-deadlift", frozenset()),
    ("barbell-incline-bench-press", frozenset()),
    ("machine-back-extension", frozenset()),
    ("wall-sit", frozenset()),
    ("isometric-handgrip-hold", frozenset()),
    ("plank", frozenset()),
    ("side-plank", frozenset()),
]


@pytest.mark.parametrize(("slug", "features"), KNOWN_FEATURES, ids=[row[0] for row in KNOWN_FEATURES])
def test_known_exercises_have_the_expected_features(
    library: list[ExerciseSpec], slug: str, features: frozenset[MovementFeature]
) -> None:
    by_slug = {spec.slug: spec for spec in library}
    assert by_slug[slug].features == features


def test_every_feature_is_used(library: list[ExerciseSpec]) -> None:
    assert set(MovementFeature) - {feature for spec in library for feature in spec.features} == set()


def test_features_agree_with_the_pattern(library: list[ExerciseSpec]) -> None:
    """Every trunk-flexion exercise curls the spine under load, and every jump lands."""
    for spec in library:
        if spec.pattern is Pattern.TRUNK_FLEXION:
            assert Feature.SPINAL_FLEXION_LOADED in spec.features, spec.slug
        if spec.pattern is Pattern.JUMP:
            assert Feature.IMPACT in spec.features, spec.slug
        if Feature.SPINAL_FLEXION_LOADED in spec.features:
            assert Feature.SPINAL_FLEXION in spec.features, spec.slug


def test_specs_built_outside_the_file_default_to_no_features(library: list[ExerciseSpec]) -> None:
    spec = library[0]
    bare = ExerciseSpec(
        slug="custom",
        name="Custom",
        aliases=(),
        primary_muscles=spec.primary_muscles,
        secondary_muscles=(),
        equipment=spec.equipment,
        pattern=spec.pattern,
        mechanic=spec.mechanic,
        laterality=spec.laterality,
        measure=spec.measure,
        benefits=(),
        cues=spec.cues,
    )
    assert bare.features == frozenset()


@pytest.mark.parametrize(
    "name",
    [
        "Sit-to-Stand",
        "Chair Stand",
        "Step-Up",
        "Wall Push-Up",
        "Farmer Carry",
        "Single-Leg Stance",
        "Tandem Walk",
        "Heel Raise",
        "Bird Dog",
        "Dead Bug",
        "Glute Bridge",
        "Band Pull-Apart",
        "Suitcase Carry",
        "Power Clean",
        "Box Jump",
        "Jump Squat",
        "Medicine Ball Chest Pass",
        "McGill Curl-Up",
        "Side Plank",
        "Pallof Press",
        "Plank",
        "Dead Hang",
        "Sled Push",
    ],
)
def test_everyday_athletic_and_back_care_staples_are_present(library: list[ExerciseSpec], name: str) -> None:
    assert name.casefold() in _by_casefold(library)


def test_rdl_is_an_alias_of_a_romanian_deadlift(library: list[ExerciseSpec]) -> None:
    owners = [spec for spec in library if "rdl" in {alias.casefold() for alias in spec.aliases}]
    assert len(owners) == 1
    assert "romanian deadlift" in owners[0].name.casefold()


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Squat (Barbell)", "barbell-back-squat"),
        ("Bench Press (Dumbbell)", "dumbbell-bench-press"),
        ("Romanian Deadlift (Barbell)", "barbell-romanian-deadlift"),
        ("OHP", "barbell-overhead-press"),
        ("ohp", "barbell-overhead-press"),
        ("RDL", "barbell-romanian-deadlift"),
        ("Deadlift (Barbell)", "barbell-deadlift"),
        ("Deadlift", "barbell-deadlift"),
        ("Overhead Press (Barbell)", "barbell-overhead-press"),
        ("Overhead Press", "barbell-overhead-press"),
        ("Lat Pulldown (Cable)", "cable-lat-pulldown"),
        ("Bicep Curl (Dumbbell)", "dumbbell-bicep-curl"),
        ("Flat Barbell Bench Press", "barbell-bench-press"),
        ("Barbell Squat", "barbell-back-squat"),
        ("SLDL", "barbell-stiff-leg-deadlift"),
        ("BSS", "dumbbell-bulgarian-split-squat"),
        ("DB Row", "dumbbell-one-arm-row"),
        ("BB Row", "barbell-bent-over-row"),
        ("T-Bar Row", "t-bar-row"),
        ("Skullcrusher", "barbell-skullcrusher"),
        ("Pull Up", "pull-up"),
        ("Pull-Up", "pull-up"),
        ("Chin Up", "chin-up"),
        ("Chin-Up", "chin-up"),
    ],
)
def test_common_export_names_resolve(library: list[ExerciseSpec], typed: str, slug: str) -> None:
    spec = _by_casefold(library).get(typed.casefold())
    assert spec is not None, typed
    assert spec.slug == slug


def test_name_index_uses_the_import_normal_form(library: list[ExerciseSpec]) -> None:
    index = build_name_index(library)
    assert index[normalize_name("pull   up")].slug == "pull-up"
    assert index[normalize_name("Leg Raise (Captain´s Chair)")].slug == "captains-chair-knee-raise"


# --- the parser ---------------------------------------------------------------------------------------


def _entry(slug: str = "test-squat", name: str = "Test Squat") -> dict[str, object]:
    return {
        "slug": slug,
        "name": name,
        "aliases": [f"{name} Alias"],
        "primary_muscles": ["quads", "glutes"],
        "secondary_muscles": ["adductors"],
        "equipment": "barbell",
        "pattern": "squat",
        "mechanic": "compound",
        "laterality": "bilateral",
        "measure": "weight_reps",
        "benefits": ["bone_loading"],
        "features": [],
        "cues": ["Brace first.", "Stand up."],
    }


def test_parser_accepts_a_valid_entry() -> None:
    [spec] = parse_exercise_library([_entry()])
    assert spec.primary_muscles == (Muscle.QUADS, Muscle.GLUTES)
    assert spec.equipment is Equipment.BARBELL
    assert spec.aliases == ("Test Squat Alias",)
    assert set(ENTRY_FIELDS) == set(_entry())


def test_parser_allows_punctuation_variants_within_one_entry() -> None:
    entry = _entry()
    entry["aliases"] = ["Test-Squat", "TEST-SQUAT (BB)", "Test Squat (BB)"]
    [spec] = parse_exercise_library([entry])
    assert "Test-Squat" in spec.aliases


Mutation = Callable[[list[dict[str, object]]], None]


def _set(field: str, value: object, index: int = 0) -> Mutation:
    def mutate(entries: list[dict[str, object]]) -> None:
        entries[index][field] = value

    return mutate


def _delete(field: str) -> Mutation:
    def mutate(entries: list[dict[str, object]]) -> None:
        del entries[0][field]

    return mutate


def _append(entry: dict[str, object]) -> Mutation:
    def mutate(entries: list[dict[str, object]]) -> None:
        entries.append(entry)

    return mutate


def _clash_with_alias(entries: list[dict[str, object]]) -> None:
    other = _entry("other-squat", "Other Squat")
    other["aliases"] = ["test squat alias"]
    entries.append(other)


BAD_INPUT: list[tuple[str, Mutation, str]] = [
    (
        "unknown muscle",
        _set("primary_muscles", ["quads", "buttocks"]),
        "entry 0 (test-squat): field 'primary_muscles': 'buttocks' is not one of chest,",
    ),
    ("missing key", _delete("pattern"), "entry 0 (test-squat): field 'pattern': is missing"),
    ("one cue", _set("cues", ["Only one."]), "entry 0 (test-squat): field 'cues': needs 2 to 4 cues, got 1"),
    (
        "five cues",
        _set("cues", ["One.", "Two.", "Three.", "Four.", "Five."]),
        "entry 0 (test-squat): field 'cues': needs 2 to 4 cues, got 5",
    ),
    (
        "overlapping primary and secondary",
        _set("secondary_muscles", ["glutes", "adductors"]),
        "entry 0 (test-squat): field 'secondary_muscles': glutes is already a primary muscle",
    ),
    (
        "duplicate slug",
        _append(_entry("test-squat", "Another Squat")),
        "entry 1 (test-squat): field 'slug': duplicate slug, already used by entry 0",
    ),
    (
        "unknown pattern",
        _set("pattern", "squatt"),
        "entry 0 (test-squat): field 'pattern': 'squatt' is not one of squat, hinge, lunge,",
    ),
    (
        "no primary muscle",
        _set("primary_muscles", []),
        "entry 0 (test-squat): field 'primary_muscles': needs at least 1 value(s), got 0",
    ),
    (
        "cue too long",
        _set("cues", ["Fine.", "x" * (CUE_MAX_LENGTH + 1)]),
        f"entry 0 (test-squat): field 'cues': cue 1 is {CUE_MAX_LENGTH + 1} characters",
    ),
    (
        "slug not kebab case",
        _set("slug", "Test_Squat"),
        "entry 0 (Test_Squat): field 'slug': 'Test_Squat' is not lowercase-kebab",
    ),
    (
        "duplicate name",
        _append(_entry("test-squat-2", "TEST SQUAT")),
        "entry 1 (test-squat-2): field 'name': 'TEST SQUAT' is already a name or alias of entry 0",
    ),
    (
        "alias equals another exercise's alias",
        _clash_with_alias,
        "entry 1 (other-squat): field 'aliases': 'test squat alias' is already a name or alias of entry 0",
    ),
    (
        "alias repeated within the entry",
        _set("aliases", ["Front Squat", "front squat"]),
        "entry 0 (test-squat): field 'aliases': 'front squat' repeats the name or another alias",
    ),
    (
        "unknown field",
        _set("difficulty", "hard"),
        "entry 0 (test-squat): field 'difficulty': is not a known field",
    ),
    (
        "wrong type",
        _set("aliases", "RDL"),
        "entry 0 (test-squat): field 'aliases': expected a list, got str",
    ),
    ("features missing", _delete("features"), "entry 0 (test-squat): field 'features': is missing"),
    (
        "unknown feature",
        _set("features", ["twisting"]),
        "entry 0 (test-squat): field 'features': 'twisting' is not one of spinal_flexion,",
    ),
    (
        "feature repeated",
        _set("features", ["supine", "supine"]),
        "entry 0 (test-squat): field 'features': repeats supine",
    ),
    (
        "features not a list",
        _set("features", "supine"),
        "entry 0 (test-squat): field 'features': expected a list, got str",
    ),
    (
        "loaded flexion without flexion",
        _set("features", ["spinal_flexion_loaded"]),
        "entry 0 (test-squat): field 'features': spinal_flexion_loaded needs spinal_flexion listed too",
    ),
    (
        "bad entry later in the file",
        _append({**_entry("third-squat", "Third Squat"), "measure": "reps"}),
        "entry 1 (third-squat): field 'measure': 'reps' is not one of weight_reps,",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "message"), [case[1:] for case in BAD_INPUT], ids=[c[0] for c in BAD_INPUT]
)
def test_parser_rejects_bad_input_naming_entry_and_field(mutate: Mutation, message: str) -> None:
    entries = [copy.deepcopy(_entry())]
    mutate(entries)
    with pytest.raises(ExerciseLibraryError, match=re.escape(message)):
        parse_exercise_library(entries)


def test_library_error_is_a_value_error() -> None:
    assert issubclass(ExerciseLibraryError, ValueError)


def test_parser_rejects_a_non_object_entry() -> None:
    with pytest.raises(ExerciseLibraryError, match=re.escape("entry 0 (?): expected an object, got str")):
        parse_exercise_library(["squat"])  # type: ignore[list-item]
