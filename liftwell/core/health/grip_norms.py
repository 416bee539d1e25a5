"""Grip-strength norms by sex, age AND body height: Steiber 2016, from the German Socio-Economic Panel.

Steiber N. Strong or weak handgrip? Normative reference values for the German population across the life
course stratified by sex, age, and body height. PLoS ONE 2016;11(10):e0163917 (CC BY 4.0), Tables 1-2:
the mean grip and a risk threshold one standard deviation below it, for each sex, age band (17-19 ...
75-79, 80-90) and 5-cm height band. 25,285 observations of 11,790 people aged 17-90 (2006-2014), measured
with a Smedley dynamometer. The paper's survival analysis puts the start of a "critically weak" grip,
worth a closer look, at 1 SD below the group mean: that is the risk threshold here.

What the reference does not support, and this module therefore does not do:
- heights outside the table (men under 160 cm, women under 150 cm or 185 cm and over) and ages outside
  17-90 get no classification (None), rather than an extrapolated one;
- it gives no centiles (10th/50th/90th): only a mean and the 1-SD threshold, so no "percentile" is shown;
- it is one German population measured with a Smedley dynamometer; values from a Jamar-type hydraulic
  dynamometer (as in Dodds et al. 2014 and EWGSOP2) are not strictly comparable;
- Dodds et al. 2014 (PLoS One 9:e113637) centiles by age and sex, without height, were not transcribed
  (docs/science.md §5.5); the EWGSOP2 cut-offs derived from them (27/16 kg) are in `function.classify_grip`.
"""

from __future__ import annotations

from dataclasses import dataclass

from liftwell.core.health.result import Classification, Level

GRIP_NORMS_SOURCE = "Steiber 2016 (PLoS ONE), German norms by sex, age and height"


@dataclass(frozen=True)
class GripNorm:
    mean_kg: float
    risk_threshold_kg: float  # 1 SD below the mean of the sex, age and height group


_TABLE: tuple[tuple[str, int, int, int, int | None, float, float], ...] = (
    # male: age from, age to, height from, height to (cm, None = and taller), mean, risk threshold (kg)
    ("male", 17, 19, 160, 164, 44.6, 34.9),
    ("male", 17, 19, 165, 169, 45.1, 35.4),
    ("male", 17, 19, 170, 174, 46.5, 36.9),
    ("male", 17, 19, 175, 179, 47.5, 37.8),
    ("male", 17, 19, 180, 184, 48.5, 38.8),
    ("male", 17, 19, 185, 189, 49.3, 39.6),
    ("male", 17, 19, 190, None, 50.4, 40.7),
    ("male", 20, 24, 160, 164, 47, 38.8),
    ("male", 20, 24, 165, 169, 47.8, 39.5),
    ("male", 20, 24, 170, 174, 49.1, 40.8),
    ("male", 20, 24, 175, 179, 50.3, 42),
    ("male", 20, 24, 180, 184, 51.2, 42.9),
    ("male", 20, 24, 185, 189, 51.8, 43.5),
    ("male", 20, 24, 190, None, 52.7, 44.4),
    ("male", 25, 29, 160, 164, 49.4, 41.1),
    ("male", 25, 29, 165, 169, 49.9, 41.6),
    ("male", 25, 29, 170, 174, 50.9, 42.6),
    ("male", 25, 29, 175, 179, 51.9, 43.6),
    ("male", 25, 29, 180, 184, 52.8, 44.5),
    ("male", 25, 29, 185, 189, 54.2, 45.9),
    ("male", 25, 29, 190, None, 56.2, 47.9),
    ("male", 30, 34, 160, 164, 51.1, 42.8),
    ("male", 30, 34, 165, 169, 51.8, 43.5),
    ("male", 30, 34, 170, 174, 52.6, 44.3),
    ("male", 30, 34, 175, 179, 53.5, 45.2),
    ("male", 30, 34, 180, 184, 54.5, 46.2),
    ("male", 30, 34, 185, 189, 55.9, 47.6),
    ("male", 30, 34, 190, None, 57.3, 49),
    ("male", 35, 39, 160, 164, 47.8, 38),
    ("male", 35, 39, 165, 169, 50.2, 40.4),
    ("male", 35, 39, 170, 174, 52, 42.2),
    ("male", 35, 39, 175, 179, 53.6, 43.8),
    ("male", 35, 39, 180, 184, 54.9, 45.1),
    ("male", 35, 39, 185, 189, 56.1, 46.3),
    ("male", 35, 39, 190, None, 57.2, 47.5),
    ("male", 40, 44, 160, 164, 47.9, 38.6),
    ("male", 40, 44, 165, 169, 49.9, 40.6),
    ("male", 40, 44, 170, 174, 51.8, 42.5),
    ("male", 40, 44, 175, 179, 53.4, 44),
    ("male", 40, 44, 180, 184, 54.5, 45.2),
    ("male", 40, 44, 185, 189, 55.8, 46.4),
    ("male", 40, 44, 190, None, 56.9, 47.6),
    ("male", 45, 49, 160, 164, 48.2, 39.7),
    ("male", 45, 49, 165, 169, 50, 41.5),
    ("male", 45, 49, 170, 174, 51.6, 43.1),
    ("male", 45, 49, 175, 179, 53, 44.4),
    ("male", 45, 49, 180, 184, 54.2, 45.7),
    ("male", 45, 49, 185, 189, 55.4, 46.8),
    ("male", 45, 49, 190, None, 56.4, 47.9),
    ("male", 50, 54, 160, 164, 45.9, 37.4),
    ("male", 50, 54, 165, 169, 47.7, 39.2),
    ("male", 50, 54, 170, 174, 49.4, 40.8),
    ("male", 50, 54, 175, 179, 50.9, 42.4),
    ("male", 50, 54, 180, 184, 52.1, 43.6),
    ("male", 50, 54, 185, 189, 53.1, 44.5),
    ("male", 50, 54, 190, None, 54.1, 45.5),
    ("male", 55, 59, 160, 164, 42.8, 34.3),
    ("male", 55, 59, 165, 169, 45.1, 36.6),
    ("male", 55, 59, 170, 174, 47.4, 38.9),
    ("male", 55, 59, 175, 179, 49.3, 40.9),
    ("male", 55, 59, 180, 184, 51.1, 42.6),
    ("male", 55, 59, 185, 189, 52.4, 43.9),
    ("male", 55, 59, 190, None, 53.5, 45.1),
    ("male", 60, 64, 160, 164, 41, 32.5),
    ("male", 60, 64, 165, 169, 43.2, 34.7),
    ("male", 60, 64, 170, 174, 45.7, 37.3),
    ("male", 60, 64, 175, 179, 47.6, 39.1),
    ("male", 60, 64, 180, 184, 49.2, 40.7),
    ("male", 60, 64, 185, 189, 50.7, 42.2),
    ("male", 60, 64, 190, None, 52, 43.5),
    ("male", 65, 69, 160, 164, 40.2, 32.8),
    ("male", 65, 69, 165, 169, 42, 34.6),
    ("male", 65, 69, 170, 174, 43.6, 36.3),
    ("male", 65, 69, 175, 179, 45.3, 37.9),
    ("male", 65, 69, 180, 184, 46.9, 39.6),
    ("male", 65, 69, 185, 189, 48.9, 41.6),
    ("male", 65, 69, 190, None, 50.6, 43.2),
    ("male", 70, 74, 160, 164, 37.2, 29.6),
    ("male", 70, 74, 165, 169, 39.1, 31.5),
    ("male", 70, 74, 170, 174, 41.1, 33.5),
    ("male", 70, 74, 175, 179, 42.7, 35.2),
    ("male", 70, 74, 180, 184, 44.4, 36.8),
    ("male", 70, 74, 185, 189, 46.4, 38.9),
    ("male", 70, 74, 190, None, 47.6, 40),
    ("male", 75, 79, 160, 164, 34.7, 26.8),
    ("male", 75, 79, 165, 169, 35.9, 28),
    ("male", 75, 79, 170, 174, 37.5, 29.6),
    ("male", 75, 79, 175, 179, 39, 31.1),
    ("male", 75, 79, 180, 184, 40.6, 32.7),
    ("male", 75, 79, 185, 189, 42.7, 34.8),
    ("male", 75, 79, 190, None, 45.4, 37.5),
    ("male", 80, 90, 160, 164, 29.1, 21.6),
    ("male", 80, 90, 165, 169, 31.2, 23.6),
    ("male", 80, 90, 170, 174, 33, 25.4),
    ("male", 80, 90, 175, 179, 34, 26.4),
    ("male", 80, 90, 180, 184, 35.8, 28.3),
    ("male", 80, 90, 185, 189, 39.5, 32),
    ("male", 80, 90, 190, None, 40.9, 33.3),
    # female: age from, age to, height from, height to (cm, None = and taller), mean, risk threshold (kg)
    ("female", 17, 19, 150, 154, 27.8, 21.6),
    ("female", 17, 19, 155, 159, 29.2, 22.9),
    ("female", 17, 19, 160, 164, 30.2, 24),
    ("female", 17, 19, 165, 169, 31.2, 25),
    ("female", 17, 19, 170, 174, 32.2, 26),
    ("female", 17, 19, 175, 179, 33, 26.7),
    ("female", 17, 19, 180, 184, 33.8, 27.6),
    ("female", 20, 24, 150, 154, 29.1, 23.7),
    ("female", 20, 24, 155, 159, 30.2, 24.8),
    ("female", 20, 24, 160, 164, 31.5, 26.1),
    ("female", 20, 24, 165, 169, 32.5, 27.1),
    ("female", 20, 24, 170, 174, 33.4, 28),
    ("female", 20, 24, 175, 179, 34.5, 29),
    ("female", 20, 24, 180, 184, 35, 29.6),
    ("female", 25, 29, 150, 154, 30.8, 25.2),
    ("female", 25, 29, 155, 159, 31.5, 25.9),
    ("female", 25, 29, 160, 164, 32.3, 26.7),
    ("female", 25, 29, 165, 169, 33.3, 27.7),
    ("female", 25, 29, 170, 174, 34.2, 28.6),
    ("female", 25, 29, 175, 179, 35.3, 29.7),
    ("female", 25, 29, 180, 184, 36.4, 30.8),
    ("female", 30, 34, 150, 154, 31.4, 25.6),
    ("female", 30, 34, 155, 159, 32, 26.2),
    ("female", 30, 34, 160, 164, 32.7, 26.9),
    ("female", 30, 34, 165, 169, 33.7, 27.9),
    ("female", 30, 34, 170, 174, 34.6, 28.8),
    ("female", 30, 34, 175, 179, 35.8, 30),
    ("female", 30, 34, 180, 184, 37, 31.2),
    ("female", 35, 39, 150, 154, 31, 24.8),
    ("female", 35, 39, 155, 159, 32.2, 26.1),
    ("female", 35, 39, 160, 164, 33.2, 27),
    ("female", 35, 39, 165, 169, 34.3, 28.2),
    ("female", 35, 39, 170, 174, 35.3, 29.1),
    ("female", 35, 39, 175, 179, 36.5, 30.3),
    ("female", 35, 39, 180, 184, 37.6, 31.4),
    ("female", 40, 44, 150, 154, 31.5, 25.3),
    ("female", 40, 44, 155, 159, 32.7, 26.4),
    ("female", 40, 44, 160, 164, 33.7, 27.4),
    ("female", 40, 44, 165, 169, 34.8, 28.6),
    ("female", 40, 44, 170, 174, 35.8, 29.6),
    ("female", 40, 44, 175, 179, 37.1, 30.8),
    ("female", 40, 44, 180, 184, 38, 31.8),
    ("female", 45, 49, 150, 154, 29.8, 23.7),
    ("female", 45, 49, 155, 159, 31.4, 25.3),
    ("female", 45, 49, 160, 164, 32.8, 26.7),
    ("female", 45, 49, 165, 169, 34.1, 28),
    ("female", 45, 49, 170, 174, 35.2, 29.1),
    ("female", 45, 49, 175, 179, 36.2, 30.1),
    ("female", 45, 49, 180, 184, 37, 30.9),
    ("female", 50, 54, 150, 154, 28.2, 22.3),
    ("female", 50, 54, 155, 159, 30.1, 24.2),
    ("female", 50, 54, 160, 164, 31.5, 25.6),
    ("female", 50, 54, 165, 169, 32.9, 27),
    ("female", 50, 54, 170, 174, 33.9, 28),
    ("female", 50, 54, 175, 179, 35.2, 29.3),
    ("female", 50, 54, 180, 184, 35.6, 29.7),
    ("female", 55, 59, 150, 154, 26.9, 21.4),
    ("female", 55, 59, 155, 159, 28.8, 23.3),
    ("female", 55, 59, 160, 164, 30.2, 24.7),
    ("female", 55, 59, 165, 169, 31.2, 25.7),
    ("female", 55, 59, 170, 174, 32, 26.5),
    ("female", 55, 59, 175, 179, 32.5, 27),
    ("female", 55, 59, 180, 184, 32.9, 27.4),
    ("female", 60, 64, 150, 154, 25.8, 20.5),
    ("female", 60, 64, 155, 159, 27.4, 22.1),
    ("female", 60, 64, 160, 164, 28.9, 23.6),
    ("female", 60, 64, 165, 169, 29.9, 24.6),
    ("female", 60, 64, 170, 174, 30.6, 25.4),
    ("female", 60, 64, 175, 179, 31.3, 26),
    ("female", 60, 64, 180, 184, 31.5, 26.2),
    ("female", 65, 69, 150, 154, 24.5, 19.3),
    ("female", 65, 69, 155, 159, 26.2, 21),
    ("female", 65, 69, 160, 164, 27.5, 22.3),
    ("female", 65, 69, 165, 169, 28.6, 23.4),
    ("female", 65, 69, 170, 174, 29.5, 24.3),
    ("female", 65, 69, 175, 179, 30.3, 25.1),
    ("female", 65, 69, 180, 184, 30.5, 25.3),
    ("female", 70, 74, 150, 154, 23.4, 18.5),
    ("female", 70, 74, 155, 159, 24.7, 19.8),
    ("female", 70, 74, 160, 164, 26.1, 21.2),
    ("female", 70, 74, 165, 169, 27.3, 22.4),
    ("female", 70, 74, 170, 174, 28.1, 23.2),
    ("female", 70, 74, 175, 179, 28.7, 23.8),
    ("female", 70, 74, 180, 184, 29.2, 24.3),
    ("female", 75, 79, 150, 154, 22.7, 18.2),
    ("female", 75, 79, 155, 159, 23.3, 18.8),
    ("female", 75, 79, 160, 164, 24, 19.5),
    ("female", 75, 79, 165, 169, 24.9, 20.4),
    ("female", 75, 79, 170, 174, 26.1, 21.6),
    ("female", 75, 79, 175, 179, 27.6, 23.1),
    ("female", 75, 79, 180, 184, 28.9, 24.4),
    ("female", 80, 90, 150, 154, 19.9, 15.9),
    ("female", 80, 90, 155, 159, 20.4, 16.4),
    ("female", 80, 90, 160, 164, 21.2, 17.1),
    ("female", 80, 90, 165, 169, 22.1, 18),
    ("female", 80, 90, 170, 174, 23.8, 19.7),
    ("female", 80, 90, 175, 179, 23, 19),
)


def grip_norm(sex: str, age: int, height_cm: float) -> GripNorm | None:
    """The Steiber 2016 mean and risk threshold for this sex, age (whole years) and height. Height bands
    are 5 cm wide and start at their lower bound: 164.9 cm is in 160-164, 165.0 in 165-169. None outside
    the table."""
    for row_sex, age_from, age_to, height_from, height_to, mean_kg, threshold_kg in _TABLE:
        if row_sex != sex or not age_from <= age <= age_to:
            continue
        if height_cm >= height_from and (height_to is None or height_cm < height_to + 1):
            return GripNorm(mean_kg, threshold_kg)
    return None


def classify_grip_for_height(sex: str, age: int, height_cm: float, grip_kg: float) -> Classification | None:
    """Grip against people of the same sex, age band and height band (Steiber 2016): below the risk
    threshold (mean - 1 SD) is weak for the group; from there to the mean is below average; at or above
    the mean is average or better. None without a norm (see the module docstring)."""
    norm = grip_norm(sex, age, height_cm)
    if norm is None:
        return None
    if grip_kg < norm.risk_threshold_kg:
        return Classification(
            "weak",
            f"Weak for your age, sex and height (under {norm.risk_threshold_kg:g} kg): worth a closer look",
            GRIP_NORMS_SOURCE,
            Level.ATTENTION,
        )
    if grip_kg < norm.mean_kg:
        return Classification(
            "below_average",
            f"Below the average of {norm.mean_kg:g} kg for your age, sex and height",
            GRIP_NORMS_SOURCE,
            Level.INFO,
        )
    return Classification(
        "average_or_above",
        f"At or above the average of {norm.mean_kg:g} kg for your age, sex and height",
        GRIP_NORMS_SOURCE,
        Level.GOOD,
    )
