"""Every file format Liftwell imports, one entry each: a new source is a parser module and an entry here.

Detection (`detect.py`), the upload form, the `import` command, the workout's `source` choices, the
preview's labels and which writer takes the rows all read this list (docs/import-formats.md §3).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from liftwell.importers import fitbod, fitnotes, hevy, strong
from liftwell.importers.rows import ParsedFile


class Yields(enum.Enum):
    """What a format's rows become: sets of workouts, or body measurements."""

    SETS = "sets"
    MEASUREMENTS = "measurements"


@dataclass(frozen=True)
class ImportFormat:
    """One kind of file one app writes."""

    # The format's name: `--format`, the upload form's value, ParsedFile.format and PendingImport.format
    # (at most 20 characters).
    code: str
    # What the form and the preview call it.
    label: str
    # The app that writes it, as stored in Workout.source and the import records' source_app (at most 10
    # characters). It is part of every imported row's id, so it never changes once released.
    app: str
    # The app's name in sentences ("Imported from Hevy", "Strong, Hevy, FitNotes or Fitbod").
    app_name: str
    # What the file holds in the app's own words, for apps that write more than one kind of file.
    holds: str
    yields: Yields
    # The header names, lower-cased, to whether this app wrote them; tried in the order of FORMATS.
    looks_like: Callable[[list[str]], bool]
    # The whole text to rows and problems; never raises on a bad row.
    parse: Callable[[str], ParsedFile]
    # A shortest header the app writes: looks_like and the parser must accept it (tests/importers).
    example_header: str


@dataclass(frozen=True)
class SourceApp:
    code: str
    name: str


# In detection order: a format whose header is a special case of another's comes before it.
FORMATS: tuple[ImportFormat, ...] = (
    ImportFormat(
        code="strong",
        label="Strong",
        app="strong",
        app_name="Strong",
        holds="workouts",
        yields=Yields.SETS,
        looks_like=strong.looks_like_strong,
        parse=strong.parse_strong,
        example_header="Date,Workout Name,Exercise Name,Set Order",
    ),
    ImportFormat(
        code="hevy",
        label="Hevy workouts",
        app="hevy",
        app_name="Hevy",
        holds="workouts",
        yields=Yields.SETS,
        looks_like=hevy.looks_like_hevy,
        parse=hevy.parse_hevy,
        example_header="title,start_time,exercise_title,set_index",
    ),
    ImportFormat(
        code="hevy-measurements",
        label="Hevy measurements",
        app="hevy",
        app_name="Hevy",
        holds="measurements",
        yields=Yields.MEASUREMENTS,
        looks_like=hevy.looks_like_hevy_measurements,
        parse=hevy.parse_hevy_measurements,
        example_header="date,weight_kg",
    ),
    ImportFormat(
        code="fitnotes",
        label="FitNotes",
        app="fitnotes",
        app_name="FitNotes",
        holds="workouts",
        yields=Yields.SETS,
        looks_like=fitnotes.looks_like_fitnotes,
        parse=fitnotes.parse_fitnotes,
        example_header="Date,Exercise,Category",
    ),
    ImportFormat(
        code="fitnotes-body",
        label="FitNotes body tracker",
        app="fitnotes",
        app_name="FitNotes",
        holds="body tracker",
        yields=Yields.MEASUREMENTS,
        looks_like=fitnotes.looks_like_fitnotes_body,
        parse=fitnotes.parse_fitnotes_body,
        example_header="Date,Time,Measurement,Value,Unit",
    ),
    ImportFormat(
        code="fitbod",
        label="Fitbod",
        app="fitbod",
        app_name="Fitbod",
        holds="workouts",
        yields=Yields.SETS,
        looks_like=fitbod.looks_like_fitbod,
        parse=fitbod.parse_fitbod,
        example_header="Date,Exercise,Reps,isWarmup",
    ),
)
_BY_CODE = {entry.code: entry for entry in FORMATS}


def format_named(code: str) -> ImportFormat | None:
    """The format called `code`, or None ("auto", "unknown" or a name no entry has)."""
    return _BY_CODE.get(code)


def source_apps(formats: Sequence[ImportFormat] = FORMATS) -> list[SourceApp]:
    """The apps Liftwell imports from, once each, in the order of FORMATS."""
    apps: dict[str, SourceApp] = {}
    for entry in formats:
        apps.setdefault(entry.app, SourceApp(entry.app, entry.app_name))
    return list(apps.values())


def app_names(formats: Sequence[ImportFormat] = FORMATS, *, detailed: bool = False) -> str:
    """'Strong, Hevy, FitNotes or Fitbod'; with `detailed`, an app's several files are named too:
    'Hevy (workouts or measurements)'."""
    names = []
    for app in source_apps(formats):
        holds = [entry.holds for entry in formats if entry.app == app.code]
        names.append(f"{app.name} ({' or '.join(holds)})" if detailed and len(holds) > 1 else app.name)
    return f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else "".join(names)
