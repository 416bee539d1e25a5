"""The import-format registry: every entry is detected, parsed and named the way its fields say.

A new entry is checked here without a new test: its example header must reach it (no earlier entry
claims it), its parser must accept that header and report the entry's code, and its names must fit
the database columns (tests/web/imports/test_registry_wiring.py).
"""

from __future__ import annotations

import dataclasses

import pytest

from liftwell.importers.detect import detect, detect_format, parse_bytes
from liftwell.importers.registry import (
    FORMATS,
    ImportFormat,
    SourceApp,
    Yields,
    app_names,
    format_named,
    source_apps,
)


@pytest.mark.parametrize("entry", FORMATS, ids=lambda entry: entry.code)
def test_each_example_header_is_detected_as_its_own_format(entry: ImportFormat) -> None:
    assert detect(entry.example_header) is entry
    assert detect_format(entry.example_header.upper()) == entry.code  # names compare without case


@pytest.mark.parametrize("entry", FORMATS, ids=lambda entry: entry.code)
def test_each_parser_accepts_its_example_header_and_says_which_format_it_read(entry: ImportFormat) -> None:
    parsed = entry.parse(entry.example_header + "\n")
    assert (parsed.format, parsed.problems, parsed.data_rows) == (entry.code, [], 0)
    assert parse_bytes(entry.example_header.encode()).format == entry.code


@pytest.mark.parametrize("entry", FORMATS, ids=lambda entry: entry.code)
def test_each_parser_refuses_a_header_its_app_does_not_write(entry: ImportFormat) -> None:
    parsed = entry.parse("name,price\nwidget,3\n")
    assert parsed.format == entry.code and not parsed.sets and not parsed.measurements
    assert [(problem.line, problem.column) for problem in parsed.problems] == [(1, "")]
    assert parsed.problems[0].message.startswith("the header is not ")


def test_codes_are_unique_and_name_their_entry() -> None:
    codes = [entry.code for entry in FORMATS]
    assert len(set(codes)) == len(codes)
    for entry in FORMATS:
        assert format_named(entry.code) is entry
    for code in ("auto", "unknown", "liftwell", "", "Strong"):
        assert format_named(code) is None


def test_the_formats_as_they_were_before_the_registry() -> None:
    # The three tables and the if-chain that detect.py held, and the two sets of services.py and
    # measurements.py, written out: the registry must give exactly these, in this order.
    expected = [
        ("strong", "Strong", "strong", Yields.SETS),
        ("hevy", "Hevy workouts", "hevy", Yields.SETS),
        ("hevy-measurements", "Hevy measurements", "hevy", Yields.MEASUREMENTS),
        ("fitnotes", "FitNotes", "fitnotes", Yields.SETS),
        ("fitnotes-body", "FitNotes body tracker", "fitnotes", Yields.MEASUREMENTS),
        ("fitbod", "Fitbod", "fitbod", Yields.SETS),
    ]
    assert [(e.code, e.label, e.app, e.yields) for e in FORMATS] == expected
    assert source_apps() == [
        SourceApp("strong", "Strong"),
        SourceApp("hevy", "Hevy"),
        SourceApp("fitnotes", "FitNotes"),
        SourceApp("fitbod", "Fitbod"),
    ]


def test_app_names_as_the_pages_and_messages_wrote_them() -> None:
    assert app_names() == "Strong, Hevy, FitNotes or Fitbod"
    assert app_names(detailed=True) == (
        "Strong, Hevy (workouts or measurements), FitNotes (workouts or body tracker) or Fitbod"
    )


def _entry(code: str, app: str, holds: str = "workouts") -> ImportFormat:
    return dataclasses.replace(FORMATS[0], code=code, app=app, app_name=app.title(), holds=holds)


@pytest.mark.parametrize(
    ("formats", "plain", "detailed"),
    [
        ([], "", ""),
        ([_entry("a", "a")], "A", "A"),
        ([_entry("a", "a"), _entry("a2", "a", "notes")], "A", "A (workouts or notes)"),
        ([_entry("a", "a"), _entry("b", "b")], "A or B", "A or B"),
        ([_entry("a", "a"), _entry("b", "b"), _entry("c", "c")], "A, B or C", "A, B or C"),
    ],
)
def test_app_names_joins_one_two_and_more_apps(
    formats: list[ImportFormat], plain: str, detailed: str
) -> None:
    assert app_names(formats) == plain
    assert app_names(formats, detailed=True) == detailed
