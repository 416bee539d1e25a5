"""The balance slot from 65 and with osteoporosis: kept when time is short, and explained truthfully.

WHO 2020 (Bull et al., Br J Sports Med 2020): adults aged 65 and over, varied multicomponent activity
emphasising balance and strength on 3 or more days a week. Too Fit To Fracture (Giangregorio et al.,
Osteoporos Int 2014): with osteoporosis, balance training alongside resistance training, daily encouraged.
The generator keeps the balance slot of full-body and lower-body days before sets and other extras, and
leaves it out only when the day cannot fit even with everything else at its shortest (`generate._fit`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner import Condition, Experience, Goal, Plan, PlanError, Questionnaire, generate_plan
from liftwell.core.planner.catalogue import fits
from liftwell.core.planner.generate import PlannedDay
from liftwell.core.planner.roles import BALANCE, balance_advised, extras_for
from liftwell.core.vocabulary import BenefitTag, Equipment, Pattern
from tests.core.planner.plans import BY_SLUG, KITS, LIBRARY, questionnaire

AGES = (64, 65)  # either side of WHO's older-adult advice
MINUTES = (20, 30, 45, 60)  # 20 is the shortest session the questionnaire allows
CONDITIONS: list[frozenset[Condition]] = [frozenset()] + [frozenset({condition}) for condition in Condition]
KIT_EXPERIENCE = list(itertools.product(KITS.values(), Experience))


def balance_exercises(day: PlannedDay) -> list[str]:
    """The day's balance-slot exercises, each checked to be a real balance exercise for that slot."""
    found = [exercise for exercise in day.exercises if exercise.role == BALANCE.role.code]
    for exercise in found:
        assert BenefitTag.BALANCE in exercise.spec.benefits and fits(exercise.spec, BALANCE.role)
    return [exercise.spec.slug for exercise in found]


def balance_reason(plan: Plan) -> str:
    [reason] = [r for r in plan.reasons if r.startswith(("From 65, WHO advises", "With osteoporosis or low"))]
    return reason


def check(q: Questionnaire) -> None:
    """The balance slot is on every full-body and lower-body day exactly when balance work is advised (or
    the healthy-ageing goal asks for it); a kept slot goes below 2 sets only after every other exercise is
    down to 1 set and the other extras are gone (above 2, every exercise comes down to 2 first); the
    reason says what the plan holds."""
    plan = generate_plan(q, LIBRARY)
    advised = q.age >= 65 or Condition.OSTEOPOROSIS in q.conditions
    assert balance_advised(q) is advised
    room = [day for day in plan.days if day.kind in BALANCE.days]
    assert room  # every plan has a full-body or a lower-body day
    for day in room:
        if advised:
            assert len(balance_exercises(day)) == 1, (day.name, q)
            [kept] = [e for e in day.exercises if e.role == BALANCE.role.code]
            if kept.trimmed and len(kept.slot.sets) == 1:  # below 2 sets: everything else went first
                others = [e for e in day.exercises if e is not kept]
                assert all(len(e.slot.sets) == 1 for e in others), (day.name, q)
                extras = {extra.role.code for extra in extras_for(q)} - {BALANCE.role.code}
                assert not [e.role for e in others if e.role in extras], (day.name, q)
        elif Goal.HEALTHY_AGEING not in q.goals:
            assert balance_exercises(day) == [], (day.name, q)
    if advised:
        reason = balance_reason(plan)
        assert "includes a balance exercise" in reason and "no time left" not in reason
    else:
        assert not [r for r in plan.reasons if "includes a balance exercise" in r]


# Each row takes the next kit and experience in turn (18 pairs, each met 16 times).
ROWS = [
    (*row, *KIT_EXPERIENCE[index % len(KIT_EXPERIENCE)])
    for index, row in enumerate(itertools.product(AGES, MINUTES, range(1, 7), CONDITIONS))
]


def answers(
    age: int,
    minutes: int,
    days: int,
    conditions: frozenset[Condition],
    kit: frozenset[Equipment],
    experience: Experience,
) -> Questionnaire:
    return Questionnaire(
        goals=frozenset({Goal.STRENGTH_MUSCLE}),
        days_per_week=days,
        minutes_per_session=minutes,
        equipment=kit,
        experience=experience,
        age=age,
        conditions=conditions,
    )


@pytest.mark.parametrize(("age", "minutes", "days", "conditions", "kit", "experience"), ROWS)
def test_balance_is_kept_on_every_lower_and_full_body_day(
    age: int,
    minutes: int,
    days: int,
    conditions: frozenset[Condition],
    kit: frozenset[Equipment],
    experience: Experience,
) -> None:
    """Ages 64 and 65, 20-60 minutes, 1-6 days, no condition or each one: 288 rows; `-m slow` runs every
    kit and experience on every row (`test_balance_is_kept_for_every_kit_and_experience`)."""
    check(answers(age, minutes, days, conditions, kit, experience))


@pytest.mark.slow
def test_balance_is_kept_for_every_kit_and_experience(request: pytest.FixtureRequest) -> None:
    """Every row of the test above with every kit and experience: 5,184 plans, about 35 s of CPU. Part
    of `make test-slow`."""
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("exhaustive: run with -m slow (make test-slow)")
    for age, minutes, days, conditions, (kit, experience) in itertools.product(
        AGES, MINUTES, range(1, 7), CONDITIONS, KIT_EXPERIENCE
    ):
        check(answers(age, minutes, days, conditions, kit, experience))


# --- the order of cuts, at the boundary -----------------------------------------------------------------
# Issue: 174 of 432 plans for a 70-year-old (days 1-6, every kit and experience, 20-60 minutes) had no
# balance exercise, because it went with the other extras before any set was cut.


@pytest.mark.parametrize(
    ("age", "conditions", "has_balance"),
    [
        (64, frozenset(), False),
        (65, frozenset(), True),
        (64, frozenset({Condition.OSTEOPOROSIS}), True),
        (40, frozenset({Condition.OSTEOPOROSIS}), True),
        (64, frozenset({Condition.HYPERTENSION}), False),
    ],
)
def test_at_20_minutes_balance_stays_from_65_and_with_osteoporosis(
    age: int, conditions: frozenset[Condition], has_balance: bool
) -> None:
    plan = generate_plan(
        questionnaire(age=age, conditions=conditions, minutes_per_session=20, days_per_week=3), LIBRARY
    )
    for day in plan.days:
        assert bool(balance_exercises(day)) is has_balance
        # The other extras (lateral raises, curls, triceps for the strength goal) went first.
        assert {"lateral", "curl", "triceps"} <= set(day.cut_for_time)


def test_an_old_plan_that_lost_balance_now_keeps_it() -> None:
    """One of the 174: 70 years old, 3 days of 20 minutes with dumbbells."""
    q = questionnaire(age=70, minutes_per_session=20, days_per_week=3, equipment=KITS["dumbbells"])
    plan = generate_plan(q, LIBRARY)
    assert all(balance_exercises(day) for day in plan.days)
    assert balance_reason(plan) == (
        "From 65, WHO advises varied, multicomponent activity that emphasises balance and strength on 3 or "
        "more days a week, so every session includes a balance exercise; to fit your time, other exercises "
        "lose sets and extras before it does (Bull et al. 2020)."
    )


# --- the last resort: a day that cannot fit it -----------------------------------------------------------
# A library of barbell lifts and a plank only: every exercise but the plank takes 150 s to set up, so a
# full-body day needs 20 minutes at its shortest and 24 with a balance exercise (a barbell lunge or split
# squat).

BARBELL = [spec for spec in LIBRARY if spec.equipment is Equipment.BARBELL] + [BY_SLUG["plank"]]


def barbell_plan(days: int, minutes: int, *, library: Sequence[ExerciseSpec] = BARBELL) -> Plan:
    q = questionnaire(
        age=70,
        days_per_week=days,
        minutes_per_session=minutes,
        equipment=frozenset({Equipment.BARBELL}),
        experience=Experience.INTERMEDIATE,
    )
    return generate_plan(q, library)


@pytest.mark.parametrize(("minutes", "kept"), [(20, False), (23, False), (24, True), (30, True)])
def test_balance_goes_only_when_the_day_cannot_fit_it(minutes: int, kept: bool) -> None:
    plan = barbell_plan(3, minutes)
    for day in plan.days:
        assert bool(balance_exercises(day)) is kept
        assert (BALANCE.role.code in day.cut_for_time) is not kept
        assert day.seconds <= minutes * 60
    reason = balance_reason(plan)
    if kept:
        assert "so every session includes a balance exercise" in reason
    else:
        assert reason == (
            "From 65, WHO advises varied, multicomponent activity that emphasises balance and strength on 3 "
            "or more days a week; these sessions had no time left for a balance exercise, so add one, such "
            "as standing on one leg, on other days or allow more minutes (Bull et al. 2020)."
        )


@pytest.mark.parametrize(("minutes", "with_balance"), [(23, 2), (24, 3)])
def test_the_reason_counts_the_sessions_that_have_balance(minutes: int, with_balance: int) -> None:
    """5 days: upper, lower, upper, lower, full body. The lower-body days fit balance work at 20 minutes;
    the full-body day needs 24."""
    plan = barbell_plan(5, minutes)
    assert sum(bool(balance_exercises(day)) for day in plan.days) == with_balance
    reason = balance_reason(plan)
    if with_balance == 3:
        assert "so every lower-body and full-body session includes a balance exercise" in reason
    else:
        assert (
            "so the plan has a balance exercise in 2 of its 3 lower-body and full-body sessions; the others "
            "had no time left for one, so add one, such as standing on one leg, on those days or allow more "
            "minutes (Bull et al. 2020)."
        ) in reason


def test_without_any_balance_exercise_to_give_the_reason_says_so() -> None:
    library = [spec for spec in BARBELL if BenefitTag.BALANCE not in spec.benefits]
    plan = barbell_plan(3, 60, library=library)
    assert not any(balance_exercises(day) for day in plan.days)
    reason = balance_reason(plan)
    assert "none of the balance exercises is left that your equipment and answers allow" in reason
    assert "no time left" not in reason


# --- WHO's 3 days from 65 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age", "days", "short_by"),
    [
        (64, 4, None),
        (65, 3, None),  # 3 full-body days, each with balance
        (65, 4, 1),  # 2 lower-body days with balance
        (65, 5, None),  # 2 lower-body days and a full-body day
        (65, 6, None),  # 3 lower-body days
    ],
)
def test_from_65_fewer_than_3_days_of_balance_are_said_to_fall_short(
    age: int, days: int, short_by: int | None
) -> None:
    plan = generate_plan(questionnaire(age=age, days_per_week=days, minutes_per_session=60), LIBRARY)
    told = [reason for reason in plan.reasons if "short of WHO's 3" in reason]
    if short_by is None:
        assert not told
    else:
        assert told == [
            f"That is balance work on {3 - short_by} days of the week, short of WHO's 3: add it, such as "
            f"standing on one leg or heel-to-toe walking, on {short_by} more day (WHO: Bull et al. 2020)."
        ]


def test_osteoporosis_under_65_cites_too_fit_to_fracture() -> None:
    plan = generate_plan(questionnaire(age=50, conditions=frozenset({Condition.OSTEOPOROSIS})), LIBRARY)
    assert balance_reason(plan).startswith(
        "With osteoporosis or low bone density, balance training is advised alongside strength training, "
        "daily if you can, so every session includes a balance exercise"
    )
    assert balance_reason(plan).endswith("(Too Fit To Fracture: Giangregorio et al., Osteoporos Int 2014).")


def test_no_balance_reason_under_65_without_osteoporosis() -> None:
    with pytest.raises(ValueError):
        balance_reason(generate_plan(questionnaire(age=64), LIBRARY))


def test_a_plan_that_cannot_be_made_is_still_refused() -> None:
    with pytest.raises(PlanError):
        barbell_plan(3, 60, library=[spec for spec in BARBELL if spec.slug != "plank"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.builds(
        Questionnaire,
        goals=st.frozensets(st.sampled_from(Goal)),
        days_per_week=st.integers(1, 6),
        minutes_per_session=st.integers(20, 120),
        equipment=st.frozensets(st.sampled_from(Equipment)),
        experience=st.sampled_from(Experience),
        age=st.integers(18, 100),
        conditions=st.frozensets(st.sampled_from(Condition)),
        avoid_patterns=st.one_of(st.just(frozenset()), st.frozensets(st.sampled_from(Pattern), max_size=4)),
    )
)
def test_where_balance_is_advised_a_plan_has_it_or_says_why_not(q: Questionnaire) -> None:
    """Any answers: balance work at least once a week where it is advised. Avoided movements can leave no
    balance exercise to give; the reason must then say why truthfully (no time, or none left)."""
    try:
        plan = generate_plan(q, LIBRARY)
    except PlanError:
        return
    if not balance_advised(q):
        return
    has_balance = any(balance_exercises(day) for day in plan.days)
    reason = balance_reason(plan)
    if not q.avoid_patterns:
        assert has_balance
    assert has_balance is ("includes a balance exercise" in reason or "so the plan has a balance" in reason)
    if not has_balance:
        room = [day for day in plan.days if day.kind in BALANCE.days]
        no_time = all(BALANCE.role.code in day.cut_for_time for day in room)
        assert ("had no time left for a balance exercise" in reason) is no_time
        assert ("none of the balance exercises is left" in reason) is not no_time
