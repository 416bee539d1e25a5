"""Read the files Liftwell ships (this package) and hand them, parsed and validated, to the rest.

The parsing rules live in core (`liftwell.core.exercise_library`, `liftwell.core.programs.parse`),
which reads no files; this module only opens them.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from importlib import resources

from liftwell.core.exercise_library import ExerciseLibraryError, ExerciseSpec, parse_exercise_library
from liftwell.core.programs.model import Program
from liftwell.core.programs.reader import Problem, ProgramFormatError
from liftwell.data.program_text import parse_program


def load_shipped_library() -> list[ExerciseSpec]:
    """Read and validate ``liftwell/data/exercises.json``."""
    resource = resources.files("liftwell.data") / "exercises.json"
    try:
        data: object = json.loads(resource.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ExerciseLibraryError(f"exercises.json is not valid JSON: {exc}") from exc
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ExerciseLibraryError("exercises.json must hold a list of objects")
    return parse_exercise_library(data)


def shipped_program_texts() -> dict[str, str]:
    """File name (without .yaml) -> the text of each file in liftwell/data/programs/, in name order."""
    folder = resources.files("liftwell.data") / "programs"
    texts = {
        entry.name.removesuffix(".yaml"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }
    return dict(sorted(texts.items()))


def load_shipped_programs(*, known_exercises: Collection[str] | None = None) -> list[Program]:
    """Every shipped program, parsed and validated; a broken file raises naming the file."""
    programs: list[Program] = []
    for name, text in shipped_program_texts().items():
        try:
            program = parse_program(text, known_exercises=known_exercises)
        except ProgramFormatError as exc:
            raise ProgramFormatError(
                [Problem(p.line, f"{name}.yaml: {p.path}", p.message) for p in exc.problems]
            ) from None
        if program.slug != name:
            raise ValueError(f"{name}.yaml: slug {program.slug!r} must match the file name")
        programs.append(program)
    return programs
