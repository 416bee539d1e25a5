"""The three synthetic plans: the demo's beginner, the bench user's ten years and the scale seed's members.

Each is deterministic (the same seed and day give the same values), dates nothing on or after the day it
is given (the demo and bench end yesterday; a member's entries end on `until`), and keeps the sizes the
benchmarks document (bench/README.md: 1,956 workouts and 39,120 sets for ten years to 2026-11-29).
"""

from __future__ import annotations

import zoneinfo
from datetime import UTC, date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwell.core.synthetic import AMRAP, WARMUP, WORKING, SyntheticWorkout
from liftwell.core.synthetic.bench import BENCH_SETS, BENCH_SLUGS, bench_days, bench_training
from liftwell.core.synthetic.demo import DEMO_SESSIONS, DEMO_SLUGS, demo_training
from liftwell.core.synthetic.members import MEMBER_SLUGS, member
from liftwell.core.training import SetKind

LONDON = zoneinfo.ZoneInfo("Europe/London")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def bench(years: float, today: date) -> list[SyntheticWorkout]:
    return [workout for batch in bench_training(years=years, today=today, zone=BERLIN) for workout in batch]


def sets_of(workouts: list[SyntheticWorkout]) -> int:
    return sum(len(block.sets) for workout in workouts for block in workout.blocks)


def test_the_kinds_are_the_vocabulary_of_logged_sets() -> None:
    assert {WARMUP, WORKING, AMRAP} <= {kind.value for kind in SetKind}


# --- The demo ---


def test_the_demo_is_the_same_for_the_same_seed_and_day() -> None:
    day = date(2026, 11, 30)
    first = demo_training(today=day, weeks=30, seed=8, zone=LONDON)
    assert first == demo_training(today=day, weeks=30, seed=8, zone=LONDON)
    assert first != demo_training(today=day, weeks=30, seed=9, zone=LONDON)


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    today=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    weeks=st.integers(min_value=1, max_value=30),
)
def test_the_demo_trains_only_before_today_in_its_sessions(seed: int, today: date, weeks: int) -> None:
    workouts = demo_training(today=today, weeks=weeks, seed=seed, zone=LONDON)
    for workout in workouts:
        assert workout.local_date < today
        assert workout.local_date.weekday() in {
            0,
            2,
            3,
            4,
        }  # Monday, Wednesday, Friday; Thursday in a short week
        assert workout.started_at < workout.ended_at
        assert all(s.completed_at < workout.ended_at for block in workout.blocks for s in block.sets)
        assert {block.slug for block in workout.blocks} <= DEMO_SLUGS


def test_the_demo_beginner_gets_stronger_and_warms_up() -> None:
    workouts = demo_training(today=date(2026, 11, 30), weeks=104, seed=8, zone=LONDON)
    squats = [
        s.load_kg
        for workout in workouts
        for block in workout.blocks
        if block.slug == "barbell-back-squat"
        for s in block.sets
        if s.kind == WORKING
    ]
    plan = DEMO_SESSIONS[0][1][0]
    assert squats[0] is not None and squats[-1] is not None
    assert float(squats[0]) == pytest.approx(plan.start_kg, abs=2.5)
    assert float(squats[-1]) > plan.start_kg + 0.8 * (plan.plateau_kg - plan.start_kg)
    first_squat = workouts[0].blocks[0]
    assert [s.kind for s in first_squat.sets] == [WARMUP, WARMUP, WORKING, WORKING, WORKING]
    holds = [s for w in workouts for b in w.blocks if b.slug == "plank" for s in b.sets]
    carries = [s for w in workouts for b in w.blocks if b.slug == "dumbbell-farmer-carry" for s in b.sets]
    assert holds and all(s.duration_s and s.load_kg is None for s in holds)
    assert carries and all(s.distance_m == 30 and s.reps is None for s in carries)


# --- The bench user ---


@pytest.mark.parametrize(
    ("today", "workouts", "sets"),
    [
        (date(2026, 11, 29), 1956, 39_120),  # bench/README.md, the runs of 2026-11-29
    ],
)
def test_ten_years_of_bench_training_have_the_documented_size(today: date, workouts: int, sets: int) -> None:
    planned = bench(10, today)
    assert (len(planned), sets_of(planned)) == (workouts, sets)
    assert sets == workouts * 5 * BENCH_SETS


def test_the_bench_plan_is_the_same_in_every_batch_however_it_is_cut() -> None:
    today = date(2026, 5, 4)
    whole = bench(2, today)
    assert whole == bench(2, today)
    # A batch draws from its own generator: the first batch alone plans what the whole run plans.
    first_batch = next(bench_training(years=2, today=today, zone=BERLIN))
    assert first_batch == whole[: len(first_batch)]


def test_the_bench_user_trains_four_days_a_week_before_today() -> None:
    today = date(2026, 5, 4)
    days = list(bench_days(1, today))
    assert all(day < today and day.weekday() in {0, 1, 3, 4} for _, day, _ in days)
    workouts = bench(1, today)
    slugs = {block.slug for workout in workouts for block in workout.blocks}
    assert slugs == BENCH_SLUGS
    kinds = {s.kind for workout in workouts for block in workout.blocks for s in block.sets}
    assert kinds == {WARMUP, WORKING, AMRAP}


# --- The scale seed's members ---

UNTIL = date(2026, 11, 1)


def test_a_member_is_the_same_for_the_same_seed_and_number() -> None:
    assert member(seed=1, number=7, years=1, until=UNTIL) == member(seed=1, number=7, years=1, until=UNTIL)
    assert member(seed=1, number=7, years=1, until=UNTIL) != member(seed=2, number=7, years=1, until=UNTIL)


@pytest.mark.parametrize("number", range(12))
def test_a_member_trains_and_measures_inside_the_window(number: int) -> None:
    made = member(seed=1, number=number, years=1, until=UNTIL)
    first = made.joined.date()
    assert UNTIL - timedelta(days=365) < first <= UNTIL and made.joined.tzinfo == UTC
    for workout in made.workouts:
        assert first <= workout.local_date <= UNTIL
        assert {block.slug for block in workout.blocks} <= MEMBER_SLUGS
        assert [s.kind for s in workout.blocks[0].sets][:1] == [WARMUP]
    days = [e.day for e in made.weigh_ins] + [e.day for e in made.pressures]
    days += [e.day for e in made.labs] + [e.day for e in made.check_ins]
    assert all(first <= day <= UNTIL for day in days)


def test_some_members_train_to_the_end_and_the_others_drop_out() -> None:
    # Of the members who joined at least 26 weeks before the end, those who stay (35 %) and the few whose
    # drop-out (2 weeks + an exponential of mean 14) comes later still train in its last two weeks:
    # 0.35 + 0.65 x e^(-24/14), about 47 %.
    members = [member(seed=1, number=n, years=1, until=UNTIL) for n in range(100)]
    joined_early = [made for made in members if made.joined.date() <= UNTIL - timedelta(weeks=26)]
    to_the_end = [
        m for m in joined_early if m.workouts and m.workouts[-1].local_date > UNTIL - timedelta(days=14)
    ]
    assert len(joined_early) > 30
    assert 0.3 * len(joined_early) < len(to_the_end) < 0.65 * len(joined_early)
