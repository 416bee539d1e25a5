"""Laboratory values in either unit: canonical storage and classification in the unit entered.

Canonical units: mmol/L for glucose and lipids, NGSP % for HbA1c. A value is classified in the unit it
was typed in (converted back from storage), because converting first can move it across a rounded
boundary: 126 mg/dL is 6.99 mmol/L, yet both mean "diabetes range" in their own unit; a total
cholesterol of 6.2 mmol/L is 239.8 mg/dL, yet "high" against the SI cut-points.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from liftwell.core.health import conversions, markers
from liftwell.core.health.result import Classification

MG_DL = "mg/dL"
MMOL_L = "mmol/L"
PERCENT = "%"
MMOL_MOL = "mmol/mol"


class Analyte(StrEnum):
    FASTING_GLUCOSE = "fasting_glucose"
    HBA1C = "hba1c"
    TOTAL_CHOLESTEROL = "total_cholesterol"
    LDL = "ldl"
    HDL = "hdl"
    TRIGLYCERIDES = "triglycerides"


class LdlMethod(StrEnum):
    """How an LDL value was obtained: most reports calculate it (Friedewald, Martin-Hopkins, Sampson);
    some measure it directly. Exports code the two differently (LOINC 13457-7 and 18262-6)."""

    CALCULATED = "calculated"
    DIRECT = "direct"


LDL_METHOD_LABELS: dict[LdlMethod, str] = {
    LdlMethod.CALCULATED: "Calculated (most reports)",
    LdlMethod.DIRECT: 'Measured directly ("direct LDL")',
}


def units_for(analyte: Analyte) -> tuple[str, str]:
    """The two units an analyte may be entered in; the first is the canonical one."""
    return (PERCENT, MMOL_MOL) if analyte is Analyte.HBA1C else (MMOL_L, MG_DL)


_TO_CANONICAL: dict[Analyte, Callable[[float], float]] = {
    Analyte.FASTING_GLUCOSE: conversions.glucose_mg_dl_to_mmol_l,
    Analyte.HBA1C: conversions.hba1c_mmol_mol_to_percent,
    Analyte.TOTAL_CHOLESTEROL: conversions.cholesterol_mg_dl_to_mmol_l,
    Analyte.LDL: conversions.cholesterol_mg_dl_to_mmol_l,
    Analyte.HDL: conversions.cholesterol_mg_dl_to_mmol_l,
    Analyte.TRIGLYCERIDES: conversions.triglycerides_mg_dl_to_mmol_l,
}
_FROM_CANONICAL: dict[Analyte, Callable[[float], float]] = {
    Analyte.FASTING_GLUCOSE: conversions.glucose_mmol_l_to_mg_dl,
    Analyte.HBA1C: conversions.hba1c_percent_to_mmol_mol,
    Analyte.TOTAL_CHOLESTEROL: conversions.cholesterol_mmol_l_to_mg_dl,
    Analyte.LDL: conversions.cholesterol_mmol_l_to_mg_dl,
    Analyte.HDL: conversions.cholesterol_mmol_l_to_mg_dl,
    Analyte.TRIGLYCERIDES: conversions.triglycerides_mmol_l_to_mg_dl,
}


def _check_unit(analyte: Analyte, unit: str) -> None:
    if unit not in units_for(analyte):
        raise ValueError(f"{analyte.value} is entered in {' or '.join(units_for(analyte))}, not {unit!r}")


def to_canonical(analyte: Analyte, value: float, unit: str) -> float:
    """A value typed in `unit`, in the canonical unit (mmol/L or %)."""
    _check_unit(analyte, unit)
    return value if unit == units_for(analyte)[0] else _TO_CANONICAL[analyte](value)


def from_canonical(analyte: Analyte, canonical: float, unit: str) -> float:
    """A stored value shown in `unit`."""
    _check_unit(analyte, unit)
    return canonical if unit == units_for(analyte)[0] else _FROM_CANONICAL[analyte](canonical)


# Display precision per unit: mg/dL whole numbers, mmol/L two decimals, % one, mmol/mol whole.
DISPLAY_PLACES = {MG_DL: 0, MMOL_L: 2, PERCENT: 1, MMOL_MOL: 0}


# Per analyte: (classifier for the first unit, classifier for the second), as `units_for` orders them.
_CLASSIFIERS: dict[Analyte, tuple[Callable[[float], Classification], Callable[[float], Classification]]] = {
    Analyte.FASTING_GLUCOSE: (markers.classify_fasting_glucose_mmol, markers.classify_fasting_glucose),
    Analyte.HBA1C: (markers.classify_hba1c, markers.classify_hba1c_mmol_mol),
    Analyte.TOTAL_CHOLESTEROL: (markers.classify_total_cholesterol_mmol, markers.classify_total_cholesterol),
    Analyte.LDL: (markers.classify_ldl_mmol, markers.classify_ldl),
    Analyte.HDL: (markers.classify_hdl_mmol, markers.classify_hdl),
    Analyte.TRIGLYCERIDES: (markers.classify_triglycerides_mmol, markers.classify_triglycerides),
}


def classify_lab(analyte: Analyte, canonical: float, entered_unit: str) -> Classification:
    """Classify a stored value in the unit it was entered in, against that unit's own cut-points."""
    entered = round(from_canonical(analyte, canonical, entered_unit), 3)
    in_first, in_second = _CLASSIFIERS[analyte]
    return in_first(entered) if entered_unit == units_for(analyte)[0] else in_second(entered)
