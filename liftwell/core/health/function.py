"""Functional tests: EWGSOP2 sarcopenia, SARC-F, Senior Fitness Test and push-up norms
(docs/science.md §5)."""

from __future__ import annotations

from dataclasses import dataclass

from liftwell.core.health.result import Classification, Level

EWGSOP2 = "EWGSOP2 2019"
SARC_F_SOURCE = "SARC-F, Malmstrom & Morley 2013"
SFT_SOURCE = "Rikli & Jones, Senior Fitness Test"
PUSH_UP_SOURCE = "CSEP / ACSM push-up norms"

# EWGSOP2 cut-offs (Cruz-Jentoft et al., Age Ageing 2019): (men, women).
GRIP_LOW_KG = {"male": 27.0, "female": 16.0}
ASM_LOW_KG = {"male": 20.0, "female": 15.0}
ASM_INDEX_LOW_KG_M2 = {"male": 7.0, "female": 5.5}
CHAIR_STAND_5X_LOW_S = 15.0  # low strength when slower than 15 s
GAIT_SPEED_LOW_M_S = 0.8  # low performance at or below
TUG_LOW_S = 20.0  # low performance at or above
SPPB_LOW_POINTS = 8  # low performance at or below


def classify_grip(sex: str, grip_kg: float) -> Classification | None:
    """Grip strength against the EWGSOP2 cut-off (<27 kg men, <16 kg women). None without a sex."""
    cut = GRIP_LOW_KG.get(sex)
    if cut is None:
        return None
    if grip_kg < cut:
        return Classification("low", "Low grip strength: worth a closer look", EWGSOP2, Level.ATTENTION)
    return Classification("not_low", "Not low", EWGSOP2, Level.GOOD)


def classify_five_times_sit_to_stand(seconds: float) -> Classification:
    """Five chair rises: slower than 15 s is low strength (EWGSOP2)."""
    if seconds > CHAIR_STAND_5X_LOW_S:
        return Classification("low", "Slower than 15 s: low leg strength", EWGSOP2, Level.ATTENTION)
    return Classification("not_low", "Not low", EWGSOP2, Level.GOOD)


def classify_gait_speed(m_s: float) -> Classification:
    """Usual gait speed: 0.8 m/s or slower is low physical performance (EWGSOP2)."""
    if m_s <= GAIT_SPEED_LOW_M_S:
        return Classification("low", "0.8 m/s or slower: low performance", EWGSOP2, Level.ATTENTION)
    return Classification("not_low", "Not low", EWGSOP2, Level.GOOD)


def classify_timed_up_and_go(seconds: float) -> Classification:
    """Timed up-and-go: 20 s or longer is low physical performance (EWGSOP2)."""
    if seconds >= TUG_LOW_S:
        return Classification("low", "20 s or longer: low performance", EWGSOP2, Level.ATTENTION)
    return Classification("not_low", "Not low", EWGSOP2, Level.GOOD)


@dataclass(frozen=True)
class Sarcopenia:
    """EWGSOP2 inputs for one person; any may be unknown (None)."""

    sex: str
    grip_kg: float | None = None
    chair_stand_5x_s: float | None = None
    asm_kg: float | None = None
    asm_kg_m2: float | None = None
    gait_speed_m_s: float | None = None
    tug_s: float | None = None
    sppb_points: int | None = None


def ewgsop2_sarcopenia(person: Sarcopenia) -> Classification:
    """The EWGSOP2 pathway (Cruz-Jentoft et al. 2019): low strength (grip or five chair rises) means
    probable sarcopenia; adding low muscle quantity (ASM or ASM/height^2) confirms it; adding low
    performance (gait speed, TUG or SPPB) makes it severe. Low mass without low strength is not called
    sarcopenia. Muscle quantity needs DXA or BIA, so most people will see "probable" at most."""
    if person.sex not in GRIP_LOW_KG:
        return Classification("unknown", "Needs sex in your profile", EWGSOP2, Level.INFO)
    strength_known = person.grip_kg is not None or person.chair_stand_5x_s is not None
    low_strength = (person.grip_kg is not None and person.grip_kg < GRIP_LOW_KG[person.sex]) or (
        person.chair_stand_5x_s is not None and person.chair_stand_5x_s > CHAIR_STAND_5X_LOW_S
    )
    if not strength_known:
        return Classification("unknown", "Needs a grip or chair-stand test", EWGSOP2, Level.INFO)
    if not low_strength:
        return Classification(
            "no_sarcopenia", "No sarcopenia by the strength criterion (re-test later)", EWGSOP2, Level.GOOD
        )
    low_mass = (person.asm_kg is not None and person.asm_kg < ASM_LOW_KG[person.sex]) or (
        person.asm_kg_m2 is not None and person.asm_kg_m2 < ASM_INDEX_LOW_KG_M2[person.sex]
    )
    if not low_mass:
        return Classification(
            "probable",
            "Probable sarcopenia (low strength): talk to a health professional",
            EWGSOP2,
            Level.ATTENTION,
        )
    low_performance = (
        (person.gait_speed_m_s is not None and person.gait_speed_m_s <= GAIT_SPEED_LOW_M_S)
        or (person.tug_s is not None and person.tug_s >= TUG_LOW_S)
        or (person.sppb_points is not None and person.sppb_points <= SPPB_LOW_POINTS)
    )
    if low_performance:
        return Classification("severe", "Severe sarcopenia", EWGSOP2, Level.WARNING)
    return Classification("confirmed", "Sarcopenia (confirmed)", EWGSOP2, Level.WARNING)


@dataclass(frozen=True)
class SarcF:
    total: int
    classification: Classification


def sarc_f(strength: int, assistance: int, rise: int, climb: int, falls: int) -> SarcF:
    """SARC-F (Malmstrom & Morley 2013): five items scored 0-2; a total of 4 or more is a positive
    screen (specific, not sensitive) and means assess further."""
    items = (strength, assistance, rise, climb, falls)
    if any(item not in (0, 1, 2) for item in items):
        raise ValueError("each SARC-F item is 0, 1 or 2")
    total = sum(items)
    if total >= 4:
        result = Classification(
            "positive", "Positive screen (4 or more): worth assessing further", SARC_F_SOURCE, Level.ATTENTION
        )
    else:
        result = Classification("negative", "Negative screen", SARC_F_SOURCE, Level.GOOD)
    return SarcF(total, result)


# Senior Fitness Test, 30-s chair stand, middle 50 % (25th-75th percentile) by age band:
# (age from, age to, men low, men high, women low, women high). Men 65-69 and 85-89 use the authors'
# 2002 reproduction (12-18, 8-14); sources disagree (docs/science.md §10.10).
_CHAIR_STAND_30S = (
    (60, 64, 14, 19, 12, 17),
    (65, 69, 12, 18, 11, 16),
    (70, 74, 12, 17, 10, 15),
    (75, 79, 11, 17, 10, 15),
    (80, 84, 10, 15, 9, 14),
    (85, 89, 8, 14, 8, 13),
    (90, 94, 7, 12, 4, 11),
)
_ARM_CURL_30S = (
    (60, 64, 16, 22, 13, 19),
    (65, 69, 15, 21, 12, 18),
    (70, 74, 14, 21, 12, 17),
    (75, 79, 13, 19, 11, 17),
    (80, 84, 13, 19, 10, 16),
    (85, 89, 11, 17, 10, 15),
    (90, 94, 10, 14, 8, 13),
)


def _senior_norm(table: tuple[tuple[int, ...], ...], sex: str, age: int, reps: int) -> Classification | None:
    for age_from, age_to, m_low, m_high, f_low, f_high in table:
        if age_from <= age <= age_to:
            if sex == "male":
                low, high = m_low, m_high
            elif sex == "female":
                low, high = f_low, f_high
            else:
                return None
            if reps < low:
                return Classification(
                    "below", f"Below the usual range for your age ({low}-{high})", SFT_SOURCE, Level.ATTENTION
                )
            if reps > high:
                return Classification(
                    "above", f"Above the usual range for your age ({low}-{high})", SFT_SOURCE, Level.GOOD
                )
            return Classification(
                "within", f"Within the usual range for your age ({low}-{high})", SFT_SOURCE, Level.GOOD
            )
    return None


def classify_chair_stand_30s(sex: str, age: int, reps: int) -> Classification | None:
    """30-s chair stand against the middle 50 % of US adults 60-94 (Rikli & Jones). None outside 60-94."""
    return _senior_norm(_CHAIR_STAND_30S, sex, age, reps)


def classify_arm_curl_30s(sex: str, age: int, reps: int) -> Classification | None:
    """30-s arm curl (8 lb men, 5 lb women) against the middle 50 % (Rikli & Jones). None outside 60-94."""
    return _senior_norm(_ARM_CURL_30S, sex, age, reps)


# Push-ups (CSTF/CSEP as reproduced by ACSM): lower bounds of excellent, very good, good, fair.
_PUSH_UPS = {
    "male": (
        (20, 29, 36, 29, 22, 17),
        (30, 39, 30, 22, 17, 12),
        (40, 49, 25, 17, 13, 10),
        (50, 59, 21, 13, 10, 7),
        (60, 69, 18, 11, 8, 5),
    ),
    "female": (
        (20, 29, 30, 21, 15, 10),
        (30, 39, 27, 20, 13, 8),
        (40, 49, 24, 15, 11, 5),
        (50, 59, 21, 11, 7, 2),
        (60, 69, 17, 12, 5, 2),
    ),
}
_PUSH_UP_LABELS = (
    ("excellent", "Excellent", Level.GOOD),
    ("very_good", "Very good", Level.GOOD),
    ("good", "Good", Level.GOOD),
    ("fair", "Fair", Level.INFO),
)


def classify_push_ups(sex: str, age: int, reps: int) -> Classification | None:
    """Push-ups to fatigue (men full, women from the knees) by age 20-69 (CSEP, as in ACSM's
    Guidelines [verify edition]). None outside the table."""
    for age_from, age_to, *bounds in _PUSH_UPS.get(sex, ()):
        if age_from <= age <= age_to:
            for bound, (code, label, level) in zip(bounds, _PUSH_UP_LABELS, strict=True):
                if reps >= bound:
                    return Classification(code, label, PUSH_UP_SOURCE, level)
            return Classification("needs_improvement", "Needs improvement", PUSH_UP_SOURCE, Level.ATTENTION)
    return None
