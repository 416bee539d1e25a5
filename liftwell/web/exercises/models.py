"""The exercise library: Liftwell's shipped exercises, imported libraries, and each person's own."""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.db import models
from django.db.models import Q

from liftwell.core.vocabulary import (
    BenefitTag,
    Equipment,
    Laterality,
    Measure,
    Mechanic,
    Muscle,
    Pattern,
)


def _choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    return [(member.value, member.value.replace("_", " ").capitalize()) for member in enum]


def pack(values: list[str] | tuple[str, ...]) -> str:
    """Store a short list as ",a,b," so `contains=",a,"` filters on both SQLite and PostgreSQL."""
    return "," + ",".join(values) + "," if values else ""


def unpack(packed: str) -> list[str]:
    return [value for value in packed.split(",") if value]


class Exercise(models.Model):
    class Source(models.TextChoices):
        LIFTWELL = "liftwell", "Liftwell library"
        IMPORTED = "imported", "Imported library"
        CUSTOM = "custom", "Your own"

    # None for exercises everyone sees (shipped or imported by an admin); a user for their own.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="exercises"
    )
    slug = models.SlugField(max_length=120)
    name = models.CharField(max_length=120)
    aliases = models.JSONField(default=list, blank=True)
    primary_muscles = models.CharField(max_length=200, help_text="Packed list, see pack().")
    secondary_muscles = models.CharField(max_length=200, blank=True)
    equipment = models.CharField(max_length=20, choices=_choices(Equipment))
    pattern = models.CharField(max_length=20, choices=_choices(Pattern))
    mechanic = models.CharField(max_length=10, choices=_choices(Mechanic))
    laterality = models.CharField(max_length=12, choices=_choices(Laterality), default="bilateral")
    measure = models.CharField(max_length=20, choices=_choices(Measure), default="weight_reps")
    benefits = models.CharField(max_length=200, blank=True)
    cues = models.JSONField(default=list, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.CUSTOM)
    # Normalised name and aliases joined by " | ", so one indexed column answers search-as-you-type.
    search_text = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug"], condition=Q(owner=None), name="exercise_shared_slug"),
            models.UniqueConstraint(fields=["owner", "slug"], name="exercise_owner_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def primary_muscle_list(self) -> list[Muscle]:
        return [Muscle(value) for value in unpack(self.primary_muscles)]

    @property
    def secondary_muscle_list(self) -> list[Muscle]:
        return [Muscle(value) for value in unpack(self.secondary_muscles)]

    @property
    def benefit_list(self) -> list[BenefitTag]:
        return [BenefitTag(value) for value in unpack(self.benefits)]

    @property
    def equipment_label(self) -> str:
        return Equipment(self.equipment).label

    @property
    def pattern_label(self) -> str:
        return Pattern(self.pattern).label


class HiddenExercise(models.Model):
    """An exercise someone never uses and asked not to see in search and pickers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "exercise"], name="hidden_exercise_once")]

    def __str__(self) -> str:
        return f"{self.exercise_id} hidden for {self.user_id}"


__all__ = ["Exercise", "HiddenExercise", "Mechanic", "Laterality", "Measure"]
