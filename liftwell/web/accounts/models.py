"""People, their profile settings, and their personal API tokens."""

from __future__ import annotations

import zoneinfo
from datetime import date

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from liftwell.core import age


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"{value!r} is not a known time zone (for example Europe/Berlin).")


class User(AbstractUser):
    """An account. Profile settings live here too: one row to load per request."""

    class Unit(models.TextChoices):
        KG = "kg", "Kilograms (kg)"
        LB = "lb", "Pounds (lb)"

    class Sex(models.TextChoices):
        FEMALE = "female", "Female"
        MALE = "male", "Male"
        UNSAID = "unsaid", "Prefer not to say"

    display_name = models.CharField(max_length=80, blank=True)
    unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.KG)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    sex = models.CharField(
        max_length=6,
        choices=Sex.choices,
        default=Sex.UNSAID,
        help_text="Used only for norms and strength scores.",
    )
    height_cm = models.DecimalField(max_digits=5, decimal_places=1, null=True, blank=True)
    # Gym settings for the logging screen. plate_set: {"unit", "bar", "collar", "plates": [[w, pairs]]};
    # empty means the standard set for the person's unit.
    plate_set = models.JSONField(default=dict, blank=True)
    default_rest_s = models.PositiveIntegerField(default=120)

    @property
    def shown_name(self) -> str:
        return self.display_name or self.username

    def age_on(self, day: date) -> int | None:
        """The age on `day` as `liftwell.core.age` counts it from the year of birth (None if not given)."""
        return age.age_on(self.birth_year, day)


class ApiToken(models.Model):
    """A personal access token. Only a SHA-256 hash is stored; the token is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=80)
    prefix = models.CharField(max_length=16, help_text="The first characters, to recognise a token.")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
