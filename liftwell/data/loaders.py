"""Read the files Liftwell ships (this package) and hand them, parsed and validated, to the rest.

The parsing rules live in core (`liftwell.core.programs.parse`), which reads no files; this module
only opens them.
"""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources

from liftwell.core.programs.model import Program
from liftwell.core.programs.reader import Problem, ProgramFormatError
from liftwell.data.program_text import parse_program


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
