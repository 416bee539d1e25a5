"""Blood-pressure advice before training (docs/science.md §6.3) and pain bands (section 7)."""

from __future__ import annotations

from dataclasses import dataclass

from liftwell.core.health.markers import BpLocation
from liftwell.core.health.result import Classification, Level

BP_ADVICE_SOURCE = "Liftwell rule after AHA 2007 (Williams et al., Circulation 2007)"
BP_ADVICE_OUT_OF_OFFICE_SOURCE = (
    "Liftwell rule after AHA 2007 (Williams et al., Circulation 2007), "
    "at out-of-office values after ACC/AHA 2017 Table 11"
)


@dataclass(frozen=True)
class BpAdvice:
    code: str  # "do_not_train" or "caution"
    headline: str
    advice: str
    source: str = BP_ADVICE_SOURCE


@dataclass(frozen=True)
class BpAdviceThresholds:
    """Readings at or above either number get the advice (mmHg)."""

    caution: tuple[int, int]
    do_not_train: tuple[int, int]
    where: str  # "" for a clinic reading, else how the advice names the reading: "a home reading"
    source: str


# Clinic (office) readings, and readings whose place is not stated: the AHA 2007 thresholds.
OFFICE_ADVICE = BpAdviceThresholds((160, 100), (180, 110), "", BP_ADVICE_SOURCE)
# Out-of-office readings run lower for the same risk. ACC/AHA 2017 Table 11 puts the office 160/100 at
# 145/90 at home, on a daytime and on a 24-hour ambulatory average. It has no value for 180/110, and
# none is published elsewhere: Liftwell carries Table 11's widest office-to-home gap (15/10 mmHg, at
# 160/100) over to 180/110, giving 165/100. The gap grows with the reading in Table 11, so this is the
# cautious side: keeping 180/110 for a home reading would advise less than the office rule does for
# the same pressure.
_OUT_OF_OFFICE = ((145, 90), (165, 100))
ADVICE_THRESHOLDS: dict[BpLocation, BpAdviceThresholds] = {
    BpLocation.NOT_STATED: OFFICE_ADVICE,
    BpLocation.CLINIC: OFFICE_ADVICE,
    BpLocation.HOME: BpAdviceThresholds(*_OUT_OF_OFFICE, "a home reading", BP_ADVICE_OUT_OF_OFFICE_SOURCE),
    BpLocation.AMBULATORY_DAYTIME: BpAdviceThresholds(
        *_OUT_OF_OFFICE, "a daytime ambulatory average", BP_ADVICE_OUT_OF_OFFICE_SOURCE
    ),
    BpLocation.AMBULATORY_24H: BpAdviceThresholds(
        *_OUT_OF_OFFICE, "a 24-hour ambulatory average", BP_ADVICE_OUT_OF_OFFICE_SOURCE
    ),
}


def _at_or_above(systolic_mmhg: float, diastolic_mmhg: float, limit: tuple[int, int]) -> bool:
    return systolic_mmhg >= limit[0] or diastolic_mmhg >= limit[1]


def bp_training_advice(
    systolic_mmhg: float, diastolic_mmhg: float, location: BpLocation = BpLocation.CLINIC
) -> BpAdvice | None:
    """Advice only, never a block. For a clinic reading (or one whose place is not stated): at or
    above 180/110 (either number) do not train today, re-measure after 5 minutes seated, and seek
    medical review; at or above 160/100 keep the session light and follow up with a clinician. More
    cautious than the AHA's strict ">" wording, on purpose. Home and ambulatory readings use 165/100
    and 145/90 (see ADVICE_THRESHOLDS for where each comes from)."""
    limits = ADVICE_THRESHOLDS[location]
    stop, light = (f"{s}/{d}" for s, d in (limits.do_not_train, limits.caution))
    where = f" for {limits.where}" if limits.where else ""
    if _at_or_above(systolic_mmhg, diastolic_mmhg, limits.do_not_train):
        return BpAdvice(
            "do_not_train",
            "Please do not train today",
            f"This reading is very high ({stop} or above{where}). Sit quietly for 5 minutes and measure "
            "again. If it stays this high, contact a doctor today; if you have chest pain, shortness of "
            "breath, a severe headache, weakness or trouble speaking, call emergency services.",
            limits.source,
        )
    if _at_or_above(systolic_mmhg, diastolic_mmhg, limits.caution):
        return BpAdvice(
            "caution",
            "Keep today light, and check with a clinician",
            f"This reading is high ({light} or above{where}). Sit quietly for 5 minutes and measure "
            "again. If it stays high, choose a light session without straining or holding your breath, "
            "and arrange a check with your doctor or nurse.",
            limits.source,
        )
    return None


# The bands are in common use; their primary source is still to be checked (docs/science.md §10.22).
PAIN_SOURCE = "0-10 pain scale, common bands"


def classify_pain(score: int) -> Classification:
    """Pain on a 0-10 numeric rating scale: 0 none, 1-3 mild, 4-6 moderate, 7-10 severe."""
    if not 0 <= score <= 10:
        raise ValueError("pain is scored 0-10")
    if score == 0:
        return Classification("none", "No pain", PAIN_SOURCE, Level.GOOD)
    if score <= 3:
        return Classification("mild", "Mild", PAIN_SOURCE, Level.INFO)
    if score <= 6:
        return Classification("moderate", "Moderate", PAIN_SOURCE, Level.ATTENTION)
    return Classification("severe", "Severe", PAIN_SOURCE, Level.WARNING)
