"""Dates as the person sees them: what "today" is where they live."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from django.utils import timezone

from liftwell.web.accounts.models import User


def local_today(user: User) -> date:
    """Today in the person's own time zone (not the server's, nor the activated one)."""
    return timezone.localtime(timezone.now(), ZoneInfo(user.time_zone)).date()
