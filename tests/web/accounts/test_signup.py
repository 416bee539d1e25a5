"""Sign-up: /accounts/signup/."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from liftwell.web.accounts.models import User

PASSWORD = "correct-horse-battery-9"


def signup_data(**overrides: str) -> dict[str, str]:
    return {
        "username": "nadia",
        "email": "nadia@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "time_zone": "America/Chicago",
        "unit": "lb",
        **overrides,
    }


@pytest.mark.django_db
def test_it_creates_the_account_and_logs_in(client: Client) -> None:
    response = client.post(reverse("signup"), signup_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    user = User.objects.get(username="nadia")
    assert user.time_zone == "America/Chicago"
    assert user.unit == "lb"
    assert user.check_password(PASSWORD)
    assert not user.is_staff
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.django_db
def test_it_shows_the_form_with_a_browser_time_zone_field(client: Client) -> None:
    response = client.get(reverse("signup"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-browser-time-zone="replace-utc"' in html
    assert 'value="UTC"' in html
    assert '<option value="Europe/Berlin">' in html


@pytest.mark.django_db
def test_it_is_404_when_signup_is_closed(client: Client, settings: Any) -> None:
    settings.ALLOW_SIGNUP = False
    assert client.get(reverse("signup")).status_code == 404
    assert client.post(reverse("signup"), signup_data()).status_code == 404
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_an_unknown_time_zone(client: Client) -> None:
    response = client.post(reverse("signup"), signup_data(time_zone="Mars/Olympus_Mons"))
    assert response.status_code == 200
    assert "time_zone" in response.context["form"].errors
    assert "not a known time zone" in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_passwords_that_differ(client: Client) -> None:
    response = client.post(reverse("signup"), signup_data(password2="something-else-42"))
    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_weak_password(client: Client) -> None:
    response = client.post(reverse("signup"), signup_data(password1="password", password2="password"))
    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.exists()


def test_it_refuses_a_taken_username_in_any_case(client: Client, owner: User) -> None:
    response = client.post(reverse("signup"), signup_data(username="OLIVIA"))
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert User.objects.count() == 1


def test_it_does_not_switch_a_signed_in_person(owner_client: Client) -> None:
    response = owner_client.post(reverse("signup"), signup_data())
    assert response.status_code == 200
    assert "log out first" in response.content.decode()
    assert not User.objects.filter(username="nadia").exists()
