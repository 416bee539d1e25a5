"""The JSON backup: export, restore into an empty account, export again: identical apart from ids."""

from __future__ import annotations

import copy
import io
import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from liftwell.core.screening import QUESTION_CODES
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise, HiddenExercise
from liftwell.web.exercises.services import set_hidden
from liftwell.web.health.kinds import kind_for_slug
from liftwell.web.health.models import BloodPressure, BodyMeasurement, HealthSettings
from liftwell.web.health.services import save_entry, save_health_settings
from liftwell.web.imports.backup import (
    BackupError,
    export_backup,
    looks_like_backup,
    read_backup,
    restore_backup,
)
from liftwell.web.imports.models import ExerciseMapping
from liftwell.web.imports.services import import_file
from liftwell.web.planning.models import Screening
from liftwell.web.planning.services import record_screening
from liftwell.web.programs.models import Enrollment, ProgramSession
from liftwell.web.programs.services import copy_builtin, start_program, start_today
from liftwell.web.training.models import Workout, WorkoutExercise, WorkoutSet
from liftwell.web.training.services import (
    add_workout_exercise,
    create_workout,
    delete_set,
    delete_workout,
    log_set,
)
from tests.conftest import make_user
from tests.web.imports.files import HEVY_MEASUREMENTS, STRONG_CSV

pytestmark = pytest.mark.usefixtures("library")


def _kind(slug: str) -> Any:
    kind = kind_for_slug(slug)
    assert kind is not None
    return kind


def _fill(user: User) -> None:
    """An account with a bit of everything a backup holds, including rows it must leave out."""
    user.display_name, user.unit, user.time_zone = "Ada L.", "lb", "Europe/Berlin"
    user.birth_year, user.sex, user.height_cm = 1980, "female", Decimal("168.5")
    user.plate_set = {"unit": "lb", "bar": "45", "collar": "0", "plates": [["45", 4], ["2.5", 1]]}
    user.default_rest_s = 90
    user.save()
    import_file(user=user, data=STRONG_CSV, unit="lb", time_zone="Europe/Berlin")  # + a custom exercise
    import_file(user=user, data=HEVY_MEASUREMENTS)  # two body measurements, remembered as imported
    bench = Exercise.objects.get(owner=None, slug="barbell-bench-press")
    squat = Exercise.objects.get(owner=None, slug="barbell-back-squat")
    workout, _ = create_workout(
        user=user, started_at=datetime(2024, 4, 2, 17, 5, tzinfo=UTC), title="Upper", notes="good day"
    )
    block, _ = add_workout_exercise(
        user=user, workout=workout, exercise_id=bench.pk, superset_group=1, notes="pause", rest_s=150
    )
    log_set(
        user=user,
        workout=workout,
        exercise_id=bench.pk,
        workout_exercise=block,
        kind="warmup",
        load_kg=Decimal("20"),
        reps=10,
    )
    log_set(
        user=user,
        workout=workout,
        exercise_id=bench.pk,
        workout_exercise=block,
        load_kg=Decimal("61.234999"),
        reps=5,
        rpe=Decimal("8.5"),
        rir=2,
        rest_s=140,
        completed=True,
        completed_at=datetime(2024, 4, 2, 17, 20, tzinfo=UTC),
        notes="slow",
    )
    gone, _ = log_set(
        user=user,
        workout=workout,
        exercise_id=bench.pk,
        workout_exercise=block,
        load_kg=Decimal("70"),
        reps=1,
    )
    delete_set(workout_set=gone)
    deleted, _ = create_workout(user=user, started_at=datetime(2024, 4, 5, 8, 0, tzinfo=UTC), title="Gone")
    log_set(user=user, workout=deleted, exercise_id=squat.pk, load_kg=Decimal("100"), reps=5)
    delete_workout(workout=deleted)
    set_hidden(user=user, exercise=squat, hidden=True)
    for weight in ("80.5", "80.5"):  # the same entry twice: both must come back
        save_entry(
            user=user,
            kind=_kind("body"),
            fields={"measured_on": date(2024, 4, 1), "weight_kg": Decimal(weight)},
        )
    save_entry(
        user=user,
        kind=_kind("body"),
        fields={
            "measured_on": date(2024, 4, 8),
            "weight_kg": Decimal("79.9"),
            "waist_cm": Decimal("81.25"),
            "body_fat_pct": Decimal("22.5"),
            "body_fat_method": "measured",
            "notes": "morning",
        },
    )
    save_entry(
        user=user,
        kind=_kind("blood-pressure"),
        fields={
            "measured_on": date(2024, 4, 3),
            "systolic_mmhg": 128,
            "diastolic_mmhg": 82,
            "resting_hr_bpm": 61,
        },
    )
    save_entry(
        user=user,
        kind=_kind("wellbeing"),
        fields={"measured_on": date(2024, 4, 3), "sleep_quality": 4, "pain": 2, "pain_location": "knee"},
    )
    save_health_settings(user=user, lab_unit="mmol/L", hba1c_unit="mmol/mol", bp_guideline="esc_esh_2018")
    older = copy_builtin(user=user, slug="who-health-minimum")
    start_program(user=user, program=older)
    program = copy_builtin(user=user, slug="beginner-full-body")
    start_program(user=user, program=program)  # the first one stops
    start_today(user=user)  # a workout that is a program session, with its slot map
    record_screening(user=user, answers=dict.fromkeys(QUESTION_CODES, False), pregnant=False, age=44)


def _set_count(document: dict[str, Any]) -> int:
    workouts = document["sections"]["training"]["workouts"]
    return sum(len(block["sets"]) for workout in workouts for block in workout["exercises"])


def _without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


@pytest.fixture
def full(owner: User) -> User:
    _fill(owner)
    return owner


def test_it_round_trips_exactly_into_an_empty_account(full: User) -> None:
    first = export_backup(full)
    twin = make_user("twin")
    restore_backup(user=twin, document=json.loads(json.dumps(first)))
    again = export_backup(User.objects.get(pk=twin.pk))
    assert _without_time(again) == _without_time(first)
    # And the round trip is not trivially empty.
    sections = first["sections"]
    assert len(sections["training"]["workouts"]) == 4
    assert len(sections["programs"]["programs"]) == 2
    assert [e["active"] for e in sections["programs"]["enrollments"]] == [False, True]
    [session] = sections["programs"]["enrollments"][1]["sessions"]
    assert session["slots"] and len(session["slots"]) == len(
        sections["training"]["workouts"][-1]["exercises"]
    )
    assert len(sections["planning"]["screenings"]) == 1
    assert [c["name"] for c in sections["exercises"]["custom"]] == ["Zorbing Press Deluxe"]
    assert sections["exercises"]["hidden"] == ["library/barbell-back-squat"]
    assert len(sections["health"]["entries"]["body_measurement"]) == 5
    assert len(sections["imports"]["measurements"]) == 10
    assert sections["profile"]["plate_set"]["plates"] == [["45", 4], ["2.5", 1]]


def test_it_restores_values_not_just_the_same_json(full: User) -> None:
    twin = make_user("twin")
    restore_backup(user=twin, document=export_backup(full))
    twin.refresh_from_db()
    assert (twin.unit, twin.time_zone, twin.height_cm, twin.default_rest_s) == (
        "lb",
        "Europe/Berlin",
        Decimal("168.5"),
        90,
    )
    assert twin.email == "twin@example.org" and twin.check_password(
        "twin-Passw0rd!"
    )  # the account stays theirs
    heavy = WorkoutSet.objects.get(owner=twin, reps=5, rpe=Decimal("8.5"))
    assert heavy.load_kg == Decimal("61.234999") and heavy.rir == 2 and heavy.notes == "slow"
    assert heavy.completed_at == datetime(2024, 4, 2, 17, 20, tzinfo=UTC)
    assert heavy.workout_exercise.superset_group == 1 and heavy.workout_exercise.rest_s == 150
    original = WorkoutSet.objects.get(owner=full, reps=5, rpe=Decimal("8.5"))
    assert heavy.client_id == original.client_id and heavy.pk != original.pk
    custom = Exercise.objects.get(owner=twin)
    assert custom.name == "Zorbing Press Deluxe"
    assert WorkoutSet.objects.filter(owner=twin, exercise=custom).count() == 1
    assert ExerciseMapping.objects.filter(owner=twin, exercise=custom).exists()
    assert HiddenExercise.objects.filter(user=twin, exercise__slug="barbell-back-squat").exists()
    assert BodyMeasurement.objects.filter(owner=twin, weight_kg=Decimal("80.5")).count() == 2
    assert BloodPressure.objects.get(owner=twin).resting_hr_bpm == 61
    assert HealthSettings.objects.get(owner=twin).bp_guideline == "esc_esh_2018"
    session = ProgramSession.objects.get(enrollment__user=twin)
    assert session.workout.owner == twin
    assert set(session.slots) == {str(pk) for pk in session.workout.exercises.values_list("pk", flat=True)}
    active = Enrollment.objects.get(user=twin, active=True)
    assert (
        active.program.slug == "beginner-full-body"
        and active.state == Enrollment.objects.get(user=full, active=True).state
    )
    assert Screening.objects.get(owner=twin).age == 44
    # What was imported from Hevy stays imported: the same file adds nothing after the restore.
    assert import_file(user=twin, data=HEVY_MEASUREMENTS).new_measurements == 0
    assert BodyMeasurement.objects.filter(owner=twin).count() == 5


def test_deleted_rows_are_left_out(full: User) -> None:
    workouts = export_backup(full)["sections"]["training"]["workouts"]
    assert "Gone" not in [workout["title"] for workout in workouts]
    loads = [s["load_kg"] for w in workouts for b in w["exercises"] for s in b["sets"]]
    assert "70" not in loads


def test_restoring_twice_adds_nothing(full: User) -> None:
    twin = make_user("twin")
    document = export_backup(full)
    first = restore_backup(user=twin, document=document)
    sets = _set_count(document)
    assert sets > 7  # the program workout's sets beside the 7 logged ones
    assert first.added["training.sets"] == sets and first.added["health.body_measurement"] == 5
    counts = (
        Workout.objects.filter(owner=twin).count(),
        WorkoutSet.objects.filter(owner=twin).count(),
        BodyMeasurement.objects.filter(owner=twin).count(),
        Exercise.objects.filter(owner=twin).count(),
    )
    second = restore_backup(user=twin, document=document)
    assert second.total_added == 0
    assert second.already_present["training.sets"] == sets
    assert counts == (
        Workout.objects.filter(owner=twin).count(),
        WorkoutSet.objects.filter(owner=twin).count(),
        BodyMeasurement.objects.filter(owner=twin).count(),
        Exercise.objects.filter(owner=twin).count(),
    )


def test_restoring_into_oneself_adds_nothing(full: User) -> None:
    assert restore_backup(user=full, document=export_backup(full)).total_added == 0


def test_a_backup_holds_only_its_owners_data(full: User, stranger: User) -> None:
    create_workout(user=stranger, started_at=datetime(2024, 4, 9, 7, 0, tzinfo=UTC), title="Sam's")
    mine = export_backup(full)["sections"]
    assert "Sam's" not in [workout["title"] for workout in mine["training"]["workouts"]]
    theirs = export_backup(stranger)["sections"]
    assert [workout["title"] for workout in theirs["training"]["workouts"]] == ["Sam's"]
    assert theirs["exercises"] == {"custom": [], "hidden": [], "mappings": []}
    assert all(rows == [] for rows in theirs["health"]["entries"].values())


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda d: d["sections"]["training"]["workouts"][-1]["exercises"][0]["sets"][-1].update(
                load_kg="-5"
            ),
            "could not be written",
        ),
        (
            lambda d: d["sections"]["training"]["workouts"][-1]["exercises"][0].update(
                exercise="library/no-such-lift"
            ),
            "does not have",
        ),
        (
            lambda d: d["sections"]["training"]["workouts"][-1].update(started_at="yesterday"),
            "refuses|damaged",
        ),
        (lambda d: d["sections"]["training"]["workouts"][-1].update(time_zone="x" * 70), "refuses"),
        (
            lambda d: d["sections"]["health"]["entries"]["blood_pressure"][0].update(systolic_mmhg=900),
            "refuses",
        ),
        (lambda d: d["sections"].update(mystery={}), "does not know"),
        (lambda d: d["sections"]["training"].update(workouts="many"), "not a list"),
    ],
)
def test_a_damaged_backup_writes_nothing(full: User, damage: Any, message: str) -> None:
    document = copy.deepcopy(export_backup(full))
    damage(document)
    twin = make_user("twin")
    with pytest.raises(BackupError, match=message):
        restore_backup(user=twin, document=document)
    assert not Workout.objects.filter(owner=twin).exists()
    assert not WorkoutExercise.objects.filter(owner=twin).exists()
    assert not Exercise.objects.filter(owner=twin).exists()
    assert not BodyMeasurement.objects.filter(owner=twin).exists()
    twin.refresh_from_db()
    assert twin.unit == "kg"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01binary", "not JSON"),
        (b'{"format": "something-else", "version": 1, "sections": {}}', "not a Liftwell backup"),
        (b'{"format": "liftwell-backup", "version": 99, "sections": {}}', "newer than this Liftwell"),
        (b'{"format": "liftwell-backup", "version": 1}', 'no "sections"'),
    ],
)
def test_read_backup_names_what_is_wrong(data: bytes, message: str) -> None:
    with pytest.raises(BackupError, match=message):
        read_backup(data)


def test_looks_like_backup_tells_a_backup_from_a_csv(full: User) -> None:
    assert looks_like_backup(b"\xef\xbb\xbf" + json.dumps(export_backup(full)).encode())
    assert not looks_like_backup(STRONG_CSV)


def test_the_commands_export_and_restore(full: User, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    err = io.StringIO()
    call_command("export", "json", "--user", full.username, "-o", str(path), stderr=err)
    assert read_backup(path.read_bytes())["version"] == 1
    twin = make_user("twin")
    out = io.StringIO()
    call_command("import", str(path), "--user", "twin", "--json", stdout=out)  # detected from the file
    summary = json.loads(out.getvalue())
    sets = _set_count(read_backup(path.read_bytes()))
    assert (summary["format"], summary["new_workouts"], summary["sets"]) == ("liftwell", 4, sets)
    out = io.StringIO()
    call_command("import", str(path), "--user", "twin", "--format", "liftwell", "--json", stdout=out)
    again = json.loads(out.getvalue())
    assert again["new_workouts"] == 0 and again["already_present_workouts"] == 4
    assert sum(again["added"].values()) == 0
    assert _without_time(export_backup(User.objects.get(pk=twin.pk))) == _without_time(
        read_backup(path.read_bytes())
    )


def test_the_import_command_refuses_a_damaged_backup(tmp_path: Path, owner: User) -> None:
    path = tmp_path / "backup.json"
    path.write_text(
        '{"format": "liftwell-backup", "version": 1, "sections": {"training": {"workouts": [{}]}}}'
    )
    with pytest.raises(CommandError, match="client_id"):
        call_command("import", str(path), "--user", owner.username)


def test_dry_run_writes_nothing(full: User, tmp_path: Path) -> None:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(export_backup(full)))
    twin = make_user("twin")
    out = io.StringIO()
    call_command("import", str(path), "--user", "twin", "--dry-run", stdout=out)
    assert "would add" in out.getvalue()
    assert not Workout.objects.filter(owner=twin).exists()


def test_restoring_keeps_the_program_someone_follows_now(full: User) -> None:
    twin = make_user("twin")
    own = copy_builtin(user=twin, slug="back-care")
    start_program(user=twin, program=own)
    restore_backup(user=twin, document=export_backup(full))
    assert Enrollment.objects.get(user=twin, active=True).program == own
    assert Enrollment.objects.filter(user=twin).count() == 3
