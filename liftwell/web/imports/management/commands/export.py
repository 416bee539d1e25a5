"""`liftwell export csv|json|fhir --user NAME [-o FILE]`: take a person's data elsewhere.

- `csv [--format liftwell|strong]`: every set, in Liftwell's documented columns or Strong's format.
- `json`: a full backup of the account; `liftwell import FILE --user NAME` restores it.
- `fhir`: health entries as a FHIR R4 Bundle of Observations.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.web.accounts.models import User
from liftwell.web.health.fhir import fhir_bundle
from liftwell.web.imports.backup import export_backup
from liftwell.web.imports.export import liftwell_csv, strong_csv


class Command(BaseCommand):
    help = (
        "Export one person's data: `csv` (every set; --format liftwell|strong), "
        "`json` (a full backup to restore with `liftwell import`), `fhir` (health entries, FHIR R4)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["csv", "json", "fhir"], metavar="csv|json|fhir")
        parser.add_argument("--user", required=True, help="the account's user name")
        parser.add_argument(
            "--format",
            choices=["liftwell", "strong"],
            default="liftwell",
            help="for csv: Liftwell's columns (default) or Strong's format",
        )
        parser.add_argument("-o", "--output", type=Path, help="a file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No account is called {options['user']!r}.")
        kind = options["kind"]
        chunks: Iterable[str]
        if kind == "csv":
            chunks = strong_csv(user) if options["format"] == "strong" else liftwell_csv(user)
        elif kind == "json":
            chunks = [json.dumps(export_backup(user), indent=1, ensure_ascii=False), "\n"]
        else:
            chunks = [json.dumps(fhir_bundle(user), indent=2), "\n"]
        output: Path | None = options["output"]
        if output is None:
            for chunk in chunks:
                self.stdout.write(chunk, ending="")
            return
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(chunks)
        except OSError as error:
            raise CommandError(f"cannot write {output}: {error.strerror}") from None
        self.stderr.write(f"Wrote {output}.")
