"""The progression engine: a program's state, what to do next, and how a logged session moves it.

Pure functions over `liftwell.core.programs.model` values. The state is JSON-serialisable
(`ProgramState.to_json` / `from_json`) so the web layer stores it as is. Two operations:

- `prescribe(program, state, ...)`: the next session (the day `state` points at) with a target for
  every set: load from the slot's progression track, or for a first session from the lifter's e1RM
  (RPE chart, docs/science.md §2.2), rounded by the caller's `round_kg` (plates the lifter owns).
- `advance(program, state, logged)`: apply one finished session: every progression rule of the day's
  slots updates its track with a one-line reason, and the pointer moves to the next day (wrapping to
  week 1 starts a new cycle, where wave rules move their training max).

Rules (see the model for their parameters):
- linear: every prescribed set done at its reps -> + increment; a miss repeats the load; the Nth miss
  in a row deloads by the given percent (as in Rippetoe's and StrongLifts-style novice programs).
- double: climb the rep range; when every set reaches the top, + increment and back to the bottom.
- wave: loads are % of a training max (TM); each new cycle TM + increment (Wendler, 5/3/1, 2nd ed.
  2011), or - reset % when an AMRAP set of the cycle fell short of its minimum.
- rpe: load = e1RM x %1RM(reps, RPE) from the RPE chart; e1RM re-estimated from the session's sets.
Deload weeks scale progression-driven loads to the week's load_percent and move no track.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from liftwell.core.plates import PlateSet, load_bar
from liftwell.core.programs.model import (
    DoubleRule,
    IntensityKind,
    LinearRule,
    Program,
    RpeRule,
    SetPrescription,
    Slot,
    WaveRule,
)
from liftwell.core.strength import RPE_REPS, e1rm, e1rm_from_rpe, load_for_reps, load_for_rpe

# A first session with no track yet starts at this RPE (2 reps in reserve): heavy enough to count,
# light enough to leave room to progress (Helms et al., Strength Cond J 2016;38(4):42-9).
START_RPE = 8.0
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def kg_text(value: float) -> str:
    return f"{round(value, 2):g} kg"


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else f"{n}th"


@dataclass(frozen=True)
class TrackState:
    """What one progression track remembers. Only the fields its rule uses are set."""

    load_kg: float | None = None  # linear, double: the working load
    reps: int | None = None  # double: the current rep target
    failures: int = 0  # linear: missed sessions in a row
    tm_kg: float | None = None  # wave: the training max
    e1rm_kg: float | None = None  # rpe: the current estimated 1RM
    missed_amrap: bool = False  # wave: an AMRAP set of this cycle fell short
    reason: str = ""  # why the next prescription is what it is (shown to the lifter)


_TRACK_FIELDS = ("load_kg", "reps", "failures", "tm_kg", "e1rm_kg", "missed_amrap", "reason")


@dataclass(frozen=True)
class ProgramState:
    """Where the lifter is (0-based week and day of the cycle) and every track's state."""

    week: int = 0
    day: int = 0
    cycle: int = 1
    sessions: int = 0
    tracks: Mapping[str, TrackState] = field(default_factory=dict)

    def track(self, key: str) -> TrackState:
        return self.tracks.get(key, TrackState())

    def to_json(self) -> dict[str, Any]:
        tracks = {
            key: {
                name: getattr(track, name) for name in _TRACK_FIELDS if getattr(track, name) not in (None, "")
            }
            for key, track in self.tracks.items()
        }
        return {
            "week": self.week,
            "day": self.day,
            "cycle": self.cycle,
            "sessions": self.sessions,
            "tracks": tracks,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ProgramState:
        """Read `to_json` output; unknown track fields are ignored, wrong types raise ValueError."""
        tracks: dict[str, TrackState] = {}
        for key, raw in dict(data.get("tracks", {})).items():
            if not isinstance(raw, dict):
                raise ValueError(f"track {key!r} must be an object")
            values = {name: raw[name] for name in _TRACK_FIELDS if name in raw}
            for name in ("load_kg", "tm_kg", "e1rm_kg"):
                if name in values and values[name] is not None:
                    values[name] = float(values[name])
            tracks[str(key)] = TrackState(**values)
        return cls(
            week=int(data.get("week", 0)),
            day=int(data.get("day", 0)),
            cycle=int(data.get("cycle", 1)),
            sessions=int(data.get("sessions", 0)),
            tracks=tracks,
        )


def start_state(program: Program) -> ProgramState:
    """A new enrolment: week 1, day 1, no tracks yet (first loads come from the lifter's history)."""
    del program
    return ProgramState()


# --- prescribing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SetTarget:
    """One set to do: `reps` is the target (None for a timed set), `load_kg` None = lifter's choice."""

    reps: int | None
    reps_min: int | None
    reps_max: int | None
    seconds: int | None
    amrap: bool
    load_kg: float | None
    intensity: str  # e.g. "85% TM", "RPE 8", "" when the load is the track's working load


@dataclass(frozen=True)
class SlotTarget:
    index: int
    slot: Slot
    sets: tuple[SetTarget, ...]
    reason: str


@dataclass(frozen=True)
class SessionPlan:
    week: int
    day: int
    cycle: int
    week_name: str
    day_name: str
    deload: bool
    slots: tuple[SlotTarget, ...]


RoundKg = Callable[[str, float], float]


def _no_rounding(exercise: str, load_kg: float) -> float:
    del exercise
    return round(load_kg, 2)


def _start_load(e1rm_kg: float, reps: int) -> float:
    """A first working load for `reps` reps at START_RPE; past the chart, Epley at reps + 2 in reserve."""
    if reps in RPE_REPS:
        return load_for_rpe(e1rm_kg, reps, START_RPE)
    return load_for_reps(e1rm_kg, min(reps + 2, 36))


def _target(prescription: SetPrescription, reps: int | None, load_kg: float | None) -> SetTarget:
    return SetTarget(
        reps=reps,
        reps_min=prescription.reps_min,
        reps_max=prescription.reps_max,
        seconds=prescription.seconds,
        amrap=prescription.amrap,
        load_kg=load_kg,
        intensity=prescription.intensity.label if prescription.intensity else "",
    )


def _slot_target(
    program: Program,
    state: ProgramState,
    index: int,
    slot: Slot,
    e1rm_kg: Mapping[str, float],
    round_kg: RoundKg,
    load_percent: float,
) -> SlotTarget:
    rule = program.rule(slot.progression)
    track = state.track(slot.track_key)
    history = e1rm_kg.get(slot.exercise)
    first = slot.sets[0]
    scale = load_percent / 100

    def rounded(value: float | None) -> float | None:
        return None if value is None else round_kg(slot.exercise, max(value, 0.0))

    reason = track.reason
    targets: list[SetTarget] = []
    if isinstance(rule, LinearRule | DoubleRule):
        reps = first.reps_min if isinstance(rule, LinearRule) else (track.reps or first.reps_min)
        load = track.load_kg
        if load is None and history is not None and reps is not None:
            load = _start_load(history, reps)
            reason = f"first session: about RPE 8 for {reps} from your e1RM {kg_text(history)}"
        elif load is None and isinstance(rule, DoubleRule) and rule.increment_kg == 0:
            reason = (
                track.reason or f"aim for {reps}; when every set reaches {first.reps_max}, make it harder"
            )
        elif load is None and not track.reason:
            reason = f"first session: choose a load you can lift for {reps} with 2-3 reps to spare"
        if load is not None and scale != 1:
            reason = f"deload week: {load_percent:g}% of {kg_text(load)}"
            load *= scale
        targets = [
            _target(p, reps if isinstance(rule, DoubleRule) else p.reps_min, rounded(load)) for p in slot.sets
        ]
    elif isinstance(rule, WaveRule):
        tm = track.tm_kg
        if tm is None and history is not None:
            tm = history * rule.start_percent / 100
            reason = f"training max {kg_text(tm)}: {rule.start_percent:g}% of your e1RM {kg_text(history)}"
        elif tm is None:
            reason = "no history yet: log this session and the training max is set from it"
        for p in slot.sets:
            percent = p.intensity.value if p.intensity and p.intensity.value is not None else 0.0
            targets.append(_target(p, p.reps_min, rounded(None if tm is None else tm * percent / 100)))
    else:
        estimate = track.e1rm_kg if isinstance(rule, RpeRule) and track.e1rm_kg is not None else history
        if isinstance(rule, RpeRule) and track.e1rm_kg is None:
            reason = (
                f"loads from your e1RM {kg_text(estimate)}"
                if estimate
                else "no history yet: log this session at the RPE"
            )
        for p in slot.sets:
            targets.append(
                _target(p, p.reps_max if not p.amrap else p.reps_min, rounded(_fixed_load(p, estimate)))
            )
    return SlotTarget(index=index, slot=slot, sets=tuple(targets), reason=reason)


def _fixed_load(prescription: SetPrescription, e1rm_kg: float | None) -> float | None:
    """The load a set's own intensity gives (absolute, % of 1RM, RPE/RIR), or None."""
    intensity = prescription.intensity
    if intensity is None or intensity.value is None:
        return None
    if intensity.kind is IntensityKind.LOAD_KG:
        return intensity.value
    if e1rm_kg is None:
        return None
    if intensity.kind is IntensityKind.PERCENT_1RM:
        return e1rm_kg * intensity.value / 100
    rpe, reps = intensity.rpe, prescription.reps_max
    if rpe is not None and reps in RPE_REPS:
        return load_for_rpe(e1rm_kg, reps, rpe)
    return None


def prescribe(
    program: Program,
    state: ProgramState,
    *,
    e1rm_kg: Mapping[str, float] | None = None,
    round_kg: RoundKg | None = None,
) -> SessionPlan:
    """The next session: the day `state` points at, every set with its target reps and load.

    `e1rm_kg` maps exercise slugs to the lifter's current estimated 1RM (kg), used where a track has
    no state yet and for %1RM/RPE sets; `round_kg(exercise, kg)` rounds a load to what the lifter can
    load (see `plate_rounder`); by default loads are rounded to 0.01 kg.
    """
    week = program.weeks[state.week]
    day = week.days[state.day]
    load_percent = week.load_percent if week.deload else 100.0
    slots = tuple(
        _slot_target(program, state, index, slot, e1rm_kg or {}, round_kg or _no_rounding, load_percent)
        for index, slot in enumerate(day.slots)
    )
    return SessionPlan(
        week=state.week,
        day=state.day,
        cycle=state.cycle,
        week_name=week.name or f"Week {state.week + 1}",
        day_name=day.name,
        deload=week.deload,
        slots=slots,
    )


def round_to_plates(load_kg: float, plate_set: PlateSet, *, kg_per_unit: float = 1.0) -> float:
    """The nearest total (kg) the plate set can load (ties go to the lighter one).

    `kg_per_unit` converts the plate set's unit to kg (1 for kg plates, 0.45359237 for lb plates).
    """
    target = Decimal(str(round(load_kg / kg_per_unit, 6)))
    loading = load_bar(target, plate_set)
    achieved = loading.achieved
    if (
        not loading.exact
        and loading.above is not None
        and loading.above.achieved - target < target - achieved
    ):
        achieved = loading.above.achieved
    return round(float(achieved) * kg_per_unit, 6)


def round_to_step(load_kg: float, step_kg: float) -> float:
    """The nearest multiple of `step_kg` (dumbbells, machines): 11.4 kg in 2 kg steps -> 12 kg."""
    if step_kg <= 0:
        return load_kg
    return round(round(load_kg / step_kg) * step_kg, 6)


# --- advancing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoggedSet:
    """A set as logged: `completed` False for a set left undone on the logging screen."""

    load_kg: float | None
    reps: int | None
    seconds: int | None = None
    rpe: float | None = None
    completed: bool = True


@dataclass(frozen=True)
class Advance:
    """The state after a session and the reason for each track it changed."""

    state: ProgramState
    reasons: Mapping[str, str]


def _done(logged: Sequence[LoggedSet]) -> list[LoggedSet]:
    # A completed set with 0 reps is a failed attempt (it counts as a miss); an uncompleted one is not done.
    return [s for s in logged if s.completed and (s.reps is not None or s.seconds)]


def _base_load(done: Sequence[LoggedSet], fallback: float | None) -> float | None:
    """The load the session was done with: the lightest working set (so an override counts)."""
    loads = [s.load_kg for s in done if s.load_kg is not None]
    return min(loads) if loads else fallback


def _scheme(sets: Sequence[SetPrescription]) -> str:
    reps = {p.reps_min for p in sets}
    return f"{len(sets)}x{reps.pop()}" if len(reps) == 1 else f"{len(sets)} sets"


def _linear(rule: LinearRule, slot: Slot, track: TrackState, done: list[LoggedSet]) -> TrackState:
    wanted = slot.sets
    hits = sum(1 for p, s in zip(wanted, done, strict=False) if (s.reps or 0) >= (p.reps_min or 0))
    base = _base_load(done[: len(wanted)], track.load_kg)
    if base is None:
        return replace(track, reason="log a load to start the progression")
    if hits == len(wanted):
        return replace(
            track,
            load_kg=base + rule.increment_kg,
            failures=0,
            reason=f"+{kg_text(rule.increment_kg)}: all {_scheme(wanted)} completed",
        )
    failures = track.failures + 1
    if failures >= rule.failures_before_deload:
        return replace(
            track,
            load_kg=base * (1 - rule.deload_percent / 100),
            failures=0,
            reason=f"deload {rule.deload_percent:g}%: {_ordinal(failures)} missed session",
        )
    return replace(
        track,
        load_kg=base,
        failures=failures,
        reason=f"repeat {kg_text(base)}: {hits} of {len(wanted)} sets completed (miss {failures} of "
        f"{rule.failures_before_deload})",
    )


def _double(rule: DoubleRule, slot: Slot, track: TrackState, done: list[LoggedSet]) -> TrackState:
    low, top = slot.sets[0].reps_min or 1, slot.sets[0].reps_max or 1
    target = track.reps or low
    counted = [s.reps or 0 for s in done[: len(slot.sets)]]
    full = len(counted) == len(slot.sets)
    base = _base_load(done[: len(slot.sets)], track.load_kg)
    if full and min(counted) >= top:
        if rule.increment_kg > 0 and base is not None:
            return replace(
                track,
                load_kg=base + rule.increment_kg,
                reps=low,
                reason=f"+{kg_text(rule.increment_kg)}: every set reached {top}, back to {low} reps",
            )
        return replace(
            track, load_kg=base, reps=top, reason=f"top of {low}-{top} reached: try a harder variation"
        )
    if full and min(counted) >= target:
        new = min(top, min(counted) + 1)
        return replace(track, load_kg=base, reps=new, reason=f"reps {target} -> {new} of {low}-{top}")
    reached = sum(1 for reps in counted if reps >= target)
    return replace(
        track,
        load_kg=base,
        reps=target,
        reason=f"hold {target} reps: {reached} of {len(slot.sets)} sets reached it",
    )


def _wave(rule: WaveRule, slot: Slot, track: TrackState, done: list[LoggedSet]) -> TrackState:
    if track.tm_kg is None:
        estimates = [
            (e1rm(s.load_kg, s.reps).value_kg, s) for s in done if s.load_kg and s.reps and s.reps < 37
        ]
        if not estimates:
            return replace(track, reason="log a load to set the training max")
        best, source = max(estimates, key=lambda pair: pair[0])
        tm = best * rule.start_percent / 100
        return replace(
            track,
            tm_kg=tm,
            reason=f"training max {kg_text(tm)}: {rule.start_percent:g}% of e1RM {kg_text(best)} "
            f"({kg_text(source.load_kg or 0)} x {source.reps})",
        )
    short = [
        (p, s) for p, s in zip(slot.sets, done, strict=False) if p.amrap and (s.reps or 0) < (p.reps_min or 0)
    ]
    if short or len(done) < len(slot.sets):
        return replace(track, missed_amrap=True, reason="a set fell short: the training max drops next cycle")
    amraps = [(p, s) for p, s in zip(slot.sets, done, strict=False) if p.amrap]
    if amraps:
        p, s = amraps[-1]
        return replace(track, reason=f"{s.reps} reps on the {p.reps_min}+ set: on track")
    return replace(track, reason="all sets completed")


def _rpe(slot: Slot, track: TrackState, done: list[LoggedSet], history: float | None) -> TrackState:
    estimates: list[tuple[float, LoggedSet, float]] = []
    for p, s in zip(slot.sets, done, strict=False):
        asked = p.intensity.rpe if p.intensity else None
        rpe = s.rpe if s.rpe is not None else (asked if (s.reps or 0) >= (p.reps_min or 0) else None)
        if rpe is None or not s.load_kg or s.reps not in RPE_REPS:
            continue
        rpe = min(10.0, max(6.5, round(rpe * 2) / 2))  # onto the chart: half steps, 6.5-10
        estimates.append((e1rm_from_rpe(s.load_kg, s.reps or 1, rpe), s, rpe))
    if not estimates:
        return replace(track, reason="no set with a load and RPE to re-estimate from")
    best, s, rpe = max(estimates, key=lambda item: item[0])
    old = track.e1rm_kg if track.e1rm_kg is not None else history
    before = f"e1RM {kg_text(old)} -> " if old is not None else "e1RM "
    return replace(
        track,
        e1rm_kg=best,
        reason=f"{before}{kg_text(best)}: {kg_text(s.load_kg or 0)} x {s.reps} @ RPE {rpe:g}",
    )


def advance(
    program: Program,
    state: ProgramState,
    logged: Mapping[int, Sequence[LoggedSet]],
    *,
    e1rm_kg: Mapping[str, float] | None = None,
) -> Advance:
    """Apply the session of the day `state` points at; `logged` maps slot index -> its logged sets.

    A slot with no completed set leaves its track alone. Deload weeks move no track. Then the pointer
    moves on one day; past the last week a new cycle starts and every wave track moves its TM.
    """
    week = program.weeks[state.week]
    day = week.days[state.day]
    tracks = dict(state.tracks)
    reasons: dict[str, str] = {}
    for index, slot in enumerate(day.slots):
        rule = program.rule(slot.progression)
        done = _done(logged.get(index, ()))
        if rule is None or not done or week.deload:
            continue
        track = tracks.get(slot.track_key, TrackState())
        if isinstance(rule, LinearRule):
            track = _linear(rule, slot, track, done)
        elif isinstance(rule, DoubleRule):
            track = _double(rule, slot, track, done)
        elif isinstance(rule, WaveRule):
            track = _wave(rule, slot, track, done)
        else:
            track = _rpe(slot, track, done, (e1rm_kg or {}).get(slot.exercise))
        tracks[slot.track_key] = track
        reasons[slot.track_key] = track.reason
    next_day, next_week, cycle = state.day + 1, state.week, state.cycle
    if next_day >= len(week.days):
        next_day, next_week = 0, state.week + 1
    if next_week >= len(program.weeks):
        next_week, cycle = 0, cycle + 1
        for key, wave_rule in _wave_tracks(program).items():
            wave = tracks.get(key)
            if wave is None or wave.tm_kg is None:
                continue
            if wave.missed_amrap:
                tm = wave.tm_kg * (1 - wave_rule.reset_percent / 100)
                reason = (
                    f"new cycle: training max -{wave_rule.reset_percent:g}% ({kg_text(tm)}), a set fell short"
                )
            else:
                tm = wave.tm_kg + wave_rule.tm_increment_kg
                reason = f"new cycle: training max +{kg_text(wave_rule.tm_increment_kg)}"
            tracks[key] = replace(wave, tm_kg=tm, missed_amrap=False, reason=reason)
            reasons[key] = reason
    new_state = ProgramState(
        week=next_week, day=next_day, cycle=cycle, sessions=state.sessions + 1, tracks=tracks
    )
    return Advance(state=new_state, reasons=reasons)


def _wave_tracks(program: Program) -> dict[str, WaveRule]:
    found: dict[str, WaveRule] = {}
    for week in program.weeks:
        for day in week.days:
            for slot in day.slots:
                rule = program.rule(slot.progression)
                if isinstance(rule, WaveRule):
                    found[slot.track_key] = rule
    return found
