"""Unit conversions for laboratory values (docs/science.md §4.2 and §4.3).

Each analyte has its own factor: it follows from the molar mass, so glucose, cholesterol and
triglycerides differ. Values are floats; round only for display.
"""

from __future__ import annotations

# Glucose, molar mass 180.16 g/mol: mmol/L = mg/dL / 18.016.
GLUCOSE_MG_DL_PER_MMOL_L = 18.016
# Cholesterol (total, LDL, HDL, non-HDL): mmol/L = mg/dL / 38.67 (x 0.02586).
CHOLESTEROL_MG_DL_PER_MMOL_L = 38.67
# Triglycerides (as triolein): mmol/L = mg/dL / 88.57 (x 0.01129).
TRIGLYCERIDES_MG_DL_PER_MMOL_L = 88.57


def glucose_mg_dl_to_mmol_l(mg_dl: float) -> float:
    """Glucose mg/dL to mmol/L: mg_dl / 18.016 (90 mg/dL -> 5.00 mmol/L)."""
    return mg_dl / GLUCOSE_MG_DL_PER_MMOL_L


def glucose_mmol_l_to_mg_dl(mmol_l: float) -> float:
    """Glucose mmol/L to mg/dL: mmol_l x 18.016 (5.5 mmol/L -> 99.1 mg/dL)."""
    return mmol_l * GLUCOSE_MG_DL_PER_MMOL_L


def cholesterol_mg_dl_to_mmol_l(mg_dl: float) -> float:
    """Total, LDL or HDL cholesterol mg/dL to mmol/L: mg_dl / 38.67 (NCEP ATP III)."""
    return mg_dl / CHOLESTEROL_MG_DL_PER_MMOL_L


def cholesterol_mmol_l_to_mg_dl(mmol_l: float) -> float:
    """Cholesterol mmol/L to mg/dL: mmol_l x 38.67."""
    return mmol_l * CHOLESTEROL_MG_DL_PER_MMOL_L


def triglycerides_mg_dl_to_mmol_l(mg_dl: float) -> float:
    """Triglycerides mg/dL to mmol/L: mg_dl / 88.57 (NCEP ATP III)."""
    return mg_dl / TRIGLYCERIDES_MG_DL_PER_MMOL_L


def triglycerides_mmol_l_to_mg_dl(mmol_l: float) -> float:
    """Triglycerides mmol/L to mg/dL: mmol_l x 88.57."""
    return mmol_l * TRIGLYCERIDES_MG_DL_PER_MMOL_L


def hba1c_percent_to_mmol_mol(percent: float) -> float:
    """HbA1c NGSP % to IFCC mmol/mol by the IFCC-NGSP master equation: (NGSP - 2.152) / 0.09148."""
    return (percent - 2.152) / 0.09148


def hba1c_mmol_mol_to_percent(mmol_mol: float) -> float:
    """HbA1c IFCC mmol/mol to NGSP %: 0.09148 x IFCC + 2.152 (48 mmol/mol -> 6.54 %)."""
    return 0.09148 * mmol_mol + 2.152
