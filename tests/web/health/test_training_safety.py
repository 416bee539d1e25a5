"""Safety on the logging screens: blood-pressure advice before training and the warning signs one tap away."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BloodPressure
from liftwell.web.training.models import Workout

ADVICE_URL = "/health/training-advice/"
# What the logging pages carry: a placeholder the page fills when it opens, and the warning signs link.
PLACEHOLDER = f'hx-get="{ADVICE_URL}" hx-trigger="load"'
WARNING_LINK = '<a href="/health/warning-signs/">Warning signs to stop exercising</a>'


def reading(user: User, systolic: int, diastolic: int, days_ago: int = 0) -> BloodPressure:
    return BloodPressure.objects.create(
        owner=user,
        measured_on=date.today() - timedelta(days=days_ago),
        systolic_mmhg=systolic,
        diastolic_mmhg=diastolic,
    )


def workout(user: User) -> Workout:
    now = timezone.now()
    return Workout.objects.create(owner=user, started_at=now, time_zone="UTC", local_date=now.date())


@pytest.mark.parametrize(
    ("systolic", "diastolic", "headline"),
    [
        # docs/science.md §6.3, Liftwell's rule: >= 180/110 do not train today; >= 160/100 keep it light.
        (180, 90, "Please do not train today"),
        (150, 110, "Please do not train today"),
        (179, 109, "Keep today light, and check with a clinician"),
        (160, 80, "Keep today light, and check with a clinician"),
        (140, 100, "Keep today light, and check with a clinician"),
        (159, 99, None),
    ],
)
def test_the_logging_screens_show_advice_at_the_deferral_thresholds(
    owner_client: Client, owner: User, systolic: int, diastolic: int, headline: str | None
) -> None:
    reading(owner, systolic, diastolic)
    for path in ("/log/", f"/log/{workout(owner).client_id}/"):
        page = owner_client.get(path).content.decode()
        assert PLACEHOLDER in page and WARNING_LINK in page, path
    response = owner_client.get(ADVICE_URL)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    advice = response.content.decode()
    if headline is None:
        assert advice == ""
    else:
        assert f"<h2>{headline}</h2>" in advice
        assert f"{systolic}/{diastolic} mmHg" in advice
        assert 'role="alert"' in advice and "/health/warning-signs/" in advice


def test_the_start_page_itself_carries_no_health_data(owner_client: Client, owner: User) -> None:
    """/log/ is kept on the phone for offline use, so the advice is fetched, not written into it."""
    reading(owner, 185, 112)
    page = owner_client.get("/log/").content.decode()
    assert "Please do not train today" not in page and "185/112" not in page
    assert "Please do not train today" in owner_client.get(ADVICE_URL).content.decode()


def test_only_a_reading_of_the_last_week_counts(owner_client: Client, owner: User) -> None:
    reading(owner, 185, 112, days_ago=8)
    assert owner_client.get(ADVICE_URL).content.decode() == ""
    reading(owner, 128, 78, days_ago=1)
    reading(owner, 185, 112, days_ago=7)
    # The latest reading decides: a normal one after a high one clears the advice.
    assert owner_client.get(ADVICE_URL).content.decode() == ""


def test_someone_elses_reading_never_shows(owner_client: Client, stranger: User) -> None:
    reading(stranger, 190, 115)
    assert owner_client.get(ADVICE_URL).content.decode() == ""


def test_the_offline_shell_links_the_warning_signs_which_are_kept_offline(
    owner_client: Client, client: Client
) -> None:
    assert WARNING_LINK in owner_client.get("/log/shell/").content.decode()
    config = json.loads(client.get("/sw.js").content.decode().split("\n", 1)[0][len("const CONFIG = ") : -1])
    assert "/health/warning-signs/" in config["pages"]
    signs = client.get("/health/warning-signs/").content.decode()
    assert "Pain, pressure or tightness in the chest" in signs
