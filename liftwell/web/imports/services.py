"""Importing another app's export: keep the upload, preview it, then write it all in one transaction.

Every row gets a deterministic UUID (uuid5 over the source app, the workout's identity in that app,
the block and the set), so importing the same file again, or a newer export that overlaps, adds only
the workouts not yet present. The write is bulk and inside one `transaction.atomic()`: a crash or a
killed process leaves either nothing or everything.
"""

from __future__ import annotations

import functools
import uuid
import zoneinfo
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from liftwell.core.names import normalize_name
from liftwell.core.training import SetKind
from liftwell.core.units import to_kg
from liftwell.importers.detect import collector_paused, parse_bytes
from liftwell.importers.registry import Yields, format_named
from liftwell.importers.result import Problem
from liftwell.importers.rows import ParsedFile, SetRow
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.exercises.services import DuplicateExerciseName, create_custom_exercise
from liftwell.web.imports.matching import Library, Match, custom_spec, match_names
from liftwell.web.imports.measurements import MeasurementPlan, plan_measurements, write_measurements
from liftwell.web.imports.models import ExerciseMapping, PendingImport
from liftwell.web.training.bulk import ids_by_client_id, insert_rows, roomy_page_cache, uuid5_hex
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
IMPORT_NAMESPACE = uuid.UUID("5b0f5d1e-3c1a-4f0e-9d7a-6c1f1e0a1b2c")
METERS = {
    "m": Decimal(1),
    "km": Decimal(1000),
    "mi": Decimal("1609.344"),
    "ft": Decimal("0.3048"),
    "yd": Decimal("0.9144"),
}
WORKOUT_COLUMNS = (
    "owner_id",
    "client_id",
    "title",
    "notes",
    "started_at",
    "ended_at",
    "time_zone",
    "local_date",
    "source",
    "source_ref",
)
BLOCK_COLUMNS = ("owner_id", "workout_id", "exercise_id", "client_id", "position", "superset_group", "notes")
SET_COLUMNS = (
    "owner_id",
    "workout_id",
    "workout_exercise_id",
    "exercise_id",
    "client_id",
    "position",
    "kind",
    "load_kg",
    "reps",
    "rpe",
    "duration_s",
    "distance_m",
    "completed",
    "rest_s",
    "notes",
)


class ImportRefused(ValueError):
    """An import that cannot go ahead at all (the file, its unit or its time zone), with a message for
    the person."""


@dataclass
class ImportSummary:
    format: str
    label: str
    workouts: int = 0
    sets: int = 0
    warmup_sets: int = 0
    new_workouts: int = 0
    already_present_workouts: int = 0
    new_sets: int = 0
    measurements: int = 0
    first_date: date | None = None
    last_date: date | None = None
    data_rows: int = 0
    pseudo_rows: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    matches: dict[str, Match] = field(default_factory=dict)
    created_exercises: list[str] = field(default_factory=list)
    unit: str = "kg"
    time_zone: str = "UTC"
    needs_unit: bool = False
    unit_reason: str = ""
    needs_time_zone: bool = True
    # Body measurement files: one value per day and kind (weight, waist...), and names with no field.
    measurement_values: int = 0
    new_measurements: int = 0
    already_present_measurements: int = 0
    not_kept: dict[str, int] = field(default_factory=dict)
    plan: MeasurementPlan | None = None

    def as_json(self) -> dict[str, object]:
        shown: dict[str, object] = {
            "format": self.format,
            "workouts": self.workouts,
            "sets": self.sets,
            "warmup_sets": self.warmup_sets,
            "new_workouts": self.new_workouts,
            "already_present_workouts": self.already_present_workouts,
            "problems": [{"line": p.line, "message": str(p)} for p in self.problems],
        }
        if _yields(self.format) is Yields.MEASUREMENTS:
            shown.update(
                measurements=self.measurement_values,
                new_measurements=self.new_measurements,
                already_present_measurements=self.already_present_measurements,
                not_kept=self.not_kept,
            )
        return shown


def _yields(format: str) -> Yields | None:
    """Sets or body measurements, from the registry; None for a file no format read."""
    entry = format_named(format)
    return entry.yields if entry is not None else None


# --- Uploads kept between preview and confirm ---


def _upload_path(pending: PendingImport) -> Path:
    return Path(settings.DATA_DIR) / "imports" / str(pending.owner_id) / f"{pending.id}.upload"


def save_upload(*, user: User, file_name: str, data: bytes | Iterable[bytes]) -> PendingImport:
    """Keep an upload for the preview. `data` may be the bytes or an upload's `chunks()`: a big file
    then goes to disk piece by piece (Django spools big uploads to a temporary file) and is never
    whole in memory here; the size limit is checked as the pieces arrive."""
    pieces = [data] if isinstance(data, bytes) else data
    pending = PendingImport(owner=user, file_name=file_name[:200])
    path = _upload_path(pending)
    path.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    try:
        with path.open("wb") as stored:
            for piece in pieces:
                size += len(piece)
                if size > MAX_UPLOAD_BYTES:
                    raise ImportRefused(f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
                stored.write(piece)
        if not size:
            raise ImportRefused("the file is empty")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    pending.size_bytes = size
    pending.save()
    return pending


def read_upload(pending: PendingImport) -> bytes:
    try:
        return _upload_path(pending).read_bytes()
    except OSError:
        raise Http404("The uploaded file is gone; upload it again.") from None


def get_pending_import_for_user(user: User, pending_id: uuid.UUID) -> PendingImport:
    try:
        return PendingImport.objects.get(pk=pending_id, owner=user)
    except PendingImport.DoesNotExist:
        raise Http404("No such import.") from None


# --- Preview ---


def check_time_zone(name: str) -> str:
    if name not in zoneinfo.available_timezones():
        raise ImportRefused(f"'{name}' is not a known time zone")
    return name


def summarize(
    *,
    user: User,
    parsed: ParsedFile,
    unit: str | None = None,
    time_zone: str | None = None,
    choices: dict[str, Exercise | None] | None = None,
    library: Library | None = None,
) -> ImportSummary:
    """What an import would write, without writing anything."""
    zone = check_time_zone(time_zone or user.time_zone)
    entry = format_named(parsed.format)
    guess = parsed.unit_guess.unit if parsed.unit_guess else user.unit
    summary = ImportSummary(
        format=parsed.format,
        label=entry.label if entry is not None else "Unknown",
        data_rows=parsed.data_rows,
        pseudo_rows=dict(parsed.pseudo_rows),
        problems=list(parsed.problems),
        unit=unit or guess,
        time_zone=zone,
        needs_unit=parsed.needs_unit,
        unit_reason=parsed.unit_guess.reason if parsed.unit_guess else "",
        needs_time_zone=parsed.needs_time_zone,
        measurements=len(parsed.measurements),
    )
    if summary.unit not in {"kg", "lb"}:
        raise ImportRefused(f"unit: '{summary.unit}' is neither kg nor lb")
    source = entry.app if entry is not None else ""
    if entry is not None and entry.yields is Yields.MEASUREMENTS:
        _summarize_measurements(user=user, parsed=parsed, source=source, summary=summary)
        return summary
    names = sorted({row.exercise for row in parsed.sets})
    summary.matches = match_names(user=user, source_app=source, names=names, library=library)
    for name, exercise in (choices or {}).items():
        if name in summary.matches:
            summary.matches[name] = Match(name, exercise, "chosen" if exercise else "new")
    # Per workout, not per set: files hold 100,000s of sets but only 1,000s of workouts.
    starts: dict[str, datetime] = {}
    set_counts: dict[str, int] = {}
    for row in parsed.sets:
        starts.setdefault(row.workout_key, row.started_at)
        set_counts[row.workout_key] = set_counts.get(row.workout_key, 0) + 1
    summary.workouts = len(starts)
    summary.sets = len(parsed.sets)
    summary.warmup_sets = sum(1 for row in parsed.sets if row.kind == "warmup")
    dates = [_local_date(moment, zone) for moment in starts.values()]
    if dates:
        summary.first_date, summary.last_date = min(dates), max(dates)
    uuids = {key: _workout_uuid(source, key) for key in starts}
    present = _present_client_ids(user, list(uuids.values()))
    summary.already_present_workouts = len(present)
    summary.new_workouts = summary.workouts - len(present)
    summary.new_sets = sum(count for key, count in set_counts.items() if uuids[key] not in present)
    return summary


def _summarize_measurements(*, user: User, parsed: ParsedFile, source: str, summary: ImportSummary) -> None:
    plan = plan_measurements(user=user, parsed=parsed, source=source, zone=summary.time_zone)
    summary.plan = plan
    summary.problems.extend(plan.problems)
    summary.measurement_values = plan.values
    summary.new_measurements = plan.new
    summary.already_present_measurements = plan.already_present
    summary.not_kept = dict(plan.not_kept)
    if plan.replaced:
        summary.pseudo_rows["readings replaced by a later one the same day"] = plan.replaced
    if plan.days:
        summary.first_date, summary.last_date = min(plan.days), max(plan.days)


def _aware(moment: datetime, zone: str) -> datetime:
    if moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=zoneinfo.ZoneInfo(zone))


def _local_date(moment: datetime, zone: str) -> date:
    return _aware(moment, zone).astimezone(zoneinfo.ZoneInfo(zone)).date()


def _workout_uuid(source: str, key: str) -> uuid.UUID:
    return uuid.uuid5(IMPORT_NAMESPACE, f"{source}|{key}")


def _present_client_ids(user: User, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    present: set[uuid.UUID] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        present.update(
            Workout.objects.filter(owner=user, client_id__in=chunk).values_list("client_id", flat=True)
        )
    return present


# --- Writing ---


def _distance_m(row: SetRow, unit: str) -> Decimal | None:
    if row.distance is None:
        return None
    distance_unit = row.distance_unit or ("mi" if unit == "lb" else "km")
    meters = (row.distance * METERS[distance_unit]).quantize(Decimal("0.01"))
    return meters if meters < Decimal("100000000") else None


def _resolve_exercises(
    *, user: User, source: str, matches: dict[str, Match]
) -> tuple[dict[str, Exercise], list[str]]:
    """Every name to an exercise: chosen or matched ones, else a new custom exercise; remembered."""
    resolved: dict[str, Exercise] = {}
    created: list[str] = []
    by_key: dict[str, Exercise] = {}
    for name, match in matches.items():
        exercise = match.exercise
        if exercise is None:
            key = normalize_name(name)
            exercise = by_key.get(key)
            if exercise is None:
                try:
                    exercise = create_custom_exercise(user=user, spec=custom_spec(name))
                    created.append(exercise.name)
                except DuplicateExerciseName:
                    exercise, _ = Library(user).find(name)
                    if exercise is None:
                        raise
                by_key[key] = exercise
        resolved[name] = exercise
        if match.how in {"chosen", "new"}:
            ExerciseMapping.objects.update_or_create(
                owner=user,
                source_app=source,
                name_key=normalize_name(name)[:200],
                defaults={"exercise": exercise},
            )
    return resolved, created


def import_parsed(
    *,
    user: User,
    parsed: ParsedFile,
    unit: str | None = None,
    time_zone: str | None = None,
    choices: dict[str, Exercise | None] | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    """Write every workout of `parsed` not yet present, in one transaction. Idempotent."""
    entry = format_named(parsed.format)
    if entry is not None and entry.yields is Yields.MEASUREMENTS:
        return _import_measurements(
            user=user, parsed=parsed, source=entry.app, time_zone=time_zone, dry_run=dry_run
        )
    if entry is None or entry.yields is not Yields.SETS:
        first = parsed.problems[0] if parsed.problems else "not a known export"
        raise ImportRefused(str(first))
    if not parsed.sets:
        first = f": {parsed.problems[0]}" if parsed.problems else ""
        raise ImportRefused(f"the file holds no sets to import{first}")
    with collector_paused(), transaction.atomic():
        summary = summarize(user=user, parsed=parsed, unit=unit, time_zone=time_zone, choices=choices)
        if dry_run:
            transaction.set_rollback(True)
            return summary
        source = entry.app
        resolved, summary.created_exercises = _resolve_exercises(
            user=user, source=source, matches=summary.matches
        )
        with roomy_page_cache(WorkoutSet):
            _write(user=user, parsed=parsed, source=source, summary=summary, exercises=resolved)
    return summary


def _import_measurements(
    *, user: User, parsed: ParsedFile, source: str, time_zone: str | None, dry_run: bool
) -> ImportSummary:
    if not parsed.measurements:
        first = f": {parsed.problems[0]}" if parsed.problems else ""
        raise ImportRefused(f"the file holds no measurements to import{first}")
    with transaction.atomic():
        summary = summarize(user=user, parsed=parsed, time_zone=time_zone)
        assert summary.plan is not None
        if not dry_run:
            write_measurements(user=user, plan=summary.plan, source=source)
    return summary


def _write(
    *,
    user: User,
    parsed: ParsedFile,
    source: str,
    summary: ImportSummary,
    exercises: dict[str, Exercise],
) -> None:
    """Insert the workouts not yet present, their blocks and their sets (see bulk.insert_rows)."""
    zone = summary.time_zone
    grouped: dict[str, list[SetRow]] = {}
    for row in parsed.sets:
        grouped.setdefault(row.workout_key, []).append(row)
    present = _present_client_ids(user, [_workout_uuid(source, key) for key in grouped])
    new: list[tuple[uuid.UUID, list[SetRow]]] = []
    workout_rows: list[tuple[object, ...]] = []
    for key, rows in grouped.items():
        client_id = _workout_uuid(source, key)
        if client_id in present:
            continue
        first = rows[0]
        started = _aware(first.started_at, zone)
        ended = next((_aware(r.ended_at, zone) for r in rows if r.ended_at), None)
        duration = next((r.workout_duration_s for r in rows if r.workout_duration_s), None)
        if ended is None and duration:
            ended = started + timedelta(seconds=duration)
        if ended is not None and ended < started:
            ended = None
        new.append((client_id, rows))
        workout_rows.append(
            (
                user.pk,
                client_id,
                first.title.strip()[:120],
                next((r.workout_notes for r in rows if r.workout_notes), ""),
                started,
                ended,
                zone,
                _local_date(first.started_at, zone),
                source,
                key[:200],
            )
        )
    insert_rows(Workout, WORKOUT_COLUMNS, workout_rows)
    workout_ids = ids_by_client_id(Workout, user.pk, [client_id.hex for client_id, _ in new])
    block_rows: list[tuple[object, ...]] = []
    blocks: list[_NewBlock] = []
    for client_id, rows in new:
        workout_id = workout_ids[client_id.hex]
        by_block: dict[int, list[SetRow]] = {}
        for row in rows:
            by_block.setdefault(row.block, []).append(row)
        for position, (block, members) in enumerate(sorted(by_block.items())):
            block_uuid, block_hex = uuid5_hex(client_id.bytes, f"block {block}")
            exercise_id = exercises[members[0].exercise].pk
            block_rows.append(
                (
                    user.pk,
                    workout_id,
                    exercise_id,
                    block_hex,
                    position,
                    members[0].superset,
                    next((r.exercise_notes for r in members if r.exercise_notes), ""),
                )
            )
            blocks.append(_NewBlock(block_uuid, block_hex, workout_id, exercise_id, members))
    insert_rows(WorkoutExercise, BLOCK_COLUMNS, block_rows)
    block_ids = ids_by_client_id(WorkoutExercise, user.pk, [block.client_hex for block in blocks])
    summary.new_sets = insert_rows(
        WorkoutSet, SET_COLUMNS, _set_rows(owner_id=user.pk, unit=summary.unit, blocks=blocks, ids=block_ids)
    )


@dataclass(slots=True)
class _NewBlock:
    client_uuid: bytes
    client_hex: str
    workout_id: int
    exercise_id: int
    members: list[SetRow]


_KIND_VALUES = {kind: kind.value for kind in SetKind}
_TENTH = Decimal("0.1")


def _set_rows(
    *, owner_id: int, unit: str, blocks: list[_NewBlock], ids: dict[str, int]
) -> Iterator[tuple[object, ...]]:
    """The WorkoutSet rows (SET_COLUMNS) of the new blocks: the innermost loop of a big import."""
    kg = functools.lru_cache(maxsize=None)(to_kg)  # loads repeat: convert each once
    for block in blocks:
        block_id = ids[block.client_hex]
        for row in block.members:
            row_unit = row.unit or unit
            yield (
                owner_id,
                block.workout_id,
                block_id,
                block.exercise_id,
                uuid5_hex(block.client_uuid, f"set {row.position}")[1],
                row.position,
                _KIND_VALUES[row.kind],
                kg(row.load, row_unit) if row.load is not None else None,
                row.reps,
                row.rpe.quantize(_TENTH) if row.rpe is not None else None,
                row.duration_s,
                _distance_m(row, row_unit) if row.distance is not None else None,
                True,
                row.rest_s,
                row.notes,
            )


def import_file(
    *,
    user: User,
    data: bytes,
    format: str = "auto",
    unit: str | None = None,
    time_zone: str | None = None,
    dry_run: bool = False,
) -> ImportSummary:
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(f"the file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    parsed = parse_bytes(data, format)
    return import_parsed(user=user, parsed=parsed, unit=unit, time_zone=time_zone, dry_run=dry_run)


def confirm_pending(
    *, pending: PendingImport, unit: str | None, time_zone: str | None, choices: dict[str, Exercise | None]
) -> ImportSummary:
    parsed = parse_bytes(read_upload(pending))
    summary = import_parsed(
        user=pending.owner, parsed=parsed, unit=unit, time_zone=time_zone, choices=choices
    )
    mark_imported(pending=pending, format=parsed.format)
    return summary


def mark_imported(*, pending: PendingImport, format: str) -> None:
    PendingImport.objects.filter(pk=pending.pk).update(imported_at=timezone.now(), format=format)
