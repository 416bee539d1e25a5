"""Which app wrote a file, from its header, and the one entry point that reads any of them."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from liftwell.importers import text as cells
from liftwell.importers.registry import FORMATS, ImportFormat, app_names, format_named
from liftwell.importers.rows import ParsedFile


def detect(header: str) -> ImportFormat | None:
    """The first format of the registry whose app writes this header line, or None."""
    names = [name.lower() for name in cells.header_names(header)]
    return next((entry for entry in FORMATS if entry.looks_like(names)), None)


def detect_format(header: str) -> str | None:
    """The format name for a header line, or None when no known app writes it."""
    entry = detect(header)
    return entry.code if entry is not None else None


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a big file becomes rows, then as it was.

    Rows hold no reference cycles (reference counting frees them), yet every few hundred new objects
    the collector walks the young ones and, as they pile up, all of them: a fifth of the time of
    parsing 100,000 sets. Nothing else changes, so a thread running meanwhile only loses that chore.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_bytes(data: bytes, format: str = "auto") -> ParsedFile:
    """Decode, detect and parse. Never raises: what cannot be read becomes a problem on line 0 or 1."""
    with collector_paused():
        return _parse_bytes(data, format)


def _parse_bytes(data: bytes, format: str) -> ParsedFile:
    try:
        text = cells.decode(data)
    except cells.UnreadableFile as error:
        parsed = ParsedFile(format="unknown")
        parsed.problem(0, "", str(error))
        return parsed
    if not text.strip():
        parsed = ParsedFile(format="unknown")
        parsed.problem(0, "", "the file is empty")
        return parsed
    entry = detect(cells.first_line(text)) if format == "auto" else format_named(format)
    if entry is None:
        parsed = ParsedFile(format="unknown")
        header = cells.first_line(text)[:120]
        parsed.problem(
            1,
            "",
            f"not an export Liftwell knows ({app_names()}); its first line is '{header}'",
        )
        return parsed
    try:
        return entry.parse(text)
    except Exception as error:  # a parser bug must still not take the upload down with it
        parsed = ParsedFile(format=entry.code)
        parsed.problem(0, "", f"the file could not be read ({type(error).__name__})")
        return parsed
