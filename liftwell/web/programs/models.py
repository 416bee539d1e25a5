"""A person's programs (their own copy of the text) and their enrolment in one, with its state.

A program is stored as its source text, the format of docs/programs.md, parsed on use by
`liftwell.data.program_text`; starting a built-in program copies its text, so a later change to
the shipped file never moves a program under someone's feet. The progression state is the JSON of
`liftwell.core.programs.progression.ProgramState`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from liftwell.web.training.models import Workout


class UserProgram(models.Model):
    class Origin(models.TextChoices):
        BUILTIN = "builtin", "Liftwell's library"
        IMPORTED = "imported", "Imported file"
        GENERATED = "generated", "Plan generator"
        ASSIGNED = "assigned", "Assigned by a coach"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programs")
    slug = models.SlugField(max_length=120)
    name = models.CharField(max_length=200)
    source = models.TextField(help_text="The program file (docs/programs.md).")
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.IMPORTED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["owner", "slug"], name="user_program_slug_once")]

    def __str__(self) -> str:
        return self.name


class Enrollment(models.Model):
    """Following one program; at most one active enrolment per person."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments")
    program = models.ForeignKey(UserProgram, on_delete=models.CASCADE, related_name="enrollments")
    state = models.JSONField(default=dict)
    active = models.BooleanField(default=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    stopped_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=Q(active=True), name="one_active_program")
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.program}"


class ProgramSession(models.Model):
    """A workout started from a program day; progression is applied once, when it is finished."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="sessions")
    workout = models.OneToOneField(Workout, on_delete=models.CASCADE, related_name="program_session")
    week = models.PositiveSmallIntegerField()
    day = models.PositiveSmallIntegerField()
    cycle = models.PositiveIntegerField()
    # workout exercise id (as text) -> slot index in the day, so edits to the workout stay matched.
    slots = models.JSONField(default=dict)
    applied_at = models.DateTimeField(null=True, blank=True)
    reasons = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"week {self.week + 1} day {self.day + 1} of {self.enrollment}"
