"""Two-factor sign-in: enrol with a QR code, log in with a code, recovery codes work once, coaches must."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from liftwell.web.accounts.models import User
from liftwell.web.accounts.twofactor import RECOVERY_CODES
from tests.conftest import make_user
from tests.web.coaching.world import grant_access

CODES = re.compile(r"<li><code>([a-z2-7]{8})</code></li>")


def _code(device: TOTPDevice, drift: int = 0) -> str:
    """What the authenticator app shows now (drift=1: the next 30-second step, still accepted)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def _password_login(username: str) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": f"{username}-Passw0rd!"})
    assert response.status_code == 302
    return client


def _enrol(client: Client, user: User) -> list[str]:
    page = client.get("/accounts/two-factor/setup/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html  # the QR code, inline as a data: URI (no script)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/accounts/two-factor/setup/", {"code": _code(device)})
    assert response.status_code == 200
    return CODES.findall(response.content.decode())


def test_it_enrols_and_shows_ten_recovery_codes(owner: User, owner_client: Client) -> None:
    codes = _enrol(owner_client, owner)
    assert len(codes) == RECOVERY_CODES == 10
    assert TOTPDevice.objects.get(user=owner).confirmed
    assert StaticToken.objects.filter(device__user=owner).count() == 10
    assert "<strong>On.</strong>" in owner_client.get("/accounts/two-factor/").content.decode()


def test_a_wrong_first_code_does_not_enrol(owner: User, owner_client: Client) -> None:
    owner_client.get("/accounts/two-factor/setup/")
    response = owner_client.post("/accounts/two-factor/setup/", {"code": "000000"})
    assert "did not match" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=owner, confirmed=True).exists()


def test_after_the_password_a_code_is_needed(owner: User, owner_client: Client) -> None:
    _enrol(owner_client, owner)
    client = _password_login("olivia")
    response = client.get("/history/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/verify/?next=%2Fhistory%2F"
    assert client.get("/api/v1/me").status_code == 401  # the session API too
    device = TOTPDevice.objects.get(user=owner)
    response = client.post(
        "/accounts/two-factor/verify/", {"code": _code(device, drift=1), "next": "/history/"}
    )
    assert response.status_code == 302 and response["Location"] == "/history/"
    assert client.get("/history/").status_code == 200


def test_a_wrong_code_is_refused_and_pauses_checking(owner: User, owner_client: Client) -> None:
    _enrol(owner_client, owner)
    client = _password_login("olivia")
    device = TOTPDevice.objects.get(user=owner)
    wrong = f"{(int(_code(device, drift=1)) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/two-factor/verify/", {"code": wrong})
    assert response.status_code == 200 and "did not match" in response.content.decode()
    # django-otp throttles: right after a failure even the right code waits (1 s, doubling).
    response = client.post("/accounts/two-factor/verify/", {"code": _code(device, drift=1)})
    assert "wait a few seconds" in response.content.decode()
    assert client.get("/history/").status_code == 302


def test_a_recovery_code_works_once(owner: User, owner_client: Client) -> None:
    codes = _enrol(owner_client, owner)
    first = _password_login("olivia")
    assert first.post("/accounts/two-factor/verify/", {"code": codes[0]}).status_code == 302
    assert first.get("/history/").status_code == 200
    second = _password_login("olivia")
    response = second.post("/accounts/two-factor/verify/", {"code": codes[0]})
    assert response.status_code == 200 and "did not match" in response.content.decode()
    assert second.get("/history/").status_code == 302
    assert StaticToken.objects.filter(device__user=owner).count() == 9


def test_people_without_two_factor_are_not_asked(owner_client: Client) -> None:
    assert owner_client.get("/history/").status_code == 200


def test_a_coach_without_two_factor_is_sent_to_enrol(owner: User, db: None) -> None:
    coach = make_user("cora")
    grant_access(owner, coach)
    client = _password_login("cora")
    for path in ("/coach/", f"/coach/clients/{owner.pk}/", f"/coach/clients/{owner.pk}/health/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/two-factor/setup/?next=%2Fcoach%2F")
    # Someone with no grant gets 404 for a client's page, 2FA or not: ids cannot be probed.
    assert client.get("/coach/clients/999999/").status_code == 404
    codes = _enrol(client, coach)
    assert codes
    assert client.get(f"/coach/clients/{owner.pk}/").status_code == 200


def test_a_coach_must_verify_in_each_new_session(owner: User, db: None) -> None:
    coach = make_user("cora")
    grant_access(owner, coach)
    first = _password_login("cora")
    _enrol(first, coach)
    later = _password_login("cora")
    response = later.get(f"/coach/clients/{owner.pk}/")
    assert response["Location"].startswith("/accounts/two-factor/verify/")


def test_turning_off_needs_a_verified_session(owner: User, owner_client: Client) -> None:
    _enrol(owner_client, owner)
    other = _password_login("olivia")
    assert other.post("/accounts/two-factor/disable/").status_code == 302
    assert TOTPDevice.objects.filter(user=owner).exists()
    owner_client.post("/accounts/two-factor/disable/")
    assert not TOTPDevice.objects.filter(user=owner).exists()
    assert not StaticToken.objects.filter(device__user=owner).exists()


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_the_next_address_stays_on_this_site(owner: User, owner_client: Client, target: str) -> None:
    codes = _enrol(owner_client, owner)
    client = _password_login("olivia")
    response = client.post("/accounts/two-factor/verify/", {"code": codes[1], "next": target})
    assert response["Location"] == "/"
