"""`liftwell backup PATH [--force]`: copy the whole database to PATH, safely while Liftwell runs.

SQLite: a consistent copy through sqlite3's online backup API, checked before the command ends.
PostgreSQL: runs `pg_dump --format=custom` when it is on PATH; otherwise prints the command and fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from liftwell.web.imports.instance import (
    InstanceBackupError,
    check_pg_dump,
    pg_dump_command,
    pg_instructions,
    run_pg,
    sqlite_backup,
)


class Command(BaseCommand):
    help = "Copy the whole Liftwell database to a file (SQLite: online backup; PostgreSQL: pg_dump)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup file to write")
        parser.add_argument("--force", action="store_true", help="replace PATH if it exists")

    def handle(self, *args: Any, **options: Any) -> None:
        settings = connections["default"].settings_dict
        path: Path = options["path"]
        try:
            if connections["default"].vendor == "sqlite":
                facts = sqlite_backup(database=Path(settings["NAME"]), target=path, force=options["force"])
                self.stdout.write(f"Backed up {facts} to {path}.")
                return
            if connections["default"].vendor != "postgresql":
                raise InstanceBackupError(
                    f"backing up a {connections['default'].vendor} database is not supported"
                )
            if path.exists() and not options["force"]:
                raise InstanceBackupError(f"{path} already exists; add --force to replace it")
            try:
                run_pg(pg_dump_command(settings, path), settings)
            except InstanceBackupError as error:
                raise InstanceBackupError(
                    f"{error}\n{pg_instructions(settings, path, restore=False)}"
                ) from None
            check_pg_dump(path)
            self.stdout.write(f"Backed up the PostgreSQL database {settings['NAME']} to {path} (pg_dump).")
        except InstanceBackupError as error:
            raise CommandError(str(error)) from None
