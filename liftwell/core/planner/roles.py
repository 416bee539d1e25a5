"""The slots a generated plan is built from: the base movements of each kind of day, and the extras a
goal or condition adds. Order within a day follows ACSM 2009 (Ratamess et al., docs/science.md §1.2): power
first while fresh, then large before small muscles and multi-joint before single-joint."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from liftwell.core.adherence import MajorGroup
from liftwell.core.planner.catalogue import OLDER_AGE, Role
from liftwell.core.planner.questionnaire import Condition, Goal, Questionnaire
from liftwell.core.vocabulary import BenefitTag, Measure, Muscle, Pattern

M, P = Muscle, Pattern


class DayKind(StrEnum):
    FULL = "full"
    UPPER = "upper"
    LOWER = "lower"

    @property
    def label(self) -> str:
        return {DayKind.FULL: "Full body", DayKind.UPPER: "Upper body", DayKind.LOWER: "Lower body"}[self]


DAY_GROUPS: dict[DayKind, frozenset[MajorGroup]] = {
    DayKind.FULL: frozenset(MajorGroup),
    DayKind.UPPER: frozenset({MajorGroup.CHEST, MajorGroup.BACK, MajorGroup.SHOULDERS, MajorGroup.ARMS}),
    DayKind.LOWER: frozenset({MajorGroup.LEGS, MajorGroup.HIPS, MajorGroup.ABDOMEN}),
}

KNEE = Role(
    "knee",
    (P.SQUAT, P.LUNGE),
    frozenset({M.QUADS}),
    "A squat-type movement works your thighs and hips, the muscles that stand you up from a chair.",
)
HINGE = Role(
    "hinge",
    (P.HINGE,),
    frozenset({M.HAMSTRINGS, M.GLUTES}),
    "A hip hinge works the back of your hips and thighs, the muscles that lift things off the floor.",
)
PUSH = Role(
    "push",
    (P.HORIZONTAL_PUSH,),
    frozenset({M.CHEST}),
    "A press works your chest and the backs of your arms, for pushing doors, trolleys and yourself up.",
)
ROW = Role(
    "row",
    (P.HORIZONTAL_PULL, P.VERTICAL_PULL),
    frozenset({M.UPPER_BACK, M.LATS}),
    "A row works your upper back and balances the pressing, which helps your posture.",
)
PULLDOWN = Role(
    "pulldown",
    (P.VERTICAL_PULL, P.HORIZONTAL_PULL),
    frozenset({M.LATS, M.UPPER_BACK}),
    "A pull from overhead works the broad muscles of your back and your arms.",
)
OVERHEAD = Role(
    "overhead",
    (P.VERTICAL_PUSH,),
    frozenset({M.FRONT_DELTS, M.SIDE_DELTS}),
    "An overhead press works your shoulders and arms for reaching and lifting up high.",
)
CORE = Role(
    "core",
    (P.ANTI_EXTENSION, P.ANTI_ROTATION, P.LATERAL_FLEXION, P.CARRY, P.TRUNK_FLEXION),
    frozenset({M.ABS, M.OBLIQUES}),
    "A trunk exercise trains your abdominal muscles to hold your spine steady while you move.",
)

TEMPLATES: dict[DayKind, tuple[Role, ...]] = {
    DayKind.FULL: (KNEE, PUSH, ROW, HINGE, OVERHEAD, CORE),
    DayKind.UPPER: (PUSH, ROW, OVERHEAD, PULLDOWN),
    DayKind.LOWER: (KNEE, HINGE, CORE),
}


class Place(StrEnum):
    FIRST = "first"  # power and impact work, done fresh
    LAST = "last"


@dataclass(frozen=True)
class Extra:
    role: Role
    days: frozenset[DayKind]
    place: Place = Place.LAST


LOWER_DAYS = frozenset({DayKind.FULL, DayKind.LOWER})
UPPER_DAYS = frozenset({DayKind.FULL, DayKind.UPPER})

CURL = Extra(
    Role("curl", (P.ISOLATION,), frozenset({M.BICEPS}), "Curls add direct work for the fronts of your arms."),
    UPPER_DAYS,
)
TRICEPS = Extra(
    Role(
        "triceps",
        (P.ISOLATION,),
        frozenset({M.TRICEPS}),
        "An extension adds direct work for the backs of your arms.",
    ),
    UPPER_DAYS,
)
LATERAL = Extra(
    Role("lateral", (P.ISOLATION,), frozenset({M.SIDE_DELTS, M.REAR_DELTS}), "Raises add work for the sides "
                                                                             "and backs of your shoulders."),
    UPPER_DAYS,
)  # fmt: skip
IMPACT = Extra(
    Role(
        "impact",
        (P.JUMP,),
        frozenset({M.CALVES, M.QUADS, M.GLUTES}),
        "Short hops give your hip and leg bones the quick impacts they respond to "
        "(about 50 moderate impacts on most days: Brooke-Wavell et al., Br J Sports Med 2022).",
        require_pattern=True,
        tags=frozenset({BenefitTag.BONE_LOADING}),
    ),
    LOWER_DAYS,
    Place.FIRST,
)
CALVES = Extra(
    Role(
        "calves",
        (P.ISOLATION,),
        frozenset({M.CALVES}),
        "Calf raises load your lower legs and help your balance.",
    ),
    LOWER_DAYS,
)
BIG_LEGS = Extra(
    Role(
        "legs",
        (P.LUNGE, P.SQUAT),
        frozenset({M.QUADS, M.GLUTES}),
        "A second leg exercise works your largest muscles again; they use the most energy and blood sugar.",
    ),
    LOWER_DAYS,
)
# The still holds the blood-pressure trials used: wall squats and handgrip holds (Edwards et al. 2023;
# the ACC/AHA 2017 handgrip protocol, Whelton et al.). A plank is a still hold too, but not a studied one.
STUDIED_ISOMETRICS = frozenset({"wall-sit", "isometric-handgrip-hold"})
ISOMETRIC = Extra(
    Role(
        "isometric",
        (P.SQUAT, P.ISOLATION),
        frozenset({M.QUADS, M.FOREARMS}),
        "A still hold, a wall sit or a handgrip squeeze, lowered resting blood pressure more than any other "
        "kind of exercise in a review of 270 trials (about 8 mmHg systolic: Edwards et al., Br J Sports "
        "Med 2023).",
        measures=frozenset({Measure.TIME}),
        slugs=STUDIED_ISOMETRICS,
    ),
    LOWER_DAYS,
)
CARRY = Extra(
    Role(
        "carry",
        (P.CARRY,),
        frozenset({M.FOREARMS, M.TRAPS, M.OBLIQUES}),
        "Carrying weights trains your grip and trunk together, just as carrying shopping does.",
        require_pattern=True,
    ),
    LOWER_DAYS,
)
STEP = Extra(
    Role(
        "step",
        (P.LUNGE,),
        frozenset({M.QUADS, M.GLUTES}),
        "Single-leg work such as step-ups trains the strength and balance you use on stairs and kerbs.",
        require_pattern=True,
        tags=frozenset({BenefitTag.DAILY_FUNCTION, BenefitTag.BALANCE}),
    ),
    LOWER_DAYS,
)
BALANCE = Extra(
    Role(
        "balance",
        (P.BALANCE, P.LUNGE, P.HINGE),
        frozenset({M.ABDUCTORS, M.GLUTES, M.QUADS, M.HAMSTRINGS, M.CALVES}),
        "Balance work lowers the risk of falls and fractures; it is advised from 65 (WHO: Bull et al. 2020) "
        "and with low bone density (Too Fit To Fracture: Giangregorio et al., Osteoporos Int 2014).",
        tags=frozenset({BenefitTag.BALANCE}),
    ),
    LOWER_DAYS,
)
POWER = Extra(
    Role(
        "power",
        (P.JUMP, P.HINGE, P.SQUAT, P.HORIZONTAL_PUSH),
        frozenset({M.QUADS, M.GLUTES, M.HAMSTRINGS, M.CHEST}),
        "Moving a light load as fast as you can trains power, which fades with age faster than strength "
        "(power training: ACSM 2009; NSCA, Fragala et al. 2019).",
        tags=frozenset({BenefitTag.POWER}),
    ),
    LOWER_DAYS,
    Place.FIRST,
)
BACK_CARE = Extra(
    Role(
        "back-care",
        (P.ANTI_ROTATION, P.ANTI_EXTENSION, P.LATERAL_FLEXION),
        frozenset({M.ABS, M.OBLIQUES, M.LOWER_BACK}),
        "A trunk exercise that keeps your spine still builds the endurance a sore back lacks.",
        require_pattern=True,
        tags=frozenset({BenefitTag.POSTURE_BACK}),
    ),
    LOWER_DAYS,
)

GOAL_EXTRAS: dict[Goal, tuple[Extra, ...]] = {
    Goal.STRENGTH_MUSCLE: (LATERAL, CURL, TRICEPS),
    Goal.BONE: (IMPACT, CALVES),
    Goal.BODY_COMPOSITION: (BIG_LEGS,),
    Goal.BLOOD_SUGAR: (BIG_LEGS,),
    Goal.BLOOD_PRESSURE: (ISOMETRIC,),
    Goal.DAILY_FUNCTION: (CARRY, STEP),
    Goal.BACK_PAIN: (BACK_CARE, CARRY),
    Goal.SPORT: (POWER,),
    Goal.HEALTHY_AGEING: (BALANCE, POWER),
    Goal.MOOD_SLEEP: (),
}


def balance_advised(questionnaire: Questionnaire) -> bool:
    """Whether balance work is advised for this person: from 65 (WHO: Bull et al. 2020, balance on 3 or
    more days a week) and with osteoporosis (Too Fit To Fracture: Giangregorio et al. 2014, balance
    training alongside strength, daily encouraged). The plan then keeps its balance slot when time is
    short, cutting sets and other extras first (`generate._fit`)."""
    q = questionnaire
    return q.age >= OLDER_AGE or Condition.OSTEOPOROSIS in q.conditions


def extras_for(questionnaire: Questionnaire) -> tuple[Extra, ...]:
    """The extra slots, most important first (conditions, then goals in their listed order)."""
    q = questionnaire
    wanted: list[Extra] = []
    if balance_advised(q):
        wanted.append(BALANCE)
    if Condition.LOW_BACK_PAIN in q.conditions:
        wanted.append(BACK_CARE)
    if Condition.HYPERTENSION in q.conditions:
        wanted.append(ISOMETRIC)
    for goal in Goal:
        if goal in q.goals:
            wanted.extend(GOAL_EXTRAS[goal])
    unique: dict[str, Extra] = {}
    for extra in wanted:
        unique.setdefault(extra.role.code, extra)
    return tuple(unique.values())


def day_kinds(days_per_week: int) -> tuple[DayKind, ...]:
    """Full body on 1-3 days; upper and lower days alternating on 4-6 (5 days add a full-body day)."""
    if days_per_week <= 3:
        return (DayKind.FULL,) * days_per_week
    pairs = (DayKind.UPPER, DayKind.LOWER) * (days_per_week // 2)
    return pairs + ((DayKind.FULL,) if days_per_week % 2 else ())


# Suggested weekdays: resistance days spread out, never back to back on 2-3 days (ADA: non-consecutive
# days, Colberg et al. 2016).
WEEKDAYS: dict[int, tuple[str, ...]] = {
    1: ("Monday",),
    2: ("Monday", "Thursday"),
    3: ("Monday", "Wednesday", "Friday"),
    4: ("Monday", "Tuesday", "Thursday", "Friday"),
    5: ("Monday", "Tuesday", "Wednesday", "Friday", "Saturday"),
    6: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
}
