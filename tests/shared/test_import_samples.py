"""Every real export in ../shared/data/samples imports whole: one set per set row, nothing twice.

The files are test data only and never copied into the repository; without them these tests skip
(and fail under CI=true).
Expected numbers are counted independently here with the csv module (rows, workout identities).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from liftwell.core.units import to_kg
from liftwell.importers.detect import parse_bytes
from liftwell.web.health.models import BodyMeasurement
from liftwell.web.imports.services import import_file
from liftwell.web.training.models import Workout, WorkoutSet
from tests.conftest import make_user
from tests.shared.files import needs, shared_path

SAMPLES = shared_path("data", "samples")
pytestmark = needs(SAMPLES)

# file, format, data rows, measurements, warm-up sets, problems, unit for unlabelled loads,
# heaviest load as written and its unit, first and last local date (read in UTC).
CASES = [
    (
        "fitbod_2022_WorkoutExport_kg__joecummings.csv",
        "fitbod",
        2856,
        0,
        32,
        0,
        None,
        ("315", "lb"),
        "2018-08-20",
        "2022-01-05",
    ),
    (
        "fitnotes_2017-20_legacy8col_lbs__wmgriffi3.csv",
        "fitnotes",
        11493,
        0,
        0,
        0,
        None,
        ("280.0", "lb"),
        "2017-06-23",
        "2020-08-03",
    ),
    (
        "fitnotes_2025_9col-weightunit_kgs__bilallb.csv",
        "fitnotes",
        1624,
        0,
        0,
        0,
        None,
        ("80.0", "kg"),
        "2025-04-29",
        "2025-09-16",
    ),
    (
        "hevy_2025_kg_MIT__dakheera47.csv",
        "hevy",
        7211,
        0,
        2195,
        0,
        None,
        ("204", "kg"),
        "2024-07-03",
        "2025-09-15",
    ),
    (
        "hevy_2025_lbs_supersets__andyjwest.csv",
        "hevy",
        1732,
        0,
        0,
        0,
        None,
        ("315", "lb"),
        "2024-06-05",
        "2025-07-09",
    ),
    (
        "strong_2016_kgkm-headers_0based__mlahoz.csv",
        "strong",
        1635,
        0,
        0,
        0,
        None,
        ("127.5", "kg"),
        "2016-10-03",
        "2017-10-30",
    ),
    (
        "strong_2017-19_10col__miroslavcsonka.csv",
        "strong",
        2995,
        0,
        0,
        0,
        "kg",
        ("160", "kg"),
        "2017-05-12",
        "2019-07-12",
    ),
    (
        "strong_2018-20_semicolon-unitcols_lbs__dstanek.csv",
        "strong",
        5402,
        0,
        0,
        1,
        None,
        ("620", "lb"),
        "2018-12-10",
        "2020-12-31",
    ),
    (
        "strong_2019_11col-rpe_cyrillic__andrewgrinko.csv",
        "strong",
        208,
        0,
        0,
        0,
        "kg",
        ("70.0", "kg"),
        "2019-12-02",
        "2019-12-16",
    ),
    (
        "strong_2020-21_12col-duration_MIT__kyriakakis.csv",
        "strong",
        1903,
        0,
        0,
        0,
        "kg",
        ("135.0", "kg"),
        "2020-12-30",
        "2021-09-06",
    ),
    (
        "strong_2023_12col-duration_lbs__hipml.csv",
        "strong",
        9065,
        0,
        0,
        0,
        "lb",
        ("270.0", "lb"),
        "2023-01-01",
        "2024-12-18",
    ),
    (
        "strong_2025_v6-workoutnum_semicolon_kg__forma.csv",
        "strong",
        4133,
        0,
        0,
        0,
        None,
        ("198.5", "kg"),
        "2025-01-06",
        "2025-12-11",
    ),
]
IDENTITY = {
    "strong": ("Date", "Workout Name"),
    "hevy": ("start_time", "title"),
    "fitnotes": ("Date",),
    "fitbod": ("Date",),
}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.partition("\n")[0].count(";") > 1 else ","
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


def _workouts_in(path: Path, format: str) -> int:
    columns = IDENTITY[format]
    return len({tuple(row[c].strip() for c in columns) for row in _csv_rows(path)})


@pytest.mark.parametrize("case", CASES, ids=[case[0].split("__")[0] for case in CASES])
@pytest.mark.django_db
def test_every_set_row_becomes_one_set(case: tuple[object, ...], library: None) -> None:
    name, format, rows, _, warmups, problems, guess, (heaviest, unit), first, last = case
    path = SAMPLES / str(name)
    data = path.read_bytes()
    parsed = parse_bytes(data)
    assert parsed.format == format and parsed.data_rows == rows == len(_csv_rows(path))
    assert len(parsed.problems) == problems
    pseudo = sum(parsed.pseudo_rows.get(kind, 0) for kind in ("rest timer", "note"))
    assert len(parsed.sets) + pseudo == rows
    assert (parsed.unit_guess.unit if parsed.unit_guess else None) == guess

    user = make_user("importer", time_zone="UTC")
    summary = import_file(user=user, data=data)
    workouts = _workouts_in(path, str(format))
    assert (summary.workouts, summary.new_workouts, summary.sets) == (workouts, workouts, len(parsed.sets))
    assert summary.warmup_sets == warmups
    sets = WorkoutSet.objects.filter(owner=user)
    assert sets.count() == len(parsed.sets)
    assert sets.filter(kind="warmup").count() == warmups
    assert Workout.objects.filter(owner=user, source=SOURCE[format]).count() == workouts
    top = max(value for value in sets.values_list("load_kg", flat=True) if value is not None)
    assert top == to_kg(Decimal(str(heaviest)), str(unit))
    dates = Workout.objects.filter(owner=user).order_by("local_date").values_list("local_date", flat=True)
    assert (str(dates.first()), str(dates.last())) == (first, last)

    again = import_file(user=user, data=data)
    assert (again.new_workouts, again.already_present_workouts) == (0, workouts)
    assert WorkoutSet.objects.filter(owner=user).count() == len(parsed.sets)


SOURCE = {"strong": "strong", "hevy": "hevy", "fitnotes": "fitnotes", "fitbod": "fitbod"}


@pytest.mark.django_db
def test_the_forma_file_keeps_workout_times_in_the_users_zone(library: None) -> None:
    user = make_user("berliner", time_zone="Europe/Berlin")
    import_file(user=user, data=(SAMPLES / "strong_2025_v6-workoutnum_semicolon_kg__forma.csv").read_bytes())
    workout = Workout.objects.get(owner=user, source_ref="2025-01-06 07:47:59|Push")
    assert workout.started_at.isoformat() == "2025-01-06T06:47:59+00:00"
    assert workout.time_zone == "Europe/Berlin" and str(workout.local_date) == "2025-01-06"
    assert (workout.ended_at - workout.started_at).total_seconds() == 3180


@pytest.mark.parametrize(
    "name", ["fitnotes_bodytracker_lbs__wmgriffi3.csv", "hevy_measurement_data_kg-in__fhaque96.csv"]
)
@pytest.mark.django_db
def test_measurement_files_import_every_value_once(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    parsed = parse_bytes(data)
    assert parsed.measurements and not parsed.problems
    cells = sum(
        1
        for row in _csv_rows(SAMPLES / name)
        for key, value in row.items()
        if key.lower() not in {"date", "time", "measurement", "unit"} and value.strip()
    )
    assert len(parsed.measurements) == cells
    user = make_user("measured")
    summary = import_file(user=user, data=data)
    # Every filled cell is a value written, one replaced by a later reading, or one with no field.
    replaced = sum(count for kind, count in summary.pseudo_rows.items() if "replaced" in kind)
    assert summary.new_measurements + replaced + sum(summary.not_kept.values()) == cells
    assert not summary.problems
    # Weights as the file gives them (lb converted exactly); one body measurement per day.
    weights: dict[str, Decimal] = {}
    for row in _csv_rows(SAMPLES / name):
        if "weight_kg" in row and row["weight_kg"].strip():
            day = datetime.strptime(row["date"], "%d %b %Y, %H:%M").date().isoformat()
            assert day not in weights  # one weight a day in these samples: no reading replaced
            weights[day] = Decimal(row["weight_kg"])
        elif row.get("Measurement") == "Bodyweight":
            assert row["Date"] not in weights
            weights[row["Date"]] = to_kg(Decimal(row["Value"]), "lb")
    stored = {
        str(entry.measured_on): entry.weight_kg
        for entry in BodyMeasurement.objects.filter(owner=user, weight_kg__isnull=False)
    }
    assert stored == {day: kg.quantize(Decimal("0.000001")) for day, kg in weights.items()}
    again = import_file(user=user, data=data)
    assert again.new_measurements == 0 and again.already_present_measurements == summary.new_measurements
    assert BodyMeasurement.objects.filter(owner=user).count() == len(summary.plan.days)  # type: ignore[union-attr]
