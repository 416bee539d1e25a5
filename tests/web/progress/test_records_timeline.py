"""The records page's SQL path (per-session maxima with window functions) and its records timeline.

Nothing is cached: these tests show the SQL answers what `core.series.exercise_records` answers over
every set, and that edits, deletes, restores and deleted workouts show at once.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.test import Client

from liftwell.core.records import RecordKind
from liftwell.core.series import exercise_records
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.progress import services
from liftwell.web.training import services as training
from liftwell.web.training import weeks
from liftwell.web.training.models import Workout
from tests.web.progress.conftest import log

D = Decimal


def _per_set_records(user: User, exercise: Exercise) -> object:
    """The reference: every hard set, grouped, through the core (the path the exercise page uses)."""
    return exercise_records(services._set_groups(weeks.hard_sets(user).filter(exercise=exercise)))


def test_sql_records_match_the_per_set_records(
    owner: User, bench: Exercise, squat: Exercise, stranger: User
) -> None:
    rng = random.Random(6)
    loads = ["60", "80", "100", "102.5", "20.411656", "45.359237"]  # the last two: loads typed in lb
    first = date(2025, 1, 6)
    for n in range(40):
        exercise = bench if n % 2 else squat
        sets = [(rng.choice(loads), rng.randint(1, 15)) for _ in range(rng.randint(1, 4))]
        workout, rows = log(owner, first + timedelta(days=n // 2), exercise, sets)
        if n % 7 == 0:
            log(owner, workout.local_date, exercise, [(200, 3)], kind="warmup", workout=workout)
        if n % 9 == 0:
            log(owner, workout.local_date, exercise, [(300, 1)], completed=False, workout=workout)
        if n % 11 == 0:
            training.delete_set(workout_set=rows[0])
    gone, _ = log(owner, first + timedelta(days=30), bench, [(500, 1)])
    training.delete_workout(workout=gone)
    log(stranger, first, bench, [(400, 10)])  # someone else's sets never count
    rows = {row.exercise_id: row.records for row in services.all_records(owner)}
    assert rows[bench.pk] == _per_set_records(owner, bench)
    assert rows[squat.pk] == _per_set_records(owner, squat)
    assert rows[bench.pk].heaviest is not None and rows[bench.pk].heaviest.value < 200


def test_timeline_newest_first(owner_client: Client, owner: User, bench: Exercise, squat: Exercise) -> None:
    log(owner, date(2026, 3, 2), bench, [(100, 5)])  # the starting mark
    log(owner, date(2026, 3, 4), squat, [(140, 5)])
    log(owner, date(2026, 3, 9), bench, [(105, 3)])  # heaviest 105 (was 100)
    log(owner, date(2026, 3, 16), squat, [(150, 5)])  # every squat record
    overview = services.records_overview(owner)
    assert [(t.name, t.event.day, t.event.kind) for t in overview.timeline] == [
        (squat.name, date(2026, 3, 16), RecordKind.HEAVIEST_LOAD),
        (squat.name, date(2026, 3, 16), RecordKind.BEST_E1RM),
        (squat.name, date(2026, 3, 16), RecordKind.BEST_SET_VOLUME),
        (squat.name, date(2026, 3, 16), RecordKind.BEST_SESSION_VOLUME),
        (bench.name, date(2026, 3, 9), RecordKind.HEAVIEST_LOAD),
    ]
    html = owner_client.get("/progress/records/").content.decode()
    timeline = html[html.index("Records timeline") :]
    assert timeline.index("16 Mar 2026") < timeline.index("9 Mar 2026")
    assert "Heaviest weight: 105 kg" in timeline and "(was 100 kg)" in timeline
    assert "Best session volume: 750 kg" in timeline and "(was 700 kg)" in timeline  # 150 x 5, 140 x 5
    assert "2 Mar 2026" not in timeline  # a first session sets the mark, not a record


def test_records_follow_edit_delete_restore(owner: User, bench: Exercise) -> None:
    log(owner, date(2026, 3, 2), bench, [(100, 5)])
    workout, (top,) = log(owner, date(2026, 3, 9), bench, [(110, 3)])

    def heaviest() -> Decimal | None:
        (row,) = services.all_records(owner)
        return None if row.records.heaviest is None else row.records.heaviest.value

    def broken() -> list[Decimal]:
        return [t.event.value for t in services.records_overview(owner).timeline]

    assert heaviest() == 110 and D(110) in broken()
    training.update_set(workout_set=top, changes={"load_kg": D("112.5")})
    assert heaviest() == D("112.5")
    training.update_set(workout_set=top, changes={"kind": "warmup"})
    assert heaviest() == 100 and broken() == []
    training.update_set(workout_set=top, changes={"kind": "working"})
    training.delete_set(workout_set=top)
    assert heaviest() == 100
    training.restore_set(workout_set=top)
    assert heaviest() == D("112.5")
    training.delete_workout(workout=workout)
    assert heaviest() == 100 and broken() == []
    training.restore_workout(workout=Workout.objects.get(pk=workout.pk))
    assert heaviest() == D("112.5")


def test_timeline_empty_until_a_record_is_broken(owner_client: Client, owner: User, bench: Exercise) -> None:
    log(owner, date(2026, 3, 2), bench, [(100, 5)])
    html = owner_client.get("/progress/records/").content.decode()
    assert "No record broken yet" in html
