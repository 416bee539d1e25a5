"""Every set a person logged, as CSV: Liftwell's own documented columns, or Strong's current format.

Liftwell CSV (comma-separated, one row per set, UTF-8, header first):
`workout_id, started_at` (ISO 8601 with offset), `time_zone, local_date, workout_title, workout_notes,
exercise, exercise_position, set_position, kind` (working, warmup, drop, failure, amrap), `load_kg, reps,
rpe, duration_s, distance_m, rest_s, notes, source, source_ref`.

Strong CSV is Strong's 2024+ export (`"Workout #";"Date";…`, every field quoted, semicolons), with
warm-up, drop and failure sets as `W`, `D`, `F`, rest times as `Rest Timer` rows and exercise notes as
`Note` rows, so Strong, Hevy and Liftwell itself can read it back.
"""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal

from liftwell.core.units import plain
from liftwell.web.accounts.models import User
from liftwell.web.training.models import WorkoutSet

LIFTWELL_HEADER = [
    "workout_id",
    "started_at",
    "time_zone",
    "local_date",
    "workout_title",
    "workout_notes",
    "exercise",
    "exercise_position",
    "set_position",
    "kind",
    "load_kg",
    "reps",
    "rpe",
    "duration_s",
    "distance_m",
    "rest_s",
    "notes",
    "source",
    "source_ref",
]
STRONG_HEADER = [
    "Workout #",
    "Date",
    "Workout Name",
    "Duration (sec)",
    "Exercise Name",
    "Set Order",
    "Weight (kg)",
    "Reps",
    "RPE",
    "Distance (meters)",
    "Seconds",
    "Notes",
    "Workout Notes",
]
STRONG_KINDS = {"warmup": "W", "drop": "D", "failure": "F"}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(plain(value))
    return str(value)


def _sets(user: User) -> Iterator[WorkoutSet]:
    return (
        WorkoutSet.objects.filter(
            owner=user, deleted_at=None, workout__deleted_at=None, workout_exercise__deleted_at=None
        )
        .select_related("workout", "workout_exercise", "exercise")
        .order_by(
            "workout__started_at",
            "workout_id",
            "workout_exercise__position",
            "workout_exercise_id",
            "position",
            "id",
        )
        .iterator(chunk_size=2000)
    )


def _lines(rows: Iterator[list[str]], **dialect: object) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", **dialect)  # type: ignore[arg-type]
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def liftwell_csv(user: User) -> Iterator[str]:
    def rows() -> Iterator[list[str]]:
        yield LIFTWELL_HEADER
        for item in _sets(user):
            workout, block = item.workout, item.workout_exercise
            yield [
                _text(value)
                for value in (
                    workout.client_id,
                    workout.started_at.isoformat(),
                    workout.time_zone,
                    workout.local_date.isoformat(),
                    workout.title,
                    workout.notes,
                    item.exercise.name,
                    block.position,
                    item.position,
                    item.kind,
                    item.load_kg,
                    item.reps,
                    item.rpe,
                    item.duration_s,
                    item.distance_m,
                    item.rest_s,
                    item.notes,
                    workout.source,
                    workout.source_ref,
                )
            ]

    return _lines(rows())


def strong_csv(user: User) -> Iterator[str]:
    def rows() -> Iterator[list[str]]:
        yield STRONG_HEADER
        numbers: dict[int, int] = {}
        noted: set[int] = set()
        for item in _sets(user):
            workout, block = item.workout, item.workout_exercise
            number = numbers.setdefault(workout.pk, len(numbers) + 1)
            local = workout.started_at.astimezone(zoneinfo.ZoneInfo(workout.time_zone))
            duration = (
                int((workout.ended_at - workout.started_at).total_seconds()) if workout.ended_at else ""
            )
            head = [str(number), local.strftime("%Y-%m-%d %H:%M:%S"), workout.title, _text(duration)]
            name = item.exercise.name
            if block.notes and block.pk not in noted:
                noted.add(block.pk)
                yield [*head, name, "Note", "", "", "", "", "", block.notes, workout.notes]
            order = STRONG_KINDS.get(item.kind, str(item.position + 1))
            yield [
                *head,
                name,
                order,
                _text(item.load_kg),
                _text(item.reps),
                _text(item.rpe),
                _text(item.distance_m),
                _text(item.duration_s),
                item.notes,
                workout.notes,
            ]
            if item.rest_s:
                yield [*head, name, "Rest Timer", "", "", "", "", str(item.rest_s), "", workout.notes]

    return _lines(rows(), delimiter=";", quoting=csv.QUOTE_ALL)
