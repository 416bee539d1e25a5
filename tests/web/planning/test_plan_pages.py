"""The plan pages: screening first, the questionnaire, the preview with reasons, and "Use this plan"."""

from __future__ import annotations

from typing import Any

from django.test import Client

from liftwell.core.screening import DOCTOR_HEADLINE, QUESTION_CODES, TALK_HEADLINE
from liftwell.web.accounts.models import User
from liftwell.web.planning.models import Screening
from liftwell.web.programs.models import Enrollment, UserProgram
from liftwell.web.programs.services import parsed

ALL_NO = dict.fromkeys(sorted(QUESTION_CODES), "no")
ANSWERS: dict[str, Any] = {
    "goals": ["strength_muscle", "bone"],
    "days_per_week": "3",
    "minutes_per_session": "45",
    "equipment": ["dumbbell"],
    "experience": "new",
    "age": "52",
    "conditions": ["osteoporosis"],
    "avoid_patterns": ["jump"],
}


def screen(client: Client, **answers: str) -> Any:
    return client.post("/plan/screening/", {**ALL_NO, **answers, "age": "52"})


def test_it_sends_a_newcomer_to_the_screening_before_the_first_plan(owner_client: Client) -> None:
    response = owner_client.get("/plan/")
    assert response.status_code == 302 and response["Location"] == "/plan/screening/"
    page = owner_client.get("/plan/screening/").content.decode()
    assert "chest" in page and "never stop you from training" in page


def test_the_questionnaire_round_trip_saves_and_activates_the_plan(
    owner: User, owner_client: Client, library: None
) -> None:
    assert screen(owner_client, heart_or_bp="yes").status_code == 302
    screening = Screening.objects.get(owner=owner)
    assert screening.outcome == "talk_first" and screening.answers["heart_or_bp"] is True

    form = owner_client.get("/plan/").content.decode()
    assert TALK_HEADLINE in form and 'value="52"' in form

    preview = owner_client.post("/plan/", ANSWERS)
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Why this plan" in page and "Bull et al. 2020" in page
    assert "Monday: Full body A" in page and "Friday: Full body A" in page
    assert TALK_HEADLINE in page  # the screening advice stays visible on the plan
    assert "Osteoporosis: this plan has no sit-ups" in page
    assert "Use this plan" in page
    plan = preview.context["plan"]
    hidden = preview.context["hidden"]
    assert ("goals", "bone") in hidden and ("avoid_patterns", "jump") in hidden

    used = owner_client.post("/plan/use/", dict_of(hidden))
    program = UserProgram.objects.get(owner=owner)
    assert used.status_code == 302 and used["Location"] == f"/programs/{program.pk}/"
    assert program.origin == UserProgram.Origin.GENERATED
    enrollment = Enrollment.objects.get(user=owner, active=True)
    assert enrollment.program == program
    stored = parsed(program)
    assert stored.weeks == plan.program.weeks
    # The advice is not copied into the plan's notes; its page shows the live advice (test_plan_notes.py).
    assert "Screening of" not in stored.notes and TALK_HEADLINE not in stored.notes
    detail = owner_client.get(f"/programs/{program.pk}/")
    assert detail.status_code == 200 and TALK_HEADLINE in detail.content.decode()


def dict_of(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def test_bad_answers_re_render_the_form_with_errors(owner_client: Client) -> None:
    assert screen(owner_client).status_code == 302
    response = owner_client.post("/plan/", {**ANSWERS, "minutes_per_session": "5", "goals": []})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "minutes_per_session" in errors and "goals" in errors
    # A plan that cannot be made says why, on the form.
    impossible = {**ANSWERS, "equipment": [], "avoid_patterns": ["horizontal_push", "vertical_push"]}
    response = owner_client.post("/plan/", impossible)
    assert response.status_code == 400 and "chest" in response.content.decode()
    assert owner_client.post("/plan/use/", impossible).status_code == 400
    assert not UserProgram.objects.exists()


def test_an_incomplete_screening_is_refused(owner: User, owner_client: Client) -> None:
    answers = dict(ALL_NO)
    del answers["chest_pain"]
    response = owner_client.post("/plan/screening/", answers)
    assert response.status_code == 400 and "chest_pain" in response.context["form"].errors
    assert not Screening.objects.filter(owner=owner).exists()


def test_the_latest_screening_is_shown_and_older_ones_are_kept(owner: User, owner_client: Client) -> None:
    screen(owner_client, chest_pain="yes")
    screen(owner_client)
    assert Screening.objects.filter(owner=owner).count() == 2
    page = owner_client.get("/plan/").content.decode()
    assert "You can start becoming more active" in page
    assert TALK_HEADLINE not in page and DOCTOR_HEADLINE not in page


def test_another_user_cannot_see_your_screening(owner: User, owner_client: Client, stranger: User) -> None:
    screen(owner_client, medication="yes")
    mine = Screening.objects.get(owner=owner)
    page = owner_client.get(f"/plan/screening/{mine.pk}/")
    assert page.status_code == 200 and "prescribed medicine" in page.content.decode()
    other = Client()
    other.force_login(stranger)
    assert other.get(f"/plan/screening/{mine.pk}/").status_code == 404
    # Their own plan page does not show the owner's advice either: they are sent to their own screening.
    assert other.get("/plan/")["Location"] == "/plan/screening/"


def test_anonymous_visitors_are_sent_to_log_in(db: None) -> None:
    anonymous = Client()
    for path in ("/plan/", "/plan/screening/", "/plan/screening/1/"):
        response = anonymous.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), path
    response = anonymous.post("/plan/use/", ANSWERS)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not UserProgram.objects.exists()


def test_every_planned_movement_can_be_left_out_in_plain_words() -> None:
    from liftwell.core.planner.catalogue import NOT_PLANNED_PATTERNS
    from liftwell.core.vocabulary import Pattern
    from liftwell.web.planning.forms import PATTERN_CHOICES

    planned = {p.value for p in Pattern if p not in NOT_PLANNED_PATTERNS}
    assert {value for value, _ in PATTERN_CHOICES} == planned
