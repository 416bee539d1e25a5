"""Reading and writing the exercise library. Views and the API call these; nothing else writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.utils.text import slugify

from liftwell.core.exercise_library import ExerciseSpec
from liftwell.core.names import normalize_name, search_terms
from liftwell.data.loaders import load_shipped_library
from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise, HiddenExercise, pack


def _search_text(name: str, aliases: Iterable[str]) -> str:
    return " | ".join(normalize_name(text) for text in [name, *aliases])


def visible_exercises(user: User, *, include_hidden: bool = False) -> QuerySet[Exercise]:
    """Everything `user` may pick: the shared library and their own exercises."""
    queryset = Exercise.objects.filter(Q(owner=None) | Q(owner=user))
    if not include_hidden:
        queryset = queryset.exclude(pk__in=HiddenExercise.objects.filter(user=user).values("exercise_id"))
    return queryset


def search_exercises(
    user: User,
    *,
    search: str = "",
    muscle: str = "",
    equipment: str = "",
    pattern: str = "",
    include_hidden: bool = False,
) -> QuerySet[Exercise]:
    """Filter the visible library; every typed word must appear in the name or an alias.

    Results whose name starts with the query come first, then those with an alias that does.
    """
    queryset = visible_exercises(user, include_hidden=include_hidden)
    for term in search_terms(search):
        queryset = queryset.filter(search_text__contains=term)
    if muscle:
        queryset = queryset.filter(
            Q(primary_muscles__contains=f",{muscle},") | Q(secondary_muscles__contains=f",{muscle},")
        )
    if equipment:
        queryset = queryset.filter(equipment=equipment)
    if pattern:
        queryset = queryset.filter(pattern=pattern)
    normalized = normalize_name(search)
    if normalized:
        queryset = queryset.annotate(
            rank=Case(
                When(search_text__startswith=normalized, then=Value(0)),
                When(search_text__contains=f"| {normalized}", then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        ).order_by("rank", "name", "pk")
    else:
        queryset = queryset.order_by("name", "pk")
    return queryset


def get_exercise_for_user(user: User, exercise_id: int) -> Exercise:
    """The exercise if `user` may see it; 404 otherwise, so ids of others' exercises cannot be probed."""
    try:
        return visible_exercises(user, include_hidden=True).get(pk=exercise_id)
    except Exercise.DoesNotExist:
        raise Http404("No such exercise.") from None


def is_hidden(user: User, exercise: Exercise) -> bool:
    return HiddenExercise.objects.filter(user=user, exercise=exercise).exists()


def set_hidden(*, user: User, exercise: Exercise, hidden: bool) -> None:
    if hidden:
        HiddenExercise.objects.get_or_create(user=user, exercise=exercise)
    else:
        HiddenExercise.objects.filter(user=user, exercise=exercise).delete()


class DuplicateExerciseName(ValueError):
    pass


@transaction.atomic
def create_custom_exercise(*, user: User, spec: ExerciseSpec) -> Exercise:
    """Add one of `user`'s own exercises. Refuses a name that already names a visible exercise."""
    wanted = normalize_name(spec.name)
    for existing in visible_exercises(user, include_hidden=True).filter(search_text__contains=wanted):
        if wanted in existing.search_text.split(" | "):
            raise DuplicateExerciseName(f"'{spec.name}' is already in the library as '{existing.name}'.")
    base_slug = slugify(spec.name)[:100] or "exercise"
    slug, n = base_slug, 1
    while Exercise.objects.filter(owner=user, slug=slug).exists():
        n += 1
        slug = f"{base_slug}-{n}"
    return Exercise.objects.create(owner=user, source=Exercise.Source.CUSTOM, **_fields(spec, slug=slug))


def _fields(spec: ExerciseSpec, *, slug: str) -> dict[str, object]:
    return {
        "slug": slug,
        "name": spec.name,
        "aliases": list(spec.aliases),
        "primary_muscles": pack([str(m) for m in spec.primary_muscles]),
        "secondary_muscles": pack([str(m) for m in spec.secondary_muscles]),
        "equipment": str(spec.equipment),
        "pattern": str(spec.pattern),
        "mechanic": str(spec.mechanic),
        "laterality": str(spec.laterality),
        "measure": str(spec.measure),
        "benefits": pack([str(b) for b in spec.benefits]),
        "cues": list(spec.cues),
        "search_text": _search_text(spec.name, spec.aliases),
    }


@dataclass
class LibraryLoadReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    matched: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


@transaction.atomic
def load_shipped_exercises() -> LibraryLoadReport:
    """Insert or refresh Liftwell's own library by slug. Safe to run on every start."""
    report = LibraryLoadReport()
    existing = {row.slug: row for row in Exercise.objects.filter(owner=None, source=Exercise.Source.LIFTWELL)}
    to_create: list[Exercise] = []
    for spec in load_shipped_library():
        fields = _fields(spec, slug=spec.slug)
        row = existing.get(spec.slug)
        if row is None:
            to_create.append(Exercise(owner=None, source=Exercise.Source.LIFTWELL, **fields))
            report.added.append(spec.name)
        elif any(getattr(row, key) != value for key, value in fields.items()):
            for key, value in fields.items():
                setattr(row, key, value)
            row.save()
            report.updated.append(spec.name)
    Exercise.objects.bulk_create(to_create)
    return report


@transaction.atomic
def import_exercise_library(specs: Iterable[ExerciseSpec]) -> LibraryLoadReport:
    """Add an external library to the shared one, matching names already present instead of copying."""
    report = LibraryLoadReport()
    known: dict[str, str] = {}
    for name, search_text in Exercise.objects.filter(owner=None).values_list("name", "search_text"):
        for text in search_text.split(" | "):
            known.setdefault(text, name)
    to_create: list[Exercise] = []
    for spec in specs:
        key = normalize_name(spec.name)
        if key in known:
            report.matched.append((spec.name, known[key]))
            continue
        slug = "import-" + slugify(spec.slug or spec.name)[:100]
        to_create.append(Exercise(owner=None, source=Exercise.Source.IMPORTED, **_fields(spec, slug=slug)))
        known[key] = spec.name
        report.added.append(spec.name)
    Exercise.objects.bulk_create(to_create)
    return report
