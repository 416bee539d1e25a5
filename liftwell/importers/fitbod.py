"""Fitbod's `WorkoutExport.csv` (iOS; docs/import-formats.md §4.5).

Times carry an offset (`2022-01-05 22:06:49 +0000`) and every set of a session shares it, so that
string is the workout's identity. Loads are kilograms converted from what was typed: a load that is
a quarter-pound step within 0.5 g (7.937875… kg = 17.5 lb) is read back as the pounds typed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from liftwell.core.training import SetKind
from liftwell.importers import text as cells
from liftwell.importers.grouping import Blocks
from liftwell.importers.rows import ParsedFile, SetRow
from liftwell.importers.table import open_table

KG_PER_LB = Decimal("0.45359237")


def _name(header: str) -> str:
    """Fitbod's header names compare lower-cased and without spaces ("Weight(kg)", "isWarmup")."""
    return header.lower().replace(" ", "")


def looks_like_fitbod(names: list[str]) -> bool:
    lowered = {name.replace(" ", "") for name in names}
    return {"date", "exercise", "reps", "iswarmup"} <= lowered


def typed_load(kg: Decimal) -> tuple[Decimal, str]:
    """The load as the person typed it: whole or quarter pounds, else kilograms to the gram."""
    pounds = kg / KG_PER_LB
    quarter = (pounds * 4).to_integral_value() / 4
    if abs(pounds - quarter) * KG_PER_LB < Decimal("0.0005"):
        kg_step = (kg * 4).to_integral_value() / 4
        # A load that is also a quarter-kilogram step was typed in kilograms.
        if abs(kg - kg_step) < Decimal("0.0005"):
            return kg_step.normalize(), "kg"
        return quarter.normalize(), "lb"
    return kg.quantize(Decimal("0.001")).normalize(), "kg"


def parse_fitbod(text: str) -> ParsedFile:
    parsed = ParsedFile(format="fitbod", needs_time_zone=False)
    table = open_table(
        text,
        parsed,
        looks_like=looks_like_fitbod,
        refusal="the header is not Fitbod's (Date, Exercise, Reps, Weight(kg), …, isWarmup)",
        normalise=_name,
    )
    if table is None:
        return parsed
    weight_name = next((name for name in table.names if name.startswith("weight")), None)
    blocks = Blocks()
    get = table.cell
    for line, row in table.rows():
        try:
            raw_date = get(row, "date")
            try:
                started = datetime.strptime(raw_date, "%Y-%m-%d %H:%M:%S %z")
            except ValueError:
                raise ValueError(f"'{raw_date}' is not a time like 2022-01-05 22:06:49 +0000") from None
            exercise = get(row, "exercise")
            if not exercise:
                raise ValueError("Exercise is empty")
            block, position = blocks.place(raw_date, exercise, None)
            kg = cells.number(get(row, weight_name))
            if kg is not None and kg < 0:
                parsed.problem(line, "Weight(kg)", f"{kg} is negative; left out")
                kg = None
            load, unit = typed_load(kg) if kg else (None, None)
            reps = cells.whole(get(row, "reps"))
            if reps is not None and reps > 1000:
                parsed.problem(line, "Reps", f"{reps} reps is more than 1000; left out")
                reps = None
            seconds = cells.number(get(row, "duration(s)"))
            distance = cells.number(get(row, "distance(m)"))
            parsed.sets.append(
                SetRow(
                    line=line,
                    workout_key=raw_date,
                    started_at=started,
                    title="",
                    exercise=exercise,
                    block=block,
                    position=position,
                    kind=SetKind.WARMUP if get(row, "iswarmup").lower() == "true" else SetKind.WORKING,
                    load=load,
                    unit=unit,
                    reps=reps or None,
                    duration_s=int(seconds) if seconds and seconds > 0 else None,
                    distance=distance if distance and distance > 0 else None,
                    distance_unit="m" if distance and distance > 0 else None,
                    notes=get(row, "note"),
                )
            )
        except (ValueError, ArithmeticError) as error:
            table.skip(line, error)
    return parsed
