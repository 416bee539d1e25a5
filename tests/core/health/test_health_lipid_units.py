"""Lipids are graded in the unit they were entered in, at both sides of every cut-point (issue 14 item 8).

mg/dL: NCEP ATP III (NIH Publication 02-5215, 2002; docs/science.md §4.3): total 200/240; LDL 100/130/160/190;
HDL 40/60; triglycerides 150/200/500. mmol/L: the SI cut-points labs print for the same bands
(total 5.2/6.2; LDL 2.6/3.4/4.1/4.9; HDL 1.0/1.55; triglycerides 1.7/2.3/5.6). Every case goes through
storage (canonical mmol/L, six decimals) the way an entry does.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from liftwell.core import health as h
from liftwell.core.health import labs
from liftwell.core.health.result import Classification

A = labs.Analyte
MG, MMOL = labs.MG_DL, labs.MMOL_L

# (analyte, value entered, unit, code)
CASES: list[tuple[labs.Analyte, float, str, str]] = [
    # LDL, mg/dL (NCEP ATP III): 100, 130, 160, 190.
    (A.LDL, 99.9, MG, "optimal"),
    (A.LDL, 100, MG, "near_optimal"),
    (A.LDL, 129.9, MG, "near_optimal"),
    (A.LDL, 130, MG, "borderline_high"),
    (A.LDL, 159.9, MG, "borderline_high"),
    (A.LDL, 160, MG, "high"),
    (A.LDL, 189.9, MG, "high"),
    (A.LDL, 190, MG, "very_high"),
    # LDL, mmol/L (SI): 2.6, 3.4, 4.1, 4.9.
    (A.LDL, 2.59, MMOL, "optimal"),
    (A.LDL, 2.6, MMOL, "near_optimal"),
    (A.LDL, 3.39, MMOL, "near_optimal"),
    (A.LDL, 3.4, MMOL, "borderline_high"),
    (A.LDL, 4.09, MMOL, "borderline_high"),
    (A.LDL, 4.1, MMOL, "high"),
    (A.LDL, 4.89, MMOL, "high"),
    (A.LDL, 4.9, MMOL, "very_high"),
    # Total cholesterol, mg/dL: 200, 240.
    (A.TOTAL_CHOLESTEROL, 199.9, MG, "desirable"),
    (A.TOTAL_CHOLESTEROL, 200, MG, "borderline_high"),
    (A.TOTAL_CHOLESTEROL, 239.9, MG, "borderline_high"),
    (A.TOTAL_CHOLESTEROL, 240, MG, "high"),
    # Total cholesterol, mmol/L: 5.2, 6.2 (6.2 mmol/L is 239.8 mg/dL: "borderline" if converted first).
    (A.TOTAL_CHOLESTEROL, 5.19, MMOL, "desirable"),
    (A.TOTAL_CHOLESTEROL, 5.2, MMOL, "borderline_high"),
    (A.TOTAL_CHOLESTEROL, 6.19, MMOL, "borderline_high"),
    (A.TOTAL_CHOLESTEROL, 6.2, MMOL, "high"),
    # HDL, mg/dL: 40, 60.
    (A.HDL, 39.9, MG, "low"),
    (A.HDL, 40, MG, "middle"),
    (A.HDL, 59.9, MG, "middle"),
    (A.HDL, 60, MG, "high"),
    # HDL, mmol/L: 1.0, 1.55 (1.55 mmol/L is 59.9 mg/dL: "not high" if converted first).
    (A.HDL, 0.99, MMOL, "low"),
    (A.HDL, 1.0, MMOL, "middle"),
    (A.HDL, 1.54, MMOL, "middle"),
    (A.HDL, 1.55, MMOL, "high"),
    # Triglycerides, mg/dL: 150, 200, 500.
    (A.TRIGLYCERIDES, 149.9, MG, "normal"),
    (A.TRIGLYCERIDES, 150, MG, "borderline_high"),
    (A.TRIGLYCERIDES, 199.9, MG, "borderline_high"),
    (A.TRIGLYCERIDES, 200, MG, "high"),
    (A.TRIGLYCERIDES, 499.9, MG, "high"),
    (A.TRIGLYCERIDES, 500, MG, "very_high"),
    # Triglycerides, mmol/L: 1.7, 2.3, 5.6.
    (A.TRIGLYCERIDES, 1.69, MMOL, "normal"),
    (A.TRIGLYCERIDES, 1.7, MMOL, "borderline_high"),
    (A.TRIGLYCERIDES, 2.29, MMOL, "borderline_high"),
    (A.TRIGLYCERIDES, 2.3, MMOL, "high"),
    (A.TRIGLYCERIDES, 5.59, MMOL, "high"),
    (A.TRIGLYCERIDES, 5.6, MMOL, "very_high"),
]


@pytest.mark.parametrize(("analyte", "value", "unit", "code"), CASES, ids=str)
def test_graded_in_the_unit_entered(analyte: labs.Analyte, value: float, unit: str, code: str) -> None:
    stored = round(labs.to_canonical(analyte, value, unit), 6)
    result = labs.classify_lab(analyte, stored, unit)
    assert result.code == code
    # The source says which cut-points graded it.
    assert result.source == ("NCEP ATP III, SI units" if unit == MMOL else "NCEP ATP III")


@pytest.mark.parametrize(
    ("analyte", "mmol_l", "converted_first", "in_unit"),
    [
        # The review's examples: grading after conversion to mg/dL moved these across a boundary.
        (A.TOTAL_CHOLESTEROL, 6.2, "borderline_high", "high"),
        (A.HDL, 1.55, "middle", "high"),
        (A.LDL, 4.9, "high", "very_high"),
    ],
)
def test_converting_first_would_have_moved_these(
    analyte: labs.Analyte, mmol_l: float, converted_first: str, in_unit: str
) -> None:
    mg_dl = labs.from_canonical(analyte, mmol_l, MG)
    by_mg_dl = {
        A.TOTAL_CHOLESTEROL: h.classify_total_cholesterol,
        A.HDL: h.classify_hdl,
        A.LDL: h.classify_ldl,
    }[analyte]
    assert by_mg_dl(mg_dl).code == converted_first
    assert labs.classify_lab(analyte, mmol_l, MMOL).code == in_unit


def test_ldl_100_to_129_is_near_or_above_optimal() -> None:
    # NCEP ATP III names 100-129 mg/dL "near optimal/above optimal".
    assert h.classify_ldl(115).label == "Near or above optimal"
    assert h.classify_ldl_mmol(3.0).label == "Near or above optimal"


@pytest.mark.parametrize(
    "classify",
    [
        h.classify_ldl_mmol,
        h.classify_total_cholesterol_mmol,
        h.classify_hdl_mmol,
        h.classify_triglycerides_mmol,
    ],
)
def test_negative_values_are_refused(classify: Callable[[float], Classification]) -> None:
    with pytest.raises(ValueError):
        classify(-0.1)
