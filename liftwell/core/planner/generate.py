"""The plan generator: questionnaire + exercise library -> a `Program` with a reason for every choice.

Steps, each deterministic:
1. Days: full body on 1-3 days, upper/lower days alternating on 4-6 (`roles.day_kinds`).
2. Each day takes its base slots (squat, press, row, hinge, overhead press, trunk; or the upper or lower
   half), then the extras the goals and conditions ask for. Each slot gets the best-scoring exercise the
   person may do (`catalogue`); alternate days take the second choice for variety.
3. Any major group of the day that no chosen exercise works as a primary mover gets an exercise that does;
   if none exists (equipment, avoided movements, conditions) the plan cannot be made: `PlanError`.
4. Sets, reps, rest and progression come from `dose`; the session time from `timing`.
5. Over the time budget: sets above 2 come down first, then extras go (least important first), then sets
   come down to 1, then base slots whose groups another exercise covers go, then the longest exercises
   are swapped for the quickest ones that keep the day's groups covered. Still over: `PlanError`.
   Where balance work is advised (`roles.balance_advised`: from 65, or with osteoporosis) the balance
   slot is protected: it goes down to 1 set only after the others, is swapped only for a quicker balance
   exercise, and is left out only when the day cannot fit even with everything else at its shortest.
   The day's groups are always covered without it, so leaving it out never uncovers one.
6. Every exercise of the finished plan is checked against the filter (`catalogue.allows`) once more; one
   that fails is a bug, and the plan is refused with `UnsafePlanError` rather than returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from liftwell.core.adherence import MajorGroup
from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.planner import catalogue, roles
from liftwell.core.planner.catalogue import Role
from liftwell.core.planner.dose import Dose, dose_for
from liftwell.core.planner.explain import plan_cautions, plan_evidence, plan_reasons
from liftwell.core.planner.questionnaire import Questionnaire
from liftwell.core.planner.roles import DayKind, Place
from liftwell.core.planner.timing import exercise_s, session_s
from liftwell.core.programs.model import Day, Program, ProgressionRule, Slot, Week


class PlanError(ValueError):
    """No plan fits the answers; the message says which answer to change."""


class UnsafePlanError(RuntimeError):
    """A bug: the plan holds an exercise the filter does not allow for these answers (never expected)."""


@dataclass(frozen=True)
class PlannedExercise:
    spec: ExerciseSpec
    slot: Slot
    role: str
    groups: frozenset[MajorGroup]  # major groups worked as a primary mover
    reasons: tuple[str, ...]
    seconds: int
    rule: ProgressionRule | None = None
    trimmed: bool = False  # fewer sets than its dose, to fit the time
    quick: bool = False  # swapped in because it is quicker, to fit the time


@dataclass(frozen=True)
class PlannedDay:
    name: str
    weekday: str
    kind: DayKind
    exercises: tuple[PlannedExercise, ...]
    seconds: int
    cut_for_time: tuple[str, ...] = ()  # the role codes of the extras left out to fit the time

    @property
    def minutes(self) -> int:
        return -(-self.seconds // 60)

    @property
    def groups(self) -> frozenset[MajorGroup]:
        return frozenset().union(*(exercise.groups for exercise in self.exercises))


@dataclass(frozen=True)
class Plan:
    questionnaire: Questionnaire
    program: Program
    days: tuple[PlannedDay, ...]
    reasons: tuple[str, ...]
    cautions: tuple[str, ...]

    def days_per_group(self) -> dict[MajorGroup, int]:
        """On how many days of the week each major group is worked by a primary mover."""
        return {group: sum(group in day.groups for day in self.days) for group in MajorGroup}


@dataclass
class _Entry:
    """A slot being built (mutable while the day is fitted to the time budget)."""

    role: Role
    spec: ExerciseSpec
    dose: Dose
    sets: int
    extra: bool
    place: Place = Place.LAST
    quick: bool = False  # swapped in because it is quicker, to fit the time
    protected: bool = False  # the balance slot where balance work is advised: cut last

    @cached_property
    def groups(self) -> frozenset[MajorGroup]:
        return catalogue.primary_groups(self.spec)

    @property
    def seconds(self) -> int:
        return exercise_s(self.spec, self.dose.prescription, sets=self.sets, rest_s=self.dose.rest_s)


def generate_plan(questionnaire: Questionnaire, library: Iterable[ExerciseSpec]) -> Plan:
    """A weekly plan for these answers from these exercises. Raises `PlanError` when none fits."""
    q = questionnaire
    pool = catalogue.candidates(library, q)
    chooser = catalogue.Chooser(pool, q)
    budget_s = q.minutes_per_session * 60
    kinds = roles.day_kinds(q.days_per_week)
    weekdays = roles.WEEKDAYS[q.days_per_week]
    extras = roles.extras_for(q)
    seen: dict[DayKind, int] = {}
    days: list[PlannedDay] = []
    for kind, weekday in zip(kinds, weekdays, strict=True):
        variant = seen.get(kind, 0)
        seen[kind] = variant + 1
        entries = _pick_day(chooser, kind, variant, extras, q)
        picked = [entry.role.code for entry in entries if entry.extra]
        _fit(entries, kind, budget_s, pool, q)
        kept = {entry.role.code for entry in entries if entry.extra}
        letter = "AB"[variant % 2] if kinds.count(kind) > 1 else ""
        name = f"{kind.label} {letter}".strip()
        cut = tuple(code for code in picked if code not in kept)
        days.append(_planned_day(name, weekday, kind, entries, cut))
    _check_allowed(q, days)
    return _assemble(q, tuple(days))


def _check_allowed(q: Questionnaire, days: Sequence[PlannedDay]) -> None:
    """Every pick comes from the filtered pool, so this never fails; it makes "a plan holds only allowed
    exercises" hold for any answers by construction, whatever a later change to the picking does."""
    allowed_here = catalogue.allows(q)
    for day in days:
        for exercise in day.exercises:
            if not allowed_here(exercise.spec):
                raise UnsafePlanError(f"{exercise.spec.slug} is not allowed for these answers ({day.name})")


def _pick_day(
    chooser: catalogue.Chooser,
    kind: DayKind,
    variant: int,
    extras: Sequence[roles.Extra],
    q: Questionnaire,
) -> list[_Entry]:
    entries: list[_Entry] = []
    used: set[str] = set()

    def add(role: Role, *, extra: bool, place: Place = Place.LAST, protected: bool = False) -> None:
        role_variant = variant % 2
        patterns = frozenset(entry.spec.pattern for entry in entries)
        spec = chooser.best(role, exclude=frozenset(used), variant=role_variant, used_patterns=patterns)
        if spec is None:
            return
        used.add(spec.slug)
        dose = dose_for(spec, role.code, q)
        entries.append(_Entry(role, spec, dose, dose.sets, extra, place, protected=protected))

    base = list(roles.TEMPLATES[kind])
    if kind is DayKind.FULL and variant % 2:
        base = [roles.PULLDOWN if role is roles.ROW else role for role in base]
    for role in base:
        add(role, extra=False)
    for group in sorted(roles.DAY_GROUPS[kind] - _covered(entries)):
        add(catalogue.group_role(group), extra=False)
    missing = roles.DAY_GROUPS[kind] - _covered(entries)
    if missing:
        names = ", ".join(sorted(group.label.lower() for group in missing))
        raise PlanError(
            f"No exercise you can do works your {names}: add some equipment or allow more kinds of movement."
        )
    protect_balance = roles.balance_advised(q)
    for extra in extras:
        if kind in extra.days:
            protected = protect_balance and extra.role.code == roles.BALANCE.role.code
            add(extra.role, extra=True, place=extra.place, protected=protected)
    first = [entry for entry in entries if entry.place is Place.FIRST]
    return first + [entry for entry in entries if entry.place is Place.LAST]


def _covered(entries: Iterable[_Entry]) -> frozenset[MajorGroup]:
    return frozenset().union(*(entry.groups for entry in entries))


def _covered_without_protected(entries: Iterable[_Entry]) -> frozenset[MajorGroup]:
    """The groups the day's other exercises cover: a protected slot is on top of them, never in place of
    one, so leaving it out as a last resort cannot uncover a group."""
    return _covered(entry for entry in entries if not entry.protected)


def _day_seconds(entries: Sequence[_Entry]) -> int:
    return session_s(entry.seconds for entry in entries)


def _fit(
    entries: list[_Entry], kind: DayKind, budget_s: int, pool: Sequence[ExerciseSpec], q: Questionnaire
) -> None:
    """Trim `entries` in place until the session fits `budget_s` (see the module docstring)."""

    def over() -> bool:
        return _day_seconds(entries) > budget_s

    for entry in reversed(entries):
        while over() and entry.sets > 2:
            entry.sets -= 1
    for entry in [entry for entry in reversed(entries) if entry.extra and not entry.protected]:
        if not over():
            break
        entries.remove(entry)
    # Protected slots last: their sets are cut only once every other exercise is down to 1 set.
    last_first = list(reversed(entries))
    for entry in [e for e in last_first if not e.protected] + [e for e in last_first if e.protected]:
        while over() and entry.sets > 1:
            entry.sets -= 1
    needed = roles.DAY_GROUPS[kind]
    _drop_covered(entries, needed, over)
    if over():
        _quicken(entries, needed, over, pool, q)
        _drop_covered(entries, needed, over)
    for entry in [entry for entry in entries if entry.protected]:
        if over():
            entries.remove(entry)  # the last resort: the day cannot fit with it
    if over():
        minutes = -(-_day_seconds(entries) // 60)
        raise PlanError(
            f"A {kind.label.lower()} session needs about {minutes} minutes even at its shortest; allow more "
            "minutes per session or more days."
        )


def _drop_covered(entries: list[_Entry], needed: frozenset[MajorGroup], over: Callable[[], bool]) -> None:
    """Drop exercises (last first) whose groups the others still cover, while the day is over time.
    Protected slots stay, and do not count as covering a group."""
    for entry in list(reversed(entries)):
        if not over():
            return
        if entry.protected:
            continue
        if needed <= _covered_without_protected(other for other in entries if other is not entry):
            entries.remove(entry)


def _quicken(
    entries: list[_Entry],
    needed: frozenset[MajorGroup],
    over: Callable[[], bool],
    pool: Sequence[ExerciseSpec],
    q: Questionnaire,
) -> None:
    """Swap the longest exercises for the quickest ones that keep the day's groups covered; a protected
    slot only for a quicker exercise that fits its role."""
    for index in sorted(range(len(entries)), key=lambda i: -entries[i].seconds):
        if not over():
            return
        entry = entries[index]
        others = [other for other in entries if other is not entry]
        gap = needed - _covered_without_protected(others)
        used = {other.spec.slug for other in others}
        options: list[_Entry] = []
        for spec in pool:
            if spec.slug in used:
                continue
            if entry.protected:
                if not catalogue.fits(spec, entry.role):
                    continue
            elif not gap <= catalogue.primary_groups(spec):
                continue
            dose = dose_for(spec, entry.role.code, q)
            option = _Entry(
                entry.role, spec, dose, 1, entry.extra, entry.place, quick=True, protected=entry.protected
            )
            if option.seconds < entry.seconds:
                options.append(option)
        if options:
            entries[index] = min(
                options, key=lambda o: (o.seconds, -catalogue.score(o.spec, o.role, q), o.spec.slug)
            )


def _planned_day(
    name: str, weekday: str, kind: DayKind, entries: Sequence[_Entry], cut_for_time: tuple[str, ...]
) -> PlannedDay:
    exercises: list[PlannedExercise] = []
    for entry in entries:
        reasons = (_why(entry), *_set_reasons(entry))
        sets = (entry.dose.prescription,) * entry.sets
        slot = Slot(
            exercise=entry.spec.slug,
            sets=sets,
            rest_s=entry.dose.rest_s,
            progression=entry.dose.rule_key,
            notes=" ".join(reasons),
        )
        exercises.append(
            PlannedExercise(
                entry.spec,
                slot,
                entry.role.code,
                entry.groups,
                reasons,
                entry.seconds,
                entry.dose.rule,
                trimmed=entry.sets < entry.dose.sets,
                quick=entry.quick,
            )
        )
    return PlannedDay(
        f"{weekday}: {name}", weekday, kind, tuple(exercises), _day_seconds(entries), cut_for_time
    )


def _why(entry: _Entry) -> str:
    if not entry.quick:
        return entry.role.why
    if entry.protected:
        return f"{entry.role.why} This one is quick, so it fits your time."
    groups = " and ".join(sorted(group.label.lower() for group in entry.groups))
    return f"Quick to set up, so it fits your time while still working your {groups}."


def _set_reasons(entry: _Entry) -> tuple[str, ...]:
    reasons = entry.dose.reasons
    if entry.sets == entry.dose.sets or not reasons:
        return reasons
    # Trimmed for time: say so, and say the sets the rest of the reason now refers to.
    first = reasons[0].replace(
        f"{entry.dose.sets} sets", f"{entry.sets} set{'s' if entry.sets > 1 else ''}", 1
    )
    return (first, *reasons[1:])


def _assemble(q: Questionnaire, days: tuple[PlannedDay, ...]) -> Plan:
    rules: dict[str, ProgressionRule] = {}
    for day in days:
        for exercise in day.exercises:
            key = exercise.slot.progression
            if key is not None and exercise.rule is not None:
                rules.setdefault(key, exercise.rule)
    reasons = plan_reasons(q, days)
    cautions = plan_cautions(q)
    goals = ", ".join(goal.label.lower() for goal in sorted(q.goals)) or "general health"
    program = Program(
        name=f"My {q.days_per_week}-day plan",
        slug=f"my-{q.days_per_week}-day-plan",
        description=f"A personal {q.days_per_week}-day plan for {goals}, about {q.minutes_per_session} "
        "minutes a session, made by Liftwell's plan generator.",
        weeks=(
            Week(days=tuple(Day(name=day.name, slots=tuple(e.slot for e in day.exercises)) for day in days)),
        ),
        evidence=plan_evidence(q),
        goals=tuple(goal.value for goal in sorted(q.goals)),
        equipment=tuple(sorted(equipment.value for equipment in q.usable_equipment)),
        progressions=tuple(sorted(rules.items())),
        notes=" ".join((*reasons, *cautions)),
    )
    return Plan(q, program, days, reasons, cautions)
