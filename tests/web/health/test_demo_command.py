"""`liftwell demo`: a demo account whose dashboard fills all twelve areas; never a real account replaced."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from liftwell.cli import LIFTWELL_COMMANDS
from liftwell.web.accounts.models import User
from liftwell.web.health.dashboard import AREAS
from liftwell.web.health.demo import DEMO_EMAIL
from liftwell.web.health.models import BloodPressure
from liftwell.web.training.models import Workout, WorkoutSet

PASSWORD = "a-Long-enough-pass"


def run_demo(monkeypatch: pytest.MonkeyPatch, *args: str) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    out = io.StringIO()
    call_command("demo", "--password-stdin", *args, stdout=out)
    return out.getvalue()


def squat_loads(user: User) -> list[float]:
    rows = WorkoutSet.objects.filter(owner=user, exercise__slug="barbell-back-squat", kind="working")
    return [
        float(load)
        for load in rows.order_by("workout__started_at", "position").values_list("load_kg", flat=True)
    ]


def test_the_command_is_listed() -> None:
    assert "demo" in LIFTWELL_COMMANDS


@pytest.mark.django_db
def test_demo_fills_all_twelve_areas_of_the_dashboard(monkeypatch: pytest.MonkeyPatch) -> None:
    out = run_demo(monkeypatch)
    assert re.search(r"Created the demo account 'demo': \d+ workouts, \d+ sets and \d+ health entries", out)
    user = User.objects.get(username="demo")
    assert user.email == DEMO_EMAIL and user.check_password(PASSWORD)
    assert (user.sex, user.height_cm) == ("male", 178)

    # Two years, most weeks three sessions: between 2 and 3 a week on average.
    workouts = Workout.objects.filter(owner=user)
    assert 208 <= workouts.count() <= 312
    assert all(w.ended_at is not None and w.ended_at > w.started_at for w in workouts)
    loads = squat_loads(user)
    assert loads[0] == 40.0 and max(loads) >= 90.0 and loads[-1] > loads[len(loads) // 2] > loads[0]

    client = Client()
    client.force_login(user)
    page = client.get("/health/").content.decode()
    for area in AREAS:
        card = page.split(f'id="area-{area.slug}"', 1)[1].split('class="benefit-card"', 1)[0]
        assert 'class="latest"' in card, area.slug
        assert "Nothing logged yet" not in card, area.slug
        assert "trend-text" in card, area.slug
    # The training behind the cards is not empty either.
    assert not re.search(r"(?<![0-9])0 (working sets|of the last 12 weeks|sessions|sets)", page)
    assert "Weeks with 2+ sessions against other weeks" in page


@pytest.mark.django_db
def test_demo_again_changes_nothing_and_force_recreates_the_same_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run_demo(monkeypatch, "--years", "1", "--seed", "3")
    user = User.objects.get(username="demo")
    first_ids = set(Workout.objects.filter(owner=user).values_list("id", flat=True))
    first_loads = squat_loads(user)
    first_bp = list(BloodPressure.objects.filter(owner=user).values_list("systolic_mmhg", flat=True))

    assert "already exists; nothing changed" in run_demo(monkeypatch, "--years", "1", "--seed", "3")
    assert set(Workout.objects.filter(owner=user).values_list("id", flat=True)) == first_ids

    assert "Created the demo account" in run_demo(monkeypatch, "--years", "1", "--seed", "3", "--force")
    again = User.objects.get(username="demo")
    assert again.pk != user.pk
    assert squat_loads(again) == first_loads
    assert list(BloodPressure.objects.filter(owner=again).values_list("systolic_mmhg", flat=True)) == first_bp

    run_demo(monkeypatch, "--years", "1", "--seed", "4", "--force")
    other = User.objects.get(username="demo")
    assert list(BloodPressure.objects.filter(owner=other).values_list("systolic_mmhg", flat=True)) != first_bp


@pytest.mark.django_db
def test_demo_never_replaces_a_real_account(monkeypatch: pytest.MonkeyPatch, owner: User) -> None:
    for extra in ((), ("--force",)):
        with pytest.raises(CommandError, match="real account, not a demo"):
            run_demo(monkeypatch, "--username", owner.username.upper(), *extra)
    owner.refresh_from_db()
    assert owner.email != DEMO_EMAIL and owner.check_password("olivia-Passw0rd!")
    assert not Workout.objects.filter(owner=owner).exists()


@pytest.mark.django_db
def test_demo_makes_up_a_password_or_refuses_a_weak_one(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    call_command("demo", "--username", "demo2", "--years", "1", stdout=out)
    password = out.getvalue().split("Password: ", 1)[1].strip()
    assert User.objects.get(username="demo2").check_password(password)

    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    with pytest.raises(CommandError, match="password:"):
        call_command("demo", "--username", "demo3", "--password-stdin")
    assert not User.objects.filter(username="demo3").exists()
