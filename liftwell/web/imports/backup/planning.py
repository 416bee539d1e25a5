"""The planning section: the person's screening answers (PAR-Q+), each kept with its date.

A screening is identified by when it was answered and what was answered (its owner being the person
restoring), not by all its values: a clearance recorded since must not make an older backup's copy of
the same answers look new. Restoring merges: a row already there is never duplicated, and its clearance
is never removed or replaced; a clearance in the backup fills in one the row lacks. Restoring the same
file twice adds nothing.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from django.db import models

from liftwell.core.screening import ScreeningError, assess
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


def _identity(item: Screening) -> tuple[datetime, str]:
    """Which answers a row holds: the moment they were given and the answers themselves."""
    return item.answered_at, json.dumps(item.answers, sort_keys=True)


def _regraded(item: Screening) -> str:
    """The advice level of the answers as Liftwell grades them now (an older backup may hold an older
    grade, as the planning migrations found); the stored one if the answers cannot be graded."""
    try:
        return assess(item.answers, age=item.age, pregnant=item.pregnant).outcome.value
    except ScreeningError:
        return item.outcome


def _merge_clearance(rows: list[Screening], restored: Screening) -> None:
    """Give each row without a clearance the one in the backup; a clearance already there stays."""
    if restored.cleared_on is None:
        return
    for row in rows:
        if row.cleared_on is None:
            row.cleared_on, row.cleared_by = restored.cleared_on, restored.cleared_by
            row.save(update_fields=["cleared_on", "cleared_by"])


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    fields = {field.name: field for field in _fields()}
    rows = rows_of(data, "screenings")
    # Rows with the same identity can already be there (restores before this rule added them): merge
    # into every one of them, so none stays uncleared and shows as the latest answers.
    there: dict[tuple[datetime, str], list[Screening]] = {}
    for item in Screening.objects.filter(owner=user).order_by("answered_at", "id"):
        there.setdefault(_identity(item), []).append(item)
    added = present = 0
    for row in rows:
        unknown = set(row) - set(fields)
        if unknown:
            raise BackupError(f"a screening in the backup has unknown fields: {sorted(unknown)}")
        probe = Screening(owner=user, **{name: from_json(fields[name], value) for name, value in row.items()})
        probe.full_clean(exclude=["owner"])
        same = there.get(_identity(probe))
        if same:
            _merge_clearance(same, probe)
            present += 1
            continue
        probe.outcome = _regraded(probe)
        probe.save()
        there[_identity(probe)] = [probe]
        added += 1
    return {"screenings": (added, present)}
