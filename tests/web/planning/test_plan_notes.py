"""Issue 14 item 1: a saved plan shows the live screening advice, never a stale copy in its notes.

Plans saved before this change kept a dated copy of the advice at the start of their notes (before issue 14
it told people with chest pain to "keep every session light"); it never changed after a clearance. The
program page now shows the advice of the latest answers (the same tag as Today) and hides that copy;
the stored text is not rewritten. New plans no longer copy the advice into their notes.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client
from django.utils import timezone

from liftwell.core.planner import Condition, Experience, Goal, Questionnaire
from liftwell.core.screening import (
    CLEAR_ADVICE,
    CLEAR_HEADLINE,
    DOCTOR_ADVICE,
    DOCTOR_HEADLINE,
    ILL_NOTE,
    QUESTION_CODES,
    SUPERVISED_HEADLINE,
    TALK_HEADLINE,
    VIGOROUS_NOTE,
    question,
)
from liftwell.core.vocabulary import Equipment
from liftwell.web.accounts.models import User
from liftwell.web.planning.display import without_stored_advice
from liftwell.web.planning.models import Screening
from liftwell.web.planning.services import build_plan
from liftwell.web.programs.models import UserProgram
from liftwell.web.programs.services import assign_program, parsed
from tests.web.planning.test_plan_pages import ANSWERS

ALL_NO = dict.fromkeys(sorted(QUESTION_CODES), "no")
TRAIN_LIGHT = "keep every session light"
ALERT = 'role="alert"'
CLEARED = "Cleared on"
CHEST = question("chest_pain").text
BONES = question("bone_joint").text
# The wording Liftwell kept in plan notes before issue 14 (every "yes" said "talk first, train light").
OLD_TALK_ADVICE = (
    "You answered yes to at least one question. That does not mean you should not train: most people with "
    "these answers can train, and benefit from it. But someone who knows your health should look at the plan "
    "first and tell you what to change. Until then, keep every session light and stop if you feel unwell. "
    "Liftwell will keep this advice on your plan."
)
OLD_VIGOROUS = (
    "You are over 45: if you are not used to hard exercise, speak to a qualified exercise professional "
    "before you train at a hard (vigorous) effort."
)
PLAN_NOTES = "Three days a week works every major muscle group twice. Osteoporosis: no loaded twisting."


def screen(client: Client, **answers: str) -> Screening:
    response = client.post("/plan/screening/", {**ALL_NO, **answers, "age": "52"})
    assert response.status_code == 302
    return Screening.objects.latest("answered_at", "id")


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def clear(client: Client, screening: Screening) -> None:
    response = client.post(
        f"/plan/screening/{screening.pk}/clearance/", {"cleared_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 302


def _before_you_start(text: str) -> str:
    """The "Before you start" section of a program page ("" when there is none)."""
    start = text.find("<h2>Before you start</h2>")
    return "" if start < 0 else text[start : text.index("</section>", start)]


# --- Which part of the notes is the stored copy (pure: the shapes Liftwell wrote) ---


@pytest.mark.parametrize(
    ("notes", "kept"),
    [
        # Before issue 14 (commit 1b0b34d): chest pain said "talk first" and "keep every session light".
        (
            f"Screening of 01 Mar 2026: {TALK_HEADLINE}. {OLD_TALK_ADVICE} {OLD_VIGOROUS} "
            f"You answered yes to: {CHEST} {BONES} {PLAN_NOTES}",
            PLAN_NOTES,
        ),
        # Issue 14's first version: the urgent line and a recorded clearance in the copy.
        (
            f"Screening of 05 Dec 2026: {DOCTOR_HEADLINE}. {DOCTOR_ADVICE} Chest pain while resting needs "
            f"urgent care. {ILL_NOTE} You answered yes to: {CHEST} You recorded a clearance on 06 Dec 2026. "
            f"{PLAN_NOTES}",
            PLAN_NOTES,
        ),
        # All "no", old and new notes.
        (
            f"Screening of 01 Mar 2026: {CLEAR_HEADLINE}. {CLEAR_ADVICE} {OLD_VIGOROUS} {PLAN_NOTES}",
            PLAN_NOTES,
        ),
        (
            f"Screening of 1 Mar 2026: {CLEAR_HEADLINE}. {CLEAR_ADVICE} {VIGOROUS_NOTE} {ILL_NOTE} "
            f"{PLAN_NOTES}",
            PLAN_NOTES,
        ),
        # Only the copy: nothing left to show.
        (f"Screening of 01 Mar 2026: {TALK_HEADLINE}. {OLD_TALK_ADVICE} You answered yes to: {BONES}", ""),
        # Not a copy Liftwell wrote: unchanged, to the letter.
        (PLAN_NOTES, PLAN_NOTES),
        ("", ""),
        ("Screening of 01 Mar 2026: my own words. You answered yes to: nothing here", None),
        (f"Screening of 01 Mar 2026: {CLEAR_HEADLINE}. My physio says go.", None),
        (f"My notes. Screening of 01 Mar 2026: {TALK_HEADLINE}. You answered yes to: {CHEST}", None),
    ],
)
def test_only_the_copy_liftwell_wrote_is_left_out(notes: str, kept: str | None) -> None:
    assert without_stored_advice(notes) == (notes if kept is None else kept)


# --- The program page ---


def test_a_new_plan_shows_the_live_advice_until_cleared(
    owner: User, owner_client: Client, library: None
) -> None:
    screening = screen(owner_client, chest_pain="yes")
    response = owner_client.post("/plan/use/", ANSWERS)
    program = UserProgram.objects.get(owner=owner)
    assert response.status_code == 302 and response["Location"] == f"/programs/{program.pk}/"
    # The stored notes hold the plan's own notes and no copy of the advice.
    notes = parsed(program).notes
    assert "Screening of" not in notes and DOCTOR_HEADLINE not in notes and "Osteoporosis" in notes

    text = page(owner_client, f"/programs/{program.pk}/")
    assert DOCTOR_HEADLINE in text and ALERT in text and "emergency number" in text
    assert TRAIN_LIGHT not in text and CLEARED not in text
    assert text.index(DOCTOR_HEADLINE) < text.index("Start this program")
    assert "Osteoporosis" in _before_you_start(text)

    clear(owner_client, screening)
    text = page(owner_client, f"/programs/{program.pk}/")
    assert f"{CLEARED} {timezone.localdate():%-d %b %Y}" in text
    assert DOCTOR_HEADLINE not in text and ALERT not in text
    assert "Osteoporosis" in _before_you_start(text)


def _legacy_plan(owner: User) -> UserProgram:
    """A plan saved before this change: its notes start with a copy of the pre-issue-14 advice."""
    plan = build_plan(
        questionnaire=Questionnaire(
            goals=frozenset({Goal.STRENGTH_MUSCLE}),
            days_per_week=3,
            minutes_per_session=45,
            equipment=frozenset({Equipment.DUMBBELL}),
            experience=Experience.NEW,
            age=52,
            conditions=frozenset({Condition.OSTEOPOROSIS}),
        )
    )
    copy = f"Screening of 01 Mar 2026: {TALK_HEADLINE}. {OLD_TALK_ADVICE} You answered yes to: {CHEST}"
    program = replace(plan.program, notes=f"{copy} {plan.program.notes}")
    return assign_program(user=owner, program=program).program


def test_a_plan_saved_before_shows_the_live_advice_not_its_stale_copy(
    owner: User, owner_client: Client, library: None
) -> None:
    screening = screen(owner_client, chest_pain="yes")
    program = _legacy_plan(owner)
    text = page(owner_client, f"/programs/{program.pk}/")
    # The live see-a-doctor advice, and nothing of the old "train light" copy.
    assert DOCTOR_HEADLINE in text and ALERT in text
    assert TRAIN_LIGHT not in text and TALK_HEADLINE not in text and "Screening of" not in text
    assert "Osteoporosis" in _before_you_start(text)

    clear(owner_client, screening)
    text = page(owner_client, f"/programs/{program.pk}/")
    assert CLEARED in text and DOCTOR_HEADLINE not in text and TRAIN_LIGHT not in text
    # The person's stored file is left as it was.
    program.refresh_from_db()
    assert TRAIN_LIGHT in program.source


@pytest.mark.parametrize(
    ("yeses", "headline"),
    [
        ({}, None),  # all "no": nothing to act on, nothing shown
        ({"supervised_only": "yes"}, SUPERVISED_HEADLINE),
        ({"bone_joint": "yes"}, TALK_HEADLINE),
    ],
)
def test_a_library_program_page_shows_the_advice_too(
    owner_client: Client, library: None, yeses: dict[str, str], headline: str | None
) -> None:
    screen(owner_client, **yeses)
    text = page(owner_client, "/programs/library/beginner-full-body/")
    assert ("screening-heading" in text) is (headline is not None)
    if headline is not None:
        assert headline in text and text.index(headline) < text.index("Start this program")


def test_no_answers_no_advice_and_no_one_elses(owner: User, stranger: User, library: None) -> None:
    owners = Client()
    owners.force_login(owner)
    screen(owners, chest_pain="yes")
    other = Client()
    other.force_login(stranger)
    text = page(other, "/programs/library/beginner-full-body/")
    assert "screening-heading" not in text and DOCTOR_HEADLINE not in text
