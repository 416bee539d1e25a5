"""DOTS, Wilks and IPF GL against docs/science.md §2.3 worked values (tests/fixtures/science_vectors.json, a
copy of ../shared/reference/vectors.json: COEF_VECTORS, POINTS_VECTORS, GL_VECTORS).

Wilks 2020 is the March 2020 formula OpenPowerlifting uses since 2020-03-09 (docs/science.md §2.3 erratum of
2026-12-04); the January 2020 table fit it replaced gives other values at every row below."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core.points import dots, dots_coefficient, ipf_gl, wilks, wilks_coefficient

VECTORS = json.loads((Path(__file__).resolve().parents[1] / "fixtures" / "science_vectors.json").read_text())


def _rows(name: str) -> list[list[str]]:
    """The body rows of one Markdown table of the vectors file, as lists of cell strings."""
    lines = [line for line in VECTORS[name].splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


# sex, bodyweight kg, Wilks original coef, Wilks 2020 coef, DOTS coef
COEF_VECTORS = [
    (sex, float(bw), float(orig), float(w2020), float(dots_coef))
    for sex, bw, orig, w2020, dots_coef in _rows("COEF_VECTORS")
]
# sex, bodyweight kg, total kg, Wilks, Wilks 2020, DOTS
POINTS_VECTORS = [
    (sex, float(bw), float(total), float(orig), float(w2020), float(dots_points))
    for sex, bw, total, orig, w2020, dots_points in _rows("POINTS_VECTORS")
]
_EQUIPMENT = {"classic": "raw", "equipped": "single-ply"}
# sex, equipment, event, bodyweight kg, total kg, GL points
GL_VECTORS = [
    (sex, _EQUIPMENT[equipment], event, float(bw), float(total), float(points))
    for (sex, equipment, event, bw, total), points in (
        ([part.strip() for part in row[0].split(",")], row[1]) for row in _rows("GL_VECTORS")
    )
]

# OpenPowerlifting's own table tests for Wilks 2020 (wilks2020.rs, quoted in the docs/science.md §2.3
# erratum), at both clamp limits and in between, for both sexes.
WILKS_2020_TABLE = [
    ("M", 40.0, 1.3895),
    ("M", 80.0, 0.8191),
    ("M", 200.95, 0.6122),
    ("F", 40.0, 1.8486),
    ("F", 100.0, 1.0525),
    ("F", 150.95, 0.9627),
]


def test_the_vectors_file_holds_both_sexes() -> None:
    assert len(COEF_VECTORS) == len(POINTS_VECTORS) == len(GL_VECTORS) == 4
    assert {row[0] for row in COEF_VECTORS} == {row[0] for row in POINTS_VECTORS} == {"M", "F"}


@pytest.mark.parametrize(("sex", "bw", "wilks_orig", "wilks_2020", "dots_coef"), COEF_VECTORS)
def test_it_gives_the_published_coefficients(
    sex: str, bw: float, wilks_orig: float, wilks_2020: float, dots_coef: float
) -> None:
    assert wilks_coefficient(sex, bw, "original") == pytest.approx(wilks_orig, abs=5e-7)  # type: ignore[arg-type]
    assert wilks_coefficient(sex, bw, 2020) == pytest.approx(wilks_2020, abs=5e-5)  # type: ignore[arg-type]
    assert dots_coefficient(sex, bw) == pytest.approx(dots_coef, abs=5e-7)  # type: ignore[arg-type]


@pytest.mark.parametrize(("sex", "bw", "coefficient"), WILKS_2020_TABLE)
def test_wilks_2020_matches_openpowerlifting_tables(sex: str, bw: float, coefficient: float) -> None:
    assert round(wilks_coefficient(sex, bw, 2020), 4) == coefficient  # type: ignore[arg-type]


@pytest.mark.parametrize(("sex", "bw", "total", "wilks_orig", "wilks_2020", "dots_points"), POINTS_VECTORS)
def test_it_gives_the_worked_points(
    sex: str, bw: float, total: float, wilks_orig: float, wilks_2020: float, dots_points: float
) -> None:
    assert round(wilks(sex, bw, total, version="original"), 2) == wilks_orig  # type: ignore[arg-type]
    assert round(wilks(sex, bw, total), 2) == wilks_2020  # type: ignore[arg-type]
    assert round(dots(sex, bw, total), 2) == dots_points  # type: ignore[arg-type]


@pytest.mark.parametrize(("sex", "equipment", "event", "bw", "total", "points"), GL_VECTORS)
def test_it_gives_the_worked_gl_points(
    sex: str, equipment: str, event: str, bw: float, total: float, points: float
) -> None:
    assert round(ipf_gl(sex, bw, total, equipment, event), 2) == points  # type: ignore[arg-type]


def test_wraps_and_straps_are_classic_and_multi_ply_is_equipped() -> None:
    assert ipf_gl("M", 83, 700, "wraps") == ipf_gl("M", 83, 700, "raw") == ipf_gl("M", 83, 700, "straps")
    assert ipf_gl("M", 92.04, 1035, "multi-ply") == ipf_gl("M", 92.04, 1035, "single-ply")


@pytest.mark.parametrize(
    ("bw", "total", "equipment", "event"),
    [(34.9, 300, "raw", "SBD"), (80, 0, "raw", "SBD"), (80, 200, "raw", "S"), (80, 400, "unlimited", "SBD")],
)
def test_gl_is_zero_where_opl_gives_none(bw: float, total: float, equipment: str, event: str) -> None:
    assert ipf_gl("M", bw, total, equipment, event) == 0.0


@pytest.mark.parametrize(
    ("sex", "light", "heavy", "low", "high"),
    [("M", 30, 250, 40, 210), ("F", 30, 200, 40, 150)],
)
def test_dots_clamps_the_body_weight(sex: str, light: float, heavy: float, low: float, high: float) -> None:
    assert dots(sex, light, 300) == dots(sex, low, 300)  # type: ignore[arg-type]
    assert dots(sex, heavy, 300) == dots(sex, high, 300)  # type: ignore[arg-type]


def test_wilks_clamps_as_openpowerlifting_does() -> None:
    assert wilks("M", 250, 500, "original") == wilks("M", 201.9, 500, "original")
    assert wilks("F", 20, 200, "original") == wilks("F", 26.51, 200, "original")
    assert wilks("M", 250, 500) == wilks("M", 200.95, 500)
    assert wilks("F", 200, 500) == wilks("F", 150.95, 500)
    assert wilks("M", 30, 500) == wilks("M", 40, 500) != wilks("M", 40.5, 500)
    assert wilks("F", 30, 500) == wilks("F", 40, 500) != wilks("F", 40.5, 500)
    assert wilks("M", 200.9, 500) != wilks("M", 200.95, 500)
    assert wilks("F", 150.9, 500) != wilks("F", 150.95, 500)


@pytest.mark.parametrize(
    "call",
    [
        lambda: dots("X", 80, 100),  # type: ignore[arg-type]
        lambda: dots("M", 0, 100),
        lambda: wilks("M", 80, -1),
        lambda: wilks("M", 80, 100, version=2019),  # type: ignore[arg-type]
        lambda: ipf_gl("M", 80, 100, "jeans"),
    ],
)
def test_bad_input_is_refused(call: object) -> None:
    with pytest.raises(ValueError):
        call()  # type: ignore[operator]


@given(
    sex=st.sampled_from(["M", "F"]),
    bw=st.floats(min_value=35, max_value=250),
    total=st.floats(min_value=0, max_value=1500),
    extra=st.floats(min_value=0.5, max_value=100),
)
def test_points_grow_with_the_total(sex: str, bw: float, total: float, extra: float) -> None:
    for score in (
        lambda t: dots(sex, bw, t),  # type: ignore[arg-type]
        lambda t: wilks(sex, bw, t),  # type: ignore[arg-type]
        lambda t: wilks(sex, bw, t, "original"),  # type: ignore[arg-type]
        lambda t: ipf_gl(sex, bw, t),  # type: ignore[arg-type]
    ):
        assert 0 <= score(total) < score(total + extra)
