"""The one bulk writer: many rows at once, for imports, backup restores, the demo account and the seeders.

`bulk_create` spends ~0.5 ms a row compiling SQL for every value (and SQLite's 999-parameter cap means
~50 rows a statement); a 100,000-set import took a minute. `insert_rows` writes the same rows with one
`executemany` per table on SQLite and one COPY on PostgreSQL, converting values once per field with the
field's own `get_db_prep_save` where the database needs it (UUIDs, dates and times on SQLite, JSON; a UUID
may also come as its 32 hex digits, which both databases read). Date-times must be aware, as everywhere in
Liftwell. Every concrete column of the model is written, with the model's defaults for those the caller
leaves out, so a field added later is still filled. Constraints are the database's, exactly as for the
ORM. Call it inside `transaction.atomic()`.

The training tables have one column list each (`WORKOUT_COLUMNS`, `BLOCK_COLUMNS`, `SET_COLUMNS`, every
name checked against the model as rows are written); `write_workouts` writes synthetic training
(`liftwell.core.synthetic`) with them. A seeder that is a database's only writer may also hand out the
ids itself (`Ids`, then `reset_sequences`) and skip the wait for the WAL flush at commit (`relax_commit`).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, router
from django.db.models import Max
from django.db.models.constants import OnConflict
from django.utils import timezone

from liftwell.core.synthetic import SyntheticBlock, SyntheticSet, SyntheticWorkout
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet

BATCH = 5000
# Fields whose Python value the driver cannot take as it is. (Decimals can: both drivers adapt them; psycopg
# also takes dates and times, which Django hands to it unchanged, so only SQLite converts those.)
_DATES_AND_TIMES = (models.DateTimeField, models.DateField, models.TimeField)

# What a training row gives, by attname, in the order of the tuples below; other fields take their default.
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
BLOCK_COLUMNS = (
    "owner_id",
    "workout_id",
    "exercise_id",
    "client_id",
    "position",
    "superset_group",
    "notes",
    "rest_s",
)
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
    "completed_at",
    "rest_s",
    "notes",
)


def _uuid_hex(value: Any) -> Any:
    # Callers writing 100,000s of rows may pass the 32 hex digits already (see imports/services._write).
    return value if isinstance(value, str) else value.hex


def _converter(field: models.Field[Any, Any], connection: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, models.UUIDField):
        return None if connection.features.has_native_uuid_field else _uuid_hex
    if isinstance(field, _DATES_AND_TIMES) and connection.vendor == "postgresql":
        return None  # converting them to themselves cost the scale seed a fifth of its time on PostgreSQL
    if not isinstance(field, (*_DATES_AND_TIMES, models.JSONField)):
        return None

    def convert(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    return convert


def insert_rows(
    model: type[models.Model],
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    skip_existing: bool = False,
) -> int:
    """Insert `rows` (values in the order of `columns`, attnames such as `owner_id`) into `model`'s
    table; the model's other columns get their defaults. Returns the number of rows written.

    `skip_existing` leaves out, without an error, each row that would break a unique constraint (a rerun
    then adds only what is missing); it is an INSERT that ignores conflicts, also on PostgreSQL."""
    connection = connections[router.db_for_write(model)]
    given: list[models.Field[Any, Any]] = []
    for name in columns:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field), name
        given.append(field)
    given_names = {field.attname for field in given}
    rest: list[models.Field[Any, Any]] = [
        f for f in model._meta.concrete_fields if not f.primary_key and f.attname not in given_names
    ]
    values = _values(connection, given, rest, rows)
    fields = [*given, *rest]
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    if connection.vendor == "postgresql" and not skip_existing:
        count = 0
        # psycopg's own cursor: COPY streams the rows without a statement per batch.
        with (
            connection.cursor() as cursor,
            connection.wrap_database_errors,
            cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in values:
                copy.write_row(row)
                count += 1
        return count
    on_conflict = OnConflict.IGNORE if skip_existing else None
    sql = (
        f"{connection.ops.insert_statement(on_conflict=on_conflict)} {table} ({names}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"{connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None)}"
    )
    count = 0
    with connection.cursor() as cursor:
        batch: list[Sequence[Any]] = []
        for row in values:
            batch.append(row)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += cursor.rowcount if skip_existing else len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += cursor.rowcount if skip_existing else len(batch)
    return count


def _values(
    connection: Any,
    given: list[models.Field[Any, Any]],
    rest: list[models.Field[Any, Any]],
    rows: Iterable[Sequence[Any]],
) -> Iterator[Sequence[Any]]:
    """Each row's values for the database: the given ones converted, then the other fields' defaults."""
    now = timezone.now()
    converting = [
        (index, convert)
        for index, field in enumerate(given)
        if (convert := _converter(field, connection)) is not None
    ]
    # Defaults the same for every row are worked out (and converted) once; callable ones per row.
    fixed: list[Any] = []
    per_row: list[tuple[int, models.Field[Any, Any], Callable[[Any], Any] | None]] = []
    for field in rest:
        convert = _converter(field, connection)
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value: Any = now
        elif field.has_default() and callable(field.default):
            per_row.append((len(given) + len(fixed), field, convert))
            fixed.append(None)
            continue
        else:
            value = field.get_default()
        fixed.append(convert(value) if convert is not None and value is not None else value)
    if not converting and not per_row:  # PostgreSQL, mostly: nothing to do per value
        tail = tuple(fixed)
        for row in rows:
            yield tuple(row) + tail  # (a tuple is not copied: the fastest way to join two)
        return
    for row in rows:
        values = [*row, *fixed]
        for index, convert in converting:
            if values[index] is not None:
                values[index] = convert(values[index])
        for index, field, convert in per_row:
            value = field.get_default()
            values[index] = convert(value) if convert is not None and value is not None else value
        yield values


def ids_by_client_id(model: type[models.Model], owner_id: int, client_ids: Sequence[str]) -> dict[str, int]:
    """The ids of `owner_id`'s rows of `model` by client_id (32 hex digits, as `uuid5_hex` makes).

    Plain SQL, 500 client ids a query: the ORM's per-row UUID conversion costs more than the query.
    """
    connection = connections[router.db_for_write(model)]
    table = connection.ops.quote_name(model._meta.db_table)
    found: dict[str, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(client_ids), 500):
            chunk = client_ids[start : start + 500]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"SELECT client_id, id FROM {table} WHERE owner_id = %s AND client_id IN ({marks})",
                [owner_id, *chunk],
            )
            for client_id, pk in cursor.fetchall():
                # SQLite hands back the stored hex digits, PostgreSQL a UUID.
                found[client_id if isinstance(client_id, str) else client_id.hex] = pk
    return found


def uuid5_hex(namespace: bytes, name: str) -> tuple[bytes, str]:
    """`uuid.uuid5(UUID(bytes=namespace), name)` as (bytes, hex digits), without the UUID objects
    whose construction costs more than the hash when a file holds 100,000s of rows (RFC 4122, 4.3)."""
    digest = bytearray(hashlib.sha1(namespace + name.encode(), usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    value = bytes(digest)
    return value, value.hex()


@contextlib.contextmanager
def roomy_page_cache(model: type[models.Model], *, mib: int = 64) -> Iterator[None]:
    """On SQLite, a page cache of up to `mib` MiB while a bulk write runs, then the size it had.

    SQLite's default cache (2 MiB) cannot hold the pages of the client_id index that a 100,000-row
    insert touches in random order, so it spills them to the write-ahead log and reads them back again.
    This is memory only, for this connection: durability is untouched (synchronous stays FULL, the
    write stays one transaction). Other databases are left as they are.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (before,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = {-1024 * int(mib)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


# --- Synthetic training (liftwell.core.synthetic) as rows of the column lists above. ---


def workout_row(
    owner_id: int, workout: SyntheticWorkout, *, time_zone: str, source_ref: str = ""
) -> tuple[Any, ...]:
    return (
        owner_id,
        workout.client_id,
        workout.title,
        "",
        workout.started_at,
        workout.ended_at,
        time_zone,
        workout.local_date,
        Workout.Source.MANUAL.value,
        source_ref,
    )


def block_row(owner_id: int, workout_id: int, exercise_id: int, block: SyntheticBlock) -> tuple[Any, ...]:
    return (owner_id, workout_id, exercise_id, block.client_id, block.position, None, "", block.rest_s)


def set_row(
    owner_id: int, workout_id: int, block_id: int, exercise_id: int, done: SyntheticSet
) -> tuple[Any, ...]:
    return (
        owner_id,
        workout_id,
        block_id,
        exercise_id,
        done.client_id,
        done.position,
        done.kind,
        done.load_kg,
        done.reps,
        done.rpe,
        done.duration_s,
        done.distance_m,
        True,
        done.completed_at,
        done.rest_s,
        "",
    )


def write_workouts(
    *,
    owner_id: int,
    time_zone: str,
    workouts: Sequence[SyntheticWorkout],
    exercise_ids: Mapping[str, int],
    source_ref: str = "",
    skip_existing: bool = False,
) -> int:
    """Write one person's synthetic `workouts` with their exercises and sets; returns the sets written.

    `exercise_ids` maps each slug to an exercise's id. With `skip_existing`, rows already there (the same
    owner and client_id) are kept and not counted, so writing the same plan again adds only what is missing.
    Call it inside `transaction.atomic()`."""
    insert_rows(
        Workout,
        WORKOUT_COLUMNS,
        (workout_row(owner_id, w, time_zone=time_zone, source_ref=source_ref) for w in workouts),
        skip_existing=skip_existing,
    )
    workout_ids = ids_by_client_id(Workout, owner_id, [w.client_id.hex for w in workouts])
    blocks = [(workout_ids[w.client_id.hex], block) for w in workouts for block in w.blocks]
    insert_rows(
        WorkoutExercise,
        BLOCK_COLUMNS,
        (block_row(owner_id, w_id, exercise_ids[block.slug], block) for w_id, block in blocks),
        skip_existing=skip_existing,
    )
    block_ids = ids_by_client_id(WorkoutExercise, owner_id, [block.client_id.hex for _, block in blocks])
    return insert_rows(
        WorkoutSet,
        SET_COLUMNS,
        (
            set_row(owner_id, w_id, block_ids[block.client_id.hex], exercise_ids[block.slug], done)
            for w_id, block in blocks
            for done in block.sets
        ),
        skip_existing=skip_existing,
    )


# --- For a seeder that is the database's only writer while it runs. ---


class Ids:
    """Hands out ids above each table's current maximum (the seeder must be the only writer)."""

    def __init__(self, tables: Iterable[type[models.Model]]) -> None:
        self.next: dict[type[models.Model], int] = {
            model: (model._default_manager.aggregate(top=Max("id"))["top"] or 0) + 1 for model in tables
        }

    def take(self, model: type[models.Model]) -> int:
        value = self.next[model]
        self.next[model] = value + 1
        return value


def reset_sequences(tables: Sequence[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids handed out by `Ids` (SQLite needs nothing)."""
    connection = connections[DEFAULT_DB_ALIAS]
    statements = connection.ops.sequence_reset_sql(no_style(), list(tables))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def relax_commit() -> None:
    """Inside a transaction: do not wait for the WAL flush at commit (PostgreSQL only).

    A crash can then lose the last committed batches, never part of one: the seeder writes whole
    members per transaction and a rerun adds the members that are missing.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
