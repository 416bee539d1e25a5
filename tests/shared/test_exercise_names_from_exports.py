"""Exercise names from real third-party exports resolve to Liftwell's own library by name or alias.

The sample exports live in the ``shared`` folder beside the repository checkout (test data only; never
copied into the repository). When that folder is absent, these tests skip (fail under CI=true).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest

from liftwell.data.loaders import load_shipped_library
from tests.shared.files import missing, needs, shared_path

SAMPLES = shared_path("data", "samples")
pytestmark = needs(SAMPLES)
NAME_COLUMNS = ("Exercise Name", "exercise_title", "Exercise")

# Labels in the samples that are one person's bookkeeping rather than an exercise name: renamed copies
# kept for old data, warm-up blocks, timed protocols, placeholders. The library deliberately does not
# alias them; an importer has to ask the user what they mean.
NOT_EXERCISE_NAMES = frozenset(
    {
        "Deadlift Old Data",
        "Bench press Backup",
        "Row Machine Back Up",
        "Row Backup",
        "Leg Curl Backup",
        "Leg Press OLD",
        "Crunch Old #2",
        "Squat RPE6",
        "Zzzdump2",
        "Warm Up",
        "KB Warm Up",
        "kettlebell",
        "Aerobics",
        "Yoga",
        "Plank Mix",
        "Tabata Plank Dynamic",
        "Bicep Triggers",
        "Shoulder Triggers",
        "Back Triggers",
        "Chest Triggers",
        "Tricep Triggers",
        "KB Snatch 30''",
        "Kettlebell Snatch 50''",
        "KB One Arm Long Cycle 30''",
        "KB One Arm Long Cycle 50''",
        "Kettlebell One Arm Swing 50''",
        "Kettlebell One Arm Static Hold 20’’/20’’/20’’",
    }
)


def _exercise_names(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    header = text.partition("\n")[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    column = next((name for name in NAME_COLUMNS if name in (reader.fieldnames or [])), None)
    if column is None:  # body measurements and the like
        return []
    return [name.strip() for row in reader if (name := row.get(column) or "").strip()]


@pytest.fixture(scope="module")
def export_names() -> Counter[str]:
    if not SAMPLES.is_dir():  # this module-scoped fixture runs before the per-test check
        missing(str(SAMPLES))
    counts: Counter[str] = Counter()
    for path in sorted(SAMPLES.glob("*.csv")):
        if path.name.split("_")[0] in {"strong", "hevy", "fitnotes", "fitbod"}:
            counts.update(_exercise_names(path))
    if not counts:
        missing(f"a Strong, Hevy, FitNotes or Fitbod sample export in {SAMPLES}")
    return counts


@pytest.fixture(scope="module")
def known_names() -> set[str]:
    return {label.casefold() for spec in load_shipped_library() for label in spec.all_names}


def test_at_least_95_percent_of_distinct_export_names_resolve(
    export_names: Counter[str], known_names: set[str]
) -> None:
    names = [name for name in export_names if name not in NOT_EXERCISE_NAMES]
    missing = sorted(name for name in names if name.casefold() not in known_names)
    coverage = 1 - len(missing) / len(names)
    assert coverage >= 0.95, f"{coverage:.1%} resolve; missing: {missing}"


def test_the_40_most_frequent_export_names_all_resolve(
    export_names: Counter[str], known_names: set[str]
) -> None:
    ranked = [name for name, _ in export_names.most_common() if name not in NOT_EXERCISE_NAMES]
    missing = [name for name in ranked[:40] if name.casefold() not in known_names]
    assert missing == []


def test_excluded_labels_really_occur_in_the_samples(export_names: Counter[str]) -> None:
    """Keep the exclusion list honest: every entry must still be found in the samples."""
    assert NOT_EXERCISE_NAMES - set(export_names) == set()
