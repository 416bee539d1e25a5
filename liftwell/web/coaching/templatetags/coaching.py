"""`{% workout_comments workout %}`: a coach's comments, shown to the client on their workout page."""

from __future__ import annotations

from typing import Any

from django import template

from liftwell.web.coaching.notes import comments_for_workout
from liftwell.web.training.models import Workout

register = template.Library()


@register.inclusion_tag("coaching/_workout_comments.html")
def workout_comments(workout: Workout) -> dict[str, Any]:
    return {"comments": list(comments_for_workout(workout))}
