"""Exercise names as people type them: one normal form for search and for matching imports."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^\w]+")


def normalize_name(text: str) -> str:
    """Fold case, accents and punctuation: "Pull-Up (Band)" and "pull up  band" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", without_marks.casefold()).split())


def search_terms(query: str) -> list[str]:
    """The words of a search box query, each to be found somewhere in a name or alias."""
    return normalize_name(query).split()
