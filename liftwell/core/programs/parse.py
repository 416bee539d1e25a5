"""Program documents in, a validated `Program` out (docs/programs.md).

Core reads no text: `liftwell.data.program_text` turns YAML into a tree of `Located` values (each with
its line) and this module checks it field by field. Every field is checked against the schema below
and unknown fields are errors, so a typo'd key cannot slip through silently.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

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
from liftwell.core.programs.reader import (
    FieldReader,
    Located,
    Problem,
    ProgramFormatError,
    join_path,
    sorted_problems,
)
from liftwell.core.strength import RPE_REPS, RPE_VALUES

FORMAT_VERSION = 1
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SHORTHAND_RE = re.compile(r"^\s*(\d+)\s*[xX×]\s*(\d+)(?:\s*-\s*(\d+))?\s*(\+|s)?\s*$")
_REPS_RE = re.compile(r"^\s*(\d+)(?:\s*-\s*(\d+))?\s*(\+)?\s*$")
_INTENSITY_KEYS = tuple(kind.value for kind in IntensityKind)


# --- sets -----------------------------------------------------------------------------------------


def _intensity(reader: FieldReader) -> Intensity | None:
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


def _shorthand(
    reader: FieldReader, node: Located, path: str, intensity: Intensity | None
) -> list[SetPrescription]:
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
    problems: list[Problem], node: Located, path: str, default: Intensity | None
) -> list[SetPrescription]:
    fields = ("count", "reps", "seconds", "amrap", *_INTENSITY_KEYS)
    reader = FieldReader(problems, node, path, fields)
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
    node: Located,
    path: str,
    rules: dict[str, ProgressionRule],
    known: Collection[str] | None,
) -> Slot:
    reader = FieldReader(problems, node, path, _SLOT_FIELDS)
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
    node: Located,
    path: str,
    rules: dict[str, ProgressionRule],
    known: Collection[str] | None,
) -> Day:
    reader = FieldReader(problems, node, path, ("name", "exercises"))
    slots = [
        _slot(problems, item, item_path, rules, known) for item, item_path in reader.items_of("exercises")
    ]
    return Day(name=reader.text("name", required=True), slots=tuple(slots))


def _days(
    reader: FieldReader, key: str, rules: dict[str, ProgressionRule], known: Collection[str] | None
) -> tuple[Day, ...]:
    return tuple(_day(reader.problems, item, path, rules, known) for item, path in reader.items_of(key))


_RULE_FIELDS = {
    "linear": ("type", "increment_kg", "failures_before_deload", "deload_percent"),
    "double": ("type", "increment_kg"),
    "wave": ("type", "tm_increment_kg", "start_percent", "reset_percent"),
    "rpe": ("type",),
}


def _rule(problems: list[Problem], node: Located, path: str) -> ProgressionRule | None:
    kind = node.value.get("type") if isinstance(node.value, dict) else None
    # A list or mapping as the type is a mistake to report, not a key to look up (it is unhashable).
    if kind is None or not isinstance(kind.value, str) or kind.value not in _RULE_FIELDS:
        line = kind.line if kind else node.line
        problems.append(Problem(line, join_path(path, "type"), f"must be one of {', '.join(_RULE_FIELDS)}"))
        return None
    reader = FieldReader(problems, node, path, _RULE_FIELDS[kind.value])
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
    reader: FieldReader,
    node: Located,
    path: str,
    shared: tuple[Day, ...],
    rules: dict[str, ProgressionRule],
    known: Collection[str] | None,
) -> Week:
    week = FieldReader(reader.problems, node, path, ("name", "deload", "load_percent", "days"))
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


def program_from_tree(
    root: Located,
    *,
    known_exercises: Collection[str] | None = None,
    found: Iterable[Problem] = (),
) -> Program:
    """Check a program document (docs/programs.md) and build the `Program`; raise ProgramFormatError
    listing every problem, by line and field.

    `root` is the document as read from text (`liftwell.data.program_text`) or `locate_plain(data)`.
    `found` are problems the text reader already met (a field given twice), reported with the rest.
    With `known_exercises`, every exercise slug must be one of them.
    """
    problems = list(found)
    reader = FieldReader(problems, root, "", _PROGRAM_FIELDS)
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
        raise ProgramFormatError(sorted_problems(problems))
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
