"""Reading big files lean: lines without a copy of the text (exactly io.StringIO's), collector paused."""

from __future__ import annotations

import csv
import gc
import io

from hypothesis import given
from hypothesis import strategies as st

from liftwell.importers.detect import collector_paused, parse_bytes
from liftwell.importers.text import lines, records

ENDINGS = ["a\r\nb\rc\nd", "x\r", "\r\r\n", "", "a\n\n", "a\r\r", "\n", 'q;"two\r\nlines";z\r\n1;2;3']


def _stringio_lines(text: str) -> list[str]:
    return list(io.StringIO(text, newline=""))


def test_lines_split_every_ending_as_stringio_does() -> None:
    for text in ENDINGS:
        assert list(lines(text)) == _stringio_lines(text), text
    assert list(lines("a\r\nb\rc")) == ["a\r\n", "b\r", "c"]


@given(st.text(alphabet=st.sampled_from(["a", ";", '"', "\r", "\n", "\u2028", "\x0c", "é"]), max_size=60))
def test_csv_reads_the_same_records_from_lines_as_from_stringio(text: str) -> None:
    assert list(lines(text)) == _stringio_lines(text)

    def read(source: object) -> list[list[str]] | str:
        try:
            return list(csv.reader(source, delimiter=";"))  # type: ignore[call-overload]
        except csv.Error as error:
            return str(error)

    assert read(lines(text)) == read(io.StringIO(text, newline=""))


def test_a_quoted_cell_may_span_lines_and_keeps_its_line_number() -> None:
    text = 'h1;h2\r\n1;"a\r\nb"\r\n2;c\r\n'
    assert list(records(text)) == [(2, ["1", "a\r\nb"]), (4, ["2", "c"])]


def test_parsing_pauses_the_cycle_collector_and_puts_it_back() -> None:
    seen: list[bool] = []
    original = gc.isenabled()
    try:
        gc.enable()
        with collector_paused():
            seen.append(gc.isenabled())
            with collector_paused():
                pass
            seen.append(gc.isenabled())  # the inner pause does not switch it back on early
        seen.append(gc.isenabled())
        gc.disable()
        parse_bytes(b"Date,Workout Name,Exercise Name,Set Order\n")
        seen.append(gc.isenabled())  # left off when it was off
    finally:
        (gc.enable if original else gc.disable)()
    assert seen == [False, False, True, False]
