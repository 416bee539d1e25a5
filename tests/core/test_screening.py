"""PAR-Q+ general questions (SCIENCE.md 6.1): all "no" clears; any "yes" says talk to a professional first."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.screening import (
    PREGNANCY_NOTE,
    QUESTION_CODES,
    QUESTIONS,
    VIGOROUS_NOTE,
    Outcome,
    ScreeningError,
    assess,
    question,
)

ALL_NO = dict.fromkeys(QUESTION_CODES, False)


def test_it_has_the_seven_parq_general_questions_in_order() -> None:
    # PAR-Q+ 2023 page 1: heart condition or high BP; chest pain; dizziness/fainting; other chronic
    # condition; prescribed medication; bone/joint/soft-tissue problem; medically supervised activity only.
    assert [q.code for q in QUESTIONS] == [
        "heart_or_bp",
        "chest_pain",
        "dizziness",
        "other_condition",
        "medication",
        "bone_joint",
        "supervised_only",
    ]
    assert all(q.text.endswith("?") and q.why for q in QUESTIONS)


def test_it_clears_when_every_answer_is_no() -> None:
    result = assess(ALL_NO)
    assert result.outcome is Outcome.CLEAR
    assert result.clear
    assert result.triggered == ()
    assert result.notes == ()


@pytest.mark.parametrize("code", sorted(QUESTION_CODES))
def test_any_single_yes_says_talk_to_a_professional_and_names_the_question(code: str) -> None:
    result = assess({**ALL_NO, code: True})
    assert result.outcome is Outcome.TALK_FIRST
    assert [q.code for q in result.triggered] == [code]
    assert "professional" in result.headline
    assert "does not mean you should not train" in result.advice


def test_triggered_questions_keep_questionnaire_order() -> None:
    result = assess({**ALL_NO, "supervised_only": True, "heart_or_bp": True, "dizziness": True})
    assert [q.code for q in result.triggered] == ["heart_or_bp", "dizziness", "supervised_only"]


@given(st.fixed_dictionaries({code: st.booleans() for code in sorted(QUESTION_CODES)}))
def test_the_outcome_is_clear_exactly_when_no_answer_is_yes(answers: dict[str, bool]) -> None:
    result = assess(answers)
    assert result.clear is (not any(answers.values()))
    assert {q.code for q in result.triggered} == {code for code, yes in answers.items() if yes}


def test_pregnancy_and_age_add_notes_but_never_change_the_outcome() -> None:
    # PAR-Q+ 2023 general advice: pregnancy -> seek advice; over 45 and not used to vigorous exercise ->
    # consult a qualified exercise professional before vigorous exercise.
    result = assess(ALL_NO, age=46, pregnant=True)
    assert result.outcome is Outcome.CLEAR
    assert result.notes == (PREGNANCY_NOTE, VIGOROUS_NOTE)
    assert assess(ALL_NO, age=45).notes == ()


def test_it_refuses_missing_or_unknown_answers() -> None:
    missing = dict(ALL_NO)
    del missing["chest_pain"]
    with pytest.raises(ScreeningError, match="chest_pain"):
        assess(missing)
    with pytest.raises(ScreeningError, match="smoker"):
        assess({**ALL_NO, "smoker": True})
    with pytest.raises(ScreeningError):
        question("smoker")
    assert question("medication").code == "medication"
