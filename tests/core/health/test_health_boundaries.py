"""Every cut-off in liftwell.core.health, tested just below and at (or just above) the boundary."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core import health as h
from liftwell.core.health.result import Classification

Case = tuple[Callable[[float], Classification], float, str]

BOUNDARIES: list[Case] = [
    # Fasting glucose mg/dL: 100 and 126.
    (h.classify_fasting_glucose, 99.9, "normal"),
    (h.classify_fasting_glucose, 100, "prediabetes"),
    (h.classify_fasting_glucose, 125.9, "prediabetes"),
    (h.classify_fasting_glucose, 126, "diabetes_range"),
    (h.classify_fasting_glucose_mmol, 5.59, "normal"),
    (h.classify_fasting_glucose_mmol, 5.6, "prediabetes"),
    (h.classify_fasting_glucose_mmol, 6.99, "prediabetes"),
    (h.classify_fasting_glucose_mmol, 7.0, "diabetes_range"),
    # HbA1c: 5.7 / 6.5 %, 39 / 48 mmol/mol; 47 mmol/mol (6.45 %) stays prediabetes.
    (h.classify_hba1c, 5.69, "normal"),
    (h.classify_hba1c, 5.7, "prediabetes"),
    (h.classify_hba1c, 6.49, "prediabetes"),
    (h.classify_hba1c, 6.5, "diabetes_range"),
    (h.classify_hba1c_mmol_mol, 38, "normal"),
    (h.classify_hba1c_mmol_mol, 39, "prediabetes"),
    (h.classify_hba1c_mmol_mol, 47, "prediabetes"),
    (h.classify_hba1c_mmol_mol, 48, "diabetes_range"),
    # LDL: 100, 130, 160, 190.
    (h.classify_ldl, 99.9, "optimal"),
    (h.classify_ldl, 100, "near_optimal"),
    (h.classify_ldl, 129.9, "near_optimal"),
    (h.classify_ldl, 130, "borderline_high"),
    (h.classify_ldl, 159.9, "borderline_high"),
    (h.classify_ldl, 160, "high"),
    (h.classify_ldl, 189.9, "high"),
    (h.classify_ldl, 190, "very_high"),
    # Total cholesterol: 200, 240.
    (h.classify_total_cholesterol, 199.9, "desirable"),
    (h.classify_total_cholesterol, 200, "borderline_high"),
    (h.classify_total_cholesterol, 239.9, "borderline_high"),
    (h.classify_total_cholesterol, 240, "high"),
    # HDL: 40, 60.
    (h.classify_hdl, 39.9, "low"),
    (h.classify_hdl, 40, "middle"),
    (h.classify_hdl, 59.9, "middle"),
    (h.classify_hdl, 60, "high"),
    # Triglycerides: 150, 200, 500.
    (h.classify_triglycerides, 149.9, "normal"),
    (h.classify_triglycerides, 150, "borderline_high"),
    (h.classify_triglycerides, 199.9, "borderline_high"),
    (h.classify_triglycerides, 200, "high"),
    (h.classify_triglycerides, 499.9, "high"),
    (h.classify_triglycerides, 500, "very_high"),
    # T-score: -1.0 and -2.5.
    (h.classify_t_score, -1.0, "normal"),
    (h.classify_t_score, -1.01, "low_bone_mass"),
    (h.classify_t_score, -2.49, "low_bone_mass"),
    (h.classify_t_score, -2.5, "osteoporosis"),
    # BMI: 16, 17, 18.5, 25, 30, 35, 40.
    (h.classify_bmi, 15.99, "severe_thinness"),
    (h.classify_bmi, 16.0, "moderate_thinness"),
    (h.classify_bmi, 16.99, "moderate_thinness"),
    (h.classify_bmi, 17.0, "mild_thinness"),
    (h.classify_bmi, 18.49, "mild_thinness"),
    (h.classify_bmi, 18.5, "normal"),
    (h.classify_bmi, 24.99, "normal"),
    (h.classify_bmi, 25.0, "pre_obese"),
    (h.classify_bmi, 29.99, "pre_obese"),
    (h.classify_bmi, 30.0, "obese_1"),
    (h.classify_bmi, 34.99, "obese_1"),
    (h.classify_bmi, 35.0, "obese_2"),
    (h.classify_bmi, 39.99, "obese_2"),
    (h.classify_bmi, 40.0, "obese_3"),
    # Resting heart rate: 60 and 100 belong to the usual range.
    (h.classify_resting_heart_rate, 59, "below_range"),
    (h.classify_resting_heart_rate, 60, "usual"),
    (h.classify_resting_heart_rate, 100, "usual"),
    (h.classify_resting_heart_rate, 101, "above_range"),
    # EWGSOP2 performance: five rises >15 s, gait <=0.8 m/s, TUG >=20 s.
    (h.classify_five_times_sit_to_stand, 15.0, "not_low"),
    (h.classify_five_times_sit_to_stand, 15.1, "low"),
    (h.classify_gait_speed, 0.81, "not_low"),
    (h.classify_gait_speed, 0.8, "low"),
    (h.classify_timed_up_and_go, 19.9, "not_low"),
    (h.classify_timed_up_and_go, 20.0, "low"),
]


@pytest.mark.parametrize(
    ("classify", "value", "code"), BOUNDARIES, ids=lambda v: str(getattr(v, "__name__", v))
)
def test_boundary(classify: Callable[[float], Classification], value: float, code: str) -> None:
    assert classify(value).code == code


BP_ACC = [
    (119, 79, "normal"),
    (120, 79, "elevated"),
    (129, 79, "elevated"),
    (130, 79, "stage_1"),
    (119, 80, "stage_1"),
    (139, 89, "stage_1"),
    (140, 89, "stage_2"),
    (139, 90, "stage_2"),
    (142, 91, "stage_2"),
    (180, 120, "stage_2"),
    (181, 100, "stage_2_severe"),
    (150, 121, "stage_2_severe"),
]


@pytest.mark.parametrize(("systolic", "diastolic", "code"), BP_ACC)
def test_blood_pressure_acc_aha_boundaries(systolic: int, diastolic: int, code: str) -> None:
    assert h.classify_blood_pressure(systolic, diastolic).code == code


def test_142_over_91_reads_in_the_stage_2_range_with_its_source() -> None:
    # Issue 14 item 10: a single reading is never labelled as a diagnosis.
    assert h.classify_blood_pressure(142, 91).cited == (
        "In the stage 2 range (ACC/AHA 2017 office categories; a diagnosis needs repeated readings)"
    )


BP_ESC = [
    (119, 79, "optimal"),
    (120, 79, "normal"),
    (119, 80, "normal"),
    (129, 84, "normal"),
    (130, 84, "high_normal"),
    (129, 85, "high_normal"),
    (139, 89, "high_normal"),
    (140, 90, "grade_1"),
    (139, 90, "grade_1"),
    (159, 99, "grade_1"),
    (160, 99, "grade_2"),
    (159, 100, "grade_2"),
    (179, 109, "grade_2"),
    (180, 110, "grade_3"),
    (179, 110, "grade_3"),
    (140, 89, "isolated_systolic_1"),
    (160, 89, "isolated_systolic_2"),
    (180, 89, "isolated_systolic_3"),
]


@pytest.mark.parametrize(("systolic", "diastolic", "code"), BP_ESC)
def test_blood_pressure_esc_esh_boundaries(systolic: int, diastolic: int, code: str) -> None:
    assert h.classify_blood_pressure(systolic, diastolic, h.BpGuideline.ESC_ESH_2018).code == code


def test_blood_pressure_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        h.classify_blood_pressure(0, 80)


@pytest.mark.parametrize(
    ("systolic", "diastolic", "code"),
    [
        (159, 99, None),
        (160, 90, "caution"),
        (140, 100, "caution"),
        (179, 109, "caution"),
        (180, 90, "do_not_train"),
        (150, 110, "do_not_train"),
    ],
)
def test_bp_training_advice_thresholds(systolic: int, diastolic: int, code: str | None) -> None:
    advice = h.bp_training_advice(systolic, diastolic)
    assert (advice.code if advice else None) == code


@pytest.mark.parametrize(
    ("sex", "waist", "code"),
    [
        ("male", 94, "not_increased"),
        ("male", 94.1, "increased"),
        ("male", 102, "increased"),
        ("male", 102.1, "substantially_increased"),
        ("female", 80, "not_increased"),
        ("female", 80.1, "increased"),
        ("female", 88, "increased"),
        ("female", 88.1, "substantially_increased"),
    ],
)
def test_waist_boundaries(sex: str, waist: float, code: str) -> None:
    result = h.classify_waist(sex, waist)
    assert result is not None and result.code == code


def test_waist_needs_a_sex() -> None:
    assert h.classify_waist("unsaid", 120) is None


@pytest.mark.parametrize(
    ("sex", "grip", "code"),
    [("male", 26.9, "low"), ("male", 27, "not_low"), ("female", 15.9, "low"), ("female", 16, "not_low")],
)
def test_grip_boundaries(sex: str, grip: float, code: str) -> None:
    result = h.classify_grip(sex, grip)
    assert result is not None and result.code == code


def test_ewgsop2_needs_strength_and_sex() -> None:
    assert h.ewgsop2_sarcopenia(h.Sarcopenia(sex="male")).code == "unknown"
    assert h.ewgsop2_sarcopenia(h.Sarcopenia(sex="unsaid", grip_kg=10)).code == "unknown"


@pytest.mark.parametrize(
    ("person", "code"),
    [
        (h.Sarcopenia(sex="female", chair_stand_5x_s=15.0), "no_sarcopenia"),
        (h.Sarcopenia(sex="female", chair_stand_5x_s=15.1), "probable"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg=20.0), "probable"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg=19.9), "confirmed"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg_m2=6.9, gait_speed_m_s=0.81), "confirmed"),
        (h.Sarcopenia(sex="male", grip_kg=20, asm_kg_m2=6.9, gait_speed_m_s=0.8), "severe"),
        (h.Sarcopenia(sex="female", grip_kg=12, asm_kg_m2=5.4, sppb_points=9), "confirmed"),
        (h.Sarcopenia(sex="female", grip_kg=12, asm_kg_m2=5.4, sppb_points=8), "severe"),
    ],
)
def test_ewgsop2_steps(person: h.Sarcopenia, code: str) -> None:
    assert h.ewgsop2_sarcopenia(person).code == code


@pytest.mark.parametrize(("items", "code"), [((1, 1, 1, 0, 0), "negative"), ((1, 1, 1, 1, 0), "positive")])
def test_sarc_f_boundary(items: tuple[int, int, int, int, int], code: str) -> None:
    assert h.sarc_f(*items).classification.code == code


def test_sarc_f_refuses_out_of_range_items() -> None:
    with pytest.raises(ValueError):
        h.sarc_f(3, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("sex", "age", "reps", "code"),
    [
        ("male", 35, 25, "very_good"),
        ("female", 52, 8, "good"),
        ("male", 62, 4, "needs_improvement"),
        ("male", 62, 5, "fair"),
        ("male", 20, 36, "excellent"),
        ("male", 20, 35, "very_good"),
        ("female", 69, 1, "needs_improvement"),
        ("female", 69, 2, "fair"),
    ],
)
def test_push_ups(sex: str, age: int, reps: int, code: str) -> None:
    result = h.classify_push_ups(sex, age, reps)
    assert result is not None and result.code == code


def test_push_ups_outside_the_table() -> None:
    assert h.classify_push_ups("male", 70, 20) is None
    assert h.classify_push_ups("unsaid", 30, 20) is None


@pytest.mark.parametrize(
    ("sex", "age", "reps", "code"),
    [
        ("female", 60, 11, "below"),
        ("female", 60, 12, "within"),
        ("female", 64, 17, "within"),
        ("female", 64, 18, "above"),
        ("male", 94, 6, "below"),
        ("male", 94, 13, "above"),
    ],
)
def test_chair_stand_band_edges(sex: str, age: int, reps: int, code: str) -> None:
    result = h.classify_chair_stand_30s(sex, age, reps)
    assert result is not None and result.code == code


def test_chair_stand_outside_ages() -> None:
    assert h.classify_chair_stand_30s("female", 59, 12) is None
    assert h.classify_chair_stand_30s("female", 95, 12) is None


@pytest.mark.parametrize(
    ("score", "code"),
    [(0, "none"), (1, "mild"), (3, "mild"), (4, "moderate"), (6, "moderate"), (7, "severe")],
)
def test_pain_bands(score: int, code: str) -> None:
    assert h.classify_pain(score).code == code


def test_navy_needs_hip_for_women_and_a_sex() -> None:
    with pytest.raises(ValueError):
        h.navy_body_fat("female", 165, 33, 75)
    with pytest.raises(ValueError):
        h.navy_body_fat("unsaid", 165, 33, 75, 100)
    with pytest.raises(ValueError):
        h.navy_body_fat("male", 180, 40, 40)


@given(st.floats(min_value=0.1, max_value=1000))
def test_glucose_round_trip(mg_dl: float) -> None:
    assert h.glucose_mmol_l_to_mg_dl(h.glucose_mg_dl_to_mmol_l(mg_dl)) == pytest.approx(mg_dl)


@given(st.floats(min_value=0.1, max_value=1000))
def test_lipid_round_trips(mg_dl: float) -> None:
    assert h.cholesterol_mmol_l_to_mg_dl(h.cholesterol_mg_dl_to_mmol_l(mg_dl)) == pytest.approx(mg_dl)
    assert h.triglycerides_mmol_l_to_mg_dl(h.triglycerides_mg_dl_to_mmol_l(mg_dl)) == pytest.approx(mg_dl)


@given(st.floats(min_value=3, max_value=20))
def test_hba1c_round_trip(percent: float) -> None:
    assert h.hba1c_mmol_mol_to_percent(h.hba1c_percent_to_mmol_mol(percent)) == pytest.approx(percent)


@given(st.floats(min_value=50, max_value=250), st.floats(min_value=0, max_value=30))
def test_bp_category_never_drops_as_systolic_rises(systolic: float, rise: float) -> None:
    order = ["normal", "elevated", "stage_1", "stage_2", "stage_2_severe"]
    low = h.classify_blood_pressure(systolic, 70).code
    high = h.classify_blood_pressure(systolic + rise, 70).code
    assert order.index(high) >= order.index(low)
