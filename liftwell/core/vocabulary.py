"""The fixed vocabularies that describe an exercise.

Every exercise, shipped or imported, is described with these words only, so that weekly volume per
muscle, filters and benefit tags work the same for all of them.
"""

from __future__ import annotations

from enum import StrEnum


class Muscle(StrEnum):
    CHEST = "chest"
    FRONT_DELTS = "front_delts"
    SIDE_DELTS = "side_delts"
    REAR_DELTS = "rear_delts"
    BICEPS = "biceps"
    TRICEPS = "triceps"
    FOREARMS = "forearms"
    TRAPS = "traps"
    UPPER_BACK = "upper_back"
    LATS = "lats"
    LOWER_BACK = "lower_back"
    ABS = "abs"
    OBLIQUES = "obliques"
    HIP_FLEXORS = "hip_flexors"
    GLUTES = "glutes"
    QUADS = "quads"
    HAMSTRINGS = "hamstrings"
    ADDUCTORS = "adductors"
    ABDUCTORS = "abductors"
    CALVES = "calves"
    NECK = "neck"

    @property
    def label(self) -> str:
        return MUSCLE_LABELS[self]


MUSCLE_LABELS: dict[Muscle, str] = {
    Muscle.CHEST: "Chest",
    Muscle.FRONT_DELTS: "Front shoulders",
    Muscle.SIDE_DELTS: "Side shoulders",
    Muscle.REAR_DELTS: "Rear shoulders",
    Muscle.BICEPS: "Biceps",
    Muscle.TRICEPS: "Triceps",
    Muscle.FOREARMS: "Forearms and grip",
    Muscle.TRAPS: "Trapezius",
    Muscle.UPPER_BACK: "Upper back",
    Muscle.LATS: "Lats",
    Muscle.LOWER_BACK: "Lower back",
    Muscle.ABS: "Abdominals",
    Muscle.OBLIQUES: "Obliques",
    Muscle.HIP_FLEXORS: "Hip flexors",
    Muscle.GLUTES: "Glutes",
    Muscle.QUADS: "Quadriceps",
    Muscle.HAMSTRINGS: "Hamstrings",
    Muscle.ADDUCTORS: "Adductors",
    Muscle.ABDUCTORS: "Abductors",
    Muscle.CALVES: "Calves",
    Muscle.NECK: "Neck",
}


class Equipment(StrEnum):
    BODYWEIGHT = "bodyweight"
    BAND = "band"
    DUMBBELL = "dumbbell"
    KETTLEBELL = "kettlebell"
    BARBELL = "barbell"
    EZ_BAR = "ez_bar"
    TRAP_BAR = "trap_bar"
    SMITH_MACHINE = "smith_machine"
    CABLE = "cable"
    MACHINE = "machine"
    MEDICINE_BALL = "medicine_ball"
    STABILITY_BALL = "stability_ball"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize().replace("Ez bar", "EZ bar")


class Pattern(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"
    LUNGE = "lunge"
    HORIZONTAL_PUSH = "horizontal_push"
    VERTICAL_PUSH = "vertical_push"
    HORIZONTAL_PULL = "horizontal_pull"
    VERTICAL_PULL = "vertical_pull"
    CARRY = "carry"
    ANTI_EXTENSION = "anti_extension"
    ANTI_ROTATION = "anti_rotation"
    LATERAL_FLEXION = "lateral_flexion"
    TRUNK_FLEXION = "trunk_flexion"
    ISOLATION = "isolation"
    JUMP = "jump"
    BALANCE = "balance"
    CONDITIONING = "conditioning"
    MOBILITY = "mobility"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class Mechanic(StrEnum):
    COMPOUND = "compound"
    ISOLATION = "isolation"


class Laterality(StrEnum):
    BILATERAL = "bilateral"
    UNILATERAL = "unilateral"
    ALTERNATING = "alternating"


class Measure(StrEnum):
    """What a set of this exercise records."""

    WEIGHT_REPS = "weight_reps"
    BODYWEIGHT_REPS = "bodyweight_reps"
    WEIGHTED_BODYWEIGHT = "weighted_bodyweight"
    ASSISTED_BODYWEIGHT = "assisted_bodyweight"
    TIME = "time"
    WEIGHT_TIME = "weight_time"
    DISTANCE = "distance"
    WEIGHT_DISTANCE = "weight_distance"


class BenefitTag(StrEnum):
    """The benefit areas (from the seed article) that an exercise serves especially well."""

    BONE_LOADING = "bone_loading"
    POSTURE_BACK = "posture_back"
    BALANCE = "balance"
    GRIP = "grip"
    POWER = "power"
    DAILY_FUNCTION = "daily_function"

    @property
    def label(self) -> str:
        return BENEFIT_LABELS[self]


BENEFIT_LABELS: dict[BenefitTag, str] = {
    BenefitTag.BONE_LOADING: "Bone loading",
    BenefitTag.POSTURE_BACK: "Posture and back",
    BenefitTag.BALANCE: "Balance",
    BenefitTag.GRIP: "Grip",
    BenefitTag.POWER: "Power",
    BenefitTag.DAILY_FUNCTION: "Everyday strength",
}


class MovementFeature(StrEnum):
    """What a movement does that matters for a health condition. Every exercise lists all that apply
    (an empty list is a valid answer); the planner leaves out the features a person's conditions exclude.
    """

    # The spine curls forward, even a little: curl-ups, crunches, sit-ups, forward bends.
    SPINAL_FLEXION = "spinal_flexion"
    # The spine curls forward against more than the head and shoulders: an added weight, a cable or
    # machine, the trunk or legs lifted through a sit-up, crunch or leg raise, or a forceful slam.
    # Always listed together with SPINAL_FLEXION.
    SPINAL_FLEXION_LOADED = "spinal_flexion_loaded"
    # The trunk twists against a load or its own weight: Russian twists, wood chops, rotational throws.
    LOADED_ROTATION = "loaded_rotation"
    # The trunk bends sideways against a load or its own weight: side bends, oblique crunches.
    LATERAL_FLEXION_LOADED = "lateral_flexion_loaded"
    # Bending forward to put the hands on the floor: toe touches, walkouts (not a flat-backed hinge).
    FLOOR_REACH = "floor_reach"
    # Lying or hanging face up with the body about level: flat bench presses, bridges, hip thrusts.
    SUPINE = "supine"
    # Lying face down on the chest or belly: chest-supported rows, back extensions, lying leg curls.
    PRONE = "prone"
    # The feet leave the ground and land: jumps, hops, skipping, running, the catch of Olympic lifts.
    IMPACT = "impact"
    # All-out efforts that are nearly always done holding the breath (a Valsalva): Olympic lifts,
    # rack pulls, Nordic curls. Any lift can be done holding the breath; these are hard to do without.
    BREATH_HOLD = "breath_hold"

    @property
    def label(self) -> str:
        return FEATURE_LABELS[self]


FEATURE_LABELS: dict[MovementFeature, str] = {
    MovementFeature.SPINAL_FLEXION: "Curls the spine forward",
    MovementFeature.SPINAL_FLEXION_LOADED: "Curls the spine forward under load",
    MovementFeature.LOADED_ROTATION: "Twists the trunk under load",
    MovementFeature.LATERAL_FLEXION_LOADED: "Bends sideways under load",
    MovementFeature.FLOOR_REACH: "Bends forward to the floor",
    MovementFeature.SUPINE: "Lying on the back",
    MovementFeature.PRONE: "Lying face down",
    MovementFeature.IMPACT: "Jumping or landing",
    MovementFeature.BREATH_HOLD: "All-out, breath-held effort",
}
