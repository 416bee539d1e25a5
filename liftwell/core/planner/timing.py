"""How long a planned session takes, estimated so that a plan can be fitted to the minutes available.

The estimate, in seconds:

    session = WARMUP_S + sum over exercises of (set_up_s + sets * work_s + (sets - 1) * rest_s)

- WARMUP_S: 5 minutes of general warm-up before the first exercise.
- work_s for one set: reps * SECONDS_PER_REP (the top of a rep range), or the seconds of a timed set;
  doubled for exercises done one side at a time, which take twice the reps.
  SECONDS_PER_REP = 4: ACSM 2009 advises a moderate tempo of 1-2 s up and 1-2 s down (Ratamess et al.,
  docs/science.md §1.2); the top of that range keeps the estimate on the long side.
- rest_s: the prescribed rest between sets. The rest after an exercise's last set is not counted on its
  own: moving to and setting up the next exercise takes that time.
- set_up_s: getting an exercise ready, including its warm-up sets: 150 s for a loaded bar (plates and
  a ramp of lighter sets), 60 s for dumbbells, kettlebells, machines and cables, 30 s for body weight,
  bands and balls.

It is an estimate for planning, not a timer: a real session with chatting or a busy gym takes longer.
"""

from __future__ import annotations

from collections.abc import Iterable

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.programs.model import SetPrescription
from liftwell.core.vocabulary import Equipment, Laterality

WARMUP_S = 300
SECONDS_PER_REP = 4
SET_UP_BAR_S = 150
SET_UP_WEIGHTS_S = 60
SET_UP_LIGHT_S = 30

_BAR = frozenset({Equipment.BARBELL, Equipment.TRAP_BAR, Equipment.EZ_BAR, Equipment.SMITH_MACHINE})
_LIGHT = frozenset({Equipment.BODYWEIGHT, Equipment.BAND, Equipment.STABILITY_BALL, Equipment.MEDICINE_BALL})


def set_up_s(spec: ExerciseSpec) -> int:
    if spec.equipment in _BAR:
        return SET_UP_BAR_S
    if spec.equipment in _LIGHT:
        return SET_UP_LIGHT_S
    return SET_UP_WEIGHTS_S


def work_s(spec: ExerciseSpec, prescription: SetPrescription) -> int:
    """Seconds of work in one set."""
    if prescription.seconds is not None:
        seconds = prescription.seconds
    else:
        reps = prescription.reps_max or prescription.reps_min or 0
        seconds = reps * SECONDS_PER_REP
    sides = 1 if spec.laterality is Laterality.BILATERAL else 2
    return seconds * sides


def exercise_s(spec: ExerciseSpec, prescription: SetPrescription, *, sets: int, rest_s: int) -> int:
    """One exercise: set-up, every set's work and the rests between its sets."""
    return set_up_s(spec) + sets * work_s(spec, prescription) + (sets - 1) * rest_s


def session_s(exercise_seconds: Iterable[int]) -> int:
    """A session: the warm-up plus every exercise."""
    return WARMUP_S + sum(exercise_seconds)
