"""Pre-participation screening: the seven PAR-Q+ general health questions in Liftwell's own words.

Source: PAR-Q+ 2023 (PAR-Q+ Collaboration: Warburton, Jamnik, Bredin, Gledhill; www.eparmedx.com),
SCIENCE.md 6.1. The official wording is licensed, so these are paraphrases, one per question, in the
same order. The questionnaire's rule: every answer "no" means you can become more active (start slowly
and build up gradually); any "yes" means the follow-up questions or a qualified professional should
come first. Its general advice also asks people who are pregnant to talk to a professional, and people
over 45 who are not used to vigorous exercise to speak to an exercise professional before vigorous
exercise; Liftwell adds those two as notes, never as a "yes".

Advice only: Liftwell never blocks training on this result; it shows it on the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

PARQ_SOURCE = "PAR-Q+ 2023, PAR-Q+ Collaboration (eparmedx.com), in our own words"
VIGOROUS_NOTE_AGE = 45


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    hint: str
    # What a "yes" means, in one plain sentence, shown with the advice.
    why: str


QUESTIONS: tuple[Question, ...] = (
    Question(
        "heart_or_bp",
        "Has a doctor ever told you that you have a heart problem or high blood pressure?",
        "",
        "A heart problem or high blood pressure can change how hard and how you should lift.",
    ),
    Question(
        "chest_pain",
        "Do you get pain in your chest when resting, during everyday tasks, or when you exercise?",
        "",
        "Chest pain needs a doctor's opinion before you start training.",
    ),
    Question(
        "dizziness",
        "In the last 12 months, have you lost your balance because you felt dizzy, or fainted?",
        "Answer no if the dizziness came only from breathing hard, for example during hard exercise.",
        "Dizziness or fainting should be checked before you lift weights.",
    ),
    Question(
        "other_condition",
        "Have you been diagnosed with a long-term health condition other than heart disease or high blood "
        "pressure?",
        "For example diabetes, osteoporosis, arthritis, asthma, cancer or a mental-health condition.",
        "A long-term condition can call for changes to a training plan.",
    ),
    Question(
        "medication",
        "Do you take prescribed medicine for a long-term health condition?",
        "",
        "Some medicines change how your body responds to exercise.",
    ),
    Question(
        "bone_joint",
        "Do you have, or have you had in the last 12 months, a problem with a bone, joint, muscle, tendon "
        "or ligament that could get worse if you became more active?",
        "Answer no if it no longer limits what you can do.",
        "A professional can tell you which movements suit that problem and which to change.",
    ),
    Question(
        "supervised_only",
        "Has a doctor ever said you should only exercise under medical supervision?",
        "",
        "Follow that advice: train with the supervision your doctor asked for.",
    ),
)

QUESTION_CODES: frozenset[str] = frozenset(question.code for question in QUESTIONS)
_BY_CODE: dict[str, Question] = {question.code: question for question in QUESTIONS}


class ScreeningError(ValueError):
    """The answers do not cover exactly the screening questions."""


class Outcome(StrEnum):
    CLEAR = "clear"
    TALK_FIRST = "talk_first"

    @property
    def label(self) -> str:
        return "Clear to start" if self is Outcome.CLEAR else "Talk to a professional first"


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    # The questions answered "yes", in questionnaire order.
    triggered: tuple[Question, ...]
    headline: str
    advice: str
    notes: tuple[str, ...]
    source: str = PARQ_SOURCE

    @property
    def clear(self) -> bool:
        return self.outcome is Outcome.CLEAR


CLEAR_HEADLINE = "You can start becoming more active"
CLEAR_ADVICE = (
    "You answered no to every question. Start with light loads you can lift with good form, and add a "
    "little at a time over the weeks. If your health changes, answer these questions again."
)
TALK_HEADLINE = "Talk to a doctor or qualified exercise professional before you start"
TALK_ADVICE = (
    "You answered yes to at least one question. That does not mean you should not train: most people "
    "with these answers can train, and benefit from it. But someone who knows your health should look at "
    "the plan first and tell you what to change. Until then, keep every session light and stop if you "
    "feel unwell. Liftwell will keep this advice on your plan."
)
PREGNANCY_NOTE = (
    "You are pregnant: talk to your midwife or doctor about training before starting or changing a plan."
)
VIGOROUS_NOTE = (
    f"You are over {VIGOROUS_NOTE_AGE}: if you are not used to hard exercise, speak to a qualified exercise "
    "professional before you train at a hard (vigorous) effort."
)


def assess(answers: Mapping[str, bool], *, age: int | None = None, pregnant: bool = False) -> ScreeningResult:
    """The PAR-Q+ general-questions rule: all "no" -> clear to start; any "yes" -> talk to a professional
    first, naming the questions answered "yes". `answers` maps each question code to True for "yes";
    it must hold every question and nothing else. Age and pregnancy only add notes (PAR-Q+ 2023
    general advice), they never change the outcome."""
    missing = sorted(QUESTION_CODES - answers.keys())
    unknown = sorted(answers.keys() - QUESTION_CODES)
    if missing:
        raise ScreeningError(f"no answer to: {', '.join(missing)}")
    if unknown:
        raise ScreeningError(f"not a screening question: {', '.join(unknown)}")
    triggered = tuple(question for question in QUESTIONS if answers[question.code])
    notes: list[str] = []
    if pregnant:
        notes.append(PREGNANCY_NOTE)
    if age is not None and age > VIGOROUS_NOTE_AGE:
        notes.append(VIGOROUS_NOTE)
    if triggered:
        return ScreeningResult(Outcome.TALK_FIRST, triggered, TALK_HEADLINE, TALK_ADVICE, tuple(notes))
    return ScreeningResult(Outcome.CLEAR, (), CLEAR_HEADLINE, CLEAR_ADVICE, tuple(notes))


def question(code: str) -> Question:
    """The question with this code."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ScreeningError(f"not a screening question: {code}") from None
