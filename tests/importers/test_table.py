"""The table every parser reads through: its header check, field counts, line numbers and a broken file.

The messages are the ones docs/import-formats.md §1.3 describes and every parser gave before the table
was shared; each case below sits on one side of a boundary (a field fewer, as many, a field more).
"""

from __future__ import annotations

import pytest

from liftwell.importers.result import Problem
from liftwell.importers.rows import ParsedFile
from liftwell.importers.table import Table, open_table


def _has_a_and_b(names: list[str]) -> bool:
    return {"a", "b"} <= set(names)


def _table(text: str) -> tuple[Table, ParsedFile]:
    parsed = ParsedFile(format="test")
    table = open_table(text, parsed, looks_like=_has_a_and_b, refusal="not ours")
    assert table is not None
    return table, parsed


def test_a_header_the_app_does_not_write_is_one_problem_on_line_1() -> None:
    parsed = ParsedFile(format="test")
    assert open_table("a,c\n1,2\n", parsed, looks_like=_has_a_and_b, refusal="not ours") is None
    assert parsed.problems == [Problem(1, "", "not ours")] and parsed.data_rows == 0


def test_header_names_are_lower_cased_or_normalised_as_the_parser_asks() -> None:
    table, _ = _table(" A ;B;Weight (kg)\n")
    assert table.names == ["a", "b", "weight (kg)"] and table.column == {"a": 0, "b": 1, "weight (kg)": 2}
    parsed = ParsedFile(format="test")
    squeezed = open_table(
        "A,B,is Warmup\n",
        parsed,
        looks_like=_has_a_and_b,
        refusal="",
        normalise=lambda n: n.lower().replace(" ", ""),
    )
    assert squeezed is not None and squeezed.names == ["a", "b", "iswarmup"]


@pytest.mark.parametrize(
    ("row", "kept", "problem"),
    [
        ("1,2", False, "has 2 fields where the header has 3; skipped"),  # a field fewer
        ("1,2,3", True, None),  # as many
        ("1,2,3,4", False, "has 4 fields where the header has 3; skipped"),  # a field more
    ],
)
def test_a_row_needs_as_many_fields_as_the_header(row: str, kept: bool, problem: str | None) -> None:
    table, parsed = _table(f"a,b,c\n{row}\n")
    assert [line for line, _ in table.rows()] == ([2] if kept else [])
    assert parsed.data_rows == 1
    assert parsed.problems == ([Problem(2, "", problem)] if problem else [])


@pytest.mark.parametrize(
    ("row", "kept"),
    [("1,2,3", False), ("1,2,3,4", True), ("1,2,3,4,5", True), ("1,2,3,4,5,6,7", True)],
)
def test_at_least_lets_through_rows_with_that_many_fields(row: str, kept: bool) -> None:
    table, parsed = _table(f"a,b,c,d,e\n{row}\n")
    assert [cells for _, cells in table.rows(at_least=4)] == ([row.split(",")] if kept else [])
    # The message names the header's width, as FitNotes' body tracker always did.
    expected = [] if kept else [Problem(2, "", "has 3 fields where the header has 5; skipped")]
    assert parsed.problems == expected


def test_repair_is_asked_only_about_longer_rows_and_counts_what_it_mends() -> None:
    asked: list[list[str]] = []

    def join_the_middle(row: list[str]) -> list[str] | None:
        asked.append(row)
        return [row[0], ",".join(row[1:-1]), row[-1]] if row[-1].isdigit() else None

    table, parsed = _table("a,b,c\n1,x,y,2\n1,x,y,z\n1,2\n1,x,3\n")
    assert [(line, cells) for line, cells in table.rows(repair=join_the_middle)] == [
        (2, ["1", "x,y", "2"]),
        (5, ["1", "x", "3"]),
    ]
    assert asked == [["1", "x", "y", "2"], ["1", "x", "y", "z"]]  # never the short row nor a whole one
    assert table.repaired == 1 and parsed.data_rows == 4
    assert [str(problem) for problem in parsed.problems] == [
        "line 3: has 4 fields where the header has 3; skipped",
        "line 4: has 2 fields where the header has 3; skipped",
    ]


def test_rows_keep_the_line_they_start_on_and_blank_lines_are_not_rows() -> None:
    table, parsed = _table('a,b\n1,"two\nlines"\n\n3,4\n')
    assert [line for line, _ in table.rows()] == [2, 5]
    assert parsed.data_rows == 2


def test_a_broken_file_ends_where_it_breaks_and_keeps_the_rows_before() -> None:
    too_long = "z" * 140_000  # longer than csv's field limit: the reader gives up there
    table, parsed = _table(f'a,b\n1,2\n3,"{too_long}"\n5,6\n')
    assert [cells for _, cells in table.rows()] == [["1", "2"]]
    assert [(problem.line, problem.column) for problem in parsed.problems] == [(2, "")]
    assert parsed.problems[0].message.startswith("the file cannot be read past here (field larger than")


def test_cell_reads_a_column_by_name_and_is_empty_where_the_file_has_none() -> None:
    table, _ = _table("a,b\n")
    row = [" 1 ", "two "]
    assert [table.cell(row, "a"), table.cell(row, "b"), table.cell(row, "c"), table.cell(row, None)] == [
        "1",
        "two",
        "",
        "",
    ]


def test_skip_names_the_row_or_cell_and_says_it_was_left_out() -> None:
    table, parsed = _table("a,b\n")
    table.skip(7, ValueError("'x' is not a number"))
    table.skip(8, ValueError("bad date"), "date")
    assert parsed.problems == [
        Problem(7, "", "'x' is not a number; skipped"),
        Problem(8, "date", "bad date; skipped"),
    ]
