"""Two-factor sign-in: a TOTP app (RFC 6238, via django-otp) and one-time recovery codes.

Enrolling makes an unconfirmed TOTP device, shown as a QR code; the first correct code confirms it and
creates ten recovery codes (a django-otp static device; each code works once). Everyone may turn it on;
coach pages require it (see `liftwell/web/coaching/decorators.py`).
"""

from __future__ import annotations

import base64

import segno
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from liftwell.web.accounts.models import User

RECOVERY_CODES = 10
RECOVERY_DEVICE = "Recovery codes"
TOTP_DEVICE = "Authenticator app"


def has_two_factor(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def is_verified(request: HttpRequest) -> bool:
    """Whether this session passed a second factor (django-otp's middleware sets `is_verified`)."""
    check = getattr(request.user, "is_verified", None)
    return bool(check and check())


def pending_totp(user: User) -> TOTPDevice:
    """The unconfirmed device being enrolled, kept until confirmed (so a reload shows the same QR)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The key in base32, for typing into an app by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG QR code in a data: URI (the CSP allows data: images, no scripts)."""
    return str(segno.make(device.config_url, error="m").svg_data_uri(scale=4, border=2))


def new_recovery_codes(user: User) -> list[str]:
    """Replace any recovery codes with ten fresh ones; returns them to show once."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE)
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE).count())


def confirm_totp(*, request: HttpRequest, user: User, code: str) -> list[str] | None:
    """Confirm the pending device with a first code; marks this session verified and returns new
    recovery codes, or None when the code is wrong."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(_digits(code)):
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return new_recovery_codes(user)


def _digits(code: str) -> str:
    return "".join(code.split())


def verify_code(*, request: HttpRequest, user: User, code: str) -> bool:
    """Check a code from the app, or a recovery code (used up on success); mark the session verified."""
    code = _digits(code)
    if not code:
        return False
    totp = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if totp is not None and code.isdigit() and totp.verify_token(code):
        otp_login(request, totp)
        return True
    for device in StaticDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(code.lower()):  # deletes the code: it works once
            otp_login(request, device)
            return True
    return False


def must_wait(user: User) -> bool:
    """True while wrong codes have paused checking (django-otp doubles the pause after each failure)."""
    totp = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return totp is not None and not totp.verify_is_allowed()[0]


def turn_off(*, user: User) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
