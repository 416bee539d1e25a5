"""The programs flow: a newcomer starts the beginner program, logs Today, and sees the next targets."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.programs import services
from liftwell.web.programs.models import Enrollment, ProgramSession, UserProgram
from liftwell.web.training.models import SetKind, Workout, WorkoutSet
from tests.conftest import ApiClient, make_user

pytestmark = pytest.mark.usefixtures("library")


def _squat_history(user: User, load_kg: str, reps: int) -> None:
    """A finished workout with one squat set: the history first-session loads come from."""
    from liftwell.web.exercises.models import Exercise
    from liftwell.web.training.services import create_workout, log_set, update_workout

    squat = Exercise.objects.get(owner=None, slug="barbell-back-squat")
    workout, _ = create_workout(user=user)
    log_set(
        user=user, workout=workout, exercise_id=squat.pk, load_kg=Decimal(load_kg), reps=reps, completed=True
    )
    update_workout(workout=workout, changes={"ended_at": workout.started_at})


def _start_today(client: Client) -> Workout:
    response = client.post("/today/start/", {})
    assert response.status_code == 302
    workout = Workout.objects.get(source=Workout.Source.PROGRAM, ended_at=None)
    assert response["Location"] == f"/log/{workout.client_id}/"
    return workout


def _log(api: ApiClient, workout: Workout, reps_by_exercise: dict[str, list[int]]) -> None:
    """Complete the pre-filled sets through the API (as the logging screen does), then finish."""
    for workout_set in WorkoutSet.objects.filter(workout=workout).select_related("exercise").order_by("id"):
        wanted = reps_by_exercise.get(workout_set.exercise.slug)
        if wanted is None:
            continue
        reps = wanted.pop(0)
        answer = api.patch(f"/api/v1/sets/{workout_set.pk}", {"completed": True, "reps": reps})
        assert answer.status_code == 200, answer.content
    assert api.post(f"/api/v1/workouts/{workout.pk}/finish", {}).status_code == 200


def _targets(user: User, slug: str) -> tuple[list[Decimal | None], str]:
    today = services.next_program_workout(user)
    assert today is not None
    slot = next(s for s in today.plan.slots if s.slot.exercise == slug)
    return [None if s.load_kg is None else Decimal(str(s.load_kg)) for s in slot.sets], slot.reason


@pytest.fixture
def newcomer(db: None) -> tuple[User, Client, ApiClient]:
    user = make_user("nora")
    client = Client()
    client.force_login(user)
    return user, client, ApiClient(user)


def test_a_newcomer_progresses_repeats_and_deloads(newcomer: tuple[User, Client, ApiClient]) -> None:
    user, client, api = newcomer
    _squat_history(user, "60", 5)  # Epley e1RM 70 kg
    assert client.post("/programs/library/beginner-full-body/start/", {}).status_code == 302
    page = client.get("/today/")
    assert page.status_code == 200 and b"Workout A" in page.content

    # First session: 5 reps at RPE 8 from e1RM 70 kg = 56.77 kg, rounded to the standard kg plates.
    loads, reason = _targets(user, "barbell-back-squat")
    assert loads == [Decimal("57")] * 3
    assert reason == "first session: about RPE 8 for 5 from your e1RM 70 kg"

    workout = _start_today(client)
    squat_sets = WorkoutSet.objects.filter(workout=workout, exercise__slug="barbell-back-squat")
    assert [(s.load_kg, s.reps, s.completed, s.kind) for s in squat_sets] == [
        (Decimal("57.000000"), 5, False, SetKind.WORKING)
    ] * 3
    _log(api, workout, {"barbell-back-squat": [5, 5, 5]})

    # Session 2 (Workout B): the squat goes up with the reason shown on Today.
    loads, reason = _targets(user, "barbell-back-squat")
    assert loads == [Decimal("59.5")] * 3 and reason == "+2.5 kg: all 3x5 completed"
    page = client.get("/today/")
    assert b"Workout B" in page.content and b"Squat (Barbell): +2.5 kg: all 3x5 completed" in page.content

    # A failed session repeats the load; the third failure in a row deloads 10%.
    for expected_load, expected_reason in [
        ("59.5", "repeat 59.5 kg: 2 of 3 sets completed (miss 1 of 3)"),
        ("59.5", "repeat 59.5 kg: 2 of 3 sets completed (miss 2 of 3)"),
        ("53.5", "deload 10%: third missed session"),
    ]:
        _log(api, _start_today(client), {"barbell-back-squat": [5, 5, 3]})
        loads, reason = _targets(user, "barbell-back-squat")
        # 59.5 x 0.9 = 53.55 kg, rounded to the plates: 53.5 kg.
        assert loads == [Decimal(expected_load)] * 3 and reason == expected_reason
    assert ProgramSession.objects.filter(applied_at=None).count() == 0


def test_progression_is_applied_once(newcomer: tuple[User, Client, ApiClient]) -> None:
    user, client, api = newcomer
    client.post("/programs/library/beginner-full-body/start/", {})
    workout = _start_today(client)
    WorkoutSet.objects.filter(workout=workout, exercise__slug="barbell-back-squat").update(
        load_kg=Decimal(40)
    )
    _log(api, workout, {"barbell-back-squat": [5, 5, 5]})
    for _ in range(3):
        client.get("/today/")
        services.apply_finished_sessions(user=user)
    state = Enrollment.objects.get(user=user, active=True).state
    assert state["sessions"] == 1 and state["day"] == 1
    assert state["tracks"]["barbell-back-squat"]["load_kg"] == 42.5


def test_the_user_can_override_targets_before_starting(newcomer: tuple[User, Client, ApiClient]) -> None:
    user, client, _ = newcomer
    client.post("/programs/library/beginner-full-body/start/", {})
    response = client.post("/today/start/", {"load-0-0": "45", "reps-0-0": "6", "load-0-1": "45"})
    assert response.status_code == 302
    first, second, third = WorkoutSet.objects.filter(exercise__slug="barbell-back-squat").order_by("position")
    assert (first.load_kg, first.reps) == (Decimal(45), 6)
    assert (second.load_kg, second.reps) == (Decimal(45), 5)
    assert third.load_kg is None  # no history: the lifter chooses
    # Starting again while that workout is open returns the same one.
    again = client.post("/today/start/", {})
    assert again["Location"] == response["Location"]
    assert Workout.objects.filter(source=Workout.Source.PROGRAM).count() == 1


def test_overrides_in_pounds_and_bad_input(db: None) -> None:
    user = make_user("liam", unit="lb")
    client = Client()
    client.force_login(user)
    _squat_history(user, "100", 5)  # e1RM 116.67 kg: 5 @ RPE 8 = 94.62 kg = 208.6 lb -> 210 lb
    client.post("/programs/library/beginner-full-body/start/", {})
    page = client.get("/today/")
    assert b'name="load-0-0" value="210"' in page.content
    bad = client.post("/today/start/", {"load-0-0": "heavy"})
    assert bad.status_code == 400 and b"as numbers" in bad.content
    assert not Workout.objects.filter(source=Workout.Source.PROGRAM).exists()
    client.post("/today/start/", {"load-0-0": "200"})
    planned = WorkoutSet.objects.filter(
        workout__source=Workout.Source.PROGRAM, exercise__slug="barbell-back-squat"
    )
    first = planned.order_by("position").first()
    assert first is not None and first.load_kg == Decimal("90.718474")  # 200 lb exactly


def test_today_without_a_program_points_to_the_library(owner_client: Client) -> None:
    page = owner_client.get("/today/")
    assert page.status_code == 200 and b"not following a program" in page.content
    assert owner_client.post("/today/start/", {})["Location"] == "/programs/"


def test_switching_and_stopping(owner: User, owner_client: Client) -> None:
    owner_client.post("/programs/library/beginner-full-body/start/", {})
    owner_client.post("/programs/library/wave-531/start/", {})
    active = Enrollment.objects.get(user=owner, active=True)
    assert active.program.slug == "wave-531"
    assert Enrollment.objects.filter(user=owner).count() == 2
    owner_client.post("/programs/stop/", {})
    assert not Enrollment.objects.filter(user=owner, active=True).exists()
    # Starting a built-in again reuses the person's copy.
    owner_client.post("/programs/library/wave-531/start/", {})
    assert UserProgram.objects.filter(owner=owner, slug="wave-531").count() == 1


def test_assign_program_for_coaches(owner: User, stranger: User) -> None:
    coach_copy = services.copy_builtin(user=stranger, slug="back-care")
    enrollment = services.assign_program(user=owner, program=coach_copy, assigned_by=stranger)
    assert enrollment.active and enrollment.assigned_by == stranger
    assert enrollment.program.owner == owner and enrollment.program.origin == UserProgram.Origin.ASSIGNED
    program, _ = services.get_builtin("who-health-minimum")
    generated = services.assign_program(user=owner, program=program)
    assert generated.program.origin == UserProgram.Origin.GENERATED
    assert Enrollment.objects.filter(user=owner, active=True).get() == generated


def _import(client: Client, text: str) -> Any:
    return client.post("/programs/import/", {"text": text})


def test_import_shows_errors_with_line_and_field(owner_client: Client) -> None:
    text = (
        "name: Mine\nslug: mine\ndescription: x\ndays:\n  - name: A\n    exercises:\n"
        "      - {exercise: barbell-back-squat, sets: 0x5}\n"
    )
    response = _import(owner_client, text)
    assert response.status_code == 400
    assert b"line 7, days[0].exercises[0].sets: must be 1 to 20 sets, got 0" in response.content
    response = _import(owner_client, text.replace("barbell-back-squat", "moon-squat").replace("0x5", "3x5"))
    assert b"no exercise &#x27;moon-squat&#x27; in the library" in response.content
    assert not UserProgram.objects.exists()


def test_import_download_round_trip(owner: User, owner_client: Client) -> None:
    original = owner_client.get("/programs/library/wave-531/download/")
    assert original.status_code == 200
    assert original["Content-Disposition"] == 'attachment; filename="wave-531.yaml"'
    upload = original.content.decode()
    response = owner_client.post("/programs/import/", {"file": _file("531.yaml", upload)})
    assert response.status_code == 302
    stored = UserProgram.objects.get(owner=owner)
    assert stored.slug == "wave-531" and stored.source == upload
    detail = owner_client.get(f"/programs/{stored.pk}/")
    assert b"Week 3 (5/3/1)" in detail.content and b"75% TM" in detail.content
    assert owner_client.get(f"/programs/{stored.pk}/download/").content.decode() == upload
    # Importing it again keeps both, under a free slug.
    owner_client.post("/programs/import/", {"text": upload})
    assert sorted(UserProgram.objects.values_list("slug", flat=True)) == ["wave-531", "wave-531-2"]
    owner_client.post(f"/programs/{stored.pk}/delete/", {})
    assert UserProgram.objects.count() == 1


def _file(name: str, text: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="application/yaml")


def test_library_pages_list_and_describe(owner_client: Client) -> None:
    page = owner_client.get("/programs/")
    assert page.status_code == 200
    for name in (b"Health minimum (2 days, full body)", b"5/3/1-style strength (4 days)"):
        assert name in page.content
    detail = owner_client.get("/programs/library/beginner-full-body/")
    assert b"Squat (Barbell)" in detail.content
    assert b"3 x 5" in detail.content and b"Rippetoe" in detail.content
    assert owner_client.get("/programs/library/no-such-program/").status_code == 404
