"""The shipped grip norms equal every row of Steiber 2016 as transcribed in ../shared/data/norms.

Skipped when ../shared is absent (failed under CI=true). Each CSV row (sex, age band, height band,
mean, risk threshold) must give the same GripNorm at both ends of its bands, and the table must hold no
row the CSV lacks.
"""

from __future__ import annotations

import csv

from liftwell.core.health.grip_norms import _TABLE, GripNorm, grip_norm
from tests.shared.files import needs, shared_path

CSV = shared_path("data", "norms", "grip_strength_SOEP_Steiber2016.csv")

pytestmark = needs(CSV)


def _band(text: str) -> tuple[int, int | None]:
    if text.endswith("+"):
        return int(text[:-1]), None
    low, high = text.split("–")
    return int(low), int(high)


def test_every_row_of_the_paper_is_shipped() -> None:
    with CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(_TABLE) == 195
    for row in rows:
        sex = row["Gender"].lower()
        age_from, age_to = _band(row["Age"])
        height_from, height_to = _band(row["Height"])
        expected = GripNorm(float(row["Mean HGS"]), float(row["Risk threshold"]))
        top = (height_to + 0.9) if height_to is not None else height_from + 20
        for age in (age_from, age_to):
            for height in (float(height_from), top):
                assert grip_norm(sex, age, height) == expected, (row, age, height)
