"""Writing many rows fast: ids handed out in advance, COPY on PostgreSQL, bulk_create elsewhere.

Used by the benchmark seeder (seed.py). Ids are taken above each table's maximum, so the writer must
be the only one; `reset_sequences` moves PostgreSQL's sequences past them at the end.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models
from django.db.models import Max


@dataclass
class Rows:
    """Tuples waiting to be written, by model, in the order of that model's `COLUMNS`."""

    by_model: dict[type[models.Model], list[tuple[Any, ...]]] = field(default_factory=dict)

    def add(self, model: type[models.Model], row: tuple[Any, ...]) -> None:
        self.by_model.setdefault(model, []).append(row)

    def count(self, model: type[models.Model]) -> int:
        return len(self.by_model.get(model, []))


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


def _defaults(model: type[models.Model], given: Sequence[str]) -> tuple[list[str], tuple[Any, ...]]:
    """The attnames a row does not give, and their model defaults (computed once per table)."""
    rest = [f for f in model._meta.concrete_fields if f.attname not in given and not f.primary_key]
    return [f.attname for f in rest], tuple(f.get_db_prep_save(f.get_default(), connection) for f in rest)


def write_rows(model: type[models.Model], given: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """COPY on PostgreSQL; bulk_create elsewhere. `rows` hold the `given` attnames in order."""
    if not rows:
        return
    rest_names, rest_values = _defaults(model, given)
    names = [*given, *rest_names]
    if connection.vendor == "postgresql":
        by_attname = {f.attname: f.column for f in model._meta.concrete_fields}
        columns = ", ".join(connection.ops.quote_name(by_attname[name]) for name in names)
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row + rest_values)
        return
    defaults = {f.attname: f.get_default() for f in model._meta.concrete_fields if f.attname in rest_names}
    objects = [model(**defaults, **dict(zip(given, row, strict=True))) for row in rows]
    model._default_manager.bulk_create(objects, batch_size=500)


def reset_sequences(tables: Sequence[type[models.Model]]) -> None:
    """Move PostgreSQL's id sequences past the ids assigned here (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(tables))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def relax_commit() -> None:
    """Inside a transaction: do not wait for the WAL flush at commit (PostgreSQL only).

    A crash can then lose the last committed batches, never part of one: the seeder writes whole
    members per transaction and a rerun adds the members that are missing.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")
