"""Every row of the OpenPowerlifting slice in ../shared/data/opl: Dots, Wilks and Goodlift to 0.01.

Skipped when ../shared is absent (failed under CI=true). OpenPowerlifting's "Wilks" column is the
original (1994-2019) formula. Rows without a total (disqualified, no-show) or body weight carry no
points and are counted, not compared.
"""

from __future__ import annotations

import csv

from liftwell.core.points import dots, ipf_gl, wilks
from tests.shared.files import missing, needs, shared_path

OPL = shared_path("data", "opl")
FILES = sorted(OPL.glob("*dots_wilks*goodlift*.csv")) if OPL.exists() else []

pytestmark = needs(OPL)


def _rows() -> list[dict[str, str]]:
    if not FILES:
        missing(f"an OpenPowerlifting *dots_wilks*goodlift*.csv in {OPL}")
    rows: list[dict[str, str]] = []
    for path in FILES:
        with path.open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    return rows


def test_every_row_reproduces_dots_wilks_and_goodlift() -> None:
    compared = 0
    mismatches: list[str] = []
    for number, row in enumerate(_rows(), start=2):
        if not row["TotalKg"] or not row["BodyweightKg"]:
            assert row["Dots"] == "" and row["Wilks"] == "", f"line {number} has points but no total"
            continue
        sex = row["Sex"]
        assert sex in ("M", "F")
        bodyweight_kg, total_kg = float(row["BodyweightKg"]), float(row["TotalKg"])
        expected_gl = float(row["Goodlift"]) if row["Goodlift"] else 0.0
        got = {
            "Dots": (round(dots(sex, bodyweight_kg, total_kg), 2), float(row["Dots"])),
            "Wilks": (round(wilks(sex, bodyweight_kg, total_kg, version="original"), 2), float(row["Wilks"])),
            "Goodlift": (
                round(ipf_gl(sex, bodyweight_kg, total_kg, row["Equipment"], row["Event"]), 2),
                expected_gl,
            ),
        }
        for column, (value, expected) in got.items():
            if abs(value - expected) > 0.0051:
                mismatches.append(f"line {number} {column}: {value} != {expected}")
        compared += 1
    assert not mismatches, mismatches[:20]
    assert compared >= 1400
