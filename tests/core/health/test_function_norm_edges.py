"""Every band edge of the functional norms, on both sides, with the tables copied from docs/science.md.

Senior Fitness Test middle-50 % ranges (Rikli & Jones 1999; docs/science.md §5.4, with the men's 65-69 and
85-89 chair-stand cells as the authors' 2002 reproduction gives them: docs/science.md §10.10), push-up
categories (CSEP, as reproduced in ACSM's Guidelines; docs/science.md §5.6) and the EWGSOP2 cut-offs
(Cruz-Jentoft et al., Age Ageing 2019; docs/science.md §5.1).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from liftwell.core import health as h
from liftwell.core.health.result import Classification

# | Age | Chair stand 30 s men | women | Arm curl 30 s men | women |  (docs/science.md §5.4)
SFT = """
60-64 | 14-19 | 12-17 | 16-22 | 13-19
65-69 | 12-18 | 11-16 | 15-21 | 12-18
70-74 | 12-17 | 10-15 | 14-21 | 12-17
75-79 | 11-17 | 10-15 | 13-19 | 11-17
80-84 | 10-15 | 9-14 | 13-19 | 10-16
85-89 | 8-14 | 8-13 | 11-17 | 10-15
90-94 | 7-12 | 4-11 | 10-14 | 8-13
"""


def _pair(text: str) -> tuple[int, int]:
    low, high = text.strip().split("-")
    return int(low), int(high)


def _sft_cases() -> list[tuple[str, str, int, int, int]]:
    cases = []
    for line in SFT.strip().splitlines():
        ages, chair_m, chair_f, curl_m, curl_f = line.split("|")
        for test, sex, cell in (
            ("chair", "male", chair_m),
            ("chair", "female", chair_f),
            ("curl", "male", curl_m),
            ("curl", "female", curl_f),
        ):
            for age in _pair(ages):
                low, high = _pair(cell)
                cases.append((test, sex, age, low, high))
    return cases


@pytest.mark.parametrize(("test", "sex", "age", "low", "high"), _sft_cases())
def test_senior_fitness_ranges_at_both_ends_of_every_band(
    test: str, sex: str, age: int, low: int, high: int
) -> None:
    classify: Callable[[str, int, int], Classification | None] = (
        h.classify_chair_stand_30s if test == "chair" else h.classify_arm_curl_30s
    )
    for reps, code in ((low - 1, "below"), (low, "within"), (high, "within"), (high + 1, "above")):
        result = classify(sex, age, reps)
        assert result is not None and result.code == code, (test, sex, age, reps)
        assert f"({low}-{high})" in result.label


@pytest.mark.parametrize("classify", [h.classify_chair_stand_30s, h.classify_arm_curl_30s])
def test_senior_fitness_has_no_range_outside_60_to_94(
    classify: Callable[[str, int, int], Classification | None],
) -> None:
    for sex in ("male", "female"):
        assert classify(sex, 59, 15) is None and classify(sex, 95, 15) is None
    assert classify("unsaid", 70, 15) is None


# | Age | Excellent | Very good | Good | Fair | Needs improvement |  (docs/science.md §5.6): lower bounds.
PUSH_UPS = """
male 20-29 | 36 | 29 | 22 | 17
male 30-39 | 30 | 22 | 17 | 12
male 40-49 | 25 | 17 | 13 | 10
male 50-59 | 21 | 13 | 10 | 7
male 60-69 | 18 | 11 | 8 | 5
female 20-29 | 30 | 21 | 15 | 10
female 30-39 | 27 | 20 | 13 | 8
female 40-49 | 24 | 15 | 11 | 5
female 50-59 | 21 | 11 | 7 | 2
female 60-69 | 17 | 12 | 5 | 2
"""
CODES = ("excellent", "very_good", "good", "fair", "needs_improvement")


def _push_up_cases() -> list[tuple[str, int, int, str]]:
    cases = []
    for line in PUSH_UPS.strip().splitlines():
        head, *bounds = line.split("|")
        sex, ages = head.split()
        for age in _pair(ages):
            for index, bound in enumerate(int(b) for b in bounds):
                cases.append((sex, age, bound, CODES[index]))
                cases.append((sex, age, bound - 1, CODES[index + 1]))
    return cases


@pytest.mark.parametrize(("sex", "age", "reps", "code"), _push_up_cases())
def test_push_up_categories_at_every_edge(sex: str, age: int, reps: int, code: str) -> None:
    result = h.classify_push_ups(sex, age, reps)
    assert result is not None and result.code == code


def test_push_ups_have_no_category_outside_20_to_69() -> None:
    assert h.classify_push_ups("female", 19, 20) is None
    assert h.classify_push_ups("female", 70, 20) is None


@pytest.mark.parametrize(
    ("person", "code"),
    [
        # Low strength: grip <27 kg men, <16 kg women (either sex, both sides).
        (h.Sarcopenia(sex="male", grip_kg=27.0), "no_sarcopenia"),
        (h.Sarcopenia(sex="male", grip_kg=26.9), "probable"),
        (h.Sarcopenia(sex="female", grip_kg=16.0), "no_sarcopenia"),
        (h.Sarcopenia(sex="female", grip_kg=15.9), "probable"),
        # Low quantity: ASM <20 kg men, <15 kg women; ASM/height^2 <7.0 men, <5.5 women.
        (h.Sarcopenia(sex="female", grip_kg=15, asm_kg=15.0), "probable"),
        (h.Sarcopenia(sex="female", grip_kg=15, asm_kg=14.9), "confirmed"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg_m2=7.0), "probable"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg_m2=6.9), "confirmed"),
        (h.Sarcopenia(sex="female", grip_kg=15, asm_kg_m2=5.5), "probable"),
        (h.Sarcopenia(sex="female", grip_kg=15, asm_kg_m2=5.4), "confirmed"),
        # Severity: TUG >=20 s, SPPB <=8 points, gait <=0.8 m/s.
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg=19, tug_s=19.9), "confirmed"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg=19, tug_s=20.0), "severe"),
        (h.Sarcopenia(sex="female", chair_stand_5x_s=16, asm_kg=14, gait_speed_m_s=0.81), "confirmed"),
        (h.Sarcopenia(sex="female", chair_stand_5x_s=16, asm_kg=14, gait_speed_m_s=0.8), "severe"),
    ],
)
def test_ewgsop2_cut_offs_on_both_sides(person: h.Sarcopenia, code: str) -> None:
    assert h.ewgsop2_sarcopenia(person).code == code
