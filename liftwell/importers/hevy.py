"""Hevy's `workout_data.csv` (kg and lb accounts) and `measurement_data.csv` (docs/import-formats.md §4.2).

Times look like "15 Sep 2025, 07:48" with the month in the app's language ("févr.", "mrt.", "мая"),
local and without a zone. Rows come newest workout first; a workout is its start time plus its title.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from liftwell.core.training import SetKind
from liftwell.importers import text as cells
from liftwell.importers.grouping import Blocks
from liftwell.importers.rows import MeasurementRow, ParsedFile, SetRow
from liftwell.importers.table import open_table

KINDS = {
    "normal": SetKind.WORKING,
    "warmup": SetKind.WARMUP,
    "failure": SetKind.FAILURE,
    "dropset": SetKind.DROP,
}

# Month abbreviations in en, fr, de, es, pt, it, nl and ru, compared without accents and case.
_MONTH_PREFIXES: dict[int, tuple[str, ...]] = {
    1: ("jan", "ene", "gen", "янв"),
    2: ("feb", "fev", "фев"),
    3: ("mar", "mrt", "мар"),
    4: ("apr", "avr", "abr", "апр"),
    5: ("may", "mai", "mei", "mag", "май", "мая"),
    6: ("jun", "juin", "giu", "июн"),
    7: ("jul", "juil", "lug", "июл"),
    8: ("aug", "aou", "ago", "авг"),
    9: ("sep", "set", "сен"),
    10: ("oct", "okt", "out", "ott", "окт"),
    11: ("nov", "ноя"),
    12: ("dec", "dez", "dic", "дек"),
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_PREFIXES = sorted(
    ((_fold(prefix), month) for month, prefixes in _MONTH_PREFIXES.items() for prefix in prefixes),
    key=lambda item: -len(item[0]),
)
_HEVY_TIME = re.compile(r"^\s*(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def month_number(word: str) -> int | None:
    folded = _fold(word).rstrip(".")
    for prefix, month in _PREFIXES:
        if folded.startswith(prefix):
            return month
    return None


def parse_time(text: str) -> datetime:
    """'15 Sep 2025, 07:48' in any of the supported languages, or ISO 'YYYY-MM-DD HH:MM[:SS]'."""
    cleaned = text.strip()
    match = _HEVY_TIME.match(cleaned)
    if match:
        day, word, year, hour, minute, second = match.groups()
        month = month_number(word)
        if month is None:
            raise ValueError(f"'{cleaned}': unknown month '{word}'")
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0))
    for pattern in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(cleaned, pattern)
        except ValueError:
            continue
    raise ValueError(f"'{cleaned}' is not a time like '15 Sep 2025, 07:48'")


def looks_like_hevy(names: list[str]) -> bool:
    lowered = set(names)
    return {"title", "start_time", "exercise_title", "set_index"} <= lowered


def looks_like_hevy_measurements(names: list[str]) -> bool:
    return (
        bool(names)
        and names[0] == "date"
        and any(n in names for n in ("weight_kg", "weight_lbs", "fat_percent"))
    )


def parse_hevy(text: str) -> ParsedFile:
    parsed = ParsedFile(format="hevy")
    table = open_table(
        text,
        parsed,
        looks_like=looks_like_hevy,
        refusal="the header is not Hevy's (title, start_time, exercise_title, set_index…)",
    )
    if table is None:
        return parsed
    column = table.column
    weight_name, unit = ("weight_lbs", "lb") if "weight_lbs" in column else ("weight_kg", "kg")
    distance_name, distance_unit = (
        ("distance_miles", "mi") if "distance_miles" in column else ("distance_km", "km")
    )
    blocks = Blocks()
    get = table.cell
    for line, row in table.rows():
        try:
            title = get(row, "title")
            started = parse_time(get(row, "start_time"))
            ended_text = get(row, "end_time")
            ended = parse_time(ended_text) if ended_text else None
            exercise = get(row, "exercise_title")
            if not exercise:
                raise ValueError("exercise_title is empty")
            index = cells.whole(get(row, "set_index"))
            set_type = get(row, "set_type").lower()
            kind = KINDS.get(set_type)
            if kind is None:
                parsed.problem(line, "set_type", f"unknown set type '{set_type}'; read as a working set")
                kind = SetKind.WORKING
            workout_key = f"{started:%Y-%m-%d %H:%M}|{title}"
            block, position = blocks.place(workout_key, exercise, index)
            load = cells.number(get(row, weight_name))
            reps = cells.whole(get(row, "reps"))
            rpe = cells.number(get(row, "rpe"))
            if rpe is not None and not 1 <= rpe <= 10:
                parsed.problem(line, "rpe", f"{rpe} is outside 1-10; left out")
                rpe = None
            if reps is not None and reps > 1000:
                parsed.problem(line, "reps", f"{reps} reps is more than 1000; left out")
                reps = None
            if load is not None and load < 0:
                parsed.problem(line, weight_name, f"{load} is negative; left out")
                load = None
            distance = cells.number(get(row, distance_name))
            superset = cells.whole(get(row, "superset_id"))
            parsed.sets.append(
                SetRow(
                    line=line,
                    workout_key=workout_key,
                    started_at=started,
                    ended_at=ended,
                    title=title,
                    exercise=exercise,
                    block=block,
                    position=position,
                    kind=kind,
                    load=load,
                    unit=unit if load is not None else None,
                    reps=reps,
                    rpe=rpe,
                    duration_s=cells.whole(get(row, "duration_seconds")) or None,
                    distance=distance or None,
                    distance_unit=distance_unit if distance else None,
                    exercise_notes=get(row, "exercise_notes"),
                    superset=superset if superset is not None and superset < 1000 else None,
                    workout_notes=get(row, "description"),
                )
            )
        except ValueError as error:
            table.skip(line, error)
    return parsed


def parse_hevy_measurements(text: str) -> ParsedFile:
    """Every filled cell becomes one measurement; the column suffix is its unit (weight_kg, waist_in)."""
    parsed = ParsedFile(format="hevy-measurements")
    table = open_table(
        text,
        parsed,
        looks_like=looks_like_hevy_measurements,
        refusal="the header is not Hevy's measurements (date, weight_kg, …)",
    )
    if table is None:
        return parsed
    names = table.names
    units = {"kg": "kg", "lbs": "lb", "lb": "lb", "in": "in", "cm": "cm", "percent": "%"}
    for line, row in table.rows():
        try:
            measured = parse_time(row[0])
        except ValueError as error:
            table.skip(line, error, "date")
            continue
        for name, value in zip(names[1:], row[1:], strict=True):
            stem, _, suffix = name.rpartition("_")
            try:
                amount = cells.number(value)
            except ValueError as error:
                parsed.problem(line, name, str(error))
                continue
            if amount is not None:
                parsed.measurements.append(
                    MeasurementRow(line, measured, stem or name, amount, units.get(suffix, suffix))
                )
    return parsed
