"""API tokens: /accounts/tokens/ and /accounts/tokens/<id>/revoke/."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from liftwell.web.accounts.models import ApiToken, User
from liftwell.web.accounts.tokens import create_token


def created_token_text(html: str) -> str:
    match = re.search(r'id="new-token" type="text" value="([^"]+)"', html)
    assert match, "the new token is not on the page"
    return match.group(1)


def test_it_creates_a_token_and_shows_it_once(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("tokens"), {"name": "phone sync"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = created_token_text(response.content.decode())
    row = ApiToken.objects.get(user=owner)
    assert row.name == "phone sync"
    assert token.startswith(row.prefix)
    assert token not in row.token_hash
    listing = owner_client.get(reverse("tokens")).content.decode()
    assert "phone sync" in listing
    assert f"{row.prefix}…" in listing
    assert token not in listing


def test_the_token_works_until_revoked(owner_client: Client, owner: User, client: Client) -> None:
    token = created_token_text(owner_client.post(reverse("tokens"), {"name": "script"}).content.decode())
    headers = {"Authorization": f"Bearer {token}"}
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 200
    assert response.json()["username"] == "olivia"
    row = ApiToken.objects.get(user=owner)
    response = owner_client.post(reverse("token-revoke", args=[row.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("tokens")
    assert not ApiToken.objects.filter(pk=row.pk).exists()
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_it_names_an_unnamed_token(owner_client: Client, owner: User) -> None:
    assert owner_client.post(reverse("tokens"), {"name": "  "}).status_code == 200
    assert ApiToken.objects.get(user=owner).name == "API token"


def test_a_stranger_cannot_revoke_someone_elses_token(owner: User, stranger: User) -> None:
    row, _ = create_token(user=owner, name="owner's")
    client = Client()
    client.force_login(stranger)
    assert client.post(reverse("token-revoke", args=[row.pk])).status_code == 404
    assert ApiToken.objects.filter(pk=row.pk).exists()
    assert "owner&#x27;s" not in client.get(reverse("tokens")).content.decode()


def test_revoking_needs_a_post(owner_client: Client, owner: User) -> None:
    row, _ = create_token(user=owner, name="keep")
    assert owner_client.get(reverse("token-revoke", args=[row.pk])).status_code == 405
    assert ApiToken.objects.filter(pk=row.pk).exists()


def test_it_refuses_a_name_too_long(owner_client: Client, owner: User) -> None:
    response = owner_client.post(reverse("tokens"), {"name": "x" * 81})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert not ApiToken.objects.exists()
