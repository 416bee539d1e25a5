"""Workouts, the exercises inside them, and their sets.

Each row carries a client-generated UUID (`client_id`), unique per owner and enforced by the database,
so a phone can create rows before the server answers and a retried request never makes a second row.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

# Set kinds are defined in core (one vocabulary for the models, the importers, the records and the logging
# screen); re-exported here for the code that filters sets by kind.
from liftwell.core.training import SetKind as SetKind
from liftwell.importers.registry import source_apps
from liftwell.web.exercises.models import Exercise

SET_KIND_CHOICES = [(kind.value, kind.label) for kind in SetKind]
# A workout's source when another app's export brought it (liftwell/importers/registry.py).
IMPORTED_FROM = [(app.code, f"Imported from {app.name}") for app in source_apps()]


class Workout(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", "Logged in Liftwell"
        PROGRAM = "program", "From a program"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workouts")
    client_id = models.UUIDField(default=uuid.uuid4)
    title = models.CharField(max_length=120, blank=True)
    notes = models.TextField(blank=True)
    started_at = models.DateTimeField(help_text="UTC.")
    ended_at = models.DateTimeField(null=True, blank=True)
    # The zone in force where it happened, and the local date it belongs to: fixed at logging time,
    # so changing the profile's zone later does not move past workouts to another day.
    time_zone = models.CharField(max_length=64)
    local_date = models.DateField()
    # Logged here, or imported: one choice per app in the import-format registry.
    source = models.CharField(max_length=10, choices=[*Source.choices, *IMPORTED_FROM], default=Source.MANUAL)
    source_ref = models.CharField(max_length=200, blank=True, help_text="The other app's workout identity.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Deleted workouts stay as tombstones for a while: undo, and no resurrection by a late edit.
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner", "client_id"], name="workout_client_id_once")]
        indexes = [
            models.Index(fields=["owner", "-started_at", "-id"], name="workout_owner_recent"),
            models.Index(fields=["owner", "local_date"], name="workout_owner_date"),
        ]

    def __str__(self) -> str:
        return self.title or f"Workout on {self.local_date}"


class WorkoutExercise(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="exercises")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    client_id = models.UUIDField(default=uuid.uuid4)
    position = models.PositiveIntegerField(default=0)
    superset_group = models.PositiveSmallIntegerField(null=True, blank=True)
    notes = models.TextField(blank=True)
    rest_s = models.PositiveIntegerField(null=True, blank=True, help_text="Rest timer default.")
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "client_id"], name="workout_exercise_client_id_once")
        ]

    def __str__(self) -> str:
        return f"{self.exercise} in workout {self.workout_id}"


class WorkoutSet(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    workout = models.ForeignKey(Workout, on_delete=models.CASCADE, related_name="sets")
    workout_exercise = models.ForeignKey(WorkoutExercise, on_delete=models.CASCADE, related_name="sets")
    # Copied from workout_exercise so one exercise's history is a single indexed scan.
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="+")
    client_id = models.UUIDField(default=uuid.uuid4)
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(max_length=8, choices=SET_KIND_CHOICES, default=SetKind.WORKING.value)
    # Six decimals of a kilogram keep any load typed in pounds (to 0.01 lb) exact on the way back.
    load_kg = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)
    reps = models.PositiveIntegerField(null=True, blank=True)
    rpe = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True)
    rir = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_s = models.PositiveIntegerField(null=True, blank=True)
    distance_m = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    completed = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    rest_s = models.PositiveIntegerField(null=True, blank=True, help_text="Rest taken after this set.")
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "client_id"], name="workout_set_client_id_once"),
            models.CheckConstraint(
                condition=Q(load_kg__gte=0) | Q(load_kg=None), name="set_load_not_negative"
            ),
            models.CheckConstraint(condition=Q(reps__lte=1000) | Q(reps=None), name="set_reps_at_most_1000"),
            models.CheckConstraint(
                condition=Q(rpe=None) | (Q(rpe__gte=1) & Q(rpe__lte=10)), name="set_rpe_between_1_and_10"
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "exercise", "-id"], name="set_owner_exercise_recent"),
        ]

    def __str__(self) -> str:
        return f"{self.load_kg} kg x {self.reps} ({self.kind})"
