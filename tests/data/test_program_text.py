"""The program text format: parsing, errors with line and field, and the export round trip."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwell.core.programs.model import (
    Day,
    DoubleRule,
    Intensity,
    IntensityKind,
    LinearRule,
    Program,
    SetPrescription,
    Slot,
    WaveRule,
    Week,
)
from liftwell.core.programs.reader import ProgramFormatError
from liftwell.data.program_text import parse_program, program_to_text

GOOD = """\
name: Test program
slug: test-program
description: Two days.
progressions:
  lp: {type: linear, increment_kg: 2.5}
  dp: {type: double, increment_kg: 2}
days:
  - name: A
    exercises:
      - {exercise: barbell-back-squat, sets: 3x5, rest_s: 180, progression: lp}
      - {exercise: dumbbell-one-arm-row, sets: 3x8-12, progression: dp, superset: a}
      - {exercise: plank, sets: 3x30s}
  - name: B
    exercises:
      - exercise: barbell-bench-press
        sets:
          - {reps: 5, rpe: 8}
          - {count: 2, reps: 5, rir: 2}
      - {exercise: push-up, sets: 1x10+, bodyweight: true}
weeks:
  - {name: Week 1}
  - {name: Deload, deload: true, load_percent: 90}
"""


def test_it_parses_every_part_of_a_program() -> None:
    program = parse_program(GOOD)
    assert program.slug == "test-program"
    assert program.days_per_week == 2
    assert [week.name for week in program.weeks] == ["Week 1", "Deload"]
    assert program.weeks[1].deload and program.weeks[1].load_percent == 90
    assert program.weeks[0].days == program.weeks[1].days
    squat, row, plank = program.weeks[0].days[0].slots
    assert squat.sets == (SetPrescription(reps_min=5, reps_max=5),) * 3
    assert squat.rest_s == 180 and program.rule(squat.progression) == LinearRule(increment_kg=2.5)
    assert row.sets[0] == SetPrescription(reps_min=8, reps_max=12) and row.superset == "a"
    assert program.rule("dp") == DoubleRule(increment_kg=2)
    assert plank.sets == (SetPrescription(seconds=30),) * 3
    bench, push_up = program.weeks[0].days[1].slots
    assert [s.intensity for s in bench.sets] == [
        Intensity(IntensityKind.RPE, 8),
        Intensity(IntensityKind.RIR, 2),
        Intensity(IntensityKind.RIR, 2),
    ]
    assert push_up.sets == (
        SetPrescription(reps_min=10, reps_max=10, amrap=True, intensity=Intensity(IntensityKind.BODYWEIGHT)),
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("3x5, rest_s", "0x5, rest_s"), "line 10, days[0].exercises[0].sets: must be 1 to 20 sets, got 0"),
        (("3x5, rest_s", "21x5, rest_s"), "line 10, days[0].exercises[0].sets: must be 1 to 20 sets, got 21"),
        (("sets: 3x8-12", "sets: 3x12-8"), "line 11, days[0].exercises[1].sets: reps must be 1 to 100"),
        (("rest_s: 180", "rest: 180"), "line 10, days[0].exercises[0].rest: unknown field"),
        (
            ("progression: lp}", "progression: lq}"),
            "line 10, days[0].exercises[0].progression: no progression named 'lq'",
        ),
        (
            ("{reps: 5, rpe: 8}", "{reps: 5, rpe: 5}"),
            "line 17, days[1].exercises[0].sets[0].rpe: must be 6.5 to 10, got 5",
        ),
        (
            ("{reps: 5, rpe: 8}", "{reps: 5, rpe: 8.2}"),
            "line 17, days[1].exercises[0].sets[0].rpe: must be in steps of 0.5",
        ),
        (
            ("{reps: 5, rpe: 8}", "{reps: 5, rpe: 8, load_kg: 50}"),
            "line 17, days[1].exercises[0].sets[0].rpe: give one intensity, not both load_kg and rpe",
        ),
        (
            ("{reps: 5, rpe: 8}", "{reps: five}"),
            "line 17, days[1].exercises[0].sets[0].reps: must be a number of reps",
        ),
        (
            ("exercise: plank", "exercise: Plank Hold"),
            "line 12, days[0].exercises[2].exercise: must be an exercise slug",
        ),
        (("slug: test-program", "slug: Test Program"), "line 2, slug: must be lower-case words"),
        (
            ("increment_kg: 2.5}", "increment_kg: -1}"),
            "line 5, progressions.lp.increment_kg: must be 0 to 50, got -1",
        ),
        (
            ("type: double", "type: triple"),
            "line 6, progressions.dp.type: must be one of linear, double, wave, rpe",
        ),
        (
            # A list or mapping as the type once raised TypeError (unhashable) instead of a message.
            ("type: double", "type: [double]"),
            "line 6, progressions.dp.type: must be one of linear, double, wave, rpe",
        ),
        (
            ("type: double", "type: {double: 1}"),
            "line 6, progressions.dp.type: must be one of linear, double, wave, rpe",
        ),
        (("load_percent: 90", "load_percent: 5"), "line 22, weeks[1].load_percent: must be 10 to 100, got 5"),
        (("deload: true", "deload: yes please"), "line 22, weeks[1].deload: must be true or false"),
        (("name: A\n    exercises", "exercises"), "line 8, days[0].name: is required"),
        (("description: Two days.\n", ""), "line 1, description: is required"),
        (
            ("sets: 3x8-12, progression: dp", "sets: 3x8, progression: dp"),
            "line 11, days[0].exercises[1].sets: double progression needs a rep range",
        ),
        (
            ("sets: 3x30s}", "sets: 3x30s, progression: lp}"),
            "line 12, days[0].exercises[2].sets: timed sets cannot have a progression",
        ),
    ],
)
def test_it_names_the_line_and_the_field(change: tuple[str, str], expected: str) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(ProgramFormatError) as caught:
        parse_program(GOOD.replace(old, new, 1))
    assert any(str(problem).startswith(expected) for problem in caught.value.problems), str(caught.value)


def test_it_collects_several_problems_at_once() -> None:
    text = GOOD.replace("3x5, rest_s", "0x5, rest_s").replace("rest_s: 180", "rest: 180")
    with pytest.raises(ProgramFormatError) as caught:
        parse_program(text)
    assert len(caught.value.problems) == 2


def test_it_rejects_what_is_not_a_program() -> None:
    for text, expected in [
        ("", "the file is empty"),
        ("name: [unclosed", "line 1, not valid YAML"),
        ("- a list", "must be a mapping of fields"),
        ("name: x\nname: y\n", "line 2, name: given twice"),
    ]:
        with pytest.raises(ProgramFormatError, match=expected.replace("[", r"\[")):
            parse_program(text)


def test_it_checks_exercises_against_the_library_when_given_it() -> None:
    with pytest.raises(
        ProgramFormatError, match=r"line 12, days\[0\].exercises\[2\].exercise: no exercise 'plank'"
    ):
        parse_program(
            GOOD,
            known_exercises={"barbell-back-squat", "dumbbell-one-arm-row", "barbell-bench-press", "push-up"},
        )


def test_wave_and_rpe_rules_need_matching_intensities() -> None:
    text = GOOD.replace("lp: {type: linear, increment_kg: 2.5}", "lp: {type: wave, tm_increment_kg: 5}")
    with pytest.raises(ProgramFormatError, match="wave progression needs every set to give percent_tm"):
        parse_program(text)
    text = GOOD.replace("{reps: 5, rpe: 8}", "{reps: 5, percent_tm: 80}")
    with pytest.raises(ProgramFormatError, match="percent_tm sets need a progression of type wave"):
        parse_program(text)
    text = GOOD.replace("lp: {type: linear, increment_kg: 2.5}", "lp: {type: rpe}").replace(
        "barbell-bench-press\n", "barbell-bench-press\n        progression: lp\n"
    )
    program = parse_program(text.replace("3x5, rest_s: 180, progression: lp", "3x5, rest_s: 180"))
    assert program.rule("lp") is not None


def test_it_round_trips_through_text() -> None:
    program = parse_program(GOOD)
    text = program_to_text(program)
    assert parse_program(text) == program
    assert program_to_text(parse_program(text)) == text


def _program(sets: list[SetPrescription], weeks: list[tuple[bool, float]]) -> Program:
    slot = Slot(exercise="barbell-back-squat", sets=tuple(sets), rest_s=120, progression="w", notes="n: x")
    day = Day(name="Day: one", slots=(slot,))
    return Program(
        name="P",
        slug="p",
        description="Line one\nline two",
        weeks=tuple(
            Week(days=(day,), name=f"W{i}" if deload else "", deload=deload, load_percent=pct)
            for i, (deload, pct) in enumerate(weeks)
        ),
        progressions=(("w", WaveRule(tm_increment_kg=2.5)),),
        evidence=("A, B: c",),
    )


_percent_sets = st.builds(
    lambda reps, top, amrap, pct: SetPrescription(
        reps_min=reps,
        reps_max=reps if amrap else max(reps, top),
        amrap=amrap,
        intensity=Intensity(IntensityKind.PERCENT_TM, pct),
    ),
    st.integers(1, 30),
    st.integers(1, 30),
    st.booleans(),
    st.sampled_from([40.0, 65.0, 72.5, 85.0, 95.0]),
)


@settings(max_examples=60, deadline=None)
@given(
    sets=st.lists(_percent_sets, min_size=1, max_size=8),
    weeks=st.lists(st.tuples(st.booleans(), st.sampled_from([100.0, 90.0, 60.0])), min_size=1, max_size=5),
)
def test_any_program_round_trips(sets: list[SetPrescription], weeks: list[tuple[bool, float]]) -> None:
    program = _program(sets, weeks)
    assert parse_program(program_to_text(program)) == program


def test_the_documented_example_is_a_valid_program() -> None:
    from pathlib import Path

    from liftwell.data.loaders import load_shipped_library

    doc = (Path(__file__).resolve().parents[2] / "docs" / "programs.md").read_text(encoding="utf-8")
    example = doc.split("```yaml\n", 1)[1].split("```\n", 1)[0]
    program = parse_program(example, known_exercises={spec.slug for spec in load_shipped_library()})
    assert program.days_per_week == 3 and len(program.weeks) == 4 and program.weeks[3].deload
    assert [name for name, _ in program.progressions] == ["main", "accessory", "wave", "by-feel"]
