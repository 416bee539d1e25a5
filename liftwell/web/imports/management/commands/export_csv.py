"""`liftwell export_csv --user NAME [--format liftwell|strong] [--output FILE]`.

Named export_csv, not `export csv`, because the health app's `export` (fhir) owns that name; the two
belong together as `export csv|fhir` once merged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.web.accounts.models import User
from liftwell.web.imports.export import liftwell_csv, strong_csv


class Command(BaseCommand):
    help = "Export every set of one user as CSV (Liftwell's columns, or Strong's format)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--user", required=True)
        parser.add_argument("--format", choices=["liftwell", "strong"], default="liftwell")
        parser.add_argument("--output", type=Path, help="a file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = User.objects.get(username=options["user"])
        except User.DoesNotExist:
            raise CommandError(f"no user '{options['user']}'") from None
        lines = strong_csv(user) if options["format"] == "strong" else liftwell_csv(user)
        output: Path | None = options["output"]
        if output is None:
            for line in lines:
                self.stdout.write(line, ending="")
            return
        with output.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(lines)
