"""The profile section: units, time zone, the facts used for norms and scores, and gym settings.

The account's name, e-mail address, password and API tokens are not part of a backup: they belong to
the account restored into, not to the training history.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from liftwell.web.accounts.models import User
from liftwell.web.accounts.services import update_profile
from liftwell.web.imports.backup.base import BackupError, Counts, from_json, to_json
from liftwell.web.imports.backup.refs import ExerciseRefs

FIELDS = (
    "display_name",
    "unit",
    "time_zone",
    "birth_year",
    "sex",
    "height_cm",
    "plate_set",
    "default_rest_s",
)


def dump(*, user: User, refs: ExerciseRefs) -> dict[str, Any]:
    return {name: to_json(getattr(user, name)) for name in FIELDS}


def load(*, user: User, data: Any, refs: ExerciseRefs) -> Counts:
    if not isinstance(data, dict):
        raise BackupError('"profile" in the backup is not an object')
    values = {
        name: from_json(User._meta.get_field(name), data[name])  # type: ignore[arg-type]
        for name in FIELDS
        if name in data
    }
    current = {name: getattr(user, name) for name in FIELDS}
    merged = {**current, **values}
    if merged == current:
        return {"settings": (0, 1)}
    probe = User(**{name: merged[name] for name in FIELDS})
    probe.clean_fields(exclude=[f.name for f in User._meta.fields if f.name not in FIELDS])
    with transaction.atomic():
        update_profile(
            user=user,
            display_name=merged["display_name"],
            email=user.email,
            unit=merged["unit"],
            time_zone=merged["time_zone"],
            birth_year=merged["birth_year"],
            sex=merged["sex"],
            height_cm=merged["height_cm"],
        )
        # Gym settings have no form of their own yet; the profile restore writes them with the rest.
        user.plate_set = merged["plate_set"] or {}
        user.default_rest_s = merged["default_rest_s"]
        user.save(update_fields=["plate_set", "default_rest_s"])
    return {"settings": (1, 0)}
