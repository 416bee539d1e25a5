"""The plan generator: properties over many random questionnaires, and worked examples.

The properties re-derive each claim from the library itself (muscles, equipment, patterns) and from the
documented time formula, rather than trusting the plan's own summaries.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwell.core.adherence import MAJOR_MUSCLE_GROUPS, MajorGroup, groups_worked
from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner import (
    Condition,
    Experience,
    Goal,
    Plan,
    PlanError,
    Questionnaire,
    QuestionnaireError,
    generate_plan,
)
from liftwell.core.planner.catalogue import GENTLE_JUMPS, allowed, excluded_features
from liftwell.core.programs.model import DoubleRule, IntensityKind, LinearRule, RpeRule, Slot
from liftwell.core.vocabulary import Equipment, Laterality, MovementFeature, Pattern
from liftwell.data.loaders import load_shipped_library
from liftwell.data.program_text import parse_program, program_to_text

LIBRARY = load_shipped_library()
BY_SLUG = {spec.slug: spec for spec in LIBRARY}
HOME = frozenset({Equipment.DUMBBELL})
GYM = frozenset({Equipment.BARBELL, Equipment.DUMBBELL, Equipment.MACHINE, Equipment.CABLE})


def questionnaire(**changes: object) -> Questionnaire:
    answers: dict[str, object] = {
        "goals": frozenset({Goal.STRENGTH_MUSCLE}),
        "days_per_week": 3,
        "minutes_per_session": 45,
        "equipment": HOME,
        "experience": Experience.NEW,
        "age": 40,
    }
    answers.update(changes)
    return Questionnaire(**answers)  # type: ignore[arg-type]


def slots(plan: Plan) -> list[Slot]:
    return [slot for day in plan.program.weeks[0].days for slot in day.slots]


def specs(plan: Plan) -> list[ExerciseSpec]:
    return [BY_SLUG[slot.exercise] for slot in slots(plan)]


# The time estimate, written out independently of liftwell.core.planner.timing (its docstring): a 5-minute
# warm-up; per exercise a set-up (150 s bar, 30 s body weight/band/ball, else 60 s), 4 s a rep (or the
# seconds of a timed set), doubled one side at a time, and the rests between its sets.
def expected_session_s(day_slots: Iterable[Slot]) -> int:
    total = 300
    for slot in day_slots:
        spec = BY_SLUG[slot.exercise]
        if spec.equipment in {
            Equipment.BARBELL,
            Equipment.TRAP_BAR,
            Equipment.EZ_BAR,
            Equipment.SMITH_MACHINE,
        }:
            set_up = 150
        elif spec.equipment in {
            Equipment.BODYWEIGHT,
            Equipment.BAND,
            Equipment.STABILITY_BALL,
            Equipment.MEDICINE_BALL,
        }:
            set_up = 30
        else:
            set_up = 60
        sides = 1 if spec.laterality is Laterality.BILATERAL else 2
        work = sum((s.seconds if s.seconds is not None else 4 * (s.reps_max or 0)) * sides for s in slot.sets)
        total += set_up + work + (len(slot.sets) - 1) * (slot.rest_s or 0)
    return total


questionnaires = st.builds(
    Questionnaire,
    goals=st.frozensets(st.sampled_from(Goal)),
    days_per_week=st.integers(1, 6),
    minutes_per_session=st.integers(20, 120),
    equipment=st.frozensets(st.sampled_from(Equipment)),
    experience=st.sampled_from(Experience),
    age=st.integers(18, 100),
    conditions=st.frozensets(st.sampled_from(Condition)),
    avoid_patterns=st.frozensets(st.sampled_from(Pattern), max_size=4),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questionnaires)
def test_every_plan_covers_fits_and_respects_the_answers(q: Questionnaire) -> None:
    try:
        plan = generate_plan(q, LIBRARY)
    except PlanError:
        # Only when some major group has no exercise this person may do at all.
        pool = [spec for spec in LIBRARY if allowed(spec, q)]
        assert any(
            not any(set(spec.primary_muscles) & muscles for spec in pool)
            for muscles in MAJOR_MUSCLE_GROUPS.values()
        )
        return
    days = plan.program.weeks[0].days
    assert len(days) == q.days_per_week

    # Coverage: every major group worked as a primary mover on 2+ days (on the one day of a 1-day plan).
    for group, muscles in MAJOR_MUSCLE_GROUPS.items():
        on_days = sum(
            any(set(BY_SLUG[s.exercise].primary_muscles) & muscles for s in day.slots) for day in days
        )
        assert on_days >= min(2, q.days_per_week), group

    # Time budget, by the documented formula.
    for day in days:
        assert expected_session_s(day.slots) <= q.minutes_per_session * 60, day.name
    assert [expected_session_s(day.slots) for day in days] == [day.seconds for day in plan.days]

    excluded = excluded_features(q.conditions)
    for spec in specs(plan):
        assert spec.equipment in q.equipment | {Equipment.BODYWEIGHT}
        assert spec.pattern not in q.avoid_patterns
        assert not spec.features & excluded, (spec.slug, q.conditions)

    # Every slot explains itself and names a rule the program defines; the text format accepts the program.
    rules = dict(plan.program.progressions)
    for planned in plan.days:
        for exercise in planned.exercises:
            assert exercise.reasons and all(reason.endswith(".") for reason in exercise.reasons)
            # The dose sentence gives the sets actually planned (after any trimming for time).
            dose = [reason for reason in exercise.reasons if reason[:1].isdigit()]
            assert dose and all(reason.startswith(f"{len(exercise.slot.sets)} set") for reason in dose)
            assert exercise.slot.progression is None or exercise.slot.progression in rules
    assert plan.reasons
    assert parse_program(program_to_text(plan.program), known_exercises=set(BY_SLUG)) == plan.program

    # Deterministic.
    assert generate_plan(q, LIBRARY) == plan


def test_a_newcomer_with_dumbbells_gets_three_full_body_days_with_linear_progression() -> None:
    plan = generate_plan(questionnaire(), LIBRARY)
    assert [day.name for day in plan.program.weeks[0].days] == [
        "Monday: Full body A",
        "Wednesday: Full body B",
        "Friday: Full body A",
    ]
    assert all(count == 3 for count in plan.days_per_group().values())
    rules = dict(plan.program.progressions)
    compound_loaded = [
        s for s in slots(plan) if BY_SLUG[s.exercise].mechanic.value == "compound" and s.progression
    ]
    assert any(isinstance(rules[s.progression], LinearRule) for s in compound_loaded if s.progression)
    assert rules["linear-2kg"] == LinearRule(increment_kg=2.0)
    assert any("linear progression" in reason for reason in plan.reasons)
    assert all(day.minutes <= 45 for day in plan.days)


def test_an_intermediate_lifter_gets_double_progression_over_a_rep_range() -> None:
    plan = generate_plan(questionnaire(experience=Experience.INTERMEDIATE, equipment=GYM), LIBRARY)
    rules = dict(plan.program.progressions)
    assert rules and all(isinstance(rule, DoubleRule) for rule in rules.values())
    ranged = [s.sets[0] for s in slots(plan) if s.progression]
    assert all(p.reps_min == 8 and p.reps_max == 12 for p in ranged)


def test_an_experienced_lifter_on_four_days_gets_upper_lower_and_rpe_main_lifts() -> None:
    q = questionnaire(
        experience=Experience.EXPERIENCED, equipment=GYM, days_per_week=4, minutes_per_session=75
    )
    plan = generate_plan(q, LIBRARY)
    assert [day.kind.value for day in plan.days] == ["upper", "lower", "upper", "lower"]
    assert all(count >= 2 for count in plan.days_per_group().values())
    rpe_slots = [s for s in slots(plan) if s.progression == "rpe"]
    assert rpe_slots
    assert dict(plan.program.progressions)["rpe"] == RpeRule()
    for slot in rpe_slots:
        intensity = slot.sets[0].intensity
        assert intensity is not None and intensity.kind is IntensityKind.RPE and intensity.value == 8.0
        assert slot.sets[0].reps_max == 5  # a strength goal: heavy fives
        assert slot.rest_s == 180


def test_high_blood_pressure_keeps_effort_moderate_and_adds_a_still_hold() -> None:
    q = questionnaire(
        experience=Experience.EXPERIENCED,
        equipment=GYM,
        minutes_per_session=60,
        conditions=frozenset({Condition.HYPERTENSION}),
    )
    plan = generate_plan(q, LIBRARY)
    for slot in slots(plan):
        for prescription in slot.sets:
            assert prescription.intensity is None or (prescription.intensity.rpe or 0) <= 7
    assert any(
        "never hold your breath" in reason for day in plan.days for e in day.exercises for reason in e.reasons
    )
    assert any(caution.startswith("High blood pressure") for caution in plan.cautions)
    isometric = [e for day in plan.days for e in day.exercises if e.role == "isometric"]
    assert isometric
    for e in isometric:
        assert e.slot.sets[0].seconds == 45 and 1 <= len(e.slot.sets) <= 4
        assert e.reasons[1].startswith(f"{len(e.slot.sets)} sets of 45-second holds")


def test_osteoporosis_leaves_out_spinal_flexion_and_adds_balance_and_supervision() -> None:
    q = questionnaire(
        goals=frozenset({Goal.BONE}),
        equipment=GYM,
        experience=Experience.INTERMEDIATE,
        minutes_per_session=60,
        conditions=frozenset({Condition.OSTEOPOROSIS}),
    )
    plan = generate_plan(q, LIBRARY)
    assert all(spec.pattern is not Pattern.TRUNK_FLEXION for spec in specs(plan))
    assert all(spec.slug not in {"russian-twist", "barbell-good-morning"} for spec in specs(plan))
    assert all(spec.slug in GENTLE_JUMPS for spec in specs(plan) if spec.pattern is Pattern.JUMP)
    assert any(e.role == "balance" for day in plan.days for e in day.exercises)
    assert any("physiotherapist" in caution for caution in plan.cautions)
    # Bone-loading exercises are favoured for the bone goal.
    assert sum("bone_loading" in spec.benefits for spec in specs(plan)) >= 3


def test_pregnancy_leaves_out_lying_on_the_back_and_jumps() -> None:
    q = questionnaire(
        goals=frozenset({Goal.BONE}), equipment=GYM, conditions=frozenset({Condition.PREGNANCY})
    )
    plan = generate_plan(q, LIBRARY)
    lying = {MovementFeature.SUPINE, MovementFeature.PRONE}
    assert all(not spec.features & lying for spec in specs(plan))
    assert all(spec.pattern is not Pattern.JUMP for spec in specs(plan))
    assert any("midwife" in caution for caution in plan.cautions)


def test_low_back_pain_gets_hinges_with_a_gentle_start_and_spine_still_core_work() -> None:
    q = questionnaire(goals=frozenset({Goal.BACK_PAIN}), conditions=frozenset({Condition.LOW_BACK_PAIN}))
    plan = generate_plan(q, LIBRARY)
    hinges = [e for day in plan.days for e in day.exercises if e.role == "hinge"]
    assert hinges and all(e.spec.pattern is Pattern.HINGE for e in hinges)
    assert all(any(r.startswith("Start light") for r in e.reasons) for e in hinges)
    core = [e.spec.pattern for day in plan.days for e in day.exercises if e.role in {"core", "back-care"}]
    assert core and set(core) <= {
        Pattern.ANTI_EXTENSION,
        Pattern.ANTI_ROTATION,
        Pattern.LATERAL_FLEXION,
        Pattern.CARRY,
    }


def test_type_2_diabetes_trains_on_days_that_are_not_back_to_back() -> None:
    for days in (2, 3):
        plan = generate_plan(
            questionnaire(days_per_week=days, conditions=frozenset({Condition.TYPE_2_DIABETES})), LIBRARY
        )
        order = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        indexes = [order.index(day.weekday) for day in plan.days]
        assert all(b - a >= 2 for a, b in zip(indexes, indexes[1:], strict=False))
        # ADA: 10-15 reps early on (Colberg et al. 2016).
        assert all(
            s.sets[0].reps_max in {12, 15} for s in slots(plan) if s.progression and not s.sets[0].seconds
        )


def test_one_day_covers_every_group_once_and_says_to_add_a_second_day() -> None:
    plan = generate_plan(questionnaire(days_per_week=1), LIBRARY)
    assert plan.days[0].groups == frozenset(MajorGroup)
    assert "add a second day" in plan.reasons[0]


def test_twenty_minutes_still_covers_every_group_with_fewer_sets() -> None:
    q = questionnaire(
        days_per_week=2, minutes_per_session=20, equipment=GYM, experience=Experience.EXPERIENCED
    )
    plan = generate_plan(q, LIBRARY)
    assert all(day.seconds <= 20 * 60 for day in plan.days)
    assert all(count == 2 for count in plan.days_per_group().values())


def test_older_adults_get_balance_and_bone_goal_gets_gentle_hops() -> None:
    plan = generate_plan(questionnaire(age=70, goals=frozenset({Goal.BONE}), minutes_per_session=60), LIBRARY)
    roles = [e.role for day in plan.days for e in day.exercises]
    assert "balance" in roles
    hops = [e.spec.slug for day in plan.days for e in day.exercises if e.role == "impact"]
    assert hops and set(hops) == {"pogo-hops"}
    assert any("From 65" in reason for reason in plan.reasons)


def test_it_explains_when_no_exercise_can_work_a_group() -> None:
    q = questionnaire(
        equipment=frozenset(), avoid_patterns=frozenset({Pattern.HORIZONTAL_PUSH, Pattern.VERTICAL_PUSH})
    )
    with pytest.raises(PlanError, match="chest"):
        generate_plan(q, LIBRARY)


def test_avoided_patterns_are_named_in_the_reasons() -> None:
    plan = generate_plan(questionnaire(avoid_patterns=frozenset({Pattern.SQUAT})), LIBRARY)
    assert all(spec.pattern is not Pattern.SQUAT for spec in specs(plan))
    assert any("no exercises of these kinds: squat" in reason for reason in plan.reasons)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"days_per_week": 0}, "days_per_week"),
        ({"days_per_week": 7}, "days_per_week"),
        ({"minutes_per_session": 19}, "minutes_per_session"),
        ({"minutes_per_session": 121}, "minutes_per_session"),
        ({"age": 17}, "age"),
    ],
)
def test_it_refuses_answers_out_of_range(changes: dict[str, object], field: str) -> None:
    with pytest.raises(QuestionnaireError, match=field):
        questionnaire(**changes)


def test_groups_worked_matches_the_plan_summary() -> None:
    plan = generate_plan(questionnaire(days_per_week=5, equipment=GYM, minutes_per_session=50), LIBRARY)
    for day in plan.days:
        assert day.groups == groups_worked(m for e in day.exercises for m in e.spec.primary_muscles)


def test_the_time_estimate_of_one_exercise() -> None:
    from liftwell.core.planner.timing import exercise_s, session_s
    from liftwell.core.programs.model import SetPrescription

    ten = SetPrescription(reps_min=10, reps_max=10)
    # Dumbbell bench press, 3 x 10, 120 s rest: 60 s set-up + 3 x (10 x 4 s) + 2 x 120 s = 420 s.
    assert exercise_s(BY_SLUG["dumbbell-bench-press"], ten, sets=3, rest_s=120) == 420
    # One side at a time doubles the work: 60 + 2 x (2 x 40) + 1 x 90 = 310 s.
    assert exercise_s(BY_SLUG["dumbbell-split-squat"], ten, sets=2, rest_s=90) == 310
    # A barbell takes 150 s to set up (150 + 40 = 190 s); a plank 30 s (30 + 3 x 30 + 2 x 60 = 240 s).
    assert exercise_s(BY_SLUG["barbell-back-squat"], ten, sets=1, rest_s=180) == 190
    assert exercise_s(BY_SLUG["plank"], SetPrescription(seconds=30), sets=3, rest_s=60) == 240
    assert session_s([420, 240]) == 300 + 660
