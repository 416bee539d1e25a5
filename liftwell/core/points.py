"""Relative-strength points for powerlifting: DOTS, Wilks (original and 2020) and IPF GL (Goodlift).

Each takes the lifter's sex ("M" or "F"), body weight in kg and the lifted total (or single lift) in kg,
and returns points as a float. Coefficients and the clamping of body weight follow OpenPowerlifting's
`modules/coefficients/src/{dots,wilks,wilks2020,goodlift}.rs` (github.com/sstangl/openpowerlifting), as
transcribed in docs/science.md §2.3; OpenPowerlifting's published Dots, Wilks and Goodlift columns are
reproduced to 0.01 by `tests/shared/test_opl_points.py`.

- DOTS (Tim Konertz, BVDK 2019): total x 500 / (A x^4 + B x^3 + C x^2 + D x + E), body weight x clamped to
  [40, 210] kg for men and [40, 150] kg for women.
- Wilks, original (Robert Wilks; IPF 1994-2019): total x 500 / poly5(x), x clamped to [40, 201.9] (men) and
  [26.51, 154.53] (women).
- Wilks 2020 (Wilks / Powerlifting Australia, 600-point scale, not comparable with the original):
  total x 600 / poly5(x), x clamped to [40, 200.95] (men) and [40, 150.95] (women), with the March 2020
  coefficients OpenPowerlifting uses since 2020-03-09 (not the January 2020 table fit).
- IPF GL (IPF, from 2020): total x 100 / (A - B e^(-C x)); 0 below 35 kg body weight, for a zero total, for
  events other than the full power total (SBD) and bench only (B), and where the formula would go negative.
  Wraps and straps count as classic (raw), multi-ply as equipped.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Literal

Sex = Literal["M", "F"]


class Equipment(StrEnum):
    """Powerlifting equipment categories as OpenPowerlifting names them."""

    RAW = "raw"
    WRAPS = "wraps"
    STRAPS = "straps"
    SINGLE_PLY = "single-ply"
    MULTI_PLY = "multi-ply"
    UNLIMITED = "unlimited"


class Event(StrEnum):
    """The lifts a total is made of: S(quat), B(ench), D(eadlift)."""

    SBD = "SBD"
    BD = "BD"
    SD = "SD"
    SB = "SB"
    S = "S"
    B = "B"
    D = "D"


def _check(sex: str, bodyweight_kg: float, total_kg: float) -> None:
    if sex not in ("M", "F"):
        raise ValueError(f"sex must be 'M' or 'F', got {sex!r}")
    if bodyweight_kg <= 0:
        raise ValueError(f"bodyweight_kg must be above 0, got {bodyweight_kg}")
    if total_kg < 0:
        raise ValueError(f"total_kg must be 0 or more, got {total_kg}")


def _poly(coefficients: tuple[float, ...], x: float) -> float:
    """coefficients[0] + coefficients[1] x + coefficients[2] x^2 + ..."""
    return sum(c * x**power for power, c in enumerate(coefficients))


def _clamp(x: float, low: float, high: float) -> float:
    return min(max(x, low), high)


# DOTS, lowest power first: E, D, C, B, A.
_DOTS = {
    "M": ((-307.75076, 24.0900756, -0.1918759221, 0.0007391293, -0.000001093), 40.0, 210.0),
    "F": ((-57.96288, 13.6175032, -0.1126655495, 0.0005158568, -0.0000010706), 40.0, 150.0),
}


def dots_coefficient(sex: Sex, bodyweight_kg: float) -> float:
    """500 / (A x^4 + B x^3 + C x^2 + D x + E), x the clamped body weight (kg)."""
    coefficients, low, high = _DOTS[sex]
    return 500 / _poly(coefficients, _clamp(bodyweight_kg, low, high))


def dots(sex: Sex, bodyweight_kg: float, total_kg: float) -> float:
    """DOTS points: total (kg) x the DOTS coefficient (Konertz 2019). M 100 kg, 1000 kg -> 615.52."""
    _check(sex, bodyweight_kg, total_kg)
    return total_kg * dots_coefficient(sex, bodyweight_kg)


_WILKS_ORIGINAL = {
    "M": (
        (-216.0475144, 16.2606339, -0.002388645, -0.00113732, 7.01863e-06, -1.291e-08),
        40.0,
        201.9,
    ),
    "F": (
        (594.31747775582, -27.23842536447, 0.82112226871, -0.00930733913, 4.731582e-05, -9.054e-08),
        26.51,
        154.53,
    ),
}
# Wilks 2020 as OpenPowerlifting has computed it since 2020-03-09: the formula Robert Wilks sent the USPA.
# It replaced a fit to the January 2020 tables (men a = -99.22855411, ...), whose points differ from these
# by up to 4 % (men at 40 kg) (docs/science.md §2.3 and its erratum of 2026-12-04).
_WILKS_2020 = {
    "M": (
        (
            47.4617885411949,
            8.47206137941125,
            0.073694103462609,
            -0.00139583381094385,
            7.07665973070743e-06,
            -1.20804336482315e-08,
        ),
        40.0,
        200.95,
    ),
    "F": (
        (
            -125.425539779509,
            13.7121941940668,
            -0.0330725063103405,
            -0.0010504000506583,
            9.38773881462799e-06,
            -2.3334613884954e-08,
        ),
        40.0,
        150.95,
    ),
}
# Which Wilks 2020 coefficients these are, for pages that show the points.
WILKS_2020_REVISION = "the March 2020 formula (OpenPowerlifting, updated 2020-03-09)"

WilksVersion = Literal[2020, "original"]


def wilks_coefficient(sex: Sex, bodyweight_kg: float, version: WilksVersion = 2020) -> float:
    """Wilks coefficient: 500 / poly5(x) (original) or 600 / poly5(x) (2020), x the clamped body weight."""
    if version == 2020:
        coefficients, low, high = _WILKS_2020[sex]
        scale = 600.0
    elif version == "original":
        coefficients, low, high = _WILKS_ORIGINAL[sex]
        scale = 500.0
    else:
        raise ValueError(f"version must be 2020 or 'original', got {version!r}")
    return scale / _poly(coefficients, _clamp(bodyweight_kg, low, high))


def wilks(sex: Sex, bodyweight_kg: float, total_kg: float, version: WilksVersion = 2020) -> float:
    """Wilks points: total (kg) x the Wilks coefficient.

    M 100 kg, 1000 kg -> 729.36 (2020), 608.59 (original)."""
    _check(sex, bodyweight_kg, total_kg)
    return total_kg * wilks_coefficient(sex, bodyweight_kg, version)


# IPF GL parameters (A, B, C) by (sex, equipped, event).
_GL: dict[tuple[str, bool, Event], tuple[float, float, float]] = {
    ("M", False, Event.SBD): (1199.72839, 1025.18162, 0.00921),
    ("M", True, Event.SBD): (1236.25115, 1449.21864, 0.01644),
    ("F", False, Event.SBD): (610.32796, 1045.59282, 0.03048),
    ("F", True, Event.SBD): (758.63878, 949.31382, 0.02435),
    ("M", False, Event.B): (320.98041, 281.40258, 0.01008),
    ("M", True, Event.B): (381.22073, 733.79378, 0.02398),
    ("F", False, Event.B): (142.40398, 442.52671, 0.04724),
    ("F", True, Event.B): (221.82209, 357.00377, 0.02937),
}
_CLASSIC = {Equipment.RAW, Equipment.WRAPS, Equipment.STRAPS}
_EQUIPPED = {Equipment.SINGLE_PLY, Equipment.MULTI_PLY}
GL_MIN_BODYWEIGHT_KG = 35.0


def ipf_gl(
    sex: Sex,
    bodyweight_kg: float,
    total_kg: float,
    equipment: Equipment | str = Equipment.RAW,
    event: Event | str = Event.SBD,
) -> float:
    """IPF GL (Goodlift) points: total x 100 / (A - B e^(-C x)), x the body weight in kg (IPF 2020).

    0.0 where OpenPowerlifting gives none: body weight under 35 kg, a zero total, an event other than SBD
    or B, unlimited equipment, or a negative denominator. M equipped SBD 92.04 kg, 1035 kg -> 112.85.
    """
    _check(sex, bodyweight_kg, total_kg)
    equipment = Equipment(equipment.lower())
    event = Event(event.upper())
    if equipment not in _CLASSIC and equipment not in _EQUIPPED:
        return 0.0
    params = _GL.get((sex, equipment in _EQUIPPED, event))
    if params is None or bodyweight_kg < GL_MIN_BODYWEIGHT_KG or total_kg == 0:
        return 0.0
    a, b, c = params
    denominator = a - b * math.exp(-c * bodyweight_kg)
    if denominator == 0:
        return 0.0
    return total_kg * max(0.0, 100 / denominator)
