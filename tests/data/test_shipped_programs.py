"""The shipped programs: each parses, uses only shipped exercises and round-trips; the WHO one meets WHO."""

from __future__ import annotations

import pytest

from liftwell.core.adherence import MajorGroup, groups_worked
from liftwell.core.vocabulary import Equipment
from liftwell.data.loaders import load_shipped_library, load_shipped_programs, shipped_program_texts
from liftwell.data.program_text import parse_program, program_to_text

LIBRARY = {spec.slug: spec for spec in load_shipped_library()}
PROGRAMS = {program.slug: program for program in load_shipped_programs(known_exercises=set(LIBRARY))}


def test_every_program_the_issue_asks_for_is_shipped() -> None:
    assert set(PROGRAMS) == {
        "who-health-minimum",
        "beginner-full-body",
        "older-adults-strength-power-balance",
        "bone-loading",
        "back-care",
        "upper-lower-hypertrophy",
        "wave-531",
        "home-dumbbells-bands",
        "gzclp-tiered",
    }


@pytest.mark.parametrize("slug", sorted(shipped_program_texts()))
def test_each_program_is_complete_and_round_trips(slug: str) -> None:
    program = PROGRAMS[slug]
    assert set(program.exercises()) <= set(LIBRARY)
    assert program.description and program.evidence, "each program says what it is and why"
    assert all(len(day.slots) >= 2 for week in program.weeks for day in week.days)
    assert parse_program(program_to_text(program)) == program
    used = {LIBRARY[slug].equipment for slug in program.exercises()} - {Equipment.BODYWEIGHT}
    assert {e.value for e in used} <= set(program.equipment) | {"bodyweight", "other", "stability_ball"}


def test_the_who_minimum_trains_every_major_group_on_2_days_a_week() -> None:
    program = PROGRAMS["who-health-minimum"]
    assert program.days_per_week == 2
    for week in program.weeks:
        days_per_group = dict.fromkeys(MajorGroup, 0)
        for day in week.days:
            muscles = [
                m
                for slot in day.slots
                for m in (*LIBRARY[slot.exercise].primary_muscles, *LIBRARY[slot.exercise].secondary_muscles)
            ]
            for group in groups_worked(muscles):
                days_per_group[group] += 1
        assert all(days >= 2 for days in days_per_group.values()), days_per_group


def test_the_bone_program_carries_its_supervision_notes() -> None:
    notes = PROGRAMS["bone-loading"].notes
    assert "supervised" in notes and "vertebral" in notes
