"""The profile page: /accounts/profile/."""

from __future__ import annotations

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from liftwell.web.accounts.models import User


def profile_data(**overrides: str) -> dict[str, str]:
    return {
        "display_name": "Liv",
        "email": "liv@example.org",
        "unit": "kg",
        "time_zone": "Europe/Oslo",
        "birth_year": "1985",
        "sex": "female",
        "height": "172.5",
        "height_unit": "cm",
        **overrides,
    }


def test_it_saves_the_profile_in_kg(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("profile"), profile_data(), follow=True)
    assert response.redirect_chain == [(reverse("profile"), 302)]
    assert "Your profile is saved." in response.content.decode()
    owner.refresh_from_db()
    assert owner.display_name == "Liv"
    assert owner.email == "liv@example.org"
    assert owner.time_zone == "Europe/Oslo"
    assert owner.birth_year == 1985
    assert owner.sex == "female"
    assert owner.height_cm == Decimal("172.5")


def test_it_takes_and_shows_height_in_inches_for_lb(owner_client: Client, owner: User) -> None:
    owner.unit = "lb"
    owner.save()
    response = owner_client.post(reverse("profile"), profile_data(unit="lb", height="70", height_unit="in"))
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.unit == "lb"
    assert owner.height_cm == Decimal("177.8")
    html = owner_client.get(reverse("profile")).content.decode()
    assert "Height (in)" in html
    assert 'name="height" value="70"' in html


def test_it_reads_the_height_in_the_unit_it_was_shown_in(owner_client: Client, owner: User) -> None:
    # Switching kg -> lb on a page that showed centimetres: the typed 180 is still centimetres.
    response = owner_client.post(reverse("profile"), profile_data(unit="lb", height="180", height_unit="cm"))
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.height_cm == Decimal("180.0")


def test_it_keeps_an_unchanged_height_exact(owner_client: Client, owner: User) -> None:
    owner.unit = "lb"
    owner.height_cm = Decimal("180.0")
    owner.save()
    # 180 cm shows as 70.9 in; 70.9 in is 180.09 cm, which would drift to 180.1 if re-read.
    response = owner_client.post(reverse("profile"), profile_data(unit="lb", height="70.9", height_unit="in"))
    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.height_cm == Decimal("180.0")


def test_it_clears_the_height(owner_client: Client, owner: User) -> None:
    owner.height_cm = Decimal("170")
    owner.save()
    assert owner_client.post(reverse("profile"), profile_data(height="")).status_code == 302
    owner.refresh_from_db()
    assert owner.height_cm is None


def test_it_refuses_a_bad_birth_year(owner_client: Client, owner: User) -> None:
    for year in ("1899", "3000"):
        response = owner_client.post(reverse("profile"), profile_data(birth_year=year))
        assert response.status_code == 200
        assert "Enter a year between 1900 and" in response.content.decode()
    owner.refresh_from_db()
    assert owner.birth_year is None
    assert owner.display_name == "Olivia"


def test_it_refuses_an_unlikely_height(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("profile"), profile_data(height="700"))
    assert response.status_code == 200
    assert "Enter a height between 50 and 272 cm." in response.content.decode()
    owner.refresh_from_db()
    assert owner.height_cm is None


def test_it_refuses_an_unknown_time_zone(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("profile"), profile_data(time_zone="Europe/Atlantis"))
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    owner.refresh_from_db()
    assert owner.time_zone == "Europe/Berlin"


def test_it_shows_the_settings_and_account_links(owner_client: Client) -> None:
    html = owner_client.get(reverse("profile")).content.decode()
    assert 'value="Europe/Berlin"' in html
    assert 'list="time-zones"' in html
    assert "Used only for norms and strength scores." in html
    for name in ("tokens", "password_change", "account-delete"):
        assert f'href="{reverse(name)}"' in html


def test_it_sends_anonymous_people_to_log_in(client: Client, db: None) -> None:
    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    response = client.post(reverse("profile"), profile_data())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
