"""Program parsing and export in core, with no text format: plain data in and out (docs/programs.md).

The YAML edge (`liftwell.data.program_text`, tests/data/test_program_text.py) adds lines to the same
checks; here the tree has none, so problems name the field alone.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwell.core.programs.dump import program_to_data
from liftwell.core.programs.model import (
    Day,
    Intensity,
    IntensityKind,
    LinearRule,
    Program,
    SetPrescription,
    Slot,
    Week,
)
from liftwell.core.programs.parse import program_from_tree
from liftwell.core.programs.reader import Located, Problem, ProgramFormatError, locate_plain

PLAIN = {
    "name": "Plain",
    "slug": "plain",
    "description": "One day.",
    "progressions": {"lp": {"type": "linear", "increment_kg": 2.5}},
    "days": [
        {
            "name": "A",
            "exercises": [
                {"exercise": "barbell-back-squat", "sets": "3x5", "progression": "lp"},
                {"exercise": "push-up", "sets": [{"count": 2, "reps": 10, "rir": 2}]},
            ],
        }
    ],
}


def _with(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    """A deep copy of PLAIN with the value at `path` replaced."""
    data = copy.deepcopy(PLAIN)
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def test_it_reads_plain_data() -> None:
    program = program_from_tree(locate_plain(PLAIN))
    squat, push_up = program.weeks[0].days[0].slots
    assert squat.sets == (SetPrescription(reps_min=5, reps_max=5),) * 3
    assert program.rule("lp") == LinearRule(increment_kg=2.5)
    assert (
        push_up.sets
        == (SetPrescription(reps_min=10, reps_max=10, intensity=Intensity(IntensityKind.RIR, 2)),) * 2
    )


SQUAT_SETS = ("days", 0, "exercises", 0, "sets")
PUSH_UP_RIR = ("days", 0, "exercises", 1, "sets", 0, "rir")


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        # Both sides of the set-count limit (1 to 20 sets) and of the RIR chart (0 to 3.5).
        (SQUAT_SETS, "0x5", "days[0].exercises[0].sets: must be 1 to 20 sets, got 0"),
        (SQUAT_SETS, "21x5", "days[0].exercises[0].sets: must be 1 to 20 sets, got 21"),
        (PUSH_UP_RIR, -0.5, "days[0].exercises[1].sets[0].rir: must be 0 to 3.5, got -0.5"),
        (PUSH_UP_RIR, 4, "days[0].exercises[1].sets[0].rir: must be 0 to 3.5, got 4"),
        (("slug",), "Not A Slug", "slug: must be lower-case words joined by hyphens, like my-program"),
        (("days", 0, "exercises", 0, "rest"), 90, "days[0].exercises[0].rest: unknown field (expected"),
    ],
)
def test_problems_name_the_field_without_a_line(
    path: tuple[str | int, ...], value: object, expected: str
) -> None:
    with pytest.raises(ProgramFormatError) as caught:
        program_from_tree(locate_plain(_with(path, value)))
    (problem,) = caught.value.problems
    assert str(problem).startswith(expected) and problem.line is None


@pytest.mark.parametrize(
    ("path", "value"), [(SQUAT_SETS, "1x5"), (SQUAT_SETS, "20x5"), (PUSH_UP_RIR, 0), (PUSH_UP_RIR, 3.5)]
)
def test_the_limits_themselves_are_accepted(path: tuple[str | int, ...], value: object) -> None:
    program_from_tree(locate_plain(_with(path, value)))


def test_problems_found_before_are_reported_with_the_rest_in_line_order() -> None:
    root = locate_plain(PLAIN)
    root.value["rest"] = Located(1, 3, "1")
    before = [Problem(9, "name", "given twice"), Problem(2, "slug", "given twice")]
    with pytest.raises(ProgramFormatError) as caught:
        program_from_tree(root, found=before)
    assert [(p.line, p.path) for p in caught.value.problems] == [(2, "slug"), (3, "rest"), (9, "name")]


def test_found_problems_alone_still_fail_a_valid_program() -> None:
    with pytest.raises(ProgramFormatError, match="line 7, name: given twice"):
        program_from_tree(locate_plain(PLAIN), found=[Problem(7, "name", "given twice")])


@pytest.mark.parametrize(
    ("problem", "text"),
    [
        (Problem(None, "slug", "is required"), "slug: is required"),
        (Problem(3, "slug", "is required"), "line 3, slug: is required"),
        (Problem(None, "", "the file is empty"), "the file is empty"),
        (Problem(1, "", "not valid YAML: x"), "line 1, not valid YAML: x"),
    ],
)
def test_a_problem_reads_with_and_without_its_line_and_field(problem: Problem, text: str) -> None:
    assert str(problem) == text


def _is_plain(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(key, str) and _is_plain(item) for key, item in value.items())
    if isinstance(value, list):
        return all(_is_plain(item) for item in value)
    return isinstance(value, str | int | float | bool)


_sets = st.builds(
    lambda reps, top, amrap, load: SetPrescription(
        reps_min=reps,
        reps_max=reps if amrap else max(reps, top),
        amrap=amrap,
        intensity=None if load is None else Intensity(IntensityKind.LOAD_KG, load),
    ),
    st.integers(1, 30),
    st.integers(1, 30),
    st.booleans(),
    st.one_of(st.none(), st.sampled_from([20.0, 42.5, 100.0])),
)


@settings(max_examples=60, deadline=None)
@given(
    sets=st.lists(_sets, min_size=1, max_size=8),
    weeks=st.lists(st.tuples(st.booleans(), st.sampled_from([100.0, 90.0, 60.0])), min_size=1, max_size=4),
)
def test_any_program_round_trips_through_plain_data(
    sets: list[SetPrescription], weeks: list[tuple[bool, float]]
) -> None:
    day = Day(name="Day one", slots=(Slot(exercise="goblet-squat", sets=tuple(sets), rest_s=90),))
    program = Program(
        name="P",
        slug="p",
        description="Line one\nline two",
        weeks=tuple(
            Week(days=(day,), name=f"W{i}" if deload else "", deload=deload, load_percent=percent)
            for i, (deload, percent) in enumerate(weeks)
        ),
    )
    data = program_to_data(program)
    assert _is_plain(data)
    assert program_from_tree(locate_plain(data)) == program
