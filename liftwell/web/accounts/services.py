"""Writing accounts: sign-up, profile changes and deletion. Views call these; nothing else writes."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from liftwell.web.accounts.models import ApiToken, User

# The model keeps one decimal of a centimetre.
HEIGHT_CM_PLACES = Decimal("0.1")


@transaction.atomic
def create_account(*, username: str, email: str, password: str, time_zone: str, unit: str) -> User:
    """A new, ordinary account; the caller has validated the password and the time zone."""
    return User.objects.create_user(
        username=username, email=email, password=password, time_zone=time_zone, unit=unit
    )


@transaction.atomic
def update_profile(
    *,
    user: User,
    display_name: str,
    email: str,
    unit: str,
    time_zone: str,
    birth_year: int | None,
    sex: str,
    height_cm: Decimal | None,
) -> User:
    """Save the profile settings; the height arrives in centimetres whatever unit the person uses."""
    user.display_name = display_name
    user.email = email
    user.unit = unit
    user.time_zone = time_zone
    user.birth_year = birth_year
    user.sex = sex
    user.height_cm = None if height_cm is None else height_cm.quantize(HEIGHT_CM_PLACES)
    user.save(update_fields=["display_name", "email", "unit", "time_zone", "birth_year", "sex", "height_cm"])
    return user


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete the person and, through ON DELETE CASCADE, everything they own. There is no undo."""
    user.delete()


def tokens_for_user(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def get_token_for_user(user: User, token_id: int) -> ApiToken:
    """One of `user`'s own tokens; 404 for anyone else's."""
    return get_object_or_404(ApiToken, user=user, pk=token_id)
