"""Programs in words for the pages: sets ("3 x 8-12"), rules, loads in the person's unit, week tables."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from liftwell.core.programs.model import (
    Day,
    DoubleRule,
    LinearRule,
    Program,
    ProgressionRule,
    SetPrescription,
    WaveRule,
)
from liftwell.core.programs.progression import SetTarget
from liftwell.core.units import from_kg


def load_text(load_kg: float | None, unit: str) -> str:
    return "" if load_kg is None else f"{from_kg(Decimal(str(load_kg)), unit)} {unit}"


def load_value(load_kg: float | None, unit: str) -> str:
    return "" if load_kg is None else str(from_kg(Decimal(str(load_kg)), unit))


def _one_set(prescription: SetPrescription) -> str:
    if prescription.seconds is not None:
        amount = f"{prescription.seconds} s"
    elif prescription.reps_min == prescription.reps_max:
        amount = f"{prescription.reps_min}"
    else:
        amount = f"{prescription.reps_min}-{prescription.reps_max}"
    return amount + ("+" if prescription.amrap else "")


def _intensity(prescription: SetPrescription) -> str:
    return prescription.intensity.label if prescription.intensity else ""


def sets_text(sets: tuple[SetPrescription, ...]) -> str:
    """ "3 x 5", "3 x 8-12 at RPE 8", or each set when they differ: "5 @ 65% TM, 5 @ 75% TM, 5+ @ 85% TM"."""
    if all(s == sets[0] for s in sets):
        extra = _intensity(sets[0])
        return f"{len(sets)} x {_one_set(sets[0])}" + (f" at {extra}" if extra else "")
    parts = []
    for prescription in sets:
        extra = _intensity(prescription)
        parts.append(_one_set(prescription) + (f" @ {extra}" if extra else ""))
    return ", ".join(parts)


def rule_text(rule: ProgressionRule | None) -> str:
    if rule is None:
        return ""
    if isinstance(rule, LinearRule):
        return (
            f"+{rule.increment_kg:g} kg each completed session; -{rule.deload_percent:g}% after "
            f"{rule.failures_before_deload} misses in a row"
        )
    if isinstance(rule, DoubleRule):
        if rule.increment_kg == 0:
            return "add reps; at the top, a harder variation"
        return f"add reps, then +{rule.increment_kg:g} kg"
    if isinstance(rule, WaveRule):
        return f"% of training max; +{rule.tm_increment_kg:g} kg a cycle"
    return "load from your e1RM and the RPE"


def target_text(target: SetTarget) -> str:
    if target.seconds is not None:
        return f"{target.seconds} s"
    reps = f"{target.reps}"
    if target.reps_min != target.reps_max:
        reps += f" (of {target.reps_min}-{target.reps_max})"
    return reps + ("+" if target.amrap else "")


@dataclass(frozen=True)
class WeekBlock:
    title: str
    days: tuple[Day, ...]


def week_blocks(program: Program) -> list[WeekBlock]:
    """Each distinct run of weeks once: "Every week" when all share their days, else week by week."""
    first = program.weeks[0].days
    if all(week.days == first for week in program.weeks):
        return [WeekBlock("Every week" if len(program.weeks) > 1 else "Each week", first)]
    return [
        WeekBlock(week.name or f"Week {index + 1}", week.days) for index, week in enumerate(program.weeks)
    ]


def deload_notes(program: Program) -> list[str]:
    notes = []
    for index, week in enumerate(program.weeks):
        if week.deload:
            name = week.name or f"Week {index + 1}"
            scale = f": loads at {week.load_percent:g}%" if week.load_percent != 100 else ""
            notes.append(f"{name} is a deload week{scale}; nothing progresses that week.")
    return notes
