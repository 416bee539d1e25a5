"""A person's pre-participation screening answers (PAR-Q+ general questions), kept with their date.

Each time someone answers, a new row is kept, so the advice shown on a plan is the one from their
latest answers and older ones stay as a record. A clearance (a doctor or professional said training
is fine) belongs to one row: answering again needs a new one. Health data: only the owner ever sees it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from liftwell.core.screening import Outcome

OUTCOME_CHOICES = [(outcome.value, outcome.label) for outcome in Outcome]


class Screening(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="screenings")
    answered_at = models.DateTimeField()
    # Question code -> True for "yes" (liftwell.core.screening.QUESTIONS).
    answers = models.JSONField()
    pregnant = models.BooleanField(default=False)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=OUTCOME_CHOICES)
    # The day a doctor or professional cleared the person for these answers, as they recorded it;
    # until then the advice stays on the plan and on Today.
    cleared_on = models.DateField(null=True, blank=True)
    cleared_by = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["-answered_at", "-id"]
        indexes = [models.Index(fields=["owner", "-answered_at"], name="screening_owner_latest")]

    def __str__(self) -> str:
        return f"Screening of {self.answered_at:%Y-%m-%d}: {self.get_outcome_display()}"
