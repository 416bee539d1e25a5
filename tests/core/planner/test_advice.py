"""What a plan says and picks for blood pressure, diabetes and older adults (issue 14, items 4, 10, 11,
12), each checked on both sides of its boundary."""

from __future__ import annotations

import itertools

import pytest

from liftwell.core.health.markers import BpLocation
from liftwell.core.health.safety import bp_training_advice
from liftwell.core.planner import Condition, Experience, Goal, generate_plan
from liftwell.core.planner.explain import GOAL_REASONS, caution
from liftwell.core.planner.roles import STUDIED_ISOMETRICS
from tests.core.planner.plans import KITS, LIBRARY, questionnaire

# --- item 12: 65 and over on fewer than 3 days --------------------------------------------------------
# WHO 2020 (Bull et al., Br J Sports Med 2020): adults aged 65 and over, varied multicomponent activity
# emphasising balance and strength on 3 or more days a week; 18-64, strength on 2 or more days.

SHORT_OF_WHO = "falls short of that advice for people aged 65 and over"


@pytest.mark.parametrize(
    ("age", "days", "more"),
    [
        (64, 1, None),
        (64, 2, None),
        (64, 3, None),
        (65, 1, 2),
        (65, 2, 1),
        (65, 3, None),
        (65, 4, None),
        (70, 2, 1),
        (100, 2, 1),
    ],
)
def test_from_65_fewer_than_3_days_is_said_to_fall_short_of_who(
    age: int, days: int, more: int | None
) -> None:
    plan = generate_plan(questionnaire(age=age, days_per_week=days, minutes_per_session=60), LIBRARY)
    told = [reason for reason in plan.reasons if SHORT_OF_WHO in reason]
    if more is None:
        assert not told
    else:
        assert told == [
            f"A {days}-day plan {SHORT_OF_WHO}: add {more} more day{'s' if more > 1 else ''} of balance and "
            "strength work, such as standing on one leg, heel-to-toe walking or standing up from a chair, "
            "or choose 3 days (WHO: Bull et al. 2020)."
        ]


# Whether the plan has balance work, and what its reason says about it: test_balance.py.


# --- item 11: the blood-pressure hold is a studied one ------------------------------------------------
# Edwards et al., Br J Sports Med 2023: isometric exercise (wall squat, handgrip) lowered resting systolic
# pressure the most (-8.24 mmHg), dynamic resistance by -4.55 mmHg.


@pytest.mark.parametrize(
    ("kit", "days", "experience"),
    list(itertools.product(KITS, (1, 2, 3, 4, 6), (Experience.NEW, Experience.EXPERIENCED))),
)
def test_high_blood_pressure_holds_are_wall_sits_or_handgrips(
    kit: str, days: int, experience: Experience
) -> None:
    q = questionnaire(
        equipment=KITS[kit],
        days_per_week=days,
        experience=experience,
        minutes_per_session=60,
        conditions=frozenset({Condition.HYPERTENSION}),
    )
    holds = {
        e.spec.slug for day in generate_plan(q, LIBRARY).days for e in day.exercises if e.role == "isometric"
    }
    assert holds and holds <= STUDIED_ISOMETRICS
    assert "high-plank" not in holds


def test_with_a_hand_gripper_the_days_alternate_wall_sit_and_handgrip() -> None:
    q = questionnaire(
        equipment=KITS["everything"],
        days_per_week=3,
        minutes_per_session=60,
        goals=frozenset({Goal.BLOOD_PRESSURE}),
    )
    holds = [
        e.spec.slug for day in generate_plan(q, LIBRARY).days for e in day.exercises if e.role == "isometric"
    ]
    assert holds == ["wall-sit", "isometric-handgrip-hold", "wall-sit"]


@pytest.mark.parametrize(
    ("goals", "conditions", "has_hold"),
    [
        (frozenset({Goal.STRENGTH_MUSCLE}), frozenset(), False),
        (frozenset({Goal.STRENGTH_MUSCLE}), frozenset({Condition.TYPE_2_DIABETES}), False),
        (frozenset({Goal.STRENGTH_MUSCLE}), frozenset({Condition.HYPERTENSION}), True),
        (frozenset({Goal.BLOOD_PRESSURE}), frozenset(), True),
    ],
)
def test_the_hold_comes_with_the_blood_pressure_goal_or_condition(
    goals: frozenset[Goal], conditions: frozenset[Condition], has_hold: bool
) -> None:
    plan = generate_plan(questionnaire(goals=goals, conditions=conditions, minutes_per_session=60), LIBRARY)
    assert any(e.role == "isometric" for day in plan.days for e in day.exercises) is has_hold


def test_the_blood_pressure_reason_is_a_whole_sentence_with_the_studied_figures() -> None:
    reason = GOAL_REASONS[Goal.BLOOD_PRESSURE]
    assert "still holds by even more" not in reason
    assert "about 4.5 mmHg" in reason and "about 8 mmHg" in reason
    assert "wall sits" in reason and "handgrip" in reason and "Edwards et al." in reason


# --- item 4: diabetes with retinopathy or neuropathy --------------------------------------------------
# AHA (Williams et al., Circulation 2007) and ADA (Colberg et al., Diabetes Care 2016): with proliferative
# or severe non-proliferative retinopathy, no heavy lifting or breath-holding; with peripheral
# neuropathy, daily foot checks and suitable footwear.

RETINOPATHY = (
    "proliferative or severe non-proliferative retinopathy, lift nothing heavy and never hold your breath"
)
FEET = "check them every day for blisters, cuts or sores, and train in well-fitting shoes and socks"


@pytest.mark.parametrize(
    ("goals", "conditions", "told"),
    [
        (frozenset({Goal.BLOOD_SUGAR}), frozenset(), False),
        (frozenset({Goal.BLOOD_SUGAR}), frozenset({Condition.HYPERTENSION}), False),
        (frozenset({Goal.BLOOD_SUGAR}), frozenset({Condition.TYPE_2_DIABETES}), True),
        (
            frozenset({Goal.STRENGTH_MUSCLE}),
            frozenset({Condition.TYPE_2_DIABETES, Condition.OSTEOPOROSIS}),
            True,
        ),
    ],
)
def test_type_2_diabetes_cautions_about_eyes_and_feet(
    goals: frozenset[Goal], conditions: frozenset[Condition], told: bool
) -> None:
    plan = generate_plan(questionnaire(goals=goals, conditions=conditions), LIBRARY)
    text = " ".join(plan.cautions)
    assert (RETINOPATHY in text) is told
    assert (FEET in text) is told
    if told:
        assert "AHA: Williams et al., Circulation 2007; ADA: Colberg et al. 2016" in text


def test_the_diabetes_caution_never_says_someone_has_retinopathy() -> None:
    text = caution(Condition.TYPE_2_DIABETES)
    assert "If an eye check has found" in text and "you have retinopathy" not in text


# --- item 10: the blood-pressure caution states home values too -----------------------------------------
# Clinic: keep light from 160/100, no training from 180/110 (Liftwell's rule after the AHA: Williams et
# al., Circulation 2007). Home: 145/90 is the home equivalent of the clinic 160/100 (ACC/AHA 2017,
# Whelton et al., Table 11); Table 11 has no value for 180/110, so 165/100 is Liftwell's cautious choice.
# Each row is one side of a boundary; the caution must state the numbers the before-training advice uses.

BP_ROWS = [
    (BpLocation.CLINIC, 159, 99, None),
    (BpLocation.CLINIC, 160, 99, "caution"),
    (BpLocation.CLINIC, 159, 100, "caution"),
    (BpLocation.CLINIC, 179, 109, "caution"),
    (BpLocation.CLINIC, 180, 109, "do_not_train"),
    (BpLocation.CLINIC, 179, 110, "do_not_train"),
    (BpLocation.HOME, 144, 89, None),
    (BpLocation.HOME, 145, 89, "caution"),
    (BpLocation.HOME, 144, 90, "caution"),
    (BpLocation.HOME, 164, 99, "caution"),
    (BpLocation.HOME, 165, 99, "do_not_train"),
    (BpLocation.HOME, 164, 100, "do_not_train"),
]


@pytest.mark.parametrize(("location", "systolic", "diastolic", "code"), BP_ROWS)
def test_the_before_training_advice_changes_at_the_numbers_the_caution_states(
    location: BpLocation, systolic: int, diastolic: int, code: str | None
) -> None:
    advice = bp_training_advice(systolic, diastolic, location)
    assert (advice.code if advice else None) == code


@pytest.mark.parametrize(
    ("phrase", "stated"),
    [
        ("at 160/100 or above on a clinic reading, or 145/90 or above on a home reading, keep the session "
         "light", True),
        ("at 180/110 or above in the clinic, or 165/100 or above at home, do not train that day", True),
        ("145/90 at home matches 160/100 in the clinic (ACC/AHA 2017, Whelton et al., Table 11)", True),
        ("so 165/100 is Liftwell's cautious choice", True),
        ("at 160/100 or above keep the session light, at 180/110", False),  # the clinic-only wording
    ],
)  # fmt: skip
def test_the_blood_pressure_caution_gives_clinic_and_home_values(phrase: str, stated: bool) -> None:
    assert (phrase in caution(Condition.HYPERTENSION)) is stated
