"""`liftwell restore PATH --force`: replace the whole database with a backup from `liftwell backup`.

Refuses without --force, and refuses a file that is not a sound Liftwell database. SQLite keeps the
replaced database beside it (`<name>.before-restore-<time>`). Stop Liftwell first, and run
`liftwell migrate` afterwards if the backup comes from an older version. PostgreSQL: runs
`pg_restore --clean` when it is on PATH; otherwise prints the command and fails.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from liftwell.web.imports.instance import (
    InstanceBackupError,
    check_liftwell_sqlite,
    check_pg_dump,
    pg_instructions,
    pg_restore_command,
    run_pg,
    sqlite_restore,
)


class Command(BaseCommand):
    help = "Replace the whole Liftwell database with a backup file (needs --force)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a file written by `liftwell backup`")
        parser.add_argument("--force", action="store_true", help="replace the current database")

    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections["default"]
        settings = connection.settings_dict
        path: Path = options["path"]
        try:
            if connection.vendor == "sqlite":
                facts = check_liftwell_sqlite(path)
                connection.close()  # our own connection must not hold the file while it is replaced
                kept = sqlite_restore(backup=path, database=Path(settings["NAME"]), force=options["force"])
                if kept is not None:
                    self.stdout.write(f"The database as it was is kept in {kept}.")
                self.stdout.write(
                    f"Restored {facts} from {path}. Run `liftwell migrate` if Liftwell is newer."
                )
                return
            if connection.vendor != "postgresql":
                raise InstanceBackupError(f"restoring a {connection.vendor} database is not supported")
            check_pg_dump(path)
            if not options["force"]:
                raise InstanceBackupError(
                    f"restoring replaces everything in the database {settings['NAME']}; "
                    "add --force to go ahead"
                )
            connection.close()
            try:
                run_pg(pg_restore_command(settings, path), settings)
            except InstanceBackupError as error:
                raise InstanceBackupError(
                    f"{error}\n{pg_instructions(settings, path, restore=True)}"
                ) from None
            self.stdout.write(
                f"Restored the PostgreSQL database {settings['NAME']} from {path} (pg_restore)."
            )
        except InstanceBackupError as error:
            raise CommandError(str(error)) from None
