"""liftwell.core.health against the worked values of docs/science.md (tests/fixtures/science_vectors.json,
a copy of ../shared/reference/vectors.json), table by table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from liftwell.core import health as h

VECTORS = json.loads((Path(__file__).resolve().parents[2] / "fixtures" / "science_vectors.json").read_text())


def rows(name: str) -> list[list[str]]:
    """The body rows of one Markdown table in the vectors file, as lists of cell strings."""
    lines = [line for line in VECTORS[name].splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines[2:]]


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


BP_CODES_ACC = {
    "Normal": "normal",
    "Elevated": "elevated",
    "Stage 1 hypertension": "stage_1",
    "Stage 2 hypertension": "stage_2",
    "Stage 2 hypertension + severe/crisis range (>180 and/or >120)": "stage_2_severe",
}
BP_CODES_ESC = {
    "Optimal": "optimal",
    "Normal": "normal",
    "High normal": "high_normal",
    "Isolated systolic hypertension (grade 1 by SBP)": "isolated_systolic_1",
    "Grade 1 hypertension": "grade_1",
    "Grade 2 hypertension": "grade_2",
    "Grade 3 hypertension": "grade_3",
}


@pytest.mark.parametrize("row", rows("BP_VECTORS"), ids=lambda r: r[0])
def test_blood_pressure_vectors(row: list[str]) -> None:
    systolic, diastolic = numbers(row[0])
    assert h.classify_blood_pressure(systolic, diastolic).code == BP_CODES_ACC[row[1]]
    esc = h.classify_blood_pressure(systolic, diastolic, h.BpGuideline.ESC_ESH_2018)
    assert esc.code == BP_CODES_ESC[row[2]]


ADA_CODES = {
    "Normal": "normal",
    "Prediabetes (IFG)": "prediabetes",
    "Prediabetes": "prediabetes",
    "Diabetes (confirm)": "diabetes_range",
}


@pytest.mark.parametrize("row", rows("GLU_VECTORS"), ids=lambda r: r[0])
def test_glycaemia_vectors(row: list[str]) -> None:
    given, converted, category = row
    value = numbers(given)[-1]
    expected = numbers(converted)[0]
    if given.startswith("FPG") and "mg/dL" in given:
        assert h.glucose_mg_dl_to_mmol_l(value) == pytest.approx(expected, abs=0.005)
        result = h.classify_fasting_glucose(value)
    elif given.startswith("FPG"):
        assert h.glucose_mmol_l_to_mg_dl(value) == pytest.approx(expected, abs=0.05)
        result = h.classify_fasting_glucose_mmol(value)
    elif "mmol/mol" in given:
        assert h.hba1c_mmol_mol_to_percent(value) == pytest.approx(expected, abs=0.005)
        result = h.classify_hba1c_mmol_mol(value)
    else:
        assert h.hba1c_percent_to_mmol_mol(value) == pytest.approx(expected, abs=0.05)
        result = h.classify_hba1c(value)
    assert result.code == ADA_CODES[category]
    assert result.source == "ADA Standards of Care"


LIPID_CODES = {
    "Optimal": "optimal",
    "Borderline high": "borderline_high",
    "Very high": "very_high",
    "High": "high",
    "Low": "low",
    "High (protective)": "high",
}


@pytest.mark.parametrize("row", rows("LIPID_VECTORS"), ids=lambda r: r[0])
def test_lipid_vectors(row: list[str]) -> None:
    given, converted, category = row
    value = numbers(given)[0]
    expected = numbers(converted)[0]
    analyte = given.split()[0]
    is_tg = analyte == "TG"
    if "mmol/L" in given:
        to_mg = h.triglycerides_mmol_l_to_mg_dl if is_tg else h.cholesterol_mmol_l_to_mg_dl
        assert to_mg(value) == pytest.approx(expected, abs=0.05)
        mg_dl = to_mg(value)
    else:
        to_mmol = h.triglycerides_mg_dl_to_mmol_l if is_tg else h.cholesterol_mg_dl_to_mmol_l
        assert to_mmol(value) == pytest.approx(expected, abs=0.005)
        mg_dl = value
    classify = {
        "LDL-C": h.classify_ldl,
        "Total-C": h.classify_total_cholesterol,
        "HDL-C": h.classify_hdl,
        "TG": h.classify_triglycerides,
    }[analyte]
    assert classify(mg_dl).code == LIPID_CODES[category]
    assert classify(mg_dl).source == "NCEP ATP III"


@pytest.mark.parametrize("row", rows("FRIEDEWALD"), ids=lambda r: r[0])
def test_friedewald_vectors(row: list[str]) -> None:
    total, hdl, tg = numbers(row[0])
    formula = h.friedewald_ldl_mmol_l if "mmol/L" in row[0] else h.friedewald_ldl_mg_dl
    result = formula(total, hdl, tg)
    if "not valid" in row[1]:
        assert result is None
    else:
        assert result == pytest.approx(numbers(row[1])[0], abs=0.005)


TSCORE_CODES = {
    "Normal": "normal",
    "Low bone mass (osteopenia)": "low_bone_mass",
    "Osteoporosis": "osteoporosis",
}


@pytest.mark.parametrize("row", rows("TSCORE_VECTORS"), ids=lambda r: r[0])
def test_t_score_vectors(row: list[str]) -> None:
    if row[0].startswith("BMD"):
        bmd, mean, sd = numbers(row[0])[:3]
        t = h.t_score(bmd, mean, sd)
        assert t == pytest.approx(-1.67, abs=0.005)
        assert h.classify_t_score(t).code == "low_bone_mass"
    else:
        assert h.classify_t_score(float(row[0])).code == TSCORE_CODES[row[1]]


WAIST_CODES = {
    "Not increased": "not_increased",
    "Increased": "increased",
    "Substantially increased": "substantially_increased",
}


@pytest.mark.parametrize("row", rows("WAIST_VECTORS"), ids=lambda r: f"{r[0]}-{r[1]}")
def test_waist_vectors(row: list[str]) -> None:
    sex = {"M": "male", "F": "female"}[row[0]]
    result = h.classify_waist(sex, float(row[1]))
    assert result is not None and result.code == WAIST_CODES[row[2]]


BMI_CODES = {
    "Normal range": "normal",
    "Pre-obese": "pre_obese",
    "Underweight (mild thinness)": "mild_thinness",
    "Obese class III": "obese_3",
}


@pytest.mark.parametrize("row", rows("BMI_VECTORS"), ids=lambda r: r[0])
def test_bmi_vectors(row: list[str]) -> None:
    kg, metres = numbers(row[0])
    value = h.bmi(kg, metres * 100)
    assert value == pytest.approx(float(row[1]), abs=0.005)
    assert h.classify_bmi(value).code == BMI_CODES[row[2]]


@pytest.mark.parametrize("row", rows("NAVY_VECTORS"), ids=lambda r: r[0])
def test_navy_vectors(row: list[str]) -> None:
    sex = "male" if row[0].startswith("M") else "female"
    values = numbers(row[0])
    if sex == "male":
        height, neck, waist = values
        result = h.navy_body_fat(sex, height, neck, waist)
    else:
        height, neck, waist, hip = values
        result = h.navy_body_fat(sex, height, neck, waist, hip)
    assert result == pytest.approx(float(row[1]), abs=0.005)


EWGSOP_CODES = {
    "No sarcopenia by strength criterion (re-test later)": "no_sarcopenia",
    "Probable sarcopenia (low strength); mass not low/unknown": "probable",
    "Sarcopenia (confirmed)": "confirmed",
    "Severe sarcopenia": "severe",
}


def _ewgsop_input(text: str) -> h.Sarcopenia:
    sex = "male" if text.startswith("M") else "female"
    fields: dict[str, float] = {}
    for part in text[2:].split(","):
        part = part.strip()
        value = numbers(part.replace("h2", "h"))[-1]
        if part.startswith("grip"):
            fields["grip_kg"] = value
        elif part.startswith("ASM/h"):
            fields["asm_kg_m2"] = value
        elif part.startswith("ASM"):
            fields["asm_kg"] = value
        elif part.startswith("gait"):
            fields["gait_speed_m_s"] = value
        elif part.startswith("chair"):
            fields["chair_stand_5x_s"] = value
        elif part.startswith("TUG"):
            fields["tug_s"] = value
    return h.Sarcopenia(sex=sex, **fields)


@pytest.mark.parametrize("row", rows("EWGSOP_VECTORS"), ids=lambda r: r[0])
def test_ewgsop2_vectors(row: list[str]) -> None:
    assert h.ewgsop2_sarcopenia(_ewgsop_input(row[0])).code == EWGSOP_CODES[row[1]]


@pytest.mark.parametrize("row", rows("SARCF_VECTORS"), ids=lambda r: r[0])
def test_sarc_f_vectors(row: list[str]) -> None:
    items = [int(n) for n in numbers(row[0])]
    result = h.sarc_f(*items)
    assert result.total == int(row[1])
    assert result.classification.code == ("positive" if row[2].startswith("Positive") else "negative")


@pytest.mark.parametrize("row", rows("SFT_VECTORS"), ids=lambda r: r[0])
def test_senior_fitness_vectors(row: list[str]) -> None:
    sex = "male" if " M " in row[0] else "female"
    age, reps = (int(n) for n in numbers(row[0].split(",", 1)[1]))
    classify = h.classify_chair_stand_30s if "chair" in row[0] else h.classify_arm_curl_30s
    result = classify(sex, age, reps)
    assert result is not None and result.code == row[2]
    assert row[1].replace("-", "-") in result.label
