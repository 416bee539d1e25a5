from __future__ import annotations

import pytest

from liftwell.core.names import normalize_name, search_terms


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("Pull-Up (Band)", "pull up band"),
        ("  pull   up  band ", "pull up band"),
        ("Développé couché", "developpe couche"),
        ("RDL", "rdl"),
        ("Squat (Barbell)", "squat barbell"),
    ],
)
def test_it_normalizes(raw: str, normal: str) -> None:
    assert normalize_name(raw) == normal


def test_search_terms_are_words() -> None:
    assert search_terms("Bench  press, DB") == ["bench", "press", "db"]
    assert search_terms("   ") == []
