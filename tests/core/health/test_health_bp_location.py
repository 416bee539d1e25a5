"""Blood pressure graded for where it was taken, in words that never diagnose (issue 14 item 10).

Sources: ACC/AHA 2017 (Whelton et al., Hypertension 2018) office categories and Table 11 (home and
ambulatory values corresponding to office 120/80, 130/80, 140/90 and 160/100); ESC/ESH 2018 (Williams
et al., Eur Heart J 2018) office grades and out-of-office thresholds (home 135/85, daytime ambulatory
135/85, 24-hour ambulatory 130/80); AHA 2007 (Williams et al., Circulation 2007) for the advice before
training. Each cut-point is tested at both sides.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from liftwell.core import health as h

L = h.BpLocation
ACC, ESC = h.BpGuideline.ACC_AHA_2017, h.BpGuideline.ESC_ESH_2018

# Table 11: office 140/90 = home 135/85 = daytime ambulatory 135/85; office 120/80 and 130/80 are the same
# at home and by day. 24-hour ambulatory: 115/75, 125/75, 130/80.
HOME_CUTS = [
    (119, 79, "normal"),
    (120, 79, "elevated"),
    (129, 79, "elevated"),
    (130, 79, "stage_1"),
    (119, 80, "stage_1"),
    (134, 84, "stage_1"),
    (135, 84, "stage_2"),
    (134, 85, "stage_2"),
    (180, 120, "stage_2"),
    (181, 100, "stage_2_severe"),  # no Table 11 value: the office 180/120 applies everywhere
    (150, 121, "stage_2_severe"),
]
AMBULATORY_24H_CUTS = [
    (114, 74, "normal"),
    (115, 74, "elevated"),
    (124, 74, "elevated"),
    (125, 74, "stage_1"),
    (114, 75, "stage_1"),
    (129, 79, "stage_1"),
    (130, 79, "stage_2"),
    (129, 80, "stage_2"),
]
OFFICE_CUTS = [
    (119, 79, "normal"),
    (120, 79, "elevated"),
    (129, 79, "elevated"),
    (130, 79, "stage_1"),
    (119, 80, "stage_1"),
    (139, 89, "stage_1"),
    (140, 89, "stage_2"),
    (139, 90, "stage_2"),
    (181, 100, "stage_2_severe"),
]


@pytest.mark.parametrize(
    ("location", "systolic", "diastolic", "code"),
    [(L.HOME, *case) for case in HOME_CUTS]
    + [(L.AMBULATORY_DAYTIME, *case) for case in HOME_CUTS]
    + [(L.AMBULATORY_24H, *case) for case in AMBULATORY_24H_CUTS]
    + [(L.CLINIC, *case) for case in OFFICE_CUTS]
    # Readings without a place (all of those stored before Liftwell asked) are graded as office ones.
    + [(L.NOT_STATED, *case) for case in OFFICE_CUTS],
)
def test_acc_aha_cut_points_by_location(
    location: h.BpLocation, systolic: int, diastolic: int, code: str
) -> None:
    assert h.classify_blood_pressure(systolic, diastolic, ACC, location).code == code


def test_the_same_reading_reads_higher_at_home() -> None:
    # 137/86: stage 1 in the clinic, stage 2 at home (home 135/85 corresponds to office 140/90).
    assert h.classify_blood_pressure(137, 86, ACC, L.CLINIC).code == "stage_1"
    home = h.classify_blood_pressure(137, 86, ACC, L.HOME)
    assert home.code == "stage_2"
    assert home.cited == (
        "In the stage 2 range (ACC/AHA 2017 home values, Table 11; a diagnosis needs repeated readings)"
    )


@pytest.mark.parametrize(
    ("location", "systolic", "diastolic", "code"),
    [
        (L.HOME, 134, 84, "below_out_of_office_threshold"),
        (L.HOME, 135, 84, "out_of_office_hypertension"),
        (L.HOME, 134, 85, "out_of_office_hypertension"),
        (L.AMBULATORY_DAYTIME, 134, 84, "below_out_of_office_threshold"),
        (L.AMBULATORY_DAYTIME, 135, 84, "out_of_office_hypertension"),
        (L.AMBULATORY_DAYTIME, 134, 85, "out_of_office_hypertension"),
        (L.AMBULATORY_24H, 129, 79, "below_out_of_office_threshold"),
        (L.AMBULATORY_24H, 130, 79, "out_of_office_hypertension"),
        (L.AMBULATORY_24H, 129, 80, "out_of_office_hypertension"),
        # Office grades for clinic readings and those without a place.
        (L.CLINIC, 139, 89, "high_normal"),
        (L.CLINIC, 140, 90, "grade_1"),
        (L.NOT_STATED, 139, 89, "high_normal"),
        (L.NOT_STATED, 140, 90, "grade_1"),
    ],
)
def test_esc_esh_thresholds_by_location(
    location: h.BpLocation, systolic: int, diastolic: int, code: str
) -> None:
    assert h.classify_blood_pressure(systolic, diastolic, ESC, location).code == code


def test_esc_home_wording() -> None:
    assert h.classify_blood_pressure(136, 80, ESC, L.HOME).cited == (
        "In the hypertension range for home readings "
        "(ESC/ESH 2018 home threshold, 135/85; a diagnosis needs repeated readings)"
    )


@given(
    st.integers(min_value=60, max_value=260),
    st.integers(min_value=30, max_value=150),
    st.sampled_from(list(h.BpGuideline)),
    st.sampled_from(list(h.BpLocation)),
)
def test_no_reading_is_labelled_as_a_diagnosis(
    systolic: int, diastolic: int, guideline: h.BpGuideline, location: h.BpLocation
) -> None:
    result = h.classify_blood_pressure(systolic, diastolic, guideline, location)
    assert result.label.startswith(("In the ", "Below the "))
    assert "range" in result.label or "threshold" in result.label
    assert result.note in ("a diagnosis needs repeated readings", "a diagnosis is made by your clinician")
    assert "you have" not in result.cited.lower()


def test_an_ambulatory_average_defers_to_the_clinician() -> None:
    result = h.classify_blood_pressure(140, 85, ACC, L.AMBULATORY_24H)
    assert result.note == "a diagnosis is made by your clinician"


# Advice before training: clinic 160/100 and 180/110 (AHA 2007, Liftwell's >= rule); out of the office
# 145/90 (ACC/AHA 2017 Table 11's home value for 160/100) and 165/100 (Liftwell's choice: Table 11's
# 15/10 gap at 160/100 carried over to 180/110, no published value existing).
OFFICE_ADVICE = [
    (159, 99, None),
    (160, 99, "caution"),
    (159, 100, "caution"),
    (179, 109, "caution"),
    (180, 109, "do_not_train"),
    (179, 110, "do_not_train"),
]
OUT_OF_OFFICE_ADVICE = [
    (144, 89, None),
    (145, 89, "caution"),
    (144, 90, "caution"),
    (164, 99, "caution"),
    (165, 99, "do_not_train"),
    (164, 100, "do_not_train"),
]


@pytest.mark.parametrize(
    ("location", "systolic", "diastolic", "code"),
    [(L.CLINIC, *case) for case in OFFICE_ADVICE]
    + [(L.NOT_STATED, *case) for case in OFFICE_ADVICE]
    + [
        (where, *case)
        for where in (L.HOME, L.AMBULATORY_DAYTIME, L.AMBULATORY_24H)
        for case in OUT_OF_OFFICE_ADVICE
    ],
)
def test_training_advice_thresholds_by_location(
    location: h.BpLocation, systolic: int, diastolic: int, code: str | None
) -> None:
    advice = h.bp_training_advice(systolic, diastolic, location)
    assert (advice.code if advice else None) == code


def test_home_advice_names_its_threshold_and_source() -> None:
    advice = h.bp_training_advice(150, 85, L.HOME)
    assert advice is not None
    assert "(145/90 or above for a home reading)" in advice.advice
    assert "ACC/AHA 2017 Table 11" in advice.source
    clinic = h.bp_training_advice(165, 85, L.CLINIC)
    assert clinic is not None and "(160/100 or above)" in clinic.advice
    assert "Table 11" not in clinic.source
