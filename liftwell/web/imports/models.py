"""An uploaded file waiting for its preview to be confirmed, and remembered exercise matches."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from liftwell.web.exercises.models import Exercise


class PendingImport(models.Model):
    """The file itself lives in DATA_DIR/imports/<owner id>/<id>.csv (never in the session)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=200)
    size_bytes = models.PositiveBigIntegerField()
    format = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.file_name


class ExerciseMapping(models.Model):
    """What an exercise name from another app means in Liftwell, as this person decided."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source_app = models.CharField(max_length=10)
    name_key = models.CharField(max_length=200, help_text="normalize_name() of the other app's name.")
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "source_app", "name_key"], name="exercise_mapping_once")
        ]

    def __str__(self) -> str:
        return f"{self.source_app}: {self.name_key}"


class ImportedMeasurement(models.Model):
    """One body-measurement field of one day imported from another app: its identity there is the
    app, the day and the kind (weight, waist...), so importing the file again adds nothing. A body
    measurement deleted later keeps its record (the link is cleared), so it does not come back."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source_app = models.CharField(max_length=10)
    measured_on = models.DateField()
    kind = models.CharField(max_length=20, help_text="The body measurement's field, e.g. weight_kg.")
    body_measurement = models.ForeignKey(
        "health.BodyMeasurement", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "source_app", "measured_on", "kind"], name="imported_measurement_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_app}: {self.kind} on {self.measured_on}"
