"""Log-in, lockout, password change and password reset (Django's views, Liftwell's templates)."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse

from liftwell.web.accounts.models import User

NEW_PASSWORD = "a-brand-new-secret-77"


def test_it_logs_in_and_out(client: Client, owner: User) -> None:
    page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}"' in page
    assert f'href="{reverse("signup")}"' in page
    response = client.post(reverse("login"), {"username": "olivia", "password": "olivia-Passw0rd!"})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_it_hides_the_signup_link_when_signup_is_closed(client: Client, settings: Any, db: None) -> None:
    settings.ALLOW_SIGNUP = False
    assert f'href="{reverse("signup")}"' not in client.get(reverse("login")).content.decode()


def test_it_locks_out_after_five_failures(client: Client, owner: User, settings: Any) -> None:
    settings.AXES_COOLOFF_TIME = 0.25
    for _ in range(4):
        response = client.post(reverse("login"), {"username": "olivia", "password": "wrong"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "olivia", "password": "wrong"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed log-ins" in html
    assert "Try again in 15 minutes." in html
    # Even the right password is refused while locked.
    response = client.post(reverse("login"), {"username": "olivia", "password": "olivia-Passw0rd!"})
    assert response.status_code == 429


def test_it_changes_the_password(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        reverse("password_change"),
        {"old_password": "olivia-Passw0rd!", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("password_change_done")
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    # Still signed in on this session.
    assert owner_client.get(reverse("profile")).status_code == 200


def test_it_refuses_a_wrong_old_password(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        reverse("password_change"),
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "old_password" in response.context["form"].errors
    owner.refresh_from_db()
    assert owner.check_password("olivia-Passw0rd!")


def test_it_resets_the_password_by_email(client: Client, owner: User, mailoutbox: list[Any]) -> None:
    response = client.post(reverse("password_reset"), {"email": "olivia@example.org"})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["olivia@example.org"]
    assert "Liftwell" in message.subject
    match = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", message.body)
    assert match, message.body
    response = client.get(match.group(1), follow=True)
    assert response.status_code == 200
    assert response.context["validlink"]
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_complete")
    owner.refresh_from_db()
    assert owner.check_password(NEW_PASSWORD)
    # The link works once.
    assert not client.get(match.group(1), follow=True).context["validlink"]


def test_it_sends_nothing_for_an_unknown_address(client: Client, db: None, mailoutbox: list[Any]) -> None:
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert mailoutbox == []
