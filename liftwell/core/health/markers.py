"""Blood pressure, glycaemia, lipids and bone density (docs/science.md §4.1-4.4).

Boundaries follow each guideline's own wording: "120-129" means 120 <= x < 130, so non-integer
readings between bands fall into the lower one. Classify in the unit the person entered (docs/science.md §4):
converting first can move a value across a rounded boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from liftwell.core.health.result import Classification, Level

ACC_AHA = "ACC/AHA 2017"
ESC_ESH = "ESC/ESH 2018"
ADA = "ADA Standards of Care"
NCEP = "NCEP ATP III"
NCEP_SI = "NCEP ATP III, SI units"
WHO_BONE = "WHO 1994"
ISCD = "ISCD Official Positions 2019"
BONE_DIAGNOSIS = "a diagnosis is made by your clinician"
FRIEDEWALD_SOURCE = "Friedewald et al., Clin Chem 1972"


class BpGuideline(StrEnum):
    ACC_AHA_2017 = "acc_aha_2017"
    ESC_ESH_2018 = "esc_esh_2018"


class BpLocation(StrEnum):
    """Where a reading was taken. Readings stored before Liftwell asked are NOT_STATED and graded as
    clinic (office) readings, the setting the categories were written for."""

    NOT_STATED = ""
    CLINIC = "clinic"
    HOME = "home"
    AMBULATORY_DAYTIME = "ambulatory_daytime"
    AMBULATORY_24H = "ambulatory_24h"


BP_LOCATION_LABELS: dict[BpLocation, str] = {
    BpLocation.NOT_STATED: "Not stated (graded as a clinic reading)",
    BpLocation.CLINIC: "Clinic, surgery or pharmacy",
    BpLocation.HOME: "Home",
    BpLocation.AMBULATORY_DAYTIME: "Ambulatory monitor, daytime average",
    BpLocation.AMBULATORY_24H: "Ambulatory monitor, 24-hour average",
}

SINGLE_READING = "a diagnosis needs repeated readings"
MONITOR_AVERAGE = "a diagnosis is made by your clinician"


@dataclass(frozen=True)
class _AccAhaCuts:
    """Where each ACC/AHA 2017 category starts, in one setting (mmHg). Normal is below `elevated_sys`
    and `stage_1_dia`; elevated needs the diastolic below `stage_1_dia` too."""

    source: str
    elevated_sys: float
    stage_1_sys: float
    stage_1_dia: float
    stage_2_sys: float
    stage_2_dia: float


# ACC/AHA 2017 Table 11 (Whelton et al., Hypertension 2018): the values that correspond to the office
# cut-points 120/80, 130/80 and 140/90 at home (120/80, 130/80, 135/85), on a daytime ambulatory
# average (the same) and on a 24-hour average (115/75, 125/75, 130/80).
_ACC_AHA_OFFICE = _AccAhaCuts("ACC/AHA 2017 office categories", 120, 130, 80, 140, 90)
_ACC_AHA_CUTS: dict[BpLocation, _AccAhaCuts] = {
    BpLocation.NOT_STATED: _ACC_AHA_OFFICE,
    BpLocation.CLINIC: _ACC_AHA_OFFICE,
    BpLocation.HOME: _AccAhaCuts("ACC/AHA 2017 home values, Table 11", 120, 130, 80, 135, 85),
    BpLocation.AMBULATORY_DAYTIME: _AccAhaCuts(
        "ACC/AHA 2017 daytime ambulatory values, Table 11", 120, 130, 80, 135, 85
    ),
    BpLocation.AMBULATORY_24H: _AccAhaCuts(
        "ACC/AHA 2017 24-hour ambulatory values, Table 11", 115, 125, 75, 130, 80
    ),
}

# ESC/ESH 2018 grades office readings only; out of the office it sets one threshold for hypertension:
# home 135/85, daytime ambulatory 135/85, 24-hour ambulatory 130/80 (Williams et al., Eur Heart J 2018).
_ESC_OUT_OF_OFFICE: dict[BpLocation, tuple[float, float, str]] = {
    BpLocation.HOME: (135, 85, "home"),
    BpLocation.AMBULATORY_DAYTIME: (135, 85, "daytime ambulatory"),
    BpLocation.AMBULATORY_24H: (130, 80, "24-hour ambulatory"),
}


def _caveat(location: BpLocation) -> str:
    monitor = (BpLocation.AMBULATORY_DAYTIME, BpLocation.AMBULATORY_24H)
    return MONITOR_AVERAGE if location in monitor else SINGLE_READING


def classify_blood_pressure(
    systolic_mmhg: float,
    diastolic_mmhg: float,
    guideline: BpGuideline = BpGuideline.ACC_AHA_2017,
    location: BpLocation = BpLocation.CLINIC,
) -> Classification:
    """The range a reading falls in, graded against the cut-points for where it was taken; when
    systolic and diastolic disagree the higher category wins. A reading is never labelled as a
    diagnosis: "In the stage 2 range (ACC/AHA 2017 office categories; a diagnosis needs repeated
    readings)".

    ACC/AHA 2017 (Whelton et al., Hypertension 2018), office: normal <120 and <80; elevated 120-129 and
    <80; stage 1 130-139 or 80-89; stage 2 >=140 or >=90; above 180 and/or above 120 is the severe
    range. Home and daytime ambulatory: stage 2 from 135/85; 24-hour ambulatory: elevated from 115,
    stage 1 from 125/75, stage 2 from 130/80 (Table 11). Table 11 has no out-of-office value for the
    severe range, so above 180/120 is flagged wherever the reading was taken.
    ESC/ESH 2018 (Williams et al., Eur Heart J 2018), office: optimal, normal, high normal, grades 1-3,
    and isolated systolic hypertension (>=140 with <90, graded by systolic); out of the office, at or
    above the threshold for hypertension (home 135/85, ambulatory daytime 135/85, 24 h 130/80) or not.
    """
    if systolic_mmhg <= 0 or diastolic_mmhg <= 0:
        raise ValueError("blood pressure must be positive")
    note = _caveat(location)
    if guideline is BpGuideline.ESC_ESH_2018:
        if location in _ESC_OUT_OF_OFFICE:
            return _classify_bp_esc_out_of_office(systolic_mmhg, diastolic_mmhg, location, note)
        return _classify_bp_esc(systolic_mmhg, diastolic_mmhg, note)
    cuts = _ACC_AHA_CUTS[location]
    if systolic_mmhg > 180 or diastolic_mmhg > 120:
        return Classification(
            "stage_2_severe",
            "In the stage 2 range and above 180/120: seek medical advice promptly",
            cuts.source,
            Level.WARNING,
            note,
        )
    if systolic_mmhg >= cuts.stage_2_sys or diastolic_mmhg >= cuts.stage_2_dia:
        return Classification("stage_2", "In the stage 2 range", cuts.source, Level.WARNING, note)
    if systolic_mmhg >= cuts.stage_1_sys or diastolic_mmhg >= cuts.stage_1_dia:
        return Classification("stage_1", "In the stage 1 range", cuts.source, Level.ATTENTION, note)
    if systolic_mmhg >= cuts.elevated_sys:
        return Classification("elevated", "In the elevated range", cuts.source, Level.ATTENTION, note)
    return Classification("normal", "In the normal range", cuts.source, Level.GOOD, note)


ESC_ESH_OFFICE = f"{ESC_ESH} office grades"

_ESC_BANDS: tuple[tuple[float, float, str, str, Level], ...] = (
    # (systolic from, diastolic from, code, label, level), highest first.
    (180, 110, "grade_3", "In the grade 3 hypertension range", Level.WARNING),
    (160, 100, "grade_2", "In the grade 2 hypertension range", Level.WARNING),
    (140, 90, "grade_1", "In the grade 1 hypertension range", Level.WARNING),
    (130, 85, "high_normal", "In the high-normal range", Level.ATTENTION),
    (120, 80, "normal", "In the normal range", Level.GOOD),
)


def _classify_bp_esc(systolic_mmhg: float, diastolic_mmhg: float, note: str) -> Classification:
    if systolic_mmhg >= 140 and diastolic_mmhg < 90:
        grade = 3 - next(i for i, band in enumerate(_ESC_BANDS) if systolic_mmhg >= band[0])
        return Classification(
            f"isolated_systolic_{grade}",
            f"In the isolated systolic hypertension range (grade {grade} by systolic)",
            ESC_ESH_OFFICE,
            Level.WARNING,
            note,
        )
    for sys_from, dia_from, code, label, level in _ESC_BANDS:
        if systolic_mmhg >= sys_from or diastolic_mmhg >= dia_from:
            return Classification(code, label, ESC_ESH_OFFICE, level, note)
    return Classification("optimal", "In the optimal range", ESC_ESH_OFFICE, Level.GOOD, note)


def _classify_bp_esc_out_of_office(
    systolic_mmhg: float, diastolic_mmhg: float, location: BpLocation, note: str
) -> Classification:
    sys_from, dia_from, where = _ESC_OUT_OF_OFFICE[location]
    source = f"{ESC_ESH} {where} threshold, {sys_from:g}/{dia_from:g}"
    if systolic_mmhg >= sys_from or diastolic_mmhg >= dia_from:
        label = f"In the hypertension range for {where} readings"
        return Classification("out_of_office_hypertension", label, source, Level.WARNING, note)
    label = f"Below the hypertension threshold for {where} readings"
    return Classification("below_out_of_office_threshold", label, source, Level.GOOD, note)


def _ada(value: float, prediabetes_from: float, diabetes_from: float, what: str) -> Classification:
    if value < 0:
        raise ValueError(f"{what} cannot be negative")
    if value >= diabetes_from:
        return Classification(
            "diabetes_range",
            "In the diabetes range: a second test is needed to confirm",
            ADA,
            Level.WARNING,
        )
    if value >= prediabetes_from:
        return Classification("prediabetes", "In the prediabetes range", ADA, Level.ATTENTION)
    return Classification("normal", "Normal", ADA, Level.GOOD)


def classify_fasting_glucose(mg_dl: float) -> Classification:
    """Fasting plasma glucose in mg/dL (ADA): normal <100; prediabetes (IFG) 100-125; diabetes >=126."""
    return _ada(mg_dl, 100, 126, "glucose")


def classify_fasting_glucose_mmol(mmol_l: float) -> Classification:
    """Fasting plasma glucose in mmol/L (ADA): normal <5.6; prediabetes 5.6-6.9; diabetes >=7.0."""
    return _ada(mmol_l, 5.6, 7.0, "glucose")


def classify_hba1c(percent: float) -> Classification:
    """HbA1c in NGSP % (ADA): normal <5.7; prediabetes 5.7-6.4; diabetes >=6.5."""
    return _ada(percent, 5.7, 6.5, "HbA1c")


def classify_hba1c_mmol_mol(mmol_mol: float) -> Classification:
    """HbA1c in IFCC mmol/mol (ADA): normal <39; prediabetes 39-47; diabetes >=48."""
    return _ada(mmol_mol, 39, 48, "HbA1c")


def _check_lipid(value: float) -> None:
    if value < 0:
        raise ValueError("a lipid value cannot be negative")


# NCEP ATP III bands, lowest first: (code, label, level). The cut-points between them come per unit, so
# a value is graded in the unit it was entered in: mg/dL as NCEP writes them, mmol/L against the SI
# cut-points labs print (TC 5.2/6.2; LDL 2.6/3.4/4.1/4.9; HDL 1.0/1.55; TG 1.7/2.3/5.6), because
# converting first moves values across a boundary (6.2 mmol/L is 239.8 mg/dL).
_Band = tuple[str, str, Level]
_LDL_BANDS: tuple[_Band, ...] = (
    ("optimal", "Optimal", Level.GOOD),
    ("near_optimal", "Near or above optimal", Level.INFO),
    ("borderline_high", "Borderline high", Level.ATTENTION),
    ("high", "High", Level.WARNING),
    ("very_high", "Very high", Level.WARNING),
)
_TOTAL_BANDS: tuple[_Band, ...] = (
    ("desirable", "Desirable", Level.GOOD),
    ("borderline_high", "Borderline high", Level.ATTENTION),
    ("high", "High", Level.WARNING),
)
_HDL_BANDS: tuple[_Band, ...] = (
    ("low", "Low", Level.ATTENTION),
    ("middle", "Between low and high", Level.INFO),
    ("high", "High (protective)", Level.GOOD),
)
_TG_BANDS: tuple[_Band, ...] = (
    ("normal", "Normal", Level.GOOD),
    ("borderline_high", "Borderline high", Level.ATTENTION),
    ("high", "High", Level.WARNING),
    ("very_high", "Very high", Level.WARNING),
)


def _grade(value: float, cuts: tuple[float, ...], bands: tuple[_Band, ...], source: str) -> Classification:
    """The band a value falls in: each cut-point opens the next band (value >= cut)."""
    _check_lipid(value)
    index = sum(1 for cut in cuts if value >= cut)
    code, label, level = bands[index]
    return Classification(code, label, source, level)


def classify_ldl(mg_dl: float) -> Classification:
    """LDL cholesterol, mg/dL (NCEP ATP III): <100 optimal; 100-129 near or above optimal; 130-159
    borderline high; 160-189 high; >=190 very high."""
    return _grade(mg_dl, (100, 130, 160, 190), _LDL_BANDS, NCEP)


def classify_ldl_mmol(mmol_l: float) -> Classification:
    """LDL cholesterol, mmol/L (NCEP ATP III, SI cut-points): <2.6 optimal; 2.6-3.3 near or above
    optimal; 3.4-4.0 borderline high; 4.1-4.8 high; >=4.9 very high."""
    return _grade(mmol_l, (2.6, 3.4, 4.1, 4.9), _LDL_BANDS, NCEP_SI)


def classify_total_cholesterol(mg_dl: float) -> Classification:
    """Total cholesterol, mg/dL (NCEP ATP III): <200 desirable; 200-239 borderline high; >=240 high."""
    return _grade(mg_dl, (200, 240), _TOTAL_BANDS, NCEP)


def classify_total_cholesterol_mmol(mmol_l: float) -> Classification:
    """Total cholesterol, mmol/L (NCEP ATP III, SI cut-points): <5.2 desirable; 5.2-6.1 borderline
    high; >=6.2 high."""
    return _grade(mmol_l, (5.2, 6.2), _TOTAL_BANDS, NCEP_SI)


def classify_hdl(mg_dl: float) -> Classification:
    """HDL cholesterol, mg/dL (NCEP ATP III): <40 low; >=60 high (protective); in between unnamed."""
    return _grade(mg_dl, (40, 60), _HDL_BANDS, NCEP)


def classify_hdl_mmol(mmol_l: float) -> Classification:
    """HDL cholesterol, mmol/L (NCEP ATP III, SI cut-points): <1.0 low; >=1.55 high (protective)."""
    return _grade(mmol_l, (1.0, 1.55), _HDL_BANDS, NCEP_SI)


def classify_triglycerides(mg_dl: float) -> Classification:
    """Triglycerides, mg/dL (NCEP ATP III): <150 normal; 150-199 borderline high; 200-499 high;
    >=500 very high."""
    return _grade(mg_dl, (150, 200, 500), _TG_BANDS, NCEP)


def classify_triglycerides_mmol(mmol_l: float) -> Classification:
    """Triglycerides, mmol/L (NCEP ATP III, SI cut-points): <1.7 normal; 1.7-2.2 borderline high;
    2.3-5.5 high; >=5.6 very high."""
    return _grade(mmol_l, (1.7, 2.3, 5.6), _TG_BANDS, NCEP_SI)


def friedewald_ldl_mg_dl(total_mg_dl: float, hdl_mg_dl: float, triglycerides_mg_dl: float) -> float | None:
    """Estimated LDL = total - HDL - TG/5 (mg/dL; Friedewald 1972). None when TG >= 400 mg/dL (invalid)."""
    if triglycerides_mg_dl >= 400:
        return None
    return total_mg_dl - hdl_mg_dl - triglycerides_mg_dl / 5


def friedewald_ldl_mmol_l(
    total_mmol_l: float, hdl_mmol_l: float, triglycerides_mmol_l: float
) -> float | None:
    """Estimated LDL = total - HDL - TG/2.2 (mmol/L). None when TG >= 4.5 mmol/L (invalid)."""
    if triglycerides_mmol_l >= 4.5:
        return None
    return total_mmol_l - hdl_mmol_l - triglycerides_mmol_l / 2.2


def t_score(bmd_g_cm2: float, young_adult_mean_g_cm2: float, young_adult_sd_g_cm2: float) -> float:
    """T = (BMD - young-adult mean) / young-adult SD (WHO 1994)."""
    if young_adult_sd_g_cm2 <= 0:
        raise ValueError("the young-adult SD must be positive")
    return (bmd_g_cm2 - young_adult_mean_g_cm2) / young_adult_sd_g_cm2


def classify_t_score(t: float) -> Classification:
    """DXA T-score (WHO 1994; for postmenopausal women and men 50 and over): normal >= -1.0; low bone
    mass (osteopenia) between -1.0 and -2.5; osteoporosis range <= -2.5. Named as a range: a diagnosis
    is made by a clinician, who also weighs fractures and other risk factors."""
    if t <= -2.5:
        return Classification(
            "osteoporosis", "In the osteoporosis range", WHO_BONE, Level.WARNING, BONE_DIAGNOSIS
        )
    if t < -1.0:
        return Classification(
            "low_bone_mass",
            "In the low bone mass (osteopenia) range",
            WHO_BONE,
            Level.ATTENTION,
            BONE_DIAGNOSIS,
        )
    return Classification("normal", "In the normal range", WHO_BONE, Level.GOOD)


def classify_z_score(z: float) -> Classification:
    """DXA Z-score (ISCD Official Positions; for premenopausal women and men under 50): <= -2.0 is
    "below the expected range for age"; above -2.0 is within it."""
    if z <= -2.0:
        return Classification(
            "below_expected_for_age",
            "Below the expected range for age",
            ISCD,
            Level.ATTENTION,
            BONE_DIAGNOSIS,
        )
    return Classification("within_expected_for_age", "Within the expected range for age", ISCD, Level.GOOD)


class Menopause(StrEnum):
    """A woman's menopause status at the time of a scan, as she states it; NOT_STATED goes by age."""

    NOT_STATED = ""
    BEFORE = "before"
    AFTER = "after"  # after menopause, or in the transition (ISCD allows the WHO categories there)


MENOPAUSE_LABELS: dict[Menopause, str] = {
    Menopause.NOT_STATED: "Not stated (from 50 counts as after)",
    Menopause.BEFORE: "Before menopause",
    Menopause.AFTER: "After menopause, or going through it",
}


def classify_bone_density(
    *,
    t_score: float | None,
    z_score: float | None,
    sex: str,
    age: int | None,
    menopause: Menopause = Menopause.NOT_STATED,
) -> Classification:
    """Which score applies, and what it reads (ISCD Official Positions; WHO 1994).

    The T-score categories apply to postmenopausal women and men aged 50 and over; everyone else is
    judged by the Z-score. A woman's stated menopause status decides for her; when she has not said,
    50 and over counts as postmenopausal (the median age at menopause is about 51), under 50 as not.
    Without the sex, or the age where it is needed, nothing is guessed: the result names what is
    missing (code "needs_profile"). When the score that applies was not entered, the result asks for it
    ("needs_t_score" / "needs_z_score"). `age` is the age in years when the scan was done.
    """
    missing = []
    if sex not in ("female", "male"):
        missing.append("sex")
    if age is None and not (sex == "female" and menopause is not Menopause.NOT_STATED):
        missing.append("birth year")
    if missing:
        return Classification(
            "needs_profile",
            f"Add your {' and '.join(missing)} to your profile to see what this score means "
            "(the T-score categories apply from 50 and after menopause, the Z-score before)",
            ISCD,
            Level.INFO,
        )
    if sex == "female" and menopause is not Menopause.NOT_STATED:
        uses_t = menopause is Menopause.AFTER
    else:
        uses_t = age is not None and age >= 50
    if uses_t:
        if t_score is None:
            return Classification(
                "needs_t_score",
                "From 50, or after menopause, the WHO categories read the T-score: add it from your report",
                ISCD,
                Level.INFO,
            )
        return classify_t_score(t_score)
    if z_score is None:
        return Classification(
            "needs_z_score",
            "Before 50 (and before menopause) the T-score categories do not apply: add the Z-score from "
            "your report to see how it compares with people of your age",
            ISCD,
            Level.INFO,
        )
    return classify_z_score(z_score)


def classify_resting_heart_rate(bpm: float) -> Classification:
    """Resting heart rate: 60-100 bpm is the conventional adult range (AHA patient guidance [verify]);
    below 60 is common in trained people. Shown as a trend, not a diagnosis."""
    source = "AHA patient guidance"
    if bpm > 100:
        return Classification("above_range", "Above the usual resting range", source, Level.ATTENTION)
    if bpm < 60:
        return Classification("below_range", "Below 60 (common in trained people)", source, Level.INFO)
    return Classification("usual", "In the usual resting range", source, Level.GOOD)
