"""The imports section: which body measurements came from which app (app, day and kind), so that
importing the same Hevy or FitNotes file after a restore adds nothing. (Workouts need no record here:
their identity in the other app is their `client_id`, which the training section keeps.)"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Count

from liftwell.web.accounts.models import User
from liftwell.web.health.models import BodyMeasurement
from liftwell.web.imports.backup.base import Counts, rows_of
from liftwell.web.imports.backup.refs import ExerciseRefs
from liftwell.web.imports.models import ImportedMeasurement


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    rows = (
        ImportedMeasurement.objects.filter(owner=user)
        .order_by("source_app", "measured_on", "kind")
        .values_list("source_app", "measured_on", "kind")
    )
    return {
        "measurements": [
            {"source_app": source, "measured_on": day.isoformat(), "kind": kind} for source, day, kind in rows
        ]
    }


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    rows = rows_of(data, "measurements")
    wanted = {
        (str(row["source_app"])[:10], date.fromisoformat(str(row["measured_on"])), str(row["kind"])[:20])
        for row in rows
    }
    there = set(
        ImportedMeasurement.objects.filter(owner=user).values_list("source_app", "measured_on", "kind")
    )
    new = sorted(wanted - there)
    # Link each day to the person's body measurement of that day when there is exactly one.
    days = {day for _, day, _ in new}
    single = (
        BodyMeasurement.objects.filter(owner=user, measured_on__in=days)
        .values("measured_on")
        .annotate(count=Count("id"))
        .filter(count=1)
        .values_list("measured_on", flat=True)
    )
    ids = dict(
        BodyMeasurement.objects.filter(owner=user, measured_on__in=list(single)).values_list(
            "measured_on", "id"
        )
    )
    ImportedMeasurement.objects.bulk_create(
        ImportedMeasurement(
            owner=user, source_app=source, measured_on=day, kind=kind, body_measurement_id=ids.get(day)
        )
        for source, day, kind in new
    )
    return {"measurements": (len(new), len(rows) - len(new))}
