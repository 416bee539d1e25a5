"""Inserting many rows fast: one executemany per table instead of the ORM's per-value compilation.

`bulk_create` spends ~0.5 ms a row compiling SQL for every value (and SQLite's 999-parameter cap
means ~50 rows a statement); a 100,000-set import took a minute. This writes the same rows with
`cursor.executemany`, converting values once per field with the field's own `get_db_prep_save`
where the database needs it (UUIDs, dates and times; a UUID may also come as its 32 hex digits,
which both databases read). Every concrete column of the model is written,
with the model's defaults for those the caller leaves out, so a field added later is still filled.
Constraints are the database's, exactly as for the ORM. Call it inside `transaction.atomic()`.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from django.db import connections, models, router
from django.utils import timezone

BATCH = 5000
# Fields whose Python value the driver cannot take as it is. (Decimals can: both drivers adapt them.)
_CONVERTED = (models.DateTimeField, models.DateField, models.TimeField, models.JSONField)


def _uuid_hex(value: Any) -> Any:
    # Callers writing 100,000s of rows may pass the 32 hex digits already (see services._write).
    return value if isinstance(value, str) else value.hex


def _converter(field: models.Field[Any, Any], connection: Any) -> Callable[[Any], Any] | None:
    if isinstance(field, models.UUIDField):
        return None if connection.features.has_native_uuid_field else _uuid_hex
    if not isinstance(field, _CONVERTED):
        return None

    def convert(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    return convert


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert `rows` (values in the order of `columns`, attnames such as `owner_id`) into `model`'s
    table; the model's other columns get their defaults. Returns the number of rows."""
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

    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(field.column) for field in [*given, *rest])
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * (len(given) + len(rest)))})"
    count = 0
    batch: list[list[Any]] = []
    with connection.cursor() as cursor:
        for row in rows:
            values = [*row, *fixed]
            for index, convert in converting:
                if values[index] is not None:
                    values[index] = convert(values[index])
            for index, field, convert in per_row:
                value = field.get_default()
                values[index] = convert(value) if convert is not None and value is not None else value
            batch.append(values)
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


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
