"""A `Program` back to plain data, in the shape of the program format (docs/programs.md).

`liftwell.data.program_text` writes this data as YAML; `liftwell.core.programs.parse` reads it back.
"""

from __future__ import annotations

from liftwell.core.programs.model import (
    Day,
    DoubleRule,
    Intensity,
    IntensityKind,
    LinearRule,
    Program,
    ProgressionRule,
    SetPrescription,
    Slot,
    WaveRule,
    Week,
)
from liftwell.core.programs.parse import FORMAT_VERSION


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


def program_to_data(program: Program) -> dict[str, object]:
    """The program as plain data (dicts, lists, text and numbers) that `program_from_tree` reads back,
    through `locate_plain` or a text format, to an equal `Program`.

    Keys come in the order a person would write them, and sets use the "3x5" shorthand where they can,
    so the text made from this data reads like a hand-written file.

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
    return out
