"""Sharing with coaches: grants of access, organisations of coaches, the access log, comments and notes.

A client stays in control: a grant names one coach and a scope, and ends the moment either side revokes
it. Every read of a client's data by a coach leaves an `AccessLog` row, written by `access.py` only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q


class Scope(models.TextChoices):
    TRAINING = "training", "Training only"
    HEALTH = "training_health", "Training and health"


class Organisation(models.Model):
    """A gym or clinic: a name and its members. Membership never grants access to anyone's data."""

    name = models.CharField(max_length=120)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        COACH = "coach", "Coach"
        ADMIN = "admin", "Admin"

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=5, choices=Role.choices, default=Role.COACH)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="membership_once")]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"


class Grant(models.Model):
    """One client's permission for one coach. Pending until the invited side accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACTIVE = "active", "Active"
        DECLINED = "declined", "Declined"
        REVOKED = "revoked", "Ended"

    class InvitedBy(models.TextChoices):
        CLIENT = "client", "The client"
        COACH = "coach", "The coach"

    client = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_given"
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="grants_received"
    )
    scope = models.CharField(max_length=16, choices=Scope.choices, default=Scope.TRAINING)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    invited_by = models.CharField(max_length=6, choices=InvitedBy.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # At most one open (pending or active) grant per pair, even with two requests at once.
            models.UniqueConstraint(
                fields=["client", "coach"],
                condition=Q(status__in=["pending", "active"]),
                name="grant_open_once",
            ),
            models.CheckConstraint(condition=~Q(client=models.F("coach")), name="grant_not_self"),
        ]
        indexes = [models.Index(fields=["coach", "status"], name="grant_coach_status")]

    def __str__(self) -> str:
        return f"{self.client} → {self.coach} ({self.scope}, {self.status})"

    @property
    def includes_health(self) -> bool:
        return self.scope == Scope.HEALTH


class AccessLog(models.Model):
    """One read of a client's data by a coach: who, what, when. Kept when the coach's account goes."""

    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_log")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    coach_name = models.CharField(max_length=150)
    what = models.CharField(max_length=200)
    via = models.CharField(max_length=3, default="web")  # "web" or "api"
    at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["client", "-at"], name="accesslog_client_recent")]

    def __str__(self) -> str:
        return f"{self.coach_name} viewed {self.what} at {self.at:%Y-%m-%d %H:%M}"


class WorkoutComment(models.Model):
    """A coach's comment on one of a client's workouts; the client reads it on the workout page."""

    workout = models.ForeignKey("training.Workout", on_delete=models.CASCADE, related_name="coach_comments")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    coach_name = models.CharField(max_length=150)
    text = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.coach_name} on {self.workout_id}"


class CoachNote(models.Model):
    """A coach's own note about a client, dated; printed in the progress report."""

    client = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    written_on = models.DateField()
    text = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-written_on", "-id"]

    def __str__(self) -> str:
        return f"Note on {self.client_id} by {self.coach_id} ({self.written_on})"
