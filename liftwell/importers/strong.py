"""Strong's CSV exports, every variant seen in real files (see docs/import-formats.md §4.1).

S0 (2016: `kg`/`km` in the header, set order from 0), S1/S2/A (10, 11, 12 columns, no unit at all),
B (semicolons, `Weight Unit` and `Distance Unit` columns) and C (2024+: `Workout #`, every field quoted,
`Weight (kg)`, and `W`/`D`/`F` set orders plus `Rest Timer` and `Note` rows that are not sets).
"""

from __future__ import annotations

import functools
from datetime import datetime

from liftwell.core.training import SetKind
from liftwell.importers import text as cells
from liftwell.importers.grouping import Blocks
from liftwell.importers.rows import ParsedFile, SetRow
from liftwell.importers.table import open_table

KINDS = {"w": SetKind.WARMUP, "d": SetKind.DROP, "f": SetKind.FAILURE}
# Rows that are not sets, by their Set Order (lowercased), to the name the preview counts them under.
PSEUDO_ROWS = {"rest timer": "rest timer", "note": "note"}
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
    table = open_table(
        text,
        parsed,
        looks_like=looks_like_strong,
        refusal="the header is not Strong's (Date, Workout Name, Exercise Name, Set Order…)",
    )
    if table is None:
        return parsed
    names, column = table.names, table.column
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

    # Column indexes, read once; -1 (the empty cell appended to each row) where a column is absent.
    at = {name: column.get(name, -1) for name in USED}
    date_at, title_at, exercise_at, order_at = (at[name] for name in REQUIRED)
    reps_at, seconds_at, rpe_at, notes_at = at["reps"], at["seconds"], at["rpe"], at["notes"]
    workout_notes_at = at["workout notes"]
    weight_at = column.get(weight_name or "", -1)
    distance_at = column.get(distance_name or "", -1)
    duration_at = column[duration_name] if duration_name else -1
    unit_at = column.get("weight unit")
    distance_unit_at = column.get("distance unit")
    number, whole, duration = cells.number, cells.whole, cells.duration

    # The hot loop of a 100,000-set import: indexes instead of lookups by name, and cells that are
    # empty (most RPE, distance and note cells) skip the converters.
    for line, row in table.rows():
        row.append("")
        try:
            date_text = row[date_at].strip()
            started = parse_date(date_text)
            title = row[title_at].strip()
            exercise = row[exercise_at].strip()
            if not exercise:
                raise ValueError("Exercise Name is empty")
            workout_key = f"{date_text}|{title}"
            order_text = row[order_at].strip()
            lowered = order_text.lower()
            if lowered in PSEUDO_ROWS:
                block, _ = blocks.place(workout_key, exercise, None, is_set=False)
                kind_name = PSEUDO_ROWS[lowered]
                parsed.pseudo_rows[kind_name] = parsed.pseudo_rows.get(kind_name, 0) + 1
                if kind_name == "note":
                    note = row[notes_at].strip()
                    if note:
                        pending_notes.setdefault((workout_key, block), []).append(note)
                else:
                    rest = duration(row[seconds_at].strip())
                    last = rows[-1] if rows else None
                    if (
                        rest is not None
                        and last is not None
                        and last.workout_key == workout_key
                        and last.block == block
                    ):
                        last.rest_s = rest  # a row this loop made and still owns
                continue
            kind = KINDS.get(lowered, SetKind.WORKING)
            order = None if lowered in KINDS else whole(order_text)
            block, position = blocks.place(workout_key, exercise, order)
            unit = cells.weight_unit(row[unit_at]) if unit_at is not None else file_unit
            distance_unit = file_distance
            if distance_unit_at is not None:
                distance_unit = cells.distance_unit(row[distance_unit_at])
            text_cell = row[weight_at].strip()
            load = number(text_cell) if text_cell else None
            text_cell = row[reps_at].strip()
            reps = whole(text_cell) if text_cell else None
            text_cell = row[seconds_at].strip()
            seconds = duration(text_cell) if text_cell else None
            text_cell = row[distance_at].strip()
            distance = number(text_cell) if text_cell else None
            text_cell = row[rpe_at].strip()
            rpe = number(text_cell) if text_cell else None
            if rpe is not None and not 1 <= rpe <= 10:
                parsed.problem(line, "RPE", f"{rpe} is outside 1-10; left out")
                rpe = None
            if reps is not None and reps > 1000:
                parsed.problem(line, "Reps", f"{reps} reps is more than 1000; left out")
                reps = None
            if load is not None and load < 0:
                parsed.problem(line, "Weight", f"{load} is negative; left out")
                load = None
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
                    notes=row[notes_at].strip(),
                    workout_notes=row[workout_notes_at].strip(),
                    workout_duration_s=duration(row[duration_at].strip()),
                )
            )
            if load and unit is None:
                parsed.needs_unit = True
        except ValueError as error:
            table.skip(line, error)
    if pending_notes:
        for index, set_row in enumerate(rows):
            notes = pending_notes.get((set_row.workout_key, set_row.block))
            if notes:
                rows[index].exercise_notes = "\n".join(notes)
    if parsed.needs_unit:
        parsed.unit_guess = cells.guess_unit(r.load for r in rows if r.load and r.unit is None)
    return parsed
