"""Display helpers for plans: a saved plan's notes without the stale copy of the screening advice.

Plans saved before the advice was shown live (issue 14) kept a dated copy of it at the start of their
notes ("Screening of 01 Mar 2026: <headline>. <advice> ... You answered yes to: <questions>"). That copy
never changed after a clearance, and before issue 14 it told people with chest pain to keep sessions
light. The program page now shows the live advice instead, and hides that copy when it shows the notes.
The stored text is left as it is: only what Liftwell itself wrote, in the shapes it wrote it, is hidden.
"""

from __future__ import annotations

import re

from liftwell.core.screening import (
    CLEAR_ADVICE,
    CLEAR_HEADLINE,
    ILL_NOTE,
    PREGNANCY_NOTE,
    QUESTIONS,
    VIGOROUS_NOTE,
)

_STORED = re.compile(r"Screening of \d{1,2} \S+ \d{4}: ")
_YES_TO = "You answered yes to: "
_CLEARANCE = re.compile(r" You recorded a clearance on \d{1,2} \S+ \d{4}\.")
# The notes an all-"no" copy could end with: today's, and the wording Liftwell used before issue 14.
_CLEAR_NOTES = (
    PREGNANCY_NOTE,
    VIGOROUS_NOTE,
    ILL_NOTE,
    "You are pregnant: talk to your midwife or doctor about training before starting or changing a plan.",
    "You are over 45: if you are not used to hard exercise, speak to a qualified exercise professional "
    "before you train at a hard (vigorous) effort.",
)


def _end_of_yes_list(notes: str) -> int | None:
    """Where a copy with "yes" answers ends: after its list of questions (and a recorded clearance)."""
    start = notes.find(_YES_TO)
    if start < 0:
        return None
    end = start + len(_YES_TO)
    matched = 0
    for question in QUESTIONS:  # listed in questionnaire order, joined by spaces
        text = question.text if matched == 0 else f" {question.text}"
        if notes.startswith(text, end):
            end += len(text)
            matched += 1
    if matched == 0:
        return None
    clearance = _CLEARANCE.match(notes, end)
    return clearance.end() if clearance else end


def _end_of_clear_copy(notes: str, start: int) -> int | None:
    """Where an all-"no" copy ends: its headline and advice, then any of its notes."""
    said = f"{CLEAR_HEADLINE}. {CLEAR_ADVICE}"
    if not notes.startswith(said, start):
        return None
    end = start + len(said)
    found = True
    while found:
        found = False
        for note in _CLEAR_NOTES:
            if notes.startswith(f" {note}", end):
                end += len(note) + 1
                found = True
    return end


def without_stored_advice(notes: str) -> str:
    """A saved plan's notes without the dated copy of the screening advice at their start; notes that
    do not start with a copy in a shape Liftwell wrote come back unchanged."""
    stored = _STORED.match(notes)
    if stored is None:
        return notes
    end = _end_of_clear_copy(notes, stored.end())
    if end is None:
        end = _end_of_yes_list(notes)
    if end is None:
        return notes
    return notes[end:].strip()
