"""`liftwell export fhir --user NAME [--output FILE]`: a person's health entries as a FHIR R4 Bundle."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.web.accounts.models import User
from liftwell.web.health.fhir import fhir_bundle


class Command(BaseCommand):
    help = "Export a person's data. `export fhir --user NAME`: health entries as a FHIR R4 Bundle (JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("format", choices=["fhir"], help="the export format")
        parser.add_argument("--user", required=True, help="the account's user name")
        parser.add_argument("--output", help="write to this file instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No account is called {options['user']!r}.")
        text = json.dumps(fhir_bundle(user), indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Wrote {options['output']}.")
        else:
            self.stdout.write(text)
