"""`liftwell programs validate FILE` and `liftwell programs list`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.core.programs.reader import ProgramFormatError
from liftwell.data.loaders import load_shipped_library, load_shipped_programs
from liftwell.data.program_text import parse_program


class Command(BaseCommand):
    help = "Check a program file (docs/programs.md) or list the programs Liftwell ships."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("validate", help="Check a program file; errors name the line and field.")
        check.add_argument("file", type=Path)
        sub.add_parser("list", help="List the built-in programs.")

    def handle(self, *args: Any, **options: Any) -> None:
        known = {spec.slug for spec in load_shipped_library()}
        if options["action"] == "list":
            for program in load_shipped_programs(known_exercises=known):
                weeks = len(program.weeks)
                self.stdout.write(
                    f"{program.slug:<38} {program.days_per_week} days/week, {weeks} week"
                    f"{'s' if weeks != 1 else ''}  {program.name}"
                )
            return
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"cannot read {path}: {error}") from None
        try:
            program = parse_program(text, known_exercises=known)
        except ProgramFormatError as error:
            for problem in error.problems:
                self.stderr.write(f"{path}: {problem}")
            count = len(error.problems)
            raise CommandError(f"{path}: {count} problem{'s' if count != 1 else ''}") from None
        self.stdout.write(
            f"{path}: OK - {program.name} ({program.days_per_week} days/week, "
            f"{len(program.weeks)} week{'s' if len(program.weeks) != 1 else ''}, "
            f"{len(program.exercises())} exercises)"
        )
