"""FitNotes (Android) exports and its body tracker (docs/import-formats.md §4.3).

A workout is a date (no time, no name, no set number: sets are in row order). The unit is in the
header (`Weight (lbs)`) or in a `Weight Unit` column (`kgs`/`lbs`). Exercise names containing commas
are written unquoted, so such rows have extra fields: they are joined back into the name.
"""

from __future__ import annotations

from datetime import datetime

from liftwell.importers import text as cells
from liftwell.importers.grouping import Blocks
from liftwell.importers.rows import MeasurementRow, ParsedFile, SetRow
from liftwell.importers.table import open_table

WEIGHT_COLUMNS = {
    "weight (lbs)": "lb",
    "weight (kgs)": "kg",
    "weight (kg)": "kg",
    "weight (lb)": "lb",
    "weight": None,
}


def looks_like_fitnotes(names: list[str]) -> bool:
    return len(names) >= 3 and names[:3] == ["date", "exercise", "category"]


def looks_like_fitnotes_body(names: list[str]) -> bool:
    return names[:5] == ["date", "time", "measurement", "value", "unit"]


def _date(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d")
    except ValueError:
        raise ValueError(f"'{text.strip()}' is not a date like 2024-05-01") from None


def _repair(row: list[str], width: int, weight_index: int) -> list[str] | None:
    """Join surplus fields back into the exercise name (column 1) when that makes the row whole."""
    extra = len(row) - width
    candidate = [row[0], ",".join(row[1 : 2 + extra]), *row[2 + extra :]]
    try:
        cells.number(candidate[weight_index])
    except ValueError:
        return None
    return candidate


def parse_fitnotes(text: str) -> ParsedFile:
    parsed = ParsedFile(format="fitnotes")
    table = open_table(
        text,
        parsed,
        looks_like=looks_like_fitnotes,
        refusal="the header is not FitNotes' (Date, Exercise, Category, …)",
    )
    if table is None:
        return parsed
    names, column = table.names, table.column
    weight_name = next((name for name in names if name in WEIGHT_COLUMNS), None)
    file_unit = WEIGHT_COLUMNS[weight_name] if weight_name else None
    blocks = Blocks()
    get = table.cell
    weight_at = column[weight_name] if weight_name is not None else None

    def repair(row: list[str]) -> list[str] | None:
        return _repair(row, len(names), weight_at) if weight_at is not None else None

    for line, row in table.rows(repair=repair):
        try:
            day = _date(get(row, "date"))
            exercise = get(row, "exercise")
            if not exercise:
                raise ValueError("Exercise is empty")
            workout_key = f"{day:%Y-%m-%d}"
            block, position = blocks.place(workout_key, exercise, None)
            unit = cells.weight_unit(get(row, "weight unit")) if "weight unit" in column else file_unit
            load = cells.number(get(row, weight_name))
            reps = cells.whole(get(row, "reps"))
            if reps is not None and reps > 1000:
                parsed.problem(line, "Reps", f"{reps} reps is more than 1000; left out")
                reps = None
            if load is not None and load < 0:
                parsed.problem(line, "Weight", f"{load} is negative; left out")
                load = None
            distance = cells.number(get(row, "distance"))
            parsed.sets.append(
                SetRow(
                    line=line,
                    workout_key=workout_key,
                    started_at=day,
                    title="",
                    exercise=exercise,
                    block=block,
                    position=position,
                    load=load if load else None,
                    unit=unit if load else None,
                    reps=reps or None,
                    duration_s=cells.duration(get(row, "time")) or None,
                    distance=distance or None,
                    distance_unit=cells.distance_unit(get(row, "distance unit")) if distance else None,
                    notes=get(row, "comment"),
                )
            )
            if load and unit is None:
                parsed.needs_unit = True
        except ValueError as error:
            table.skip(line, error)
    if table.repaired:
        parsed.pseudo_rows["repaired (unquoted commas in the exercise name)"] = table.repaired
    if parsed.needs_unit:
        parsed.unit_guess = cells.guess_unit(row.load for row in parsed.sets if row.load and row.unit is None)
    return parsed


def parse_fitnotes_body(text: str) -> ParsedFile:
    parsed = ParsedFile(format="fitnotes-body")
    table = open_table(
        text,
        parsed,
        looks_like=looks_like_fitnotes_body,
        refusal="the header is not FitNotes' body tracker (Date, Time, Measurement, Value, Unit)",
    )
    if table is None:
        return parsed
    for line, row in table.rows(at_least=5):
        try:
            moment = datetime.strptime(f"{row[0].strip()} {row[1].strip()}", "%Y-%m-%d %H:%M:%S")
            value = cells.number(row[3])
            if value is None:
                raise ValueError("Value is empty")
            unit = cells.weight_unit(row[4]) or row[4].strip()
            parsed.measurements.append(MeasurementRow(line, moment, row[2].strip(), value, unit))
        except ValueError as error:
            table.skip(line, error)
    return parsed
