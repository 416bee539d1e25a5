"""The planning section: the person's screening answers (PAR-Q+), each kept with its date.

A screening is identified by all its values, as health entries are: restoring adds each once.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from django.db import models

from liftwell.web.accounts.models import User
from liftwell.web.imports.backup.base import BackupError, Counts, from_json, rows_of, to_json
from liftwell.web.imports.backup.refs import ExerciseRefs
from liftwell.web.planning.models import Screening

NOT_COPIED = {"id", "owner"}


def _fields() -> list[models.Field[Any, Any]]:
    return [field for field in Screening._meta.concrete_fields if field.name not in NOT_COPIED]


def _row(item: Screening) -> dict[str, Any]:
    return {field.name: to_json(getattr(item, field.attname)) for field in _fields()}


def _key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True)


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    return {"screenings": sorted((_row(item) for item in Screening.objects.filter(owner=user)), key=_key)}


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    fields = {field.name: field for field in _fields()}
    rows = rows_of(data, "screenings")
    there = Counter(_key(_row(item)) for item in Screening.objects.filter(owner=user))
    added = present = 0
    for row in rows:
        unknown = set(row) - set(fields)
        if unknown:
            raise BackupError(f"a screening in the backup has unknown fields: {sorted(unknown)}")
        probe = Screening(owner=user, **{name: from_json(fields[name], value) for name, value in row.items()})
        key = _key(_row(probe))
        if there[key] > 0:
            there[key] -= 1
            present += 1
            continue
        probe.full_clean(exclude=["owner"])
        probe.save()
        added += 1
    return {"screenings": (added, present)}
