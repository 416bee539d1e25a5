"""Pre-participation screening: the seven PAR-Q+ general health questions in Liftwell's own words.

Source: PAR-Q+ 2023 (PAR-Q+ Collaboration: Warburton, Jamnik, Bredin, Gledhill; www.eparmedx.com),
docs/science.md §6.1. The official wording is licensed, so these are paraphrases, one per question, in the
same order. The questionnaire's rule: every answer "no" means you can become more active (start slowly
and build up gradually); any "yes" means the follow-up questions or a qualified professional should
come first. Its general advice also asks people who are pregnant to talk to a professional, people
over 45 who are not used to vigorous exercise to speak to an exercise professional before vigorous
exercise, and everyone to wait while temporarily ill (a cold or a fever) until they feel better;
Liftwell adds those as notes, never as a "yes".

Each question carries the advice level a "yes" to it calls for. Chest pain and dizziness or fainting
are symptoms that may come from the heart: ACSM's screening (Riebe et al. 2015, docs/science.md §6.2) asks
for medical clearance before any exercise with such symptoms, so a "yes" to either means "see a
doctor before training", never "train light meanwhile". A doctor's "only under medical supervision"
is followed as given: train only with that supervision, never "train light on your own". The outcome
is the most serious level any "yes" calls for; the instructions of the other levels answered "yes"
come with it (`ScreeningResult.also`), except "train light meanwhile", which only stands alone.

Advice only: Liftwell never blocks training on this result; it shows it on the plan and on Today
until the person records that a doctor or professional cleared them (`check_clearance`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

PARQ_SOURCE = "PAR-Q+ 2023, PAR-Q+ Collaboration (eparmedx.com), in our own words"
SYMPTOMS_SOURCE = "ACSM pre-participation screening, Riebe et al., Med Sci Sports Exerc 2015;47:2473-9"
VIGOROUS_NOTE_AGE = 45


class Outcome(StrEnum):
    """The advice level, from least to most serious (the order of the members)."""

    CLEAR = "clear"
    TALK_FIRST = "talk_first"
    SUPERVISED = "supervised"
    SEE_DOCTOR = "see_doctor"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def rank(self) -> int:
        """0 for clear; higher is more serious."""
        return list(Outcome).index(self)

    @property
    def needs_clearance(self) -> bool:
        """Whether the advice stays on show until a clearance is recorded."""
        return self is not Outcome.CLEAR

    @property
    def alert(self) -> bool:
        """Whether the advice asks the person not to train on their own yet (pages show it as an alert)."""
        return self in (Outcome.SUPERVISED, Outcome.SEE_DOCTOR)


_LABELS = {
    Outcome.CLEAR: "Clear to start",
    Outcome.TALK_FIRST: "Talk to a professional first",
    Outcome.SUPERVISED: "Train only under medical supervision",
    Outcome.SEE_DOCTOR: "See a doctor before training",
}


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    hint: str
    # What a "yes" means, in one plain sentence, shown with the advice.
    why: str
    # The advice a "yes" to this question calls for.
    level: Outcome = Outcome.TALK_FIRST
    # Said with the advice when this question is answered "yes": when to get help at once.
    urgent: str = ""


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
        level=Outcome.SEE_DOCTOR,
        urgent=(
            "Chest pain while resting, or chest pain that is new or getting worse, needs urgent care: call "
            "your local emergency number now rather than waiting for an appointment."
        ),
    ),
    Question(
        "dizziness",
        "In the last 12 months, have you lost your balance because you felt dizzy, or fainted?",
        "Answer no if the dizziness came only from breathing hard, for example during hard exercise.",
        "Dizziness or fainting should be checked by a doctor before you lift weights.",
        level=Outcome.SEE_DOCTOR,
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
        "Follow that advice: train only with the supervision your doctor asked for.",
        level=Outcome.SUPERVISED,
    ),
)

QUESTION_CODES: frozenset[str] = frozenset(question.code for question in QUESTIONS)
_BY_CODE: dict[str, Question] = {question.code: question for question in QUESTIONS}


class ScreeningError(ValueError):
    """The answers do not cover exactly the screening questions."""


class ClearanceError(ValueError):
    """A clearance that cannot be right; `field` names the input it is about (None: the whole of it)."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Advice:
    headline: str
    text: str


ADVICE: Mapping[Outcome, Advice] = {
    Outcome.CLEAR: Advice(
        "You can start becoming more active",
        "You answered no to every question. Start with light loads you can lift with good form, and add a "
        "little at a time over the weeks. If your health changes, answer these questions again.",
    ),
    Outcome.TALK_FIRST: Advice(
        "Talk to a doctor or qualified exercise professional before you start",
        "You answered yes to at least one question. That does not mean you should not train: most people "
        "with these answers can train, and benefit from it. But someone who knows your health should look "
        "at the plan first and tell you what to change. Until then, keep every session light and stop if "
        "you feel unwell. Liftwell will keep this advice on your plan.",
    ),
    Outcome.SUPERVISED: Advice(
        "Train only with the supervision your doctor asked for",
        "You said a doctor has told you to exercise only under medical supervision. Follow that: train "
        "only where that supervision is in place (for example the clinic, class or professional your doctor "
        "named), and do not train on your own until your doctor says you can. Show them this plan and ask "
        "what to change. Liftwell does not lock anything, but it will keep this advice on your plan and on "
        "Today until you record that you were cleared to train on your own.",
    ),
    Outcome.SEE_DOCTOR: Advice(
        "See a doctor before you start training",
        "You answered yes about chest pain, or about dizziness or fainting. These can come from the heart, "
        "so do not start training until a doctor has seen you and told you what is safe for you. Liftwell "
        "does not lock anything, but it will keep this advice on your plan and on Today until you record "
        "that a doctor has cleared you.",
    ),
}

# Kept as names: tests and pages refer to them.
CLEAR_HEADLINE = ADVICE[Outcome.CLEAR].headline
CLEAR_ADVICE = ADVICE[Outcome.CLEAR].text
TALK_HEADLINE = ADVICE[Outcome.TALK_FIRST].headline
TALK_ADVICE = ADVICE[Outcome.TALK_FIRST].text
SUPERVISED_HEADLINE = ADVICE[Outcome.SUPERVISED].headline
SUPERVISED_ADVICE = ADVICE[Outcome.SUPERVISED].text
DOCTOR_HEADLINE = ADVICE[Outcome.SEE_DOCTOR].headline
DOCTOR_ADVICE = ADVICE[Outcome.SEE_DOCTOR].text

# What a level's "yes" answers add when a more serious level leads the advice. "Talk first" drops its
# "keep every session light meanwhile": under a doctor's supervision order, or before a doctor has seen
# someone with chest pain or fainting, training light on their own is not the advice.
ALSO: Mapping[Outcome, str] = {
    Outcome.TALK_FIRST: (
        "You also answered yes to other questions: ask the doctor or professional who sees you what to "
        "change in the plan because of them."
    ),
    Outcome.SUPERVISED: (
        "A doctor has also told you to exercise only under medical supervision: when you do start, train "
        "only with the supervision your doctor asked for, not on your own, until they say you can."
    ),
}

# PAR-Q+ 2023 general advice: delay becoming more active while temporarily ill. Shown with every outcome.
ILL_NOTE = (
    "If you are unwell for a short time, for example with a cold or a fever, wait until you feel better "
    "before you start training or make it harder."
)
PREGNANCY_NOTE = (
    "You said you are pregnant: talk to your midwife or doctor about training before you start or change a "
    "plan."
)
VIGOROUS_NOTE = (
    f"Over {VIGOROUS_NOTE_AGE}: if you are not used to hard exercise, speak to a qualified exercise "
    "professional before you train at a hard (vigorous) effort."
)


@dataclass(frozen=True)
class ScreeningResult:
    outcome: Outcome
    # The questions answered "yes", in questionnaire order.
    triggered: tuple[Question, ...]
    headline: str
    # The outcome's own advice; `also`: what the less serious levels answered "yes" add, most serious first.
    advice: str
    also: tuple[str, ...]
    # When to get help at once, from the questions answered "yes"; empty when none says so.
    urgent: tuple[str, ...]
    notes: tuple[str, ...]
    source: str = PARQ_SOURCE

    @property
    def clear(self) -> bool:
        return self.outcome is Outcome.CLEAR

    @property
    def needs_clearance(self) -> bool:
        return self.outcome.needs_clearance


def assess(answers: Mapping[str, bool], *, age: int | None = None, pregnant: bool = False) -> ScreeningResult:
    """The PAR-Q+ general-questions rule, with an advice level per question: all "no" -> clear to start;
    any "yes" -> the most serious level among the questions answered "yes" (chest pain or dizziness:
    see a doctor before training; exercise only under medical supervision: train only with it; any
    other: talk to a professional first), naming those questions, with the instructions of the less
    serious levels answered "yes" in `also`.
    `answers` maps each question code to True for "yes"; it must hold every question and nothing else.
    Age and pregnancy only add notes (PAR-Q+ 2023 general advice), they never change the outcome; the
    note about waiting while ill comes with every outcome."""
    missing = sorted(QUESTION_CODES - answers.keys())
    unknown = sorted(answers.keys() - QUESTION_CODES)
    if missing:
        raise ScreeningError(f"no answer to: {', '.join(missing)}")
    if unknown:
        raise ScreeningError(f"not a screening question: {', '.join(unknown)}")
    triggered = tuple(question for question in QUESTIONS if answers[question.code])
    outcome = max((q.level for q in triggered), key=lambda level: level.rank, default=Outcome.CLEAR)
    notes: list[str] = []
    if pregnant:
        notes.append(PREGNANCY_NOTE)
    if age is not None and age > VIGOROUS_NOTE_AGE:
        notes.append(VIGOROUS_NOTE)
    notes.append(ILL_NOTE)
    levels = {q.level for q in triggered}
    also = tuple(
        ALSO[level] for level in sorted(levels, key=lambda lv: -lv.rank) if level.rank < outcome.rank
    )
    advice = ADVICE[outcome]
    source = f"{PARQ_SOURCE}; {SYMPTOMS_SOURCE}" if outcome is Outcome.SEE_DOCTOR else PARQ_SOURCE
    return ScreeningResult(
        outcome=outcome,
        triggered=triggered,
        headline=advice.headline,
        advice=advice.text,
        also=also,
        urgent=tuple(q.urgent for q in triggered if q.urgent),
        notes=tuple(notes),
        source=source,
    )


def check_clearance(*, outcome: Outcome, cleared_on: date, screened_on: date, today: date) -> None:
    """Refuse a clearance that cannot be right: for answers that need none (all "no"), dated in the
    future, or dated before the answers it clears were given (a clearance belongs to one set of
    answers). Raises ClearanceError."""
    if not outcome.needs_clearance:
        raise ClearanceError(None, "you answered no to every question, so there is nothing to be cleared for")
    if cleared_on > today:
        raise ClearanceError("cleared_on", f"the clearance date cannot be in the future (today is {today})")
    if cleared_on < screened_on:
        raise ClearanceError(
            "cleared_on",
            f"the clearance date cannot be before the answers it clears ({screened_on}); if you were "
            "cleared earlier, check with your doctor that it still holds for these answers",
        )


def question(code: str) -> Question:
    """The question with this code."""
    try:
        return _BY_CODE[code]
    except KeyError:
        raise ScreeningError(f"not a screening question: {code}") from None
