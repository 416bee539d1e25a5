"""What the shipped programs say about themselves matches what they do and what their sources found
(issue 14 items 14 and 15).

- The GZCLP-style program does not implement GZCLP's stage changes (T1 5x3 -> 6x2 -> 10x1; T2 3x10 ->
  3x8 -> 3x6; T3 up when the last AMRAP set reaches 25; Lefever 2016), because Liftwell's progression rules
  keep a slot's sets and reps fixed: its text must say so, and describe the rules it does use.
- Sherrington et al. 2017 (Br J Sports Med 51:1750-8): the largest effect on falls was for programmes that
  challenge balance and give more than 3 hours of exercise a week.
"""

from __future__ import annotations

import re

import pytest

from liftwell.core.programs.model import DoubleRule, LinearRule, Program
from liftwell.data.loaders import load_shipped_programs, shipped_program_texts

PROGRAMS = {program.slug: program for program in load_shipped_programs()}
GZCLP = PROGRAMS["gzclp-tiered"]


def words(text: str) -> str:
    return " ".join(text.split())


def slots(program: Program, progression: str) -> list[tuple[int, bool]]:
    """(number of sets, last set AMRAP) of every slot that uses `progression`."""
    return [
        (len(slot.sets), slot.sets[-1].amrap)
        for week in program.weeks
        for day in week.days
        for slot in day.slots
        if slot.progression == progression
    ]


def test_the_gzclp_style_program_says_it_departs_from_gzclp_stages() -> None:
    description, notes = words(GZCLP.description), words(GZCLP.notes)
    assert "This departs from GZCLP itself" in description
    for stage in ("5 sets of 3 to 6 sets of 2, then 10 singles", "3 sets of 10 to 3 of 8, then 3 of 6"):
        assert stage in notes
    assert "the weight goes up when that last set reaches 25" in notes


@pytest.mark.parametrize("name", ["t1-lower", "t1-upper", "t2"])
def test_the_text_describes_the_linear_rules_it_uses(name: str) -> None:
    rule = GZCLP.rule(name)
    assert isinstance(rule, LinearRule)
    described = {3: "three"}[rule.failures_before_deload]
    text = words(f"{GZCLP.description} {GZCLP.notes}")
    assert f"after {described} missed sessions in a row" in text
    assert f"drop {rule.deload_percent:g}%" in text or f"drops {rule.deload_percent:g}%" in text


def test_the_text_describes_the_tiers_as_programmed() -> None:
    # Tier 1: 5 sets, the last one AMRAP; tier 2: 3 sets, none AMRAP; tier 3: double progression 15-25.
    assert set(slots(GZCLP, "t1-lower") + slots(GZCLP, "t1-upper")) == {(5, True)}
    assert set(slots(GZCLP, "t2")) == {(3, False)}
    t3 = [slot for week in GZCLP.weeks for day in week.days for slot in day.slots if slot.progression == "t3"]
    assert isinstance(GZCLP.rule("t3"), DoubleRule)
    assert {(s.sets[0].reps_min, s.sets[0].reps_max) for s in t3} == {(15, 25)}
    description = words(GZCLP.description)
    assert 'The last tier 1 set is "as many reps as possible"' in description
    assert "tier 3 climbs from 15 towards 25 reps and adds weight once every set reaches 25" in description


def test_the_older_adults_program_states_sherringtons_condition() -> None:
    evidence = words(" ".join(PROGRAMS["older-adults-strength-power-balance"].evidence))
    assert "Sherrington et al., Br J Sports Med 2017;51:1750-8" in evidence
    assert "programmes that challenged balance and gave more than 3 hours of exercise a week" in evidence
    assert "Three sessions of this program give less than that" in evidence


@pytest.mark.parametrize("name", sorted(shipped_program_texts()))
def test_no_program_says_you_have_a_condition(name: str) -> None:
    assert not re.search(r"\byou have\b", shipped_program_texts()[name], re.IGNORECASE)
