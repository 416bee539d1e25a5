"""`liftwell exercises load` and `liftwell exercises import FILE`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from liftwell.importers.free_exercise_db import parse_free_exercise_db
from liftwell.web.exercises.services import import_exercise_library, load_shipped_exercises


class Command(BaseCommand):
    help = "Load Liftwell's own exercise library, or import one in the free-exercise-db JSON format."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="Insert or refresh the shipped library (run by `serve`).")
        imp = sub.add_parser("import", help="Import a free-exercise-db JSON file.")
        imp.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            report = load_shipped_exercises()
            if options["verbosity"]:
                self.stdout.write(f"Library: {len(report.added)} added, {len(report.updated)} updated.")
            return
        path: Path = options["file"]
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        parsed = parse_free_exercise_db(text)
        if not parsed.rows and parsed.problems:
            raise CommandError(f"{path}: {parsed.problems[0]}")
        report = import_exercise_library(parsed.rows)
        self.stdout.write(
            f"{len(report.added)} added, {len(report.matched)} matched, {len(parsed.problems)} skipped."
        )
        if options["verbosity"] > 1:
            for theirs, ours in report.matched:
                self.stdout.write(f"  matched: {theirs} -> {ours}")
        for problem in parsed.problems:
            self.stdout.write(f"  skipped: entry {problem}")
