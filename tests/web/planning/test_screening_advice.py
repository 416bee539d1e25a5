"""Issue 14 item 1: the screening advice on the plan pages and on Today, and the clearance that ends it.

Chest pain or fainting/dizziness: "see a doctor before training" as an alert, urgent care for chest pain at
rest or new/worse chest pain, never "train light" (ACSM screening, Riebe et al. 2015: symptoms call for
medical clearance first). Only under medical supervision: train only with it, never light on your own,
also as an alert. Any other "yes": talk to a professional, train light meanwhile. Until the person
records a clearance the advice shows on every visit; then a "Cleared on" line. A clearance belongs to one
set of answers. Only the owner sees or records it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from liftwell.core.screening import (
    ALSO,
    DOCTOR_HEADLINE,
    ILL_NOTE,
    PREGNANCY_NOTE,
    QUESTION_CODES,
    SUPERVISED_HEADLINE,
    TALK_HEADLINE,
    Outcome,
)
from liftwell.web.accounts.models import User
from liftwell.web.planning.models import Screening
from liftwell.web.planning.services import record_clearance, record_screening
from tests.conftest import make_user
from tests.web.coaching.world import enrol, grant_access, sign_in

ALL_NO = dict.fromkeys(sorted(QUESTION_CODES), "no")
TRAIN_LIGHT = "keep every session light"
ALERT = 'role="alert"'
CLEARED = "Cleared on"
PAGES = ("/plan/", "/today/")


def screen(client: Client, **answers: str) -> Screening:
    response = client.post("/plan/screening/", {**ALL_NO, **answers, "age": "52"})
    assert response.status_code == 302, response.content[:300]
    return Screening.objects.latest("answered_at", "id")


def page(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def clear_me(client: Client, screening: Screening, **data: str) -> Any:
    return client.post(f"/plan/screening/{screening.pk}/clearance/", data)


def _today() -> date:
    return timezone.localdate()


@pytest.mark.parametrize(
    ("yeses", "headline", "alert", "urgent"),
    [
        (["chest_pain"], DOCTOR_HEADLINE, True, True),
        (["dizziness"], DOCTOR_HEADLINE, True, False),
        # Other yeses never soften it to "train light".
        (["chest_pain", "medication", "bone_joint"], DOCTOR_HEADLINE, True, True),
        (["heart_or_bp", "dizziness", "supervised_only"], DOCTOR_HEADLINE, True, False),
        (["heart_or_bp"], TALK_HEADLINE, False, False),
        # A doctor's "only under supervision" is never softened to "train light on your own" either.
        (["supervised_only"], SUPERVISED_HEADLINE, True, False),
        (
            ["other_condition", "medication", "bone_joint", "supervised_only"],
            SUPERVISED_HEADLINE,
            True,
            False,
        ),
    ],
)
def test_the_plan_and_today_show_the_advice_on_every_visit_until_cleared(
    owner_client: Client, yeses: list[str], headline: str, alert: bool, urgent: bool
) -> None:
    screening = screen(owner_client, **dict.fromkeys(yeses, "yes"))
    for _visit in range(2):
        for path in PAGES:
            text = page(owner_client, path)
            assert headline in text, path
            assert (ALERT in text) is alert, path
            assert ("emergency number" in text) is urgent, path
            assert (TRAIN_LIGHT in text) is (not alert), path
            assert ("do not train on your own" in text) is (headline == SUPERVISED_HEADLINE), path
            assert ILL_NOTE in text and CLEARED not in text, path
            assert f"/plan/screening/{screening.pk}/#clearance" in text, path

    assert (
        clear_me(owner_client, screening, cleared_on=_today().isoformat(), cleared_by="Dr Lee").status_code
        == 302
    )
    for path in PAGES:
        text = page(owner_client, path)
        assert f"{CLEARED} {_today():%-d %b %Y} by Dr Lee" in text, path
        assert headline not in text and ALERT not in text and TRAIN_LIGHT not in text, path


def test_every_applicable_instruction_shows_when_answers_combine(owner_client: Client) -> None:
    # Chest pain leads (see a doctor first); the supervision order and the other yes still get their say.
    screen(owner_client, chest_pain="yes", supervised_only="yes", medication="yes")
    for path in PAGES:
        text = page(owner_client, path)
        assert DOCTOR_HEADLINE in text and SUPERVISED_HEADLINE not in text, path
        assert ALSO[Outcome.SUPERVISED] in text and ALSO[Outcome.TALK_FIRST] in text, path
        assert text.index(ALSO[Outcome.SUPERVISED]) < text.index(ALSO[Outcome.TALK_FIRST]), path
        assert TRAIN_LIGHT not in text, path


def test_answers_that_were_all_no_show_no_advice_on_today(owner_client: Client) -> None:
    screen(owner_client)
    assert "You can start becoming more active" not in page(owner_client, "/today/")
    plan = page(owner_client, "/plan/")
    assert "You can start becoming more active" in plan and ILL_NOTE in plan and ALERT not in plan


def test_today_with_an_active_program_shows_the_advice_above_the_session(
    owner_client: Client, library: None
) -> None:
    screen(owner_client, dizziness="yes")
    assert owner_client.post("/programs/library/beginner-full-body/start/", {}).status_code == 302
    text = page(owner_client, "/today/")
    assert DOCTOR_HEADLINE in text and "Start</button>" in text
    assert text.index(DOCTOR_HEADLINE) < text.index("Start</button>")


def test_the_pregnancy_note_repeats_what_the_person_said(owner_client: Client) -> None:
    owner_client.post("/plan/screening/", {**ALL_NO, "pregnant": "on"})
    text = page(owner_client, "/plan/")
    assert PREGNANCY_NOTE in text and "You said you are pregnant" in text


def test_answering_again_needs_a_new_clearance(owner: User, owner_client: Client) -> None:
    first = screen(owner_client, bone_joint="yes")
    clear_me(owner_client, first, cleared_on=_today().isoformat())
    assert CLEARED in page(owner_client, "/today/")
    # New yeses: the new answers are not cleared, the old row keeps its clearance as a record.
    second = screen(owner_client, bone_joint="yes", chest_pain="yes")
    assert second.pk != first.pk and second.cleared_on is None
    text = page(owner_client, "/today/")
    assert DOCTOR_HEADLINE in text and CLEARED not in text
    first.refresh_from_db()
    assert first.cleared_on == _today()
    # The same yeses again are a new set of answers too.
    clear_me(owner_client, second, cleared_on=_today().isoformat())
    screen(owner_client, bone_joint="yes", chest_pain="yes")
    assert DOCTOR_HEADLINE in page(owner_client, "/today/")


def test_a_clearance_recorded_by_mistake_can_be_removed(owner_client: Client) -> None:
    screening = screen(owner_client, chest_pain="yes")
    clear_me(owner_client, screening, cleared_on=_today().isoformat())
    assert CLEARED in page(owner_client, "/today/")
    assert clear_me(owner_client, screening, remove="1").status_code == 302
    screening.refresh_from_db()
    assert screening.cleared_on is None and screening.cleared_by == ""
    assert DOCTOR_HEADLINE in page(owner_client, "/today/")


def _screened(user: User, days_ago: int, hour_utc: int = 10, **yeses: bool) -> Screening:
    answers = dict.fromkeys(QUESTION_CODES, False) | (yeses or {"heart_or_bp": True})
    moment = datetime.combine(_today() - timedelta(days=days_ago), time(hour_utc), tzinfo=UTC)
    return record_screening(user=user, answers=answers, pregnant=False, age=None, now=moment)


@pytest.mark.parametrize(
    ("days_after_screening", "field", "message"),
    [
        (-1, "cleared_on", "the clearance date cannot be before the answers"),
        (0, None, None),
        (10, None, None),  # today
        (11, "cleared_on", "the clearance date cannot be in the future"),
    ],
)
def test_a_clearance_date_lies_between_the_answers_and_today(
    owner: User, owner_client: Client, days_after_screening: int, field: str | None, message: str | None
) -> None:
    screening = _screened(owner, days_ago=10)
    cleared_on = _today() - timedelta(days=10) + timedelta(days=days_after_screening)
    response = clear_me(owner_client, screening, cleared_on=cleared_on.isoformat())
    screening.refresh_from_db()
    if field is None:
        assert response.status_code == 302
        assert screening.cleared_on == cleared_on
        return
    assert response.status_code == 400
    errors = response.context["clearance_form"].errors
    assert list(errors) == [field] and message in errors[field][0]
    assert message in response.content.decode()
    assert screening.cleared_on is None


def test_the_screening_day_is_the_persons_own_day(db: None) -> None:
    # Answered at 20:00 UTC: already the next morning in Auckland (UTC+12/+13), so the day before that
    # local date is refused and the local date is accepted.
    person = make_user("aroha", time_zone="Pacific/Auckland")
    client = sign_in(Client(), person)
    screening = _screened(person, days_ago=5, hour_utc=20)
    local_day = _today() - timedelta(days=4)
    assert (
        clear_me(client, screening, cleared_on=(local_day - timedelta(days=1)).isoformat()).status_code == 400
    )
    assert clear_me(client, screening, cleared_on=local_day.isoformat()).status_code == 302


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "cleared_on", "required"),
        ({"cleared_on": "not a date"}, "cleared_on", "valid date"),
        ({"cleared_on": "{today}", "cleared_by": "x" * 121}, "cleared_by", "at most 120 characters"),
    ],
)
def test_bad_clearance_input_is_refused_naming_the_field(
    owner: User, owner_client: Client, data: dict[str, str], field: str, message: str
) -> None:
    screening = _screened(owner, days_ago=1)
    filled = {key: value.replace("{today}", _today().isoformat()) for key, value in data.items()}
    response = clear_me(owner_client, screening, **filled)
    assert response.status_code == 400
    errors = response.context["clearance_form"].errors
    assert list(errors) == [field] and message in errors[field][0]
    screening.refresh_from_db()
    assert screening.cleared_on is None


def test_answers_that_were_all_no_have_nothing_to_clear(owner: User, owner_client: Client) -> None:
    screening = screen(owner_client)
    detail = page(owner_client, f"/plan/screening/{screening.pk}/")
    assert 'id="clearance"' not in detail
    response = clear_me(owner_client, screening, cleared_on=_today().isoformat())
    assert response.status_code == 400
    assert "nothing to be cleared" in response.context["clearance_form"].errors["__all__"][0]


def test_the_service_refuses_a_future_date_on_its_own(owner: User) -> None:
    from liftwell.core.screening import ClearanceError

    screening = _screened(owner, days_ago=1)
    with pytest.raises(ClearanceError):
        record_clearance(screening=screening, cleared_on=_today() + timedelta(days=1))


# --- Who may see and record it: only the owner (anonymous, another user, coaches with or without a grant) ---


@pytest.fixture
def owners_screening(owner: User) -> Screening:
    return _screened(owner, days_ago=3, chest_pain=True)


def _others(owner: User) -> dict[str, Client]:
    stranger = make_user("sam")
    coach_without_grant = make_user("cora")
    enrol(coach_without_grant)
    granted_coach = make_user("gail")
    enrol(granted_coach)
    grant_access(owner, granted_coach)
    return {
        "stranger": sign_in(Client(), stranger),
        "coach without a grant": sign_in(Client(), coach_without_grant),
        "coach with a grant": sign_in(Client(), granted_coach),
    }


def test_only_the_owner_sees_or_records_a_clearance(owner: User, owners_screening: Screening) -> None:
    screening = owners_screening
    anonymous = Client().post(
        f"/plan/screening/{screening.pk}/clearance/", {"cleared_on": _today().isoformat()}
    )
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    for who, client in _others(owner).items():
        assert client.get(f"/plan/screening/{screening.pk}/").status_code == 404, who
        for body in ({"cleared_on": _today().isoformat(), "cleared_by": who}, {"remove": "1"}):
            assert clear_me(client, screening, **body).status_code == 404, who
        # Their own Today says nothing of the owner's answers.
        today = client.get("/today/").content.decode()
        assert DOCTOR_HEADLINE not in today and ALERT not in today, who
    screening.refresh_from_db()
    assert screening.cleared_on is None and screening.cleared_by == ""


def test_a_get_does_not_record_a_clearance(owner_client: Client, owners_screening: Screening) -> None:
    response = owner_client.get(f"/plan/screening/{owners_screening.pk}/clearance/?cleared_on=2026-01-01")
    assert response.status_code == 405


def test_the_readme_says_what_the_health_questions_advise() -> None:
    from pathlib import Path

    readme = " ".join((Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8").split())
    for said in ("until a doctor has seen you", "urgent care", "briefly ill", "cleared you", "new clearance"):
        assert said in readme, said
