"""Sets, reps, rest and progression for one planned exercise, with the reason for each choice.

Sources (docs/science.md): ACSM 2009 progression models (Ratamess et al., 1.2): novices 1-3 sets of 8-12 reps,
rest 2-3 min on multi-joint lifts and 1-2 min on the rest, power sets of 3-6 fast reps; NSCA older
adults (Fragala et al. 2019, 1.5): novices may start with fewer sets; ADA (Colberg et al. 2016, 1.7):
10-15 reps to start with diabetes; ACC/AHA 2017 (Whelton et al., 1.8): 3 sets of 10 at 50-80 % 1RM for
blood pressure. Load steps are the smallest usual jump per kind of equipment (a pair of 1.25 kg plates,
the next dumbbell or kettlebell, a small stack step).
"""

from __future__ import annotations

from dataclasses import dataclass

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner.catalogue import BAR_EQUIPMENT, LOADED_MEASURES
from liftwell.core.planner.questionnaire import Condition, Experience, Goal, Questionnaire
from liftwell.core.programs.model import (
    DoubleRule,
    Intensity,
    IntensityKind,
    LinearRule,
    ProgressionRule,
    RpeRule,
    SetPrescription,
)
from liftwell.core.vocabulary import Equipment, Measure, Mechanic

MAIN_ROLES = frozenset({"knee", "hinge", "push", "row", "pulldown", "overhead"})
TIMED_MEASURES = frozenset({Measure.TIME, Measure.WEIGHT_TIME, Measure.WEIGHT_DISTANCE})

INCREMENT_KG: dict[Equipment, float] = {
    Equipment.BARBELL: 2.5,
    Equipment.TRAP_BAR: 2.5,
    Equipment.EZ_BAR: 2.5,
    Equipment.SMITH_MACHINE: 2.5,
    Equipment.DUMBBELL: 2.0,
    Equipment.KETTLEBELL: 4.0,
    Equipment.MACHINE: 2.5,
    Equipment.CABLE: 2.5,
    Equipment.MEDICINE_BALL: 1.0,
    Equipment.OTHER: 2.5,
}

REST_MAIN_RPE_S = 180
REST_COMPOUND_S = 120
REST_OTHER_S = 60


@dataclass(frozen=True)
class Dose:
    sets: int
    prescription: SetPrescription
    rest_s: int
    rule_key: str | None
    rule: ProgressionRule | None
    reasons: tuple[str, ...]


def _rule_key(rule: ProgressionRule) -> str:
    if isinstance(rule, LinearRule):
        return f"linear-{rule.increment_kg:g}kg"
    if isinstance(rule, DoubleRule):
        return f"double-{rule.increment_kg:g}kg" if rule.increment_kg else "double-reps"
    return "rpe"


def _reps(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}-{high}"


def base_sets(questionnaire: Questionnaire, *, main: bool) -> int:
    """2 sets for someone new (3 with a strength or blood-pressure goal), 3 otherwise, 4 for an
    experienced lifter's main lifts."""
    q = questionnaire
    if q.experience is Experience.NEW:
        return 3 if q.goals & {Goal.STRENGTH_MUSCLE, Goal.BLOOD_PRESSURE} else 2
    if q.experience is Experience.EXPERIENCED and main:
        return 4
    return 3


def dose_for(spec: ExerciseSpec, role_code: str, questionnaire: Questionnaire) -> Dose:
    """The prescription for `spec` in a slot of kind `role_code` for this person."""
    q = questionnaire
    main = role_code in MAIN_ROLES and spec.mechanic is Mechanic.COMPOUND
    loaded = spec.measure in LOADED_MEASURES
    gentle = q.careful or Condition.TYPE_2_DIABETES in q.conditions
    low, high = (10, 15) if gentle else (8, 12)
    reasons: list[str] = []
    rest_s = (
        REST_COMPOUND_S if spec.mechanic is Mechanic.COMPOUND and role_code in MAIN_ROLES else REST_OTHER_S
    )
    sets = base_sets(q, main=main)

    if role_code == "isometric":
        return Dose(
            4,
            SetPrescription(seconds=45),
            REST_OTHER_S,
            None,
            None,
            (
                "4 sets of 45-second holds, a gentler start than the 2-minute holds used in studies; "
                "breathe steadily throughout and add 15 seconds when every hold feels comfortable.",
            ),
        )
    if spec.measure in TIMED_MEASURES:
        seconds = 30 if q.experience is Experience.NEW else 45
        what = "carry for" if spec.pattern.value == "carry" else "hold for"
        return Dose(
            min(sets, 3),
            SetPrescription(seconds=seconds),
            REST_OTHER_S,
            None,
            None,
            (
                f"{min(sets, 3)} sets: {what} {seconds} seconds; add time, then weight, when the last set "
                "feels easy.",
            ),
        )
    if role_code in {"power", "impact"}:
        reps = 10 if role_code == "impact" else 5
        return Dose(
            3,
            SetPrescription(reps_min=reps, reps_max=reps, intensity=_bodyweight(spec)),
            REST_COMPOUND_S if role_code == "power" else REST_OTHER_S,
            None,
            None,
            (f"3 sets of {reps}, each rep as quick as you can; stop the set when you slow down.",),
        )

    if not loaded:
        rule: ProgressionRule = DoubleRule(increment_kg=0.0)
        # No intensity: a double progression sets the load itself (here: none; the reps climb).
        prescription = SetPrescription(reps_min=low, reps_max=high)
        reasons.append(
            f"{sets} sets of {_reps(low, high)}: add a rep each time until every set reaches {high}, then "
            "move to a harder version."
        )
    elif q.experience is Experience.NEW and spec.mechanic is Mechanic.COMPOUND:
        reps = 12 if gentle else 10
        increment = INCREMENT_KG.get(spec.equipment, 2.5)
        rule = LinearRule(increment_kg=increment)
        prescription = SetPrescription(reps_min=reps, reps_max=reps)
        reasons.append(
            f"{sets} sets of {reps} at a weight you could lift 2-3 more times; add {increment:g} kg each "
            "time you finish every set, and after 3 missed sessions in a row drop 10 % and build up again."
        )
    elif q.experience is Experience.EXPERIENCED and main:
        heavy = not q.careful and bool(q.goals & {Goal.STRENGTH_MUSCLE, Goal.BONE, Goal.SPORT})
        reps, rpe = (10, 7.0) if q.careful else ((5, 8.0) if heavy else (8, 8.0))
        rule = RpeRule()
        prescription = SetPrescription(
            reps_min=reps, reps_max=reps, intensity=Intensity(IntensityKind.RPE, rpe)
        )
        rest_s = REST_MAIN_RPE_S
        reasons.append(
            f"{sets} sets of {reps} at RPE {rpe:g} ({10 - rpe:g} reps left in the tank); the weight is "
            "worked out from your recent best sets, so it follows good and bad days."
        )
    else:
        increment = INCREMENT_KG.get(spec.equipment, 2.5)
        rule = DoubleRule(increment_kg=increment)
        prescription = SetPrescription(reps_min=low, reps_max=high)
        reasons.append(
            f"{sets} sets of {_reps(low, high)}: add reps until every set reaches {high}, then add "
            f"{increment:g} kg and start again at {low} (double progression)."
        )

    if q.careful and loaded:
        reasons.append(
            "Breathe out as you push and never hold your breath; end each set with 2-3 reps to spare."
        )
    if Condition.OSTEOPOROSIS in q.conditions and spec.equipment in BAR_EQUIPMENT and main:
        reasons.append("Learn this lift with a physiotherapist or qualified coach before it gets heavy.")
    if Condition.LOW_BACK_PAIN in q.conditions and role_code == "hinge":
        reasons.append("Start light and add weight only while your back feels no worse the next day.")
    return Dose(sets, prescription, rest_s, _rule_key(rule), rule, tuple(reasons))


def _bodyweight(spec: ExerciseSpec) -> Intensity | None:
    if spec.measure is Measure.BODYWEIGHT_REPS:
        return Intensity(IntensityKind.BODYWEIGHT)
    return None
