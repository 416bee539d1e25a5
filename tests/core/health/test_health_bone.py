"""Bone density: the T-score for postmenopausal women and men 50 and over, the Z-score for everyone else
(issue 14 item 5).

Sources: WHO 1994 T-score categories (normal >= -1.0; low bone mass between -1.0 and -2.5; osteoporosis
range <= -2.5; docs/science.md §4.4); ISCD Official Positions 2019 (T-scores for postmenopausal women and men
50 and over, and women in the menopausal transition; Z-scores for premenopausal women and men under 50;
Z <= -2.0 "below the expected range for age"). A woman who has not stated her menopause status counts
as postmenopausal from 50 (Liftwell's rule; the median age at menopause is about 51).
"""

from __future__ import annotations

import pytest

from liftwell.core import health as h

M = h.Menopause

# (sex, age when scanned, menopause, T, Z, code). Both scores are given where the choice is the point:
# T -2.6 reads "osteoporosis range", Z -1.0 reads "within the expected range for age".
WHICH_SCORE: list[tuple[str, int | None, h.Menopause, float | None, float | None, str]] = [
    # Men: Z before 50, T from 50.
    ("male", 49, M.NOT_STATED, -2.6, -1.0, "within_expected_for_age"),
    ("male", 50, M.NOT_STATED, -2.6, -1.0, "osteoporosis"),
    # Women who do not say: by age, the same 50.
    ("female", 49, M.NOT_STATED, -2.6, -1.0, "within_expected_for_age"),
    ("female", 50, M.NOT_STATED, -2.6, -1.0, "osteoporosis"),
    # Women who say: their menopause status decides, whatever the age.
    ("female", 55, M.BEFORE, -2.6, -1.0, "within_expected_for_age"),
    ("female", 45, M.AFTER, -2.6, -1.0, "osteoporosis"),
    ("female", None, M.AFTER, -2.6, -1.0, "osteoporosis"),
    ("female", None, M.BEFORE, -2.6, -1.0, "within_expected_for_age"),
    # A man's answer to the menopause question, if any, changes nothing.
    ("male", 49, M.AFTER, -2.6, -1.0, "within_expected_for_age"),
]


@pytest.mark.parametrize(("sex", "age", "menopause", "t", "z", "code"), WHICH_SCORE)
def test_which_score_is_read(
    sex: str, age: int | None, menopause: h.Menopause, t: float | None, z: float | None, code: str
) -> None:
    result = h.classify_bone_density(t_score=t, z_score=z, sex=sex, age=age, menopause=menopause)
    assert result.code == code


@pytest.mark.parametrize(
    ("sex", "age", "menopause", "missing"),
    [
        ("unsaid", 60, M.NOT_STATED, "Add your sex to your profile"),
        ("male", None, M.NOT_STATED, "Add your birth year to your profile"),
        ("female", None, M.NOT_STATED, "Add your birth year to your profile"),
        ("unsaid", None, M.NOT_STATED, "Add your sex and birth year to your profile"),
        # Without a sex, a stated menopause does not stand in for the profile.
        ("unsaid", None, M.AFTER, "Add your sex and birth year to your profile"),
    ],
)
def test_it_names_what_is_missing_instead_of_guessing(
    sex: str, age: int | None, menopause: h.Menopause, missing: str
) -> None:
    result = h.classify_bone_density(t_score=-2.6, z_score=-1.0, sex=sex, age=age, menopause=menopause)
    assert result.code == "needs_profile"
    assert result.label.startswith(missing)
    assert result.level is h.Level.INFO


@pytest.mark.parametrize(
    ("sex", "age", "t", "z", "code"),
    [
        ("male", 60, None, -2.1, "needs_t_score"),
        ("male", 40, -2.6, None, "needs_z_score"),
        ("female", 49, -2.6, None, "needs_z_score"),
        ("female", 50, None, -2.1, "needs_t_score"),
    ],
)
def test_it_asks_for_the_score_that_applies(
    sex: str, age: int, t: float | None, z: float | None, code: str
) -> None:
    # The other score is never read in its place.
    assert h.classify_bone_density(t_score=t, z_score=z, sex=sex, age=age).code == code


@pytest.mark.parametrize(
    ("t", "code"),
    [(-1.0, "normal"), (-1.01, "low_bone_mass"), (-2.49, "low_bone_mass"), (-2.5, "osteoporosis")],
)
def test_t_score_boundaries_from_50(t: float, code: str) -> None:
    assert h.classify_bone_density(t_score=t, z_score=None, sex="female", age=50).code == code


@pytest.mark.parametrize(
    ("z", "code"), [(-1.99, "within_expected_for_age"), (-2.0, "below_expected_for_age")]
)
def test_z_score_boundary_before_50(z: float, code: str) -> None:
    assert h.classify_bone_density(t_score=None, z_score=z, sex="male", age=49).code == code


def test_the_wording_never_diagnoses() -> None:
    osteoporosis = h.classify_t_score(-2.5)
    assert osteoporosis.cited == "In the osteoporosis range (WHO 1994; a diagnosis is made by your clinician)"
    below = h.classify_z_score(-2.0)
    assert below.cited == (
        "Below the expected range for age "
        "(ISCD Official Positions 2019; a diagnosis is made by your clinician)"
    )
    for result in (h.classify_t_score(t / 10) for t in range(-40, 10)):
        assert "you have" not in result.cited.lower() and result.label.startswith("In the ")
