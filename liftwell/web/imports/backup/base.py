"""What every backup section shares: the error, the section signatures, and field values as JSON."""

from __future__ import annotations

import functools
import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from django.db import models

from liftwell.core.units import plain

if TYPE_CHECKING:
    from liftwell.web.accounts.models import User
    from liftwell.web.imports.backup.refs import ExerciseRefs


class BackupError(ValueError):
    """A backup that cannot be read or restored, with a message for the person."""


# Per kind of row: (added, already present).
Counts = dict[str, tuple[int, int]]


class Dump(Protocol):
    def __call__(self, *, user: User, refs: ExerciseRefs) -> Any: ...


class Load(Protocol):
    def __call__(self, *, user: User, data: Any, refs: ExerciseRefs) -> Counts: ...


def to_json(value: Any) -> Any:
    """A field value as JSON: decimals as exact strings without trailing zeros, dates in ISO 8601."""
    kind = type(value)
    if value is None or kind is str or kind is int or kind is bool:  # most values: nothing to do
        return value
    if kind is Decimal:
        return _decimal_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


@functools.lru_cache(maxsize=65536)
def _decimal_text(value: Decimal) -> str:
    # Equal decimals (100.000000 and 100) share a cache entry; both are written "100".
    return str(plain(value))


def from_json(field: models.Field[Any, Any], value: Any) -> Any:
    """The Python value of `field` for a JSON value written by `to_json`; ValidationError if invalid."""
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.DecimalField):
        return field.to_python(str(value))
    return field.to_python(value)


def rows_of(data: Any, name: str) -> list[dict[str, Any]]:
    """`data[name]` checked to be a list of objects."""
    rows = data.get(name, []) if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise BackupError(f'"{name}" in the backup is not a list of objects')
    return rows
