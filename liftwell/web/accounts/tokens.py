"""Personal API tokens: made, checked and revoked here and nowhere else."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from liftwell.web.accounts.models import ApiToken, User

# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Make a token for `user`; returns the row and the token text, which is never stored."""
    token = settings.API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken.objects.create(
        user=user, name=name or "API token", prefix=token[:10], token_hash=hash_token(token)
    )
    return row, token


def user_for_token(token: str) -> User | None:
    if not token.startswith(settings.API_TOKEN_PREFIX):
        return None
    # get() sends no ORDER BY, so the lookup reads the unique token_hash index and nothing else.
    try:
        row = ApiToken.objects.select_related("user").get(token_hash=hash_token(token), user__is_active=True)
    except ApiToken.DoesNotExist:
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
    return row.user


def revoke_token(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return deleted > 0
