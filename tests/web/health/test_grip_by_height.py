"""A grip entry is read against the EWGSOP2 cut-off and, with age, sex and height in the profile, against
Steiber 2016's norms for people of the same sex, age band and height band."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.test import Client

from tests.conftest import make_user


def test_grip_shows_the_height_norm_when_the_profile_allows(db: None) -> None:
    # Female, 65-69, 160-164 cm: mean 27.5 kg, risk threshold 22.3 kg (Steiber 2016, Table 2).
    user = make_user("gwen", sex="female", birth_year=date.today().year - 66, height_cm=Decimal("162"))
    client = Client()
    client.force_login(user)
    response = client.post(
        "/health/grip/new/", {"measured_on": date.today().isoformat(), "value": "22"}, follow=True
    )
    page = response.content.decode()
    assert "Not low (EWGSOP2 2019)" in page
    assert "Weak for your age, sex and height (under 22.3 kg)" in page
    assert "Steiber 2016" in client.get("/health/grip/").content.decode()


def test_without_a_height_only_the_cut_off_is_shown(db: None) -> None:
    user = make_user("hal", sex="male", birth_year=date.today().year - 40)
    client = Client()
    client.force_login(user)
    client.post("/health/grip/new/", {"measured_on": date.today().isoformat(), "value": "45"})
    page = client.get("/health/grip/").content.decode()
    assert "Not low" in page and "Steiber" not in page
