"""How a backup names exercises: `library/<slug>` for the shared library, `custom/<slug>` for one's own.

Ids differ between instances; slugs of the shared library do not, and a custom exercise's slug is
unique for its owner. Restoring maps each name back to an exercise of this instance and this person.
"""

from __future__ import annotations

from collections.abc import Iterable

from liftwell.web.accounts.models import User
from liftwell.web.exercises.models import Exercise
from liftwell.web.imports.backup.base import BackupError

LIBRARY = "library/"
CUSTOM = "custom/"


class ExerciseRefs:
    def __init__(self, user: User) -> None:
        self.user = user
        self._names: dict[int, str] = {}
        self._ids: dict[str, int] = {}

    # --- Writing a backup ---

    def names_for(self, exercise_ids: Iterable[int]) -> dict[int, str]:
        """The backup name of each exercise (shared or this person's own)."""
        wanted = set(exercise_ids) - set(self._names)
        for start in range(0, len(ordered := sorted(wanted)), 500):
            chunk = ordered[start : start + 500]
            for pk, owner_id, slug in Exercise.objects.filter(pk__in=chunk).values_list(
                "pk", "owner_id", "slug"
            ):
                if owner_id is None:
                    self._names[pk] = LIBRARY + slug
                elif owner_id == self.user.pk:
                    self._names[pk] = CUSTOM + slug
                else:  # cannot happen through the services; refuse rather than leak another's exercise
                    raise BackupError(f"exercise {pk} belongs to another account")
        return {pk: self._names[pk] for pk in exercise_ids}

    def name_of(self, exercise_id: int) -> str:
        return self.names_for([exercise_id])[exercise_id]

    # --- Restoring ---

    def remember(self, name: str, exercise_id: int) -> None:
        self._ids[name] = exercise_id

    def id_of(self, name: object) -> int:
        """This instance's exercise for a backup name; BackupError when there is none."""
        if not isinstance(name, str):
            raise BackupError(f"an exercise is named {name!r}, not library/<slug> or custom/<slug>")
        found = self._ids.get(name)
        if found is not None:
            return found
        if name.startswith(LIBRARY):
            rows = Exercise.objects.filter(owner=None, slug=name.removeprefix(LIBRARY))
        elif name.startswith(CUSTOM):
            rows = Exercise.objects.filter(owner=self.user, slug=name.removeprefix(CUSTOM))
        else:
            raise BackupError(f"an exercise is named {name!r}, not library/<slug> or custom/<slug>")
        pk = rows.values_list("pk", flat=True).first()
        if pk is None:
            raise BackupError(f"the backup names the exercise '{name}', which this Liftwell does not have")
        self._ids[name] = pk
        return pk
