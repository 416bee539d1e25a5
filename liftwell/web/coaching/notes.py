"""The write path for what a coach adds to a client's record: comments on workouts and dated notes."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from liftwell.web.accounts.models import User
from liftwell.web.coaching.access import ClientAccess
from liftwell.web.coaching.models import CoachNote, WorkoutComment
from liftwell.web.training.models import Workout

MAX_TEXT = 2000


class NoteError(ValueError):
    pass


def _clean(text: str) -> str:
    text = text.strip()
    if not text:
        raise NoteError("Write something first.")
    if len(text) > MAX_TEXT:
        raise NoteError(f"Keep it under {MAX_TEXT} characters.")
    return text


def add_comment(*, coach: User, access: ClientAccess, workout: Workout, text: str) -> WorkoutComment:
    """Comment on a workout of a client the coach was just given (the workout already checked as theirs)."""
    if workout.owner_id != access.client.pk:
        raise NoteError("That workout is not this client's.")
    with transaction.atomic():
        return WorkoutComment.objects.create(
            workout=workout, coach=coach, coach_name=coach.username, text=_clean(text)
        )


def comments_for_workout(workout: Workout) -> QuerySet[WorkoutComment]:
    return WorkoutComment.objects.filter(workout=workout)


def add_note(*, coach: User, access: ClientAccess, written_on: date, text: str) -> CoachNote:
    with transaction.atomic():
        return CoachNote.objects.create(
            client=access.client, coach=coach, written_on=written_on, text=_clean(text)
        )


def notes_for(
    *, coach: User, access: ClientAccess, first: date | None = None, last: date | None = None
) -> list[CoachNote]:
    """This coach's own notes on the client (another coach's notes stay theirs)."""
    rows = CoachNote.objects.filter(client=access.client, coach=coach)
    if first is not None:
        rows = rows.filter(written_on__gte=first)
    if last is not None:
        rows = rows.filter(written_on__lte=last)
    return list(rows)
