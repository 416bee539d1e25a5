"""Real Strong exports in ../shared/data/samples: after import, the records page's records equal the ones
worked out here from the file with the csv module alone.

Per exercise, over the file's working sets (warm-ups `W`, rest-timer and note rows left out, at least one
rep, a load above zero): the heaviest load, the best Epley e1RM (load x (1 + reps/30), the load itself for
a single, not past 12 reps; docs/science.md §2.1), the best single-set volume and the best session volume
(sum of load x reps in one workout). The files are test data only; without them these tests skip (and
fail under CI=true).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

import pytest

from liftwell.web.imports.matching import Library
from liftwell.web.imports.services import import_file
from liftwell.web.progress import services
from tests.conftest import make_user
from tests.shared.files import needs, shared_path

SAMPLES = shared_path("data", "samples")
pytestmark = needs(SAMPLES)

# Strong exports whose loads are in kg (the 2020-21 file has no unit: its loads are kg, see SOURCES.md).
FILES = [
    "strong_2020-21_12col-duration_MIT__kyriakakis.csv",
    "strong_2025_v6-workoutnum_semicolon_kg__forma.csv",
]
NOT_SETS = {"Rest Timer", "Note"}


def _epley(load: Decimal, reps: int) -> Decimal | None:
    if reps > 12:
        return None
    value = load if reps == 1 else load * (30 + reps) / 30
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)


def records_from_file(text: str) -> dict[str, dict[str, Decimal]]:
    """Exercise name -> its four records, straight from the CSV."""
    delimiter = ";" if text.splitlines()[0].count(";") > 2 else ","
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))
    weight_column = "Weight (kg)" if "Weight (kg)" in rows[0] else "Weight"
    sessions: dict[str, dict[tuple[str, ...], Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    bests: dict[str, dict[str, Decimal]] = defaultdict(dict)

    def raise_to(name: str, kind: str, value: Decimal | None) -> None:
        if value is not None and (kind not in bests[name] or value > bests[name][kind]):
            bests[name][kind] = value

    for row in rows:
        order = row["Set Order"].strip()
        if order in NOT_SETS or order == "W" or not row[weight_column] or not row["Reps"]:
            continue
        load, reps = Decimal(row[weight_column]), int(Decimal(row["Reps"]))
        if reps < 1 or load <= 0:
            continue
        name = row["Exercise Name"].strip()
        workout = (row["Workout #"],) if "Workout #" in row else (row["Date"], row["Workout Name"])
        raise_to(name, "heaviest", load)
        raise_to(name, "e1rm", _epley(load, reps))
        raise_to(name, "set_volume", load * reps)
        sessions[name][workout] += load * reps
    for name, volumes in sessions.items():
        raise_to(name, "session_volume", max(volumes.values()))
    return bests


@pytest.mark.parametrize("file_name", FILES)
def test_imported_records_match_the_file(db: None, library: None, file_name: str) -> None:
    data = (SAMPLES / file_name).read_bytes()
    user = make_user("imported", time_zone="UTC")
    import_file(user=user, data=data, unit="kg", time_zone="UTC")
    expected = records_from_file(data.decode("utf-8-sig"))
    # Names to the exercises the import chose (several names may share one exercise): merge their bests.
    library = Library(user)
    by_exercise: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for name, bests in expected.items():
        exercise, _ = library.find(name)
        assert exercise is not None, name
        for kind, value in bests.items():
            if kind not in by_exercise[exercise.pk] or value > by_exercise[exercise.pk][kind]:
                by_exercise[exercise.pk][kind] = value
    shown = {row.exercise_id: row.records for row in services.records_overview(user).rows}
    assert len(by_exercise) >= 5
    for exercise_id, bests in by_exercise.items():
        records = shown[exercise_id]
        assert records.heaviest is not None and records.heaviest.value == bests["heaviest"], exercise_id
        assert records.best_set_volume is not None and records.best_set_volume.value == bests["set_volume"]
        assert records.best_session_volume is not None
        assert records.best_session_volume.value == bests["session_volume"], exercise_id
        if "e1rm" in bests:
            assert records.best_e1rm is not None and records.best_e1rm.value == bests["e1rm"], exercise_id
        else:
            assert records.best_e1rm is None
