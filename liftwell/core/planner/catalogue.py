"""Which library exercises a person can be given, and how well each fits a slot in their plan.

Filtering is strict (equipment, avoided patterns, and the movement features a person's conditions exclude);
scoring is a plain sum of small integer weights so that the same questionnaire always gives the same
exercises (ties break on the slug).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from liftwell.core.adherence import MAJOR_MUSCLE_GROUPS, MajorGroup, groups_worked
from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner.questionnaire import Condition, Experience, Goal, Questionnaire
from liftwell.core.vocabulary import (
    BenefitTag,
    Equipment,
    Laterality,
    Measure,
    Mechanic,
    MovementFeature,
    Muscle,
    Pattern,
)

# Strength-training slots only: mobility drills, cardio and distance-only entries are not planned here.
NOT_PLANNED_PATTERNS = frozenset({Pattern.MOBILITY, Pattern.CONDITIONING})

# Body-weight exercises that need a bar, dip station, bench or anchor. A gym has them; a home may not,
# so they are offered only to people who list gym equipment (barbell, machine, cable or Smith machine).
NEEDS_FIXTURE = frozenset(
    {
        "pull-up", "chin-up", "neutral-grip-pull-up", "dead-hang", "scapular-pull-up", "hanging-leg-raise",
        "hanging-knee-raise", "toes-to-bar", "dip", "inverted-row", "back-extension", "nordic-hamstring-curl",
        "box-jump", "depth-jump", "decline-crunch", "decline-push-up",
    }
)  # fmt: skip
GYM_EQUIPMENT = frozenset({Equipment.BARBELL, Equipment.MACHINE, Equipment.CABLE, Equipment.SMITH_MACHINE})

# Lifts that take coaching to learn safely (Olympic lifts and their variants, high-skill body-weight moves).
TECHNICAL = frozenset(
    {
        "barbell-power-clean", "barbell-clean", "barbell-hang-clean", "barbell-clean-and-jerk",
        "barbell-snatch", "barbell-power-snatch", "barbell-hang-snatch", "barbell-clean-pull",
        "barbell-snatch-pull", "barbell-split-jerk", "barbell-snatch-balance", "kettlebell-snatch",
        "kettlebell-clean-and-jerk", "dumbbell-snatch", "kettlebell-turkish-get-up", "kettlebell-windmill",
        "pistol-squat", "archer-push-up", "dragon-flag", "toes-to-bar", "depth-jump", "nordic-hamstring-curl",
        "ab-wheel-rollout", "barbell-jm-press", "barbell-good-morning", "ghd-sit-up", "dumbbell-renegade-row",
        "barbell-thruster", "jumping-lunge",
    }
)  # fmt: skip

# What each condition leaves out, by what a movement does (the features every library entry lists).
OSTEOPOROSIS_SOURCE = (
    "Too Fit To Fracture: Giangregorio et al., Osteoporos Int 2014; "
    "Strong, Steady and Straight: Brooke-Wavell et al., Br J Sports Med 2022"
)
LOW_BACK_PAIN_SOURCE = "Marras et al., Spine 1993"
PREGNANCY_SOURCE = "ACOG Committee Opinion 804, 2020"
HYPERTENSION_SOURCE = "AHA: Williams et al., Circulation 2007"

F = MovementFeature
CONDITION_EXCLUSIONS: dict[Condition, frozenset[MovementFeature]] = {
    # Both osteoporosis guides advise against flexing the spine (above all under load), twisting or
    # bending sideways under load, and forward bends to the floor such as toe touches. Jumps are handled
    # by GENTLE_JUMPS: small hops stay, for the bone they load.
    Condition.OSTEOPOROSIS: frozenset(
        {F.SPINAL_FLEXION, F.LOADED_ROTATION, F.LATERAL_FLEXION_LOADED, F.FLOOR_REACH}
    ),
    # Liftwell's choice for a gentle start, not a guideline rule (NICE NG59 and Owen et al. 2020 ask for
    # exercise, not for avoiding movements): bending and twisting under load are the trunk motions most
    # linked to back trouble (Marras et al.). Unloaded flexion such as the McGill curl-up stays.
    Condition.LOW_BACK_PAIN: frozenset({F.SPINAL_FLEXION_LOADED, F.LOADED_ROTATION}),
    # ACOG 804: avoid lying on the back after the first trimester (the planner does not know the
    # trimester, so none at all), straining with a held breath, and activities that risk a fall or a blow
    # to the abdomen. Jumps and landings (balance shifts as pregnancy goes on), lying face down and
    # crunch-type flexion (they press on and strain the growing abdomen) stay out as before: Liftwell's
    # choice, the cautious reading.
    Condition.PREGNANCY: frozenset({F.SUPINE, F.PRONE, F.IMPACT, F.BREATH_HOLD, F.SPINAL_FLEXION_LOADED}),
    # AHA 2007: no Valsalva. Effort is kept moderate by the dose (`Questionnaire.careful`).
    Condition.HYPERTENSION: frozenset({F.BREATH_HOLD}),
    # ADA (Colberg et al. 2016): nothing left out by default; retinopathy and foot care are cautions.
    Condition.TYPE_2_DIABETES: frozenset(),
}
EXCLUSION_SOURCES: dict[Condition, str] = {
    Condition.OSTEOPOROSIS: OSTEOPOROSIS_SOURCE,
    Condition.LOW_BACK_PAIN: LOW_BACK_PAIN_SOURCE,
    Condition.PREGNANCY: PREGNANCY_SOURCE,
    Condition.HYPERTENSION: HYPERTENSION_SOURCE,
}


def excluded_features(conditions: Iterable[Condition]) -> frozenset[MovementFeature]:
    """Every feature that any of these conditions leaves out."""
    return frozenset().union(*(CONDITION_EXCLUSIONS[condition] for condition in conditions))


GOAL_TAGS: dict[Goal, frozenset[BenefitTag]] = {
    Goal.BONE: frozenset({BenefitTag.BONE_LOADING}),
    Goal.BACK_PAIN: frozenset({BenefitTag.POSTURE_BACK}),
    Goal.DAILY_FUNCTION: frozenset({BenefitTag.DAILY_FUNCTION, BenefitTag.GRIP}),
    Goal.HEALTHY_AGEING: frozenset({BenefitTag.BALANCE, BenefitTag.DAILY_FUNCTION}),
}

# Fine exercises, but odd as someone's only press of the day.
UNCOMMON = frozenset(
    {
        "barbell-decline-bench-press",
        "dumbbell-decline-bench-press",
        "machine-decline-chest-press",
        "landmine-press",
    }
)
# The only jump offered to someone new, from 65, or with osteoporosis: small hops, not drop landings.
GENTLE_JUMPS = frozenset({"pogo-hops"})
OLDER_AGE = 65

BAR_EQUIPMENT = frozenset({Equipment.BARBELL, Equipment.TRAP_BAR, Equipment.EZ_BAR, Equipment.SMITH_MACHINE})
LOADED_MEASURES = frozenset({Measure.WEIGHT_REPS, Measure.WEIGHT_TIME, Measure.WEIGHT_DISTANCE})


@dataclass(frozen=True)
class Role:
    """A kind of slot: which patterns suit it (best first) and which muscles it is there to work."""

    code: str
    patterns: tuple[Pattern, ...]
    muscles: frozenset[Muscle]
    # One plain sentence on why the plan has this slot.
    why: str
    require_pattern: bool = False
    tags: frozenset[BenefitTag] = frozenset()
    # When set, only exercises recorded this way fit (a still hold is recorded as time).
    measures: frozenset[Measure] = frozenset()
    # When set, only these exercises fit: the exact modes a study tested.
    slugs: frozenset[str] = frozenset()


def allowed(spec: ExerciseSpec, questionnaire: Questionnaire) -> bool:
    """Whether the planner may give this exercise to this person at all."""
    return allows(questionnaire)(spec)


def candidates(library: Iterable[ExerciseSpec], questionnaire: Questionnaire) -> list[ExerciseSpec]:
    """The library exercises `allowed` for this person: the only ones a plan is made from."""
    allowed_here = allows(questionnaire)
    return [spec for spec in library if allowed_here(spec)]


def allows(questionnaire: Questionnaire) -> Callable[[ExerciseSpec], bool]:
    """`allowed` for one person, with what it needs from the answers worked out once.

    It reads only the equipment, the movements to avoid, the experience, whether the goals include sport,
    whether the age is 65 or over, and the conditions: nothing else in the answers changes what is allowed.
    """
    q = questionnaire
    usable = q.usable_equipment
    has_fixtures = bool(q.equipment & GYM_EQUIPMENT)
    technical = q.experience is Experience.EXPERIENCED and Goal.SPORT in q.goals
    excluded = excluded_features(q.conditions)
    gentle_jumps = (
        q.experience is Experience.NEW or q.age >= OLDER_AGE or Condition.OSTEOPOROSIS in q.conditions
    )

    def allowed_here(spec: ExerciseSpec) -> bool:
        if spec.equipment not in usable or spec.pattern in q.avoid_patterns:
            return False
        if spec.pattern in NOT_PLANNED_PATTERNS or spec.measure is Measure.DISTANCE:
            return False
        if spec.slug in NEEDS_FIXTURE and not has_fixtures:
            return False
        if spec.slug in TECHNICAL and not technical:
            return False
        if spec.features & excluded:
            return False
        return not (gentle_jumps and spec.pattern is Pattern.JUMP and spec.slug not in GENTLE_JUMPS)

    return allowed_here


def primary_groups(spec: ExerciseSpec) -> frozenset[MajorGroup]:
    return groups_worked(spec.primary_muscles)


def score(spec: ExerciseSpec, role: Role, questionnaire: Questionnaire) -> int:
    """How well `spec` fills `role` for this person; higher is better."""
    q = questionnaire
    points = 0
    if spec.pattern in role.patterns:
        points += 12 - 2 * role.patterns.index(spec.pattern)
    points += 4 * len(role.muscles.intersection(spec.primary_muscles)) + len(
        role.muscles.intersection(spec.secondary_muscles)
    )
    goal_tags = frozenset().union(*(GOAL_TAGS.get(goal, frozenset()) for goal in q.goals)) | role.tags
    points += 4 * len(goal_tags.intersection(spec.benefits))
    if spec.mechanic is Mechanic.COMPOUND:
        points += 2
    if spec.measure in LOADED_MEASURES:
        # Progression is simplest to see with a load; strength and bone goals and trained lifters want one.
        wants_load = q.goals & {Goal.STRENGTH_MUSCLE, Goal.BONE} or q.experience is not Experience.NEW
        points += 3 if wants_load else 1
    if (
        spec.laterality is Laterality.BILATERAL
        and role.patterns
        and role.patterns[0] is not Pattern.ISOLATION
    ):
        points += 1  # both sides at once: simpler to load and half the time
    if BenefitTag.POWER in spec.benefits and BenefitTag.POWER not in role.tags and Goal.SPORT not in q.goals:
        points -= 6  # fast lifts belong in a power slot, not as someone's main squat, hinge or press
    if spec.slug in UNCOMMON:
        points -= 3
    if spec.equipment in BAR_EQUIPMENT:
        points += 2 if q.experience is not Experience.NEW else 0
    elif spec.equipment in {Equipment.DUMBBELL, Equipment.MACHINE, Equipment.KETTLEBELL, Equipment.CABLE}:
        points += 2 if q.experience is Experience.NEW else 1
    if Condition.LOW_BACK_PAIN in q.conditions and Muscle.LOWER_BACK in spec.primary_muscles:
        points -= 3  # start the back with hips doing the work; the lower back still works as a helper
    if spec.slug in TECHNICAL:
        points -= 4
    return points


def fits(spec: ExerciseSpec, role: Role) -> bool:
    """Whether `spec` can fill `role` at all: a primary mover of one of its muscles, and of its
    pattern, benefit tags, measure or exact exercises where the role asks for them."""
    return (
        not role.muscles.isdisjoint(spec.primary_muscles)
        and (not role.require_pattern or spec.pattern in role.patterns)
        and (not role.tags or not role.tags.isdisjoint(spec.benefits))
        and (not role.measures or spec.measure in role.measures)
        and (not role.slugs or spec.slug in role.slugs)
    )


class Chooser:
    """Picks exercises for roles from one person's pool, scoring each exercise for each role only once:
    neither the pool nor the answers change while a plan is made, and scoring is most of its cost."""

    def __init__(self, pool: Sequence[ExerciseSpec], questionnaire: Questionnaire) -> None:
        self._pool = pool
        self._q = questionnaire
        self._scored: dict[Role, list[tuple[int, ExerciseSpec]]] = {}

    def best(
        self,
        role: Role,
        *,
        exclude: frozenset[str],
        variant: int = 0,
        used_patterns: frozenset[Pattern] = frozenset(),
    ) -> ExerciseSpec | None:
        """The `variant`-th best exercise for `role` (0 = best), skipping `exclude`; None when nothing fits.

        A candidate must fit the role (`fits`). It ranks by `score`, less 8 when the day already has its
        pattern (unless that is the role's first pattern), ties broken by slug. Variant 1 falls back to the
        best when there is no second choice.
        """
        scored = self._scored.get(role)
        if scored is None:
            scored = [(score(spec, role, self._q), spec) for spec in self._pool if fits(spec, role)]
            self._scored[role] = scored
        fitting = [(points, spec) for points, spec in scored if spec.slug not in exclude]
        if not fitting:
            return None
        lead = role.patterns[:1]

        def rank(item: tuple[int, ExerciseSpec]) -> tuple[int, str]:
            points, spec = item
            repeat = 8 if spec.pattern in used_patterns and spec.pattern not in lead else 0
            return (repeat - points, spec.slug)

        ranked = sorted(fitting, key=rank)
        return ranked[min(variant, len(ranked) - 1)][1]


def group_role(group: MajorGroup) -> Role:
    """A fallback role that only asks for a primary mover of one major group."""
    return Role(
        f"group-{group.value}",
        (),
        MAJOR_MUSCLE_GROUPS[group],
        f"Added so that this day also works your {group.label.lower()}.",
    )
