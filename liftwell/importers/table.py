"""A CSV export's header and data rows: the part every parser shares (docs/import-formats.md §1.1, §1.3).

`open_table` reads the header and refuses, as one problem on line 1, a file whose header is not the
app's. `Table.rows` gives each data row with the line it starts on, counts it, skips as a problem a row
whose field count is not the header's, and ends the file at a broken quote, keeping every row before.
What a row's cells mean is the parser's business.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from liftwell.importers import text as cells
from liftwell.importers.rows import ParsedFile


def _lower(name: str) -> str:
    return name.lower()


def open_table(
    text: str,
    parsed: ParsedFile,
    *,
    looks_like: Callable[[list[str]], bool],
    refusal: str,
    normalise: Callable[[str], str] = _lower,
) -> Table | None:
    """The table of `text`, or None (and the `refusal` problem in `parsed`) when `looks_like` refuses
    its header names, lower-cased or `normalise`d."""
    names = [normalise(name) for name in cells.header_names(cells.first_line(text))]
    if not looks_like(names):
        parsed.problem(1, "", refusal)
        return None
    return Table(text, parsed, names, {name: index for index, name in enumerate(names)})


@dataclass(slots=True)
class Table:
    text: str
    parsed: ParsedFile
    names: list[str]
    column: dict[str, int]  # header name to index; the last one wins where a name repeats
    repaired: int = 0  # rows `rows(repair=...)` made whole

    def cell(self, row: list[str], name: str | None) -> str:
        """The cell of column `name`, stripped; '' where the file has no such column."""
        if name is None or name not in self.column:
            return ""
        return row[self.column[name]].strip()

    def skip(self, line: int, error: Exception, column: str = "") -> None:
        """A row (or, with `column`, a cell) that cannot be read: named as a problem, left out."""
        self.parsed.problem(line, column, f"{error}; skipped")

    def rows(
        self,
        *,
        at_least: int | None = None,
        repair: Callable[[list[str]], list[str] | None] | None = None,
    ) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) of each data row with as many fields as the header; the others are problems.

        `at_least` also lets through shorter or longer rows with at least that many fields; `repair`
        gets a row with more fields than the header and returns it made whole, or None.
        """
        parsed = self.parsed
        width = len(self.names)
        try:
            for line, row in cells.records(self.text):
                parsed.data_rows += 1
                if len(row) != width and (at_least is None or len(row) < at_least):
                    fixed = repair(row) if repair is not None and len(row) > width else None
                    if fixed is None:
                        parsed.problem(
                            line, "", f"has {len(row)} fields where the header has {width}; skipped"
                        )
                        continue
                    row = fixed
                    self.repaired += 1
                yield line, row
        except Exception as error:  # csv.Error on a broken quote, or anything else: the file stops there
            parsed.problem(parsed.data_rows + 1, "", f"the file cannot be read past here ({error})")
