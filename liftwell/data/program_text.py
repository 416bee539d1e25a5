"""The program text format: YAML in, validated `Program` out, and back to YAML (docs/programs.md).

Only this edge knows YAML: `liftwell.core.programs.parse` checks the tree read here, with each value's
line, and `liftwell.core.programs.dump` gives the plain data written here.

Why YAML and not TOML: YAML's composer keeps the line of every value, so an error can say
"line 14, days[1].exercises[2].sets: must be 1 or more"; tomllib gives back plain dicts with no
positions. YAML's block style also reads well for nested weeks/days/exercises, where TOML needs
`[[weeks.days.exercises]]` headers. Only the safe loader is used (no Python objects), every field is
checked against the schema, and unknown fields are errors, so YAML's looser corners (`no` read as
false, a typo'd key silently ignored) cannot slip through.
"""

from __future__ import annotations

from collections.abc import Collection

import yaml

from liftwell.core.programs.dump import program_to_data
from liftwell.core.programs.model import Program
from liftwell.core.programs.parse import program_from_tree
from liftwell.core.programs.reader import Located, Problem, ProgramFormatError, join_path

MAX_TEXT_CHARS = 200_000


def _locate(node: yaml.Node, loader: yaml.SafeLoader, problems: list[Problem], path: str) -> Located:
    """The YAML node as a `Located` tree (YAML lines count from 0, ours from 1).

    Field names that are not text, and a field given twice, are problems of the text itself: a
    mapping of plain data cannot hold them, so they are caught here and handed on with the tree.
    """
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        items: dict[str, Located] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                problems.append(
                    Problem(key_node.start_mark.line + 1, path, f"field names must be text, got {key!r}")
                )
                continue
            if key in items:
                problems.append(Problem(key_node.start_mark.line + 1, join_path(path, key), "given twice"))
            items[key] = _locate(value_node, loader, problems, join_path(path, key))
        return Located(items, line)
    if isinstance(node, yaml.SequenceNode):
        return Located(
            [_locate(item, loader, problems, f"{path}[{i}]") for i, item in enumerate(node.value)], line
        )
    return Located(loader.construct_object(node, deep=True), line, str(node.value))


def parse_program(text: str, *, known_exercises: Collection[str] | None = None) -> Program:
    """Parse and validate program text (docs/programs.md); raise ProgramFormatError listing problems.

    With `known_exercises`, every exercise slug must be one of them.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ProgramFormatError([Problem(None, "", f"the file is over {MAX_TEXT_CHARS} characters")])
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        raise ProgramFormatError(
            [Problem(mark.line + 1 if mark else None, "", f"not valid YAML: {reason}")]
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise ProgramFormatError([Problem(None, "", "the file is empty")])
    problems: list[Problem] = []
    root = _locate(node, loader, problems, "")
    return program_from_tree(root, known_exercises=known_exercises, found=problems)


class _Dumper(yaml.SafeDumper):
    """Block style, multi-line text as `|` blocks, so exported files read like hand-written ones."""


def _text_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_representer)


def program_to_text(program: Program) -> str:
    """The program as YAML text that `parse_program` reads back to an equal `Program`."""
    return yaml.dump(program_to_data(program), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
