"""Logging bone density: a T- or Z-score, read by the profile's sex and the age when scanned (issue 14
item 5; WHO 1994 T-score categories for postmenopausal women and men 50+, ISCD Official Positions 2019
Z-score for everyone else)."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BoneDensity
from tests.conftest import make_user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def log(client: Client, day: date, **scores: str) -> str:
    data = {"measured_on": day.isoformat(), "site": "lumbar_spine", **scores}
    return str(client.post("/health/bone-density/new/", data, follow=True).content.decode())


OSTEOPOROSIS = "In the osteoporosis range (WHO 1994; a diagnosis is made by your clinician)"
WITHIN = "Within the expected range for age (ISCD Official Positions 2019)"


THIS_YEAR = date.today().year


@pytest.mark.parametrize(
    ("sex", "age", "shown", "not_shown"),
    [
        ("male", 49, WITHIN, OSTEOPOROSIS),
        ("male", 50, OSTEOPOROSIS, WITHIN),
        ("female", 49, WITHIN, OSTEOPOROSIS),
        ("female", 50, OSTEOPOROSIS, WITHIN),
    ],
)
def test_the_score_read_follows_sex_and_age(db: None, sex: str, age: int, shown: str, not_shown: str) -> None:
    user = make_user("bea", sex=sex, birth_year=THIS_YEAR - age)
    log(client_for(user), date.today(), t_score="-2.6", z_score="-1.0")
    page = client_for(user).get("/health/bone-density/").content.decode()
    assert shown in page and not_shown not in page


@pytest.mark.parametrize(
    ("years_ago", "shown", "not_shown"),
    [
        # 50 now, 49 in the year of a scan a year ago: that scan is read by its Z-score.
        (1, WITHIN, OSTEOPOROSIS),
        (0, OSTEOPOROSIS, WITHIN),
    ],
)
def test_the_age_when_scanned_counts(db: None, years_ago: int, shown: str, not_shown: str) -> None:
    user = make_user("hal", sex="male", birth_year=THIS_YEAR - 50)
    scanned = date(THIS_YEAR - years_ago, 1, 15)
    log(client_for(user), scanned, t_score="-2.6", z_score="-1.0")
    page = client_for(user).get("/health/bone-density/").content.decode()
    assert shown in page and not_shown not in page


def test_a_womans_stated_menopause_decides(db: None) -> None:
    user = make_user("cleo", sex="female", birth_year=THIS_YEAR - 46)
    page = log(client_for(user), date(2026, 1, 10), t_score="-2.6", z_score="-1.0", menopause="after")
    assert OSTEOPOROSIS in page
    assert BoneDensity.objects.get(owner=user).menopause == "after"


def test_without_a_profile_it_says_what_is_missing(owner_client: Client, owner: User) -> None:
    page = log(owner_client, date(2026, 1, 10), t_score="-2.6")
    assert "Add your sex and birth year to your profile to see what this score means" in page
    assert "In the osteoporosis range" not in page


def test_it_asks_for_the_z_score_under_50(db: None) -> None:
    user = make_user("dan", sex="male", birth_year=THIS_YEAR - 36)
    page = log(client_for(user), date(2026, 1, 10), t_score="-2.6")
    assert "add the Z-score from your report" in page
    assert "osteoporosis range" not in page


def test_it_needs_a_score(owner_client: Client) -> None:
    page = log(owner_client, date(2026, 1, 10))
    assert "Enter the T-score, the Z-score or both, from your report." in page
    assert not BoneDensity.objects.exists()


def test_the_menopause_question_is_not_asked_of_men(db: None) -> None:
    man = make_user("ed", sex="male", birth_year=1960)
    woman = make_user("fay", sex="female", birth_year=1960)
    assert 'name="menopause"' not in client_for(man).get("/health/bone-density/new/").content.decode()
    assert 'name="menopause"' in client_for(woman).get("/health/bone-density/new/").content.decode()


def test_a_z_score_only_entry_is_kept_and_edited(db: None) -> None:
    user = make_user("gil", sex="male", birth_year=THIS_YEAR - 31)
    log(client_for(user), date(2026, 1, 10), z_score="-2.0")
    entry = BoneDensity.objects.get(owner=user)
    assert entry.t_score is None and entry.z_score == -2
    page = client_for(user).get("/health/bone-density/").content.decode()
    assert "Below the expected range for age" in page and "Z-score: -2.0" in page
    edit = client_for(user).get(f"/health/bone-density/{entry.pk}/edit/").content.decode()
    assert 'name="z_score" value="-2.00"' in edit
