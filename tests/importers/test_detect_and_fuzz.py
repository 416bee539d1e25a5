"""Format detection, hopeless files, and hypothesis: no input makes a parser raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from liftwell.importers.detect import detect_format, parse_bytes
from liftwell.importers.registry import FORMATS
from tests.importers.test_fitnotes_fitbod import FITBOD, LEGACY, UNIT_COLUMN
from tests.importers.test_hevy import KG
from tests.importers.test_strong import S0, S2, VARIANT_B, VARIANT_C

SAMPLES = [S0, S2, VARIANT_B, VARIANT_C, KG, LEGACY, UNIT_COLUMN, FITBOD]


def test_it_detects_each_format_from_the_header() -> None:
    found = [detect_format(text.split("\n", 1)[0]) for text in SAMPLES]
    assert found == ["strong", "strong", "strong", "strong", "hevy", "fitnotes", "fitnotes", "fitbod"]
    assert detect_format("Date,Time,Measurement,Value,Unit") == "fitnotes-body"
    assert detect_format('"date","weight_kg","fat_percent"') == "hevy-measurements"
    assert detect_format("a,b,c") is None


def test_hopeless_files_are_named_not_raised() -> None:
    assert "binary" in parse_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20).problems[0].message
    assert "empty" in parse_bytes(b"").problems[0].message
    other = parse_bytes(b"name,price\nwidget,3\n")
    assert other.format == "unknown"
    assert other.problems[0].message == (
        "not an export Liftwell knows (Strong, Hevy, FitNotes or Fitbod); its first line is 'name,price'"
    )


def test_a_truncated_file_keeps_what_it_read() -> None:
    text = VARIANT_C[: VARIANT_C.rindex('"Running')] + '"Runn'
    parsed = parse_bytes(text.encode())
    assert len(parsed.sets) == 4 and parsed.problems


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    parse_bytes(data)
    for entry in FORMATS:
        parse_bytes(data, entry.code)


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(SAMPLES),
    st.lists(st.tuples(st.integers(0, 2000), st.text(max_size=6)), max_size=6),
)
def test_mangled_rows_never_raise(text: str, edits: list[tuple[int, str]]) -> None:
    for position, insert in edits:
        cut = position % (len(text) + 1)
        text = text[:cut] + insert + text[cut + 1 :]
    for encoding in ("utf-8", "utf-16"):
        parsed = parse_bytes(text.encode(encoding, errors="replace"))
        for row in parsed.sets:
            assert row.reps is None or 0 <= row.reps <= 1000
            assert row.load is None or row.load >= 0
