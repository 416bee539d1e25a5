"""The program text format: YAML in, validated `Program` out, and back to YAML (docs/programs.md).

Why YAML and not TOML: YAML's composer keeps the line of every value, so an error can say
"line 14, days[1].exercises[2].sets: must be 1 or more"; tomllib gives back plain dicts with no
positions. YAML's block style also reads well for nested weeks/days/exercises, where TOML needs
`[[weeks.days.exercises]]` headers. Only the safe loader is used (no Python objects), every field is
checked against the schema below, and unknown fields are errors, so YAML's looser corners (`no` read as
false, a typo'd key silently ignored) cannot slip through.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from liftwell.core.programs.model import (
    Day,
    DoubleRule,
    Intensity,
    IntensityKind,
    LinearRule,
    Program,
    ProgressionRule,
    RpeRule,
    SetPrescription,
    Slot,
    WaveRule,
    Week,
)
from liftwell.core.strength import RPE_REPS, RPE_VALUES

FORMAT_VERSION = 1
MAX_TEXT_CHARS = 200_000
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SHORTHAND_RE = re.compile(r"^\s*(\d+)\s*[xX×]\s*(\d+)(?:\s*-\s*(\d+))?\s*(\+|s)?\s*$")
_REPS_RE = re.compile(r"^\s*(\d+)(?:\s*-\s*(\d+))?\s*(\+)?\s*$")
_INTENSITY_KEYS = tuple(kind.value for kind in IntensityKind)


@dataclass(frozen=True)
class Problem:
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line else ""
        return f"{where}{self.path}: {self.message}" if self.path else f"{where}{self.message}"


class ProgramFormatError(ValueError):
    """The text is not a valid program; `problems` lists each one with its line and field path."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class _Y:
    """A YAML value with the line it starts on: dict[str, _Y], list[_Y] or a scalar."""

    value: Any
    line: int
    raw: str | None = None  # a scalar's text as written ("0x5" stays "0x5", not the YAML 1.1 hex 5)


def _wrap(node: yaml.Node, loader: yaml.SafeLoader, problems: list[Problem], path: str) -> _Y:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        items: dict[str, _Y] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                problems.append(
                    Problem(key_node.start_mark.line + 1, path, f"field names must be text, got {key!r}")
                )
                continue
            if key in items:
                problems.append(Problem(key_node.start_mark.line + 1, _join(path, key), "given twice"))
            items[key] = _wrap(value_node, loader, problems, _join(path, key))
        return _Y(items, line)
    if isinstance(node, yaml.SequenceNode):
        return _Y([_wrap(item, loader, problems, f"{path}[{i}]") for i, item in enumerate(node.value)], line)
    return _Y(loader.construct_object(node, deep=True), line, str(node.value))


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class _Reader:
    """Reads one mapping field by field, recording problems instead of stopping at the first."""

    def __init__(self, problems: list[Problem], node: _Y, path: str, fields: Collection[str]) -> None:
        self.problems = problems
        self.node = node
        self.path = path
        self.items: dict[str, _Y] = node.value if isinstance(node.value, dict) else {}
        if not isinstance(node.value, dict):
            self.fail(node, path, "must be a mapping of fields")
        for key, child in self.items.items():
            if key not in fields:
                self.fail(child, _join(path, key), f"unknown field (expected one of {', '.join(fields)})")

    def fail(self, node: _Y | None, path: str, message: str) -> None:
        self.problems.append(Problem(node.line if node else self.node.line, path, message))

    def at(self, key: str) -> str:
        return _join(self.path, key)

    def has(self, key: str) -> bool:
        return key in self.items

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        node = self.items.get(key)
        if node is None:
            if required:
                self.fail(None, self.at(key), "is required")
            return default
        if not isinstance(node.value, str) or (required and not node.value.strip()):
            self.fail(
                node, self.at(key), "must be text" if not isinstance(node.value, str) else "must not be empty"
            )
            return default
        return node.value.strip()

    def texts(self, key: str) -> tuple[str, ...]:
        node = self.items.get(key)
        if node is None:
            return ()
        if not isinstance(node.value, list) or not all(isinstance(i.value, str) for i in node.value):
            self.fail(node, self.at(key), "must be a list of text")
            return ()
        return tuple(item.value.strip() for item in node.value)

    def number(self, key: str, low: float, high: float, *, default: float | None = None) -> float | None:
        node = self.items.get(key)
        if node is None:
            if default is None:
                self.fail(None, self.at(key), "is required")
            return default
        return _number(self, node, self.at(key), low, high)

    def integer(self, key: str, low: int, high: int, *, default: int | None = None) -> int | None:
        value = self.number(key, low, high, default=default)
        if value is not None and value != int(value):
            self.fail(self.items.get(key), self.at(key), "must be a whole number")
            return default
        return None if value is None else int(value)

    def flag(self, key: str) -> bool:
        node = self.items.get(key)
        if node is None:
            return False
        if not isinstance(node.value, bool):
            self.fail(node, self.at(key), "must be true or false")
            return False
        return bool(node.value)

    def items_of(self, key: str, *, required: bool = True) -> Iterator[tuple[_Y, str]]:
        node = self.items.get(key)
        if node is None:
            if required:
                self.fail(None, self.at(key), "is required")
            return
        if not isinstance(node.value, list) or not node.value:
            self.fail(node, self.at(key), "must be a list with 1 or more items")
            return
        for index, item in enumerate(node.value):
            yield item, f"{self.at(key)}[{index}]"


def _number(reader: _Reader, node: _Y, path: str, low: float, high: float) -> float | None:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        reader.fail(node, path, "must be a number")
        return None
    if not low <= value <= high:
        reader.fail(node, path, f"must be {_fmt(low)} to {_fmt(high)}, got {_fmt(value)}")
        return None
    return float(value)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


# --- sets -----------------------------------------------------------------------------------------


def _intensity(reader: _Reader) -> Intensity | None:
    given = [key for key in _INTENSITY_KEYS if reader.has(key)]
    if len(given) > 1:
        reader.fail(
            reader.items[given[1]],
            reader.at(given[1]),
            f"give one intensity, not both {given[0]} and {given[1]}",
        )
        return None
    if not given:
        return None
    kind = IntensityKind(given[0])
    if kind is IntensityKind.BODYWEIGHT:
        return Intensity(kind) if reader.flag("bodyweight") else None
    limits = {
        IntensityKind.LOAD_KG: (0, 1000),
        IntensityKind.PERCENT_1RM: (1, 110),
        IntensityKind.PERCENT_TM: (1, 110),
        IntensityKind.RPE: (RPE_VALUES[0], RPE_VALUES[-1]),
        IntensityKind.RIR: (10 - RPE_VALUES[-1], 10 - RPE_VALUES[0]),
    }[kind]
    value = reader.number(kind.value, *limits)
    if value is None:
        return None
    if kind in (IntensityKind.RPE, IntensityKind.RIR) and (value * 2) != int(value * 2):
        reader.fail(reader.items[kind.value], reader.at(kind.value), "must be in steps of 0.5")
        return None
    return Intensity(kind, value)


def _shorthand(reader: _Reader, node: _Y, path: str, intensity: Intensity | None) -> list[SetPrescription]:
    match = _SHORTHAND_RE.match(node.raw or "")
    if match is None:
        reader.fail(node, path, 'must be like "3x5", "3x8-12", "1x5+" or "3x30s", or a list of sets')
        return []
    count, low, high, suffix = int(match[1]), int(match[2]), match[3], match[4]
    if not 1 <= count <= 20:
        reader.fail(node, path, f"must be 1 to 20 sets, got {count}")
        return []
    if suffix == "s":
        if high is not None or not 1 <= low <= 3600:
            reader.fail(node, path, "a timed set is 1 to 3600 seconds, like 3x30s")
            return []
        return [SetPrescription(seconds=low, intensity=intensity)] * count
    top = int(high) if high else low
    if not 1 <= low <= top <= 100:
        reader.fail(node, path, f"reps must be 1 to 100 with the low end first, got {low}-{top}")
        return []
    return [SetPrescription(reps_min=low, reps_max=top, amrap=suffix == "+", intensity=intensity)] * count


def _set_list(
    problems: list[Problem], node: _Y, path: str, default: Intensity | None
) -> list[SetPrescription]:
    fields = ("count", "reps", "seconds", "amrap", *_INTENSITY_KEYS)
    reader = _Reader(problems, node, path, fields)
    count = reader.integer("count", 1, 20, default=1) or 1
    intensity = _intensity(reader) or default
    amrap = reader.flag("amrap")
    if reader.has("seconds") == reader.has("reps"):
        reader.fail(None, path, "give reps or seconds (one of them)")
        return []
    if reader.has("seconds"):
        seconds = reader.integer("seconds", 1, 3600)
        return [] if seconds is None else [SetPrescription(seconds=seconds, intensity=intensity)] * count
    reps_node = reader.items["reps"]
    text = reps_node.raw or ""
    match = _REPS_RE.match(text)
    if match is None:
        reader.fail(reps_node, reader.at("reps"), 'must be a number of reps, a range like "8-12" or "5+"')
        return []
    low, top = int(match[1]), int(match[2] or match[1])
    if not 1 <= low <= top <= 100:
        reader.fail(reps_node, reader.at("reps"), f"must be 1 to 100 with the low end first, got {text}")
        return []
    return [
        SetPrescription(reps_min=low, reps_max=top, amrap=amrap or bool(match[3]), intensity=intensity)
    ] * count


# --- slots, days, weeks -----------------------------------------------------------------------------

_SLOT_FIELDS = ("exercise", "sets", "rest_s", "superset", "progression", "track", "notes", *_INTENSITY_KEYS)


def _slot(
    problems: list[Problem],
    node: _Y,
    path: str,
    rules: dict[str, ProgressionRule],
    known: Collection[str] | None,
) -> Slot:
    reader = _Reader(problems, node, path, _SLOT_FIELDS)
    exercise = reader.text("exercise", required=True)
    if exercise and not SLUG_RE.match(exercise):
        reader.fail(
            reader.items.get("exercise"),
            reader.at("exercise"),
            "must be an exercise slug like barbell-back-squat",
        )
    elif exercise and known is not None and exercise not in known:
        reader.fail(
            reader.items.get("exercise"), reader.at("exercise"), f"no exercise {exercise!r} in the library"
        )
    intensity = _intensity(reader)
    sets: list[SetPrescription] = []
    sets_node = reader.items.get("sets")
    if sets_node is None:
        reader.fail(None, reader.at("sets"), "is required")
    elif isinstance(sets_node.value, list):
        if not sets_node.value:
            reader.fail(sets_node, reader.at("sets"), "must be 1 or more")
        for index, item in enumerate(sets_node.value):
            sets += _set_list(problems, item, f"{reader.at('sets')}[{index}]", intensity)
    else:
        sets = _shorthand(reader, sets_node, reader.at("sets"), intensity)
    if len(sets) > 20:
        reader.fail(sets_node, reader.at("sets"), f"must be 20 sets or fewer, got {len(sets)}")
    progression = reader.text("progression") or None
    slot = Slot(
        exercise=exercise,
        sets=tuple(sets),
        rest_s=reader.integer("rest_s", 0, 1200) if reader.has("rest_s") else None,
        superset=reader.text("superset") or None,
        progression=progression,
        track=reader.text("track") or None,
        notes=reader.text("notes"),
    )
    if progression is not None:
        rule = rules.get(progression)
        if rule is None:
            reader.fail(
                reader.items.get("progression"),
                reader.at("progression"),
                f"no progression named {progression!r} under progressions",
            )
        elif sets:
            message = _rule_fits(rule, slot)
            if message:
                reader.fail(sets_node, reader.at("sets"), message)
    elif any(s.intensity is not None and s.intensity.kind is IntensityKind.PERCENT_TM for s in sets):
        reader.fail(sets_node, reader.at("sets"), "percent_tm sets need a progression of type wave")
    return slot


def _rule_fits(rule: ProgressionRule, slot: Slot) -> str | None:
    """Why `rule` cannot drive this slot's sets, or None when it can."""
    if any(s.timed for s in slot.sets):
        return "timed sets cannot have a progression"
    kinds = {s.intensity.kind if s.intensity else None for s in slot.sets}
    if isinstance(rule, LinearRule | DoubleRule) and kinds - {None}:
        return f"{rule.kind} progression sets the load itself: remove the sets' intensity"
    if isinstance(rule, DoubleRule) and len({(s.reps_min, s.reps_max) for s in slot.sets}) != 1:
        return "double progression needs the same rep range on every set"
    if isinstance(rule, DoubleRule) and slot.sets[0].reps_min == slot.sets[0].reps_max:
        return 'double progression needs a rep range, like "3x8-12"'
    if isinstance(rule, WaveRule) and kinds != {IntensityKind.PERCENT_TM}:
        return "wave progression needs every set to give percent_tm"
    if isinstance(rule, RpeRule):
        if not kinds <= {IntensityKind.RPE, IntensityKind.RIR}:
            return "rpe progression needs every set to give rpe or rir"
        if any(s.reps_max not in RPE_REPS for s in slot.sets):
            return "rpe sets must be 1 to 12 reps (the RPE chart)"
    return None


def _day(
    problems: list[Problem],
    node: _Y,
    path: str,
    rules: dict[str, ProgressionRule],
    known: Collection[str] | None,
) -> Day:
    reader = _Reader(problems, node, path, ("name", "exercises"))
    slots = [
        _slot(problems, item, item_path, rules, known) for item, item_path in reader.items_of("exercises")
    ]
    return Day(name=reader.text("name", required=True), slots=tuple(slots))


def _days(
    reader: _Reader, key: str, rules: dict[str, ProgressionRule], known: Collection[str] | None
) -> tuple[Day, ...]:
    return tuple(_day(reader.problems, item, path, rules, known) for item, path in reader.items_of(key))


_RULE_FIELDS = {
    "linear": ("type", "increment_kg", "failures_before_deload", "deload_percent"),
    "double": ("type", "increment_kg"),
    "wave": ("type", "tm_increment_kg", "start_percent", "reset_percent"),
    "rpe": ("type",),
}


def _rule(problems: list[Problem], node: _Y, path: str) -> ProgressionRule | None:
    kind = node.value.get("type") if isinstance(node.value, dict) else None
    if kind is None or kind.value not in _RULE_FIELDS:
        line = kind.line if kind else node.line
        problems.append(Problem(line, _join(path, "type"), f"must be one of {', '.join(_RULE_FIELDS)}"))
        return None
    reader = _Reader(problems, node, path, _RULE_FIELDS[kind.value])
    before = len(problems)
    rule: ProgressionRule
    if kind.value == "linear":
        rule = LinearRule(
            increment_kg=reader.number("increment_kg", 0, 50) or 0.0,
            failures_before_deload=reader.integer("failures_before_deload", 1, 10, default=3) or 3,
            deload_percent=reader.number("deload_percent", 0, 50, default=10.0) or 0.0,
        )
    elif kind.value == "double":
        rule = DoubleRule(increment_kg=reader.number("increment_kg", 0, 50) or 0.0)
    elif kind.value == "wave":
        rule = WaveRule(
            tm_increment_kg=reader.number("tm_increment_kg", 0, 50) or 0.0,
            start_percent=reader.number("start_percent", 50, 100, default=90.0) or 90.0,
            reset_percent=reader.number("reset_percent", 0, 50, default=10.0) or 0.0,
        )
    else:
        rule = RpeRule()
    return rule if len(problems) == before else None


def _week(
    reader: _Reader,
    node: _Y,
    path: str,
    shared: tuple[Day, ...],
    rules: dict[str, ProgressionRule],
    known: Collection[str] | None,
) -> Week:
    week = _Reader(reader.problems, node, path, ("name", "deload", "load_percent", "days"))
    days = _days(week, "days", rules, known) if week.has("days") else shared
    if not week.has("days") and not shared:
        week.fail(None, week.at("days"), "is required (or give days at the top level)")
    return Week(
        days=days,
        name=week.text("name"),
        deload=week.flag("deload"),
        load_percent=week.number("load_percent", 10, 100, default=100.0) or 100.0,
    )


_PROGRAM_FIELDS = (
    "format", "name", "slug", "description", "evidence", "goals", "equipment", "notes",
    "progressions", "days", "weeks",
)  # fmt: skip


def parse_program(text: str, *, known_exercises: Collection[str] | None = None) -> Program:
    """Parse and validate program text (docs/programs.md); raise ProgramFormatError listing problems.

    With `known_exercises`, every exercise slug must be one of them.
    """
    problems: list[Problem] = []
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
    root = _wrap(node, loader, problems, "")
    reader = _Reader(problems, root, "", _PROGRAM_FIELDS)
    reader.integer("format", FORMAT_VERSION, FORMAT_VERSION, default=FORMAT_VERSION)
    slug = reader.text("slug", required=True)
    if slug and not SLUG_RE.match(slug):
        reader.fail(
            reader.items.get("slug"), "slug", "must be lower-case words joined by hyphens, like my-program"
        )
    rules: dict[str, ProgressionRule] = {}
    rules_node = reader.items.get("progressions")
    if rules_node is not None:
        if not isinstance(rules_node.value, dict):
            reader.fail(rules_node, "progressions", "must be a mapping of names to rules")
        else:
            for name, rule_node in rules_node.value.items():
                rule = _rule(problems, rule_node, f"progressions.{name}")
                if rule is not None:
                    rules[name] = rule
    shared = _days(reader, "days", rules, known_exercises) if reader.has("days") else ()
    weeks_node = reader.items.get("weeks")
    weeks: list[Week] = []
    if weeks_node is None or isinstance(weeks_node.value, int) and not isinstance(weeks_node.value, bool):
        count = reader.integer("weeks", 1, 52, default=1) or 1
        if not shared:
            reader.fail(None, "days", "is required")
        weeks = [Week(days=shared)] * count
    elif isinstance(weeks_node.value, list) and weeks_node.value:
        weeks = [
            _week(reader, item, path, shared, rules, known_exercises)
            for item, path in reader.items_of("weeks")
        ]
    else:
        reader.fail(weeks_node, "weeks", "must be a number of weeks or a list of weeks")
    sizes = {len(week.days) for week in weeks}
    if len(sizes) > 1:
        reader.fail(weeks_node, "weeks", f"every week must have the same number of days, got {sorted(sizes)}")
    name = reader.text("name", required=True)
    description = reader.text("description", required=True)
    evidence, goals, equipment = reader.texts("evidence"), reader.texts("goals"), reader.texts("equipment")
    notes = reader.text("notes")
    if problems:
        raise ProgramFormatError(sorted(problems, key=lambda p: (p.line or 0, p.path)))
    return Program(
        name=name,
        slug=slug,
        description=description,
        weeks=tuple(weeks),
        evidence=evidence,
        goals=goals,
        equipment=equipment,
        progressions=tuple(rules.items()),
        notes=notes,
    )


# --- export -----------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block style, multi-line text as `|` blocks, so exported files read like hand-written ones."""


def _text_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_representer)


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _intensity_fields(intensity: Intensity | None) -> dict[str, object]:
    if intensity is None:
        return {}
    if intensity.kind is IntensityKind.BODYWEIGHT:
        return {"bodyweight": True}
    assert intensity.value is not None
    return {intensity.kind.value: _num(intensity.value)}


def _reps_text(prescription: SetPrescription) -> str:
    low, top = prescription.reps_min, prescription.reps_max
    return f"{low}" if low == top else f"{low}-{top}"


def _sets_out(sets: tuple[SetPrescription, ...]) -> tuple[object, dict[str, object]]:
    """The `sets` value and any slot-level intensity: "3x5" shorthand when every set is the same."""
    first = sets[0]
    if all(s == first for s in sets):
        if first.timed:
            return f"{len(sets)}x{first.seconds}s", _intensity_fields(first.intensity)
        suffix = "+" if first.amrap and first.reps_min == first.reps_max else ""
        if not first.amrap or suffix:
            return f"{len(sets)}x{_reps_text(first)}{suffix}", _intensity_fields(first.intensity)
    groups: list[dict[str, object]] = []
    previous: SetPrescription | None = None
    for prescription in sets:
        if prescription == previous:
            groups[-1]["count"] = int(str(groups[-1].get("count", 1))) + 1
            continue
        item: dict[str, object] = {}
        if prescription.timed:
            item["seconds"] = prescription.seconds
        else:
            same = prescription.reps_min == prescription.reps_max
            item["reps"] = (
                prescription.reps_min if same and not prescription.amrap else _reps_text(prescription)
            )
            if prescription.amrap:
                item["reps"] = f"{item['reps']}+" if same else item["reps"]
                if not same:
                    item["amrap"] = True
        item.update(_intensity_fields(prescription.intensity))
        groups.append(item)
        previous = prescription
    return [{"count": g.pop("count"), **g} if "count" in g else g for g in groups], {}


def _slot_out(slot: Slot) -> dict[str, object]:
    sets, intensity = _sets_out(slot.sets)
    out: dict[str, object] = {"exercise": slot.exercise, "sets": sets, **intensity}
    optional = {
        "rest_s": slot.rest_s,
        "superset": slot.superset,
        "progression": slot.progression,
        "track": slot.track,
        "notes": slot.notes or None,
    }
    out.update({key: value for key, value in optional.items() if value is not None})
    return out


def _days_out(days: tuple[Day, ...]) -> list[dict[str, object]]:
    return [{"name": day.name, "exercises": [_slot_out(slot) for slot in day.slots]} for day in days]


def _rule_out(rule: ProgressionRule) -> dict[str, object]:
    out: dict[str, object] = {"type": rule.kind.value}
    if isinstance(rule, LinearRule):
        out |= {
            "increment_kg": _num(rule.increment_kg),
            "failures_before_deload": rule.failures_before_deload,
            "deload_percent": _num(rule.deload_percent),
        }
    elif isinstance(rule, DoubleRule):
        out["increment_kg"] = _num(rule.increment_kg)
    elif isinstance(rule, WaveRule):
        out |= {
            "tm_increment_kg": _num(rule.tm_increment_kg),
            "start_percent": _num(rule.start_percent),
            "reset_percent": _num(rule.reset_percent),
        }
    return out


def program_to_text(program: Program) -> str:
    """The program as YAML text that `parse_program` reads back to an equal `Program`.

    Days shared by every week are written once at the top level; weeks are then a count when they are
    all plain, else a list giving each week's name, deload and load_percent (and days where they differ).
    """
    out: dict[str, object] = {"format": FORMAT_VERSION, "name": program.name, "slug": program.slug}
    out["description"] = program.description
    for key in ("evidence", "goals", "equipment"):
        values = getattr(program, key)
        if values:
            out[key] = list(values)
    if program.notes:
        out["notes"] = program.notes
    if program.progressions:
        out["progressions"] = {name: _rule_out(rule) for name, rule in program.progressions}
    shared = program.weeks[0].days
    if all(week.days == shared for week in program.weeks):
        out["days"] = _days_out(shared)
    plain = all(week == Week(days=shared) for week in program.weeks)
    if plain:
        out["weeks"] = len(program.weeks)
    else:
        weeks: list[dict[str, object]] = []
        for week in program.weeks:
            item: dict[str, object] = {}
            if week.name:
                item["name"] = week.name
            if week.deload:
                item["deload"] = True
            if week.load_percent != 100:
                item["load_percent"] = _num(week.load_percent)
            if "days" not in out:
                item["days"] = _days_out(week.days)
            weeks.append(item)
        out["weeks"] = weeks
    return yaml.dump(out, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
