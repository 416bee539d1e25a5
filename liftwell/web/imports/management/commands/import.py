"""`liftwell import FILE --user NAME [--format F] [--unit kg|lb] [--tz ZONE] [--dry-run] [--json]`.

FILE is another app's CSV export, or a Liftwell JSON backup (`liftwell export json`), which restores
everything it holds into the account (`--format liftwell`, or detected from the file).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.importers.registry import FORMATS, app_names
from liftwell.web.accounts.models import User
from liftwell.web.imports.backup import BackupError, looks_like_backup, read_backup, restore_backup
from liftwell.web.imports.services import ImportRefused, import_file


class Command(BaseCommand):
    help = f"Import a {app_names()} export, or restore a Liftwell backup (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--user", required=True)
        codes = [entry.code for entry in FORMATS]
        parser.add_argument("--format", default="auto", choices=["auto", *codes, "liftwell"])
        parser.add_argument("--unit", choices=["kg", "lb"], help="for loads the file gives no unit for")
        parser.add_argument(
            "--tz", "--time-zone", dest="tz", help="zone of the file's times (default: the user's)"
        )
        parser.add_argument("--dry-run", action="store_true", help="read and summarise; write nothing")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist:
            raise CommandError(f"no user '{options['user']}'") from None
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        if options["format"] == "liftwell" or (options["format"] == "auto" and looks_like_backup(data)):
            self._restore(user, path, data, options)
            return
        try:
            summary = import_file(
                user=user,
                data=data,
                format=options["format"],
                unit=options["unit"],
                time_zone=options["tz"],
                dry_run=options["dry_run"],
            )
        except ImportRefused as error:
            raise CommandError(f"{path}: {error}") from None
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json()))
            return
        verb = "would add" if options["dry_run"] else "added"
        if summary.plan is not None:
            self.stdout.write(
                f"{summary.label}: {summary.measurement_values} values on {len(summary.plan.days)} days; "
                f"{verb} {summary.new_measurements}, {summary.already_present_measurements} already present."
            )
            for name, count in summary.not_kept.items():
                self.stdout.write(f"Not kept (no Liftwell field): {name} ({count})")
            for problem in summary.problems:
                self.stdout.write(f"  {problem}")
            return
        self.stdout.write(
            f"{summary.label}: {summary.workouts} workouts, {summary.sets} sets "
            f"({summary.warmup_sets} warm-up); "
            f"{verb} {summary.new_workouts} workouts, {summary.already_present_workouts} already present."
        )
        if summary.first_date:
            self.stdout.write(
                f"Dates {summary.first_date} to {summary.last_date}, read in {summary.time_zone}."
            )
        if summary.needs_unit:
            self.stdout.write(f"Unlabelled loads read as {summary.unit} ({summary.unit_reason}).")
        unmatched = [name for name, match in summary.matches.items() if match.exercise is None]
        if unmatched:
            self.stdout.write(f"New exercises: {', '.join(unmatched)}")
        for kind, count in summary.pseudo_rows.items():
            self.stdout.write(f"Rows that are not sets ({kind}): {count}")
        for problem in summary.problems:
            self.stdout.write(f"  {problem}")

    def _restore(self, user: User, path: Path, data: bytes, options: dict[str, Any]) -> None:
        try:
            summary = restore_backup(user=user, document=read_backup(data), dry_run=options["dry_run"])
        except BackupError as error:
            raise CommandError(f"{path}: {error}") from None
        if options["json"]:
            self.stdout.write(json.dumps(summary.as_json()))
            return
        verb = "would add" if options["dry_run"] else "added"
        self.stdout.write(f"Liftwell backup: {verb} {summary.total_added} rows.")
        for key, added in summary.added.items():
            self.stdout.write(f"  {key}: {added} added, {summary.already_present[key]} already present")
