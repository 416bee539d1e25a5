"""The free-exercise-db parser, on small libraries written here."""

from __future__ import annotations

import json

from liftwell.core.vocabulary import Equipment, Measure, Muscle, Pattern
from liftwell.importers.free_exercise_db import parse_free_exercise_db


def entry(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "Goblet_Squat_X",
        "name": "Goblet Squat X",
        "force": "push",
        "level": "beginner",
        "mechanic": "compound",
        "equipment": "kettlebells",
        "primaryMuscles": ["quadriceps"],
        "secondaryMuscles": ["glutes", "quadriceps"],
        "instructions": ["Hold the bell at your chest.", "Sit down between your heels."],
        "category": "strength",
    }
    return {**base, **overrides}


def test_it_maps_the_vocabulary() -> None:
    result = parse_free_exercise_db(json.dumps([entry()]))
    assert result.problems == []
    (spec,) = result.rows
    assert spec.primary_muscles == (Muscle.QUADS,)
    assert spec.secondary_muscles == (Muscle.GLUTES,)  # a primary is not repeated as secondary
    assert spec.equipment is Equipment.KETTLEBELL
    assert spec.pattern is Pattern.SQUAT
    assert spec.measure is Measure.WEIGHT_REPS


def test_it_reports_bad_entries_and_keeps_the_good() -> None:
    entries = [
        entry(),
        entry(name=""),
        entry(name="Odd", primaryMuscles=["wings"]),
        entry(name="Goblet squat x"),
    ]
    result = parse_free_exercise_db(json.dumps(entries))
    assert [spec.name for spec in result.rows] == ["Goblet Squat X"]
    assert [(p.line, p.column) for p in result.problems] == [(2, "name"), (3, "primaryMuscles"), (4, "name")]
    assert "wings" in result.problems[1].message


def test_it_infers_patterns_and_measures() -> None:
    entries = [
        entry(name="Barbell Deadlift Y", equipment="barbell"),
        entry(name="Hamstring Stretch Y", category="stretching", equipment="body only"),
        entry(name="Box Jump Y", category="plyometrics", equipment="other"),
        entry(name="Push Up Y", equipment="body only"),
    ]
    rows = {spec.name: spec for spec in parse_free_exercise_db(json.dumps(entries)).rows}
    assert rows["Barbell Deadlift Y"].pattern is Pattern.HINGE
    assert rows["Hamstring Stretch Y"].pattern is Pattern.MOBILITY
    assert rows["Hamstring Stretch Y"].measure is Measure.TIME
    assert rows["Box Jump Y"].pattern is Pattern.JUMP
    assert rows["Push Up Y"].measure is Measure.BODYWEIGHT_REPS


def test_it_reports_broken_json() -> None:
    result = parse_free_exercise_db("[{")
    assert result.rows == [] and "not valid JSON" in str(result.problems[0])
