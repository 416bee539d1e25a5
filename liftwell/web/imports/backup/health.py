"""The health section: every health entry, by model, and the health settings.

Health entries have no client id; an entry is identified by all its values (date, numbers, notes).
Restoring adds, for each distinct entry, as many copies as the backup holds beyond those already
there, so a restore is exact into an empty account and adds nothing the second time. Entries are
written through the health app's own service, which validates them as its forms do.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from django.db import models

from liftwell.web.accounts.models import User
from liftwell.web.health.kinds import KINDS, kind_for_entry
from liftwell.web.health.models import Entry, HealthSettings
from liftwell.web.health.services import save_entry, save_health_settings
from liftwell.web.imports.backup.base import BackupError, Counts, from_json, rows_of, to_json
from liftwell.web.imports.backup.refs import ExerciseRefs

NOT_COPIED = {"id", "owner", "created_at", "updated_at"}
SETTINGS_FIELDS = ("lab_unit", "hba1c_unit", "bp_guideline")


def entry_models() -> dict[str, type[Entry]]:
    """Every model behind a health kind, by its name in the backup (e.g. "body_measurement")."""
    found: dict[str, type[Entry]] = {}
    for kind in KINDS.values():
        found.setdefault(_section_name(kind.model), kind.model)
    return found


def _section_name(model: type[models.Model]) -> str:
    """BodyMeasurement -> body_measurement."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def _fields(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [field for field in model._meta.concrete_fields if field.name not in NOT_COPIED]


def _row(entry: models.Model, fields: list[models.Field[Any, Any]]) -> dict[str, Any]:
    return {field.name: to_json(getattr(entry, field.attname)) for field in fields}


def _key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True)


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    entries: dict[str, list[dict[str, Any]]] = {}
    for name, model in sorted(entry_models().items()):
        fields = _fields(model)
        entries[name] = sorted(
            (_row(entry, fields) for entry in model.objects.filter(owner=user)),  # type: ignore[attr-defined]
            key=_key,
        )
    prefs = HealthSettings.objects.filter(owner=user).first()
    settings = {name: getattr(prefs, name) for name in SETTINGS_FIELDS} if prefs else None
    return {"entries": entries, "settings": settings}


def _load_model(user: User, model: type[Entry], rows: list[dict[str, Any]]) -> tuple[int, int]:
    fields = _fields(model)
    by_name = {field.name: field for field in fields}
    unknown = {name for row in rows for name in row} - set(by_name)
    if unknown:
        raise BackupError(
            f"{model._meta.verbose_name} entries in the backup have unknown fields: {sorted(unknown)}"
        )
    there = Counter(_key(_row(entry, fields)) for entry in model.objects.filter(owner=user))  # type: ignore[attr-defined]
    added = present = 0
    for row in rows:
        values = {name: from_json(by_name[name], value) for name, value in row.items()}
        probe = model(owner=user, **values)
        # The same values as read back from the database, to compare with the entries already there.
        key = _key(_row(probe, fields))
        if there[key] > 0:
            there[key] -= 1
            present += 1
            continue
        save_entry(user=user, kind=kind_for_entry(probe), fields=values)
        added += 1
    return added, present


def _defaults() -> dict[str, Any]:
    defaults: dict[str, Any] = {}
    for name in SETTINGS_FIELDS:
        field = HealthSettings._meta.get_field(name)
        assert isinstance(field, models.Field)
        defaults[name] = field.get_default()
    return defaults


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    if not isinstance(data, dict):
        raise BackupError('"health" in the backup is not an object')
    entries = data.get("entries", {})
    if not isinstance(entries, dict):
        raise BackupError('"health.entries" in the backup is not an object')
    models_by_name = entry_models()
    unknown = sorted(set(entries) - set(models_by_name))
    if unknown:
        raise BackupError(
            f"the backup holds health entries this Liftwell does not know: {', '.join(unknown)}"
        )
    counts: Counts = {
        name: _load_model(user, models_by_name[name], rows_of(entries, name)) for name in sorted(entries)
    }
    settings = data.get("settings")
    if isinstance(settings, dict):
        wanted = {name: str(settings[name]) for name in SETTINGS_FIELDS if name in settings}
        prefs = HealthSettings.objects.filter(owner=user).first()
        current = {name: getattr(prefs, name) for name in SETTINGS_FIELDS} if prefs else {}
        if {**current, **wanted} == current and prefs is not None:
            counts["settings"] = (0, 1)
        else:
            merged = {**_defaults(), **current, **wanted}
            probe = HealthSettings(owner=user, **merged)
            probe.clean_fields(exclude=["owner"])
            save_health_settings(user=user, **merged)
            counts["settings"] = (1, 0)
    return counts
