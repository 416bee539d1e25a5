"""Restoring screening answers: a row is the same answers when it was answered at the same moment with the
same answers (its owner being the person restoring), whatever its clearance or stored advice level. A
restore merges: it never duplicates a row nor removes or replaces a clearance, and it fills in one the row
lacks. Before this, an older backup restored onto answers cleared since added an uncleared copy that
became the latest, so the advice came back on the plan and on Today (issue 14 item 1).
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from liftwell.core.screening import QUESTION_CODES, Outcome
from liftwell.web.accounts.models import User
from liftwell.web.imports.backup import export_backup, restore_backup
from liftwell.web.planning.models import Screening
from liftwell.web.planning.services import record_clearance, record_screening, screening_status_for
from tests.conftest import make_user

ANSWERED = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
CLEARED = date(2026, 3, 5)
TODAY = date(2026, 3, 10)


def _answers(**yeses: bool) -> dict[str, bool]:
    return dict.fromkeys(QUESTION_CODES, False) | yeses


def _screened(user: User, when: datetime = ANSWERED, **yeses: bool) -> Screening:
    return record_screening(
        user=user, answers=_answers(**(yeses or {"chest_pain": True})), pregnant=False, age=52, now=when
    )


def _backup(user: User) -> dict[str, Any]:
    """The person's backup, with only its planning section (the one under test)."""
    document = export_backup(user)
    document["sections"] = {"planning": document["sections"]["planning"]}
    return document


def _restore(user: User, document: dict[str, Any]) -> tuple[int, int]:
    summary = restore_backup(user=user, document=copy.deepcopy(document))
    return summary.added["planning.screenings"], summary.already_present["planning.screenings"]


def _rows(user: User) -> list[tuple[datetime, date | None, str]]:
    return [(s.answered_at, s.cleared_on, s.cleared_by) for s in Screening.objects.filter(owner=user)]


def test_an_older_backup_never_undoes_a_clearance(owner: User) -> None:
    screening = _screened(owner)
    older = _backup(owner)  # exported before the clearance
    record_clearance(screening=screening, cleared_on=CLEARED, cleared_by="Dr Lee", today=TODAY)
    before = _rows(owner)
    assert _restore(owner, older) == (0, 1)
    assert _rows(owner) == before  # no uncleared copy, the clearance as it was
    status = screening_status_for(owner)
    assert status is not None and status.cleared and not status.advice_on_show


def test_a_backup_fills_in_a_clearance_the_row_lacks(owner: User) -> None:
    screening = _screened(owner)
    record_clearance(screening=screening, cleared_on=CLEARED, cleared_by="Dr Lee", today=TODAY)
    cleared = _backup(owner)
    twin = make_user("twin")
    _screened(twin)  # the same answers, not cleared in this account
    assert _restore(twin, cleared) == (0, 1)
    assert _rows(twin) == [(ANSWERED, CLEARED, "Dr Lee")]


def test_a_backup_never_replaces_a_clearance_already_there(owner: User) -> None:
    screening = _screened(owner)
    record_clearance(screening=screening, cleared_on=CLEARED, cleared_by="Dr Lee", today=TODAY)
    theirs = _backup(owner)
    twin = make_user("twin")
    mine = _screened(twin)
    record_clearance(screening=mine, cleared_on=CLEARED + timedelta(days=1), cleared_by="Dr Ng", today=TODAY)
    assert _restore(twin, theirs) == (0, 1)
    assert _rows(twin) == [(ANSWERED, CLEARED + timedelta(days=1), "Dr Ng")]


@pytest.mark.parametrize(
    ("moment", "yeses", "same"),
    [
        (ANSWERED, {"chest_pain": True}, True),
        # One microsecond, one answer: other answers, so a row of their own.
        (ANSWERED + timedelta(microseconds=1), {"chest_pain": True}, False),
        (ANSWERED - timedelta(microseconds=1), {"chest_pain": True}, False),
        (ANSWERED, {"chest_pain": True, "bone_joint": True}, False),
        (ANSWERED, {"dizziness": True}, False),
    ],
)
def test_a_row_is_the_same_answers_by_moment_and_answers(
    owner: User, moment: datetime, yeses: dict[str, bool], same: bool
) -> None:
    _screened(owner, moment, **yeses)
    document = _backup(owner)
    twin = make_user("twin")
    _screened(twin)
    assert _restore(twin, document) == ((0, 1) if same else (1, 0))
    assert Screening.objects.filter(owner=twin).count() == (1 if same else 2)


def test_the_same_answers_as_another_person_are_still_added(owner: User) -> None:
    # The identity includes the owner: someone else's identical answers are no reason to skip a row.
    _screened(owner)
    twin = make_user("twin")
    _screened(make_user("third"))
    assert _restore(twin, _backup(owner)) == (1, 0)


def test_restoring_the_same_file_twice_adds_nothing(owner: User) -> None:
    first = _screened(owner, ANSWERED - timedelta(days=30), bone_joint=True)
    record_clearance(screening=first, cleared_on=(ANSWERED - timedelta(days=29)).date(), today=TODAY)
    _screened(owner)
    _screened(owner, ANSWERED + timedelta(days=2))  # the same answers, given again later: a new set
    document = _backup(owner)
    twin = make_user("twin")
    assert _restore(twin, document) == (3, 0)
    rows = _rows(twin)
    assert _restore(twin, document) == (0, 3)
    assert _rows(twin) == rows
    again = export_backup(User.objects.get(pk=twin.pk))["sections"]["planning"]
    assert again == document["sections"]["planning"]


def test_copies_left_by_earlier_restores_are_merged_not_multiplied(owner: User) -> None:
    # Before this rule a restore could add an uncleared copy of cleared answers, which became the latest.
    cleared = _screened(owner)
    record_clearance(screening=cleared, cleared_on=CLEARED, cleared_by="Dr Lee", today=TODAY)
    document = _backup(owner)
    copy_left = _screened(owner)
    status = screening_status_for(owner)
    assert status is not None and status.screening.pk == copy_left.pk and status.advice_on_show
    assert _restore(owner, document) == (0, 1)
    assert Screening.objects.filter(owner=owner).count() == 2  # nothing removed, nothing added
    status = screening_status_for(owner)
    assert status is not None and status.cleared and status.screening.cleared_by == "Dr Lee"


def test_a_backup_holding_two_copies_adds_one_row_with_the_clearance(owner: User) -> None:
    cleared = _screened(owner)
    record_clearance(screening=cleared, cleared_on=CLEARED, today=TODAY)
    _screened(owner)  # an uncleared copy, as an earlier restore left it
    document = _backup(owner)
    assert len(document["sections"]["planning"]["screenings"]) == 2
    twin = make_user("twin")
    assert _restore(twin, document) == (1, 1)
    assert _rows(twin) == [(ANSWERED, CLEARED, "")]


def test_an_old_grade_in_a_backup_is_graded_again(owner: User) -> None:
    # A backup from before issue 14 holds "talk first" for chest pain; the row is stored as see a doctor,
    # as migration 0002 re-graded the rows already there.
    _screened(owner)
    document = _backup(owner)
    [row] = document["sections"]["planning"]["screenings"]
    row["outcome"] = Outcome.TALK_FIRST.value
    twin = make_user("twin")
    assert _restore(twin, document) == (1, 0)
    assert Screening.objects.get(owner=twin).outcome == Outcome.SEE_DOCTOR.value
