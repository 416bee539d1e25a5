"""Deleting an account: /accounts/delete/."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from liftwell.web.accounts.models import ApiToken, User
from liftwell.web.accounts.tokens import create_token
from tests.conftest import make_user


def test_it_deletes_the_account_and_its_tokens(owner_client: Client, owner: User, stranger: User) -> None:
    create_token(user=owner, name="mine")
    create_token(user=stranger, name="theirs")
    response = owner_client.post(
        reverse("account-delete"), {"username": "olivia", "password": "olivia-Passw0rd!"}, follow=True
    )
    assert response.redirect_chain == [(reverse("login"), 302)]
    assert "The account olivia and everything it held are deleted." in response.content.decode()
    assert not User.objects.filter(username="olivia").exists()
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["theirs"]
    assert not response.wsgi_request.user.is_authenticated
    assert owner_client.get(reverse("profile")).status_code == 302


def test_it_needs_the_right_username(owner_client: Client, owner: User) -> None:
    response = owner_client.post(
        reverse("account-delete"), {"username": "sam", "password": "olivia-Passw0rd!"}
    )
    assert response.status_code == 200
    assert "This is not your username." in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_it_needs_the_current_password(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("account-delete"), {"username": "olivia", "password": "guess"})
    assert response.status_code == 200
    assert "This is not your current password." in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_it_explains_before_deleting(owner_client: Client) -> None:
    html = owner_client.get(reverse("account-delete")).content.decode()
    assert "export your data first" in html
    assert "for good" in html


def test_staff_may_delete_themselves(db: None) -> None:
    admin = make_user("root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    response = client.post(reverse("account-delete"), {"username": "root", "password": "root-Passw0rd!"})
    assert response.status_code == 302
    assert not User.objects.filter(username="root").exists()
