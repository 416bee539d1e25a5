"""The backup document: writing it, reading it back, and restoring it in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import DecimalException
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone

from liftwell.web.accounts.models import User
from liftwell.web.imports.backup.base import BackupError
from liftwell.web.imports.backup.refs import ExerciseRefs
from liftwell.web.imports.backup.sections import SECTIONS

FORMAT = "liftwell-backup"
VERSION = 1


@dataclass
class RestoreSummary:
    """What a restore added, per section and kind of row (for example `"training.sets": 120`)."""

    added: dict[str, int] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        """The same keys as a workout import's summary, then every count."""
        workouts = self.added.get("training.workouts", 0), self.already_present.get("training.workouts", 0)
        sets = self.added.get("training.sets", 0), self.already_present.get("training.sets", 0)
        return {
            "format": "liftwell",
            "workouts": sum(workouts),
            "sets": sum(sets),
            "new_workouts": workouts[0],
            "already_present_workouts": workouts[1],
            "problems": [],
            "added": self.added,
            "already_present": self.already_present,
        }

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def export_backup(user: User) -> dict[str, Any]:
    """Everything `user` owns, as plain JSON values (decimals as strings, times in ISO 8601 UTC)."""
    refs = ExerciseRefs(user)
    sections = {section.name: section.dump(user=user, refs=refs) for section in SECTIONS}
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(),
        "sections": sections,
    }


def looks_like_backup(data: bytes) -> bool:
    """True when the bytes start like a JSON object naming Liftwell's backup format."""
    head = data[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and FORMAT.encode() in data[:4096]


def read_backup(data: bytes) -> dict[str, Any]:
    """The document in `data`, checked for its format and version; BackupError otherwise."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(f"the file is not a Liftwell backup (not JSON: {error})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(f'the file is not a Liftwell backup (no "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise BackupError("the backup has no valid version number")
    if version > VERSION:
        raise BackupError(
            f"the backup is version {version}, newer than this Liftwell reads ({VERSION}); update Liftwell"
        )
    if not isinstance(document.get("sections"), dict):
        raise BackupError('the backup has no "sections"')
    return document


def restore_backup(*, user: User, document: dict[str, Any], dry_run: bool = False) -> RestoreSummary:
    """Add what `document` holds to `user`'s account, in one transaction; nothing already there twice.

    Into an empty account this restores the backup exactly (profile settings included). A damaged
    document raises BackupError and writes nothing.
    """
    summary = RestoreSummary()
    known = {section.name for section in SECTIONS}
    unknown = sorted(set(document["sections"]) - known)
    if unknown:
        raise BackupError(f"the backup has sections this Liftwell does not know: {', '.join(unknown)}")
    try:
        with transaction.atomic():
            refs = ExerciseRefs(user)
            for section in SECTIONS:  # in order: exercises before the workouts that name them
                data = document["sections"].get(section.name)
                if data is None:
                    continue
                for kind, (added, present) in section.load(user=user, data=data, refs=refs).items():
                    summary.added[f"{section.name}.{kind}"] = added
                    summary.already_present[f"{section.name}.{kind}"] = present
            if dry_run:
                transaction.set_rollback(True)
    except BackupError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, DecimalException) as error:
        raise BackupError(f"the backup is damaged ({type(error).__name__}: {error})") from None
    except ValidationError as error:
        raise BackupError(f"the backup holds a value Liftwell refuses: {'; '.join(error.messages)}") from None
    except DatabaseError as error:
        raise BackupError(f"the backup could not be written ({error})") from None
    return summary
