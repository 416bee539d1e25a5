"""Bytes to rows: encodings, delimiters, numbers, and guessing a weight unit the file does not name."""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from liftwell.importers.rows import UnitGuess


class UnreadableFile(ValueError):
    """The bytes are not a text table at all (binary, empty)."""


def decode(data: bytes) -> str:
    """UTF-8 with or without BOM, UTF-16 (BOM, or guessed from NUL bytes), else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    head = data[:4000]
    if head and head.count(b"\x00") * 3 > len(head):
        # UTF-16 without a BOM: ASCII text has every other byte zero.
        even_zeros = head[0::2].count(0)
        odd_zeros = head[1::2].count(0)
        return data.decode("utf-16-be" if even_zeros > odd_zeros else "utf-16-le", errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; Latin-1 reads them rather than failing.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if "\x00" in text:
        raise UnreadableFile("this is not a text file (it contains binary data)")
    return text


def first_line(text: str) -> str:
    return text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")


def delimiter_of(header: str) -> str:
    """The header's delimiter: the one of , ; and tab it uses most."""
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep])


def header_names(header: str) -> list[str]:
    try:
        cells = next(csv.reader([header], delimiter=delimiter_of(header)))
    except (csv.Error, StopIteration):
        return []
    return [cell.strip().strip('"').strip() for cell in cells]


# A line with its ending (\r\n, \r or \n), or the unterminated last line: what iterating
# io.StringIO(text, newline="") yields, as csv wants it.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def lines(text: str) -> Iterator[str]:
    """The lines of `text` one by one, without a copy of it: io.StringIO holds four bytes a character
    (52 MB for a 13 MB export), this holds one line at a time."""
    return (match.group() for match in _LINE.finditer(text))


def records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number of the record's first line, cells) for every record after the header.

    A broken quote ends the file with a csv.Error, which callers turn into a problem.
    """
    text = text.lstrip("\ufeff").replace("\x00", "")
    header = first_line(text)
    reader = csv.reader(lines(text), delimiter=delimiter_of(header))
    next(reader, None)
    previous_end = reader.line_num
    for cells in reader:
        start = previous_end + 1
        previous_end = reader.line_num
        if not cells or (not cells[0].strip() and all(not cell.strip() for cell in cells)):
            continue
        yield start, cells


# Most cells are small whole numbers: skip Decimal's parser for them.
_SMALL_NUMBERS = {str(n): Decimal(n) for n in range(1001)}


@functools.lru_cache(maxsize=4096)  # loads repeat across a file; a Decimal is immutable
def number(text: str) -> Decimal | None:
    """A decimal from a cell: '' is None, ' 5', '13.0' and '7,5' are read, anything else raises."""
    cleaned = text.strip().strip('"').strip()
    if not cleaned:
        return None
    if cleaned in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[cleaned]
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"'{text.strip()}' is not a number") from None
    if not value.is_finite():
        raise ValueError(f"'{text.strip()}' is not a number")
    return value


@functools.lru_cache(maxsize=4096)  # set orders and reps repeat on every other row
def whole(text: str) -> int | None:
    """A whole number from a cell ('13.0' is 13); a fraction or a negative raises."""
    if text.isdecimal() and len(text) < 10:
        return int(text)
    value = number(text)
    if value is None:
        return None
    if value != value.to_integral_value() or value < 0:
        raise ValueError(f"'{text.strip()}' is not a whole number")
    if value > 10**9:
        raise ValueError(f"'{text.strip()}' is too large")
    return int(value)


_DURATION = re.compile(r"^\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s)?\s*$")


@functools.lru_cache(maxsize=4096)
def duration(text: str) -> int | None:
    """Seconds from '35m', '1h', '1h 5m', '2h 38m', '45s', 'H:MM:SS', 'MM:SS' or plain seconds."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if ":" in cleaned:
        parts = cleaned.split(":")
        if len(parts) > 3 or not all(part.strip().isdigit() for part in parts):
            raise ValueError(f"'{cleaned}' is not a duration")
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + int(part)
        return seconds
    match = _DURATION.match(cleaned)
    if match and any(match.groups()):
        hours, minutes, seconds = (int(group or 0) for group in match.groups())
        return hours * 3600 + minutes * 60 + seconds
    return whole(cleaned)


def weight_unit(text: str) -> str | None:
    """'kg', 'kgs', 'lb', 'lbs' (any case) to 'kg' or 'lb'; None when empty or unknown."""
    cleaned = text.strip().lower().rstrip(".")
    if cleaned in {"kg", "kgs", "kilograms", "kilogram"}:
        return "kg"
    if cleaned in {"lb", "lbs", "pound", "pounds"}:
        return "lb"
    return None


def distance_unit(text: str) -> str | None:
    cleaned = text.strip().lower().rstrip(".")
    return {
        "m": "m",
        "meters": "m",
        "metres": "m",
        "km": "km",
        "kms": "km",
        "mi": "mi",
        "mile": "mi",
        "miles": "mi",
        "ft": "ft",
        "feet": "ft",
        "yd": "yd",
        "yards": "yd",
    }.get(cleaned)


# Loads a barbell in pounds lands on: the 45 lb bar with pairs of 45 lb plates.
_POUND_BARBELL = frozenset(Decimal(v) for v in (45, 95, 135, 185, 225, 275, 315, 365, 405, 455, 495))
# Loads only kilogram plates make: 1.25 and 2.5 kg steps (22.5, 47.5, 102.5...).
_KG_HALVES = frozenset(Decimal(v) / 2 for v in range(1, 1000, 2))


def guess_unit(loads: Iterable[Decimal]) -> UnitGuess | None:
    """Kilograms or pounds for loads a file does not label, with the reason in words.

    Pound users' barbell loads cluster on 45/135/225 (a 45 lb bar plus pairs of 45 lb plates);
    kilogram users' on halves like 22.5 or 102.5 (1.25 kg plates). Whichever share is larger wins.
    """
    values = [value for value in loads if value > 0]
    if not values:
        return None
    pound_hits = sum(1 for value in values if value in _POUND_BARBELL)
    kg_hits = sum(1 for value in values if value in _KG_HALVES and value >= 5)
    total = len(values)
    if pound_hits > kg_hits * 2 and pound_hits * 20 >= total:
        share = round(100 * pound_hits / total)
        return UnitGuess("lb", f"{share}% of loads are like 45/135/225, which suggests pounds")
    if kg_hits > pound_hits:
        share = round(100 * kg_hits / total)
        return UnitGuess("kg", f"{share}% of loads are halves like 22.5 or 62.5, which suggests kilograms")
    heaviest = max(values)
    if heaviest > 300:
        return UnitGuess("lb", f"the heaviest load is {heaviest}, which suggests pounds")
    return UnitGuess("kg", "no load pattern points to pounds, so kilograms")
