"""A person's whole account as one JSON document, and restoring it into an account.

The document is `{"format": "liftwell-backup", "version": 1, "exported_at": ..., "sections": {...}}`
with one section per app (see `sections.SECTIONS`): profile settings, exercises (custom, hidden and
import matches), training (live workouts with their exercises and sets; deleted rows are left out),
and health (every entry and the health settings). Restoring is one transaction and idempotent:
workouts, their exercises and sets by `client_id`, custom exercises by name, health entries by
their values, so restoring the same backup twice adds nothing.
"""

from liftwell.web.imports.backup.base import BackupError
from liftwell.web.imports.backup.document import (
    FORMAT,
    VERSION,
    RestoreSummary,
    export_backup,
    looks_like_backup,
    read_backup,
    restore_backup,
)

__all__ = [
    "FORMAT",
    "VERSION",
    "BackupError",
    "RestoreSummary",
    "export_backup",
    "looks_like_backup",
    "read_backup",
    "restore_backup",
]
