"""The US Navy body-fat estimate refuses inputs it cannot turn into a plausible figure (issue 14 item 13).

Formula: Hodgdon & Beckett 1984, metric form via Siri (docs/science.md §3.3). Liftwell's plausibility guard
keeps results within 2-60 %; outside it the inputs are refused with the measurements to check named.
"""

from __future__ import annotations

import pytest

from liftwell.core import health as h


def test_the_reviews_example_is_refused_naming_the_fields() -> None:
    # Male, 180 cm, neck 40, waist 60: the formula gives about -13 %.
    with pytest.raises(h.NavyInputError) as caught:
        h.navy_body_fat("male", 180, 40, 60)
    assert caught.value.fields == ("height", "neck", "waist")
    message = str(caught.value)
    assert "-13." in message and "2-60 %" in message
    assert "check the height, neck and waist" in message


# (sex, height, neck, waist, hip, plausible?). The waist giving exactly 2 % / 60 % was solved from the
# formula: men 180 cm with a 40 cm neck: 71.50 / 181.65 cm; women 165 cm, neck 33, hip 100:
# 27.03 / 146.34 cm. Each boundary is tested 0.1 cm either side.
GUARD: list[tuple[str, float, float, float, float | None, bool]] = [
    ("male", 180, 40, 71.4, None, False),
    ("male", 180, 40, 71.6, None, True),
    ("male", 180, 40, 181.6, None, True),
    ("male", 180, 40, 181.7, None, False),
    ("female", 165, 33, 26.9, 100, False),
    ("female", 165, 33, 27.1, 100, True),
    ("female", 165, 33, 146.3, 100, True),
    ("female", 165, 33, 146.4, 100, False),
]


@pytest.mark.parametrize(("sex", "height", "neck", "waist", "hip", "plausible"), GUARD)
def test_the_plausible_range_at_both_ends(
    sex: str, height: float, neck: float, waist: float, hip: float | None, plausible: bool
) -> None:
    low, high = h.NAVY_PLAUSIBLE_PCT
    if plausible:
        result = h.navy_body_fat(sex, height, neck, waist, hip)
        assert low <= result <= high
        # Close to the boundary: the case really sits beside it.
        assert min(result - low, high - result) < 0.5
    else:
        with pytest.raises(h.NavyInputError) as caught:
            h.navy_body_fat(sex, height, neck, waist, hip)
        expected = ("height", "neck", "waist") + (("hip",) if sex == "female" else ())
        assert caught.value.fields == expected


@pytest.mark.parametrize(
    ("sex", "neck", "waist", "hip", "fields"),
    [
        # Men: waist - neck must be positive.
        ("male", 40, 40, None, ("neck", "waist")),
        ("male", 40, 39.9, None, ("neck", "waist")),
        # Women: waist + hip - neck must be positive.
        ("female", 60, 30, 30, ("neck", "waist", "hip")),
        ("female", 60.1, 30, 30, ("neck", "waist", "hip")),
    ],
)
def test_the_girth_must_be_positive(
    sex: str, neck: float, waist: float, hip: float | None, fields: tuple[str, ...]
) -> None:
    with pytest.raises(h.NavyInputError) as caught:
        h.navy_body_fat(sex, 170, neck, waist, hip)
    assert caught.value.fields == fields


def test_a_refusal_is_still_a_value_error() -> None:
    # Callers that only know ValueError (no estimate) keep working.
    with pytest.raises(ValueError):
        h.navy_body_fat("male", 180, 40, 60)
