"""Which app wrote a file, from its header, and the one entry point that reads any of them."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator

from liftwell.importers import fitbod, fitnotes, hevy, strong
from liftwell.importers import text as cells
from liftwell.importers.rows import ParsedFile

PARSERS: dict[str, Callable[[str], ParsedFile]] = {
    "strong": strong.parse_strong,
    "hevy": hevy.parse_hevy,
    "hevy-measurements": hevy.parse_hevy_measurements,
    "fitnotes": fitnotes.parse_fitnotes,
    "fitnotes-body": fitnotes.parse_fitnotes_body,
    "fitbod": fitbod.parse_fitbod,
}
LABELS = {
    "strong": "Strong",
    "hevy": "Hevy workouts",
    "hevy-measurements": "Hevy measurements",
    "fitnotes": "FitNotes",
    "fitnotes-body": "FitNotes body tracker",
    "fitbod": "Fitbod",
}
SOURCE_APP = {
    "strong": "strong",
    "hevy": "hevy",
    "hevy-measurements": "hevy",
    "fitnotes": "fitnotes",
    "fitnotes-body": "fitnotes",
    "fitbod": "fitbod",
}


def detect_format(header: str) -> str | None:
    """The format name for a header line, or None when no known app writes it."""
    names = [name.lower() for name in cells.header_names(header)]
    if strong.looks_like_strong(names):
        return "strong"
    if hevy.looks_like_hevy(names):
        return "hevy"
    if hevy.looks_like_hevy_measurements(names):
        return "hevy-measurements"
    if fitnotes.looks_like_fitnotes(names):
        return "fitnotes"
    if fitnotes.looks_like_fitnotes_body(names):
        return "fitnotes-body"
    if fitbod.looks_like_fitbod(names):
        return "fitbod"
    return None


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
    chosen = detect_format(cells.first_line(text)) if format == "auto" else format
    if chosen is None or chosen not in PARSERS:
        parsed = ParsedFile(format="unknown")
        header = cells.first_line(text)[:120]
        parsed.problem(
            1,
            "",
            f"not an export Liftwell knows (Strong, Hevy, FitNotes or Fitbod); its first line is '{header}'",
        )
        return parsed
    try:
        return PARSERS[chosen](text)
    except Exception as error:  # a parser bug must still not take the upload down with it
        parsed = ParsedFile(format=chosen)
        parsed.problem(0, "", f"the file could not be read ({type(error).__name__})")
        return parsed
