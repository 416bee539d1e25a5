"""The programs Liftwell ships, as YAML files in liftwell/data/programs/ (one program per file)."""

from __future__ import annotations

from collections.abc import Collection
from importlib import resources

from liftwell.core.programs.format import ProgramFormatError, parse_program
from liftwell.core.programs.model import Program


def shipped_program_texts() -> dict[str, str]:
    """File name (without .yaml) -> the file's text, in name order."""
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
                [type(p)(p.line, f"{name}.yaml: {p.path}", p.message) for p in exc.problems]
            ) from None
        if program.slug != name:
            raise ValueError(f"{name}.yaml: slug {program.slug!r} must match the file name")
        programs.append(program)
    return programs
