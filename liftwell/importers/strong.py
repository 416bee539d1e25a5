"""Strong's CSV exports, every variant seen in real files (see EXPORT_FORMATS.md, 4.1).

S0 (2016: `kg`/`km` in the header, set order from 0), S1/S2/A (10, 11, 12 columns, no unit at all),
B (semicolons, `Weight Unit` and `Distance Unit` columns) and C (2024+: `Workout #`, every field quoted,
`Weight (kg)`, and `W`/`D`/`F` set orders plus `Rest Timer` and `Note` rows that are not sets).
"""

from __future__ import annotations

import dataclasses
import functools
from datetime import datetime

from liftwell.importers import text as cells
from liftwell.importers.grouping import Blocks
from liftwell.importers.rows import Kind, ParsedFile, SetRow

KINDS = {"w": Kind.WARMUP, "d": Kind.DROP, "f": Kind.FAILURE}
WEIGHT_COLUMNS = {
    "weight": None,
    "kg": "kg",
    "lbs": "lb",
    "lb": "lb",
    "weight (kg)": "kg",
    "weight (kgs)": "kg",
    "weight (lbs)": "lb",
    "weight (lb)": "lb",
}
DISTANCE_COLUMNS = {
    "distance": None,
    "km": "km",
    "miles": "mi",
    "mi": "mi",
    "distance (meters)": "m",
    "distance (m)": "m",
    "distance (km)": "km",
    "distance (miles)": "mi",
}
REQUIRED = ("date", "workout name", "exercise name", "set order")
USED = (
    *REQUIRED,
    "weight unit",
    "distance unit",
    "reps",
    "seconds",
    "rpe",
    "notes",
    "workout notes",
    "duration (sec)",
    "duration",
    "workout duration",
)


def looks_like_strong(names: list[str]) -> bool:
    lowered = {name.lower() for name in names}
    return all(name in lowered for name in REQUIRED)


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> datetime:
    """'2024-05-01 18:30:00' (every row of a workout repeats it, hence the cache)."""
    cleaned = text.strip()
    if len(cleaned) == 19 and cleaned[10] == " " and cleaned[4] == "-":
        try:
            return datetime.fromisoformat(cleaned)
        except ValueError:
            pass
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    raise ValueError(f"'{cleaned}' is not a date like 2024-05-01 18:30:00")


def parse_strong(text: str) -> ParsedFile:
    """Every set row becomes one SetRow; Rest Timer and Note rows fold into the sets around them."""
    parsed = ParsedFile(format="strong")
    names = [name.lower() for name in cells.header_names(cells.first_line(text))]
    if not looks_like_strong(names):
        parsed.problem(1, "", "the header is not Strong's (Date, Workout Name, Exercise Name, Set Order…)")
        return parsed
    column = {name: index for index, name in enumerate(names)}
    weight_name = next((name for name in names if name in WEIGHT_COLUMNS), None)
    distance_name = next((name for name in names if name in DISTANCE_COLUMNS), None)
    file_unit = WEIGHT_COLUMNS[weight_name] if weight_name else None
    file_distance = DISTANCE_COLUMNS[distance_name] if distance_name else None
    duration_name = next(
        (name for name in ("duration (sec)", "duration", "workout duration") if name in column), None
    )
    blocks = Blocks()
    pending_notes: dict[tuple[str, int], list[str]] = {}
    rows = parsed.sets

    # Every name get() may ask for, to its index; -1 (the empty cell appended to each row) if absent.
    at: dict[str | None, int] = {name: column.get(name, -1) for name in USED}
    at.update(
        {weight_name: column.get(weight_name or "", -1), distance_name: column.get(distance_name or "", -1)}
    )
    at[None] = -1

    def get(row: list[str], name: str | None) -> str:
        return row[at[name]].strip()

    try:
        for line, row in cells.records(text):
            parsed.data_rows += 1
            if len(row) != len(names):
                parsed.problem(line, "", f"has {len(row)} fields where the header has {len(names)}; skipped")
                continue
            row.append("")
            try:
                date_text = get(row, "date")
                started = parse_date(date_text)
                title = get(row, "workout name")
                exercise = get(row, "exercise name")
                if not exercise:
                    raise ValueError("Exercise Name is empty")
                workout_key = f"{date_text}|{title}"
                order_text = get(row, "set order")
                lowered = order_text.lower()
                if lowered in {"rest timer", "note"}:
                    block, _ = blocks.place(workout_key, exercise, None, is_set=False)
                    kind_name = "rest timer" if lowered == "rest timer" else "note"
                    parsed.pseudo_rows[kind_name] = parsed.pseudo_rows.get(kind_name, 0) + 1
                    if lowered == "note":
                        note = get(row, "notes")
                        if note:
                            pending_notes.setdefault((workout_key, block), []).append(note)
                    else:
                        rest = cells.duration(get(row, "seconds"))
                        last = rows[-1] if rows else None
                        if (
                            rest is not None
                            and last is not None
                            and last.workout_key == workout_key
                            and last.block == block
                        ):
                            rows[-1] = dataclasses.replace(last, rest_s=rest)
                    continue
                kind = KINDS.get(lowered, Kind.WORKING)
                order = None if lowered in KINDS else cells.whole(order_text)
                block, position = blocks.place(workout_key, exercise, order)
                unit = cells.weight_unit(get(row, "weight unit")) if "weight unit" in column else file_unit
                distance_unit = (
                    cells.distance_unit(get(row, "distance unit"))
                    if "distance unit" in column
                    else file_distance
                )
                load = cells.number(get(row, weight_name))
                reps = cells.whole(get(row, "reps"))
                seconds = cells.duration(get(row, "seconds"))
                distance = cells.number(get(row, distance_name))
                rpe = cells.number(get(row, "rpe"))
                if rpe is not None and not 1 <= rpe <= 10:
                    parsed.problem(line, "RPE", f"{rpe} is outside 1-10; left out")
                    rpe = None
                if reps is not None and reps > 1000:
                    parsed.problem(line, "Reps", f"{reps} reps is more than 1000; left out")
                    reps = None
                if load is not None and load < 0:
                    parsed.problem(line, "Weight", f"{load} is negative; left out")
                    load = None
                note = get(row, "notes")
                rows.append(
                    SetRow(
                        line=line,
                        workout_key=workout_key,
                        started_at=started,
                        title=title,
                        exercise=exercise,
                        block=block,
                        position=position,
                        kind=kind,
                        load=load if load else None,
                        unit=unit if load else None,
                        reps=reps or None,
                        rpe=rpe,
                        duration_s=seconds or None,
                        distance=distance if distance else None,
                        distance_unit=distance_unit if distance else None,
                        notes=note,
                        workout_notes=get(row, "workout notes"),
                        workout_duration_s=cells.duration(get(row, duration_name)) if duration_name else None,
                    )
                )
                if load and unit is None:
                    parsed.needs_unit = True
            except ValueError as error:
                parsed.problem(line, "", f"{error}; skipped")
    except Exception as error:  # csv.Error on a broken quote, or anything else: the file stops there
        parsed.problem(parsed.data_rows + 1, "", f"the file cannot be read past here ({error})")
    if pending_notes:
        for index, set_row in enumerate(rows):
            notes = pending_notes.get((set_row.workout_key, set_row.block))
            if notes:
                rows[index] = dataclasses.replace(set_row, exercise_notes="\n".join(notes))
    if parsed.needs_unit:
        parsed.unit_guess = cells.guess_unit(r.load for r in rows if r.load and r.unit is None)
    return parsed
