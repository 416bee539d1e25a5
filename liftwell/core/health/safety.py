"""Blood-pressure advice before training (SCIENCE.md 6.3) and pain bands (section 7)."""

from __future__ import annotations

from dataclasses import dataclass

from liftwell.core.health.result import Classification, Level

BP_ADVICE_SOURCE = "Liftwell rule after AHA 2007 (Williams et al., Circulation 2007)"


@dataclass(frozen=True)
class BpAdvice:
    code: str  # "do_not_train" or "caution"
    headline: str
    advice: str
    source: str = BP_ADVICE_SOURCE


def bp_training_advice(systolic_mmhg: float, diastolic_mmhg: float) -> BpAdvice | None:
    """Advice only, never a block. At or above 180/110 (either number): do not train today, re-measure
    after 5 minutes seated, and seek medical review. At or above 160/100: keep the session light and
    follow up with a clinician. More cautious than the AHA's strict ">" wording, on purpose."""
    if systolic_mmhg >= 180 or diastolic_mmhg >= 110:
        return BpAdvice(
            "do_not_train",
            "Please do not train today",
            "This reading is very high (180/110 or above). Sit quietly for 5 minutes and measure again. "
            "If it stays this high, contact a doctor today; if you have chest pain, shortness of breath, "
            "a severe headache, weakness or trouble speaking, call emergency services.",
        )
    if systolic_mmhg >= 160 or diastolic_mmhg >= 100:
        return BpAdvice(
            "caution",
            "Keep today light, and check with a clinician",
            "This reading is high (160/100 or above). Sit quietly for 5 minutes and measure again. "
            "If it stays high, choose a light session without straining or holding your breath, and "
            "arrange a check with your doctor or nurse.",
        )
    return None


# The bands are in common use; their primary source is still to be checked (OPEN_QUESTIONS.md 22).
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
