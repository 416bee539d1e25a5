"""Body measurements imported from Hevy and FitNotes, written through the health app's service.

Each day becomes one body measurement (weight, body fat, circumferences). A field of a day counts
once per source app (ImportedMeasurement: app + day + kind), so importing the same file again, or a
newer export that overlaps, adds only what is new. Where a file has a field twice on one day, the
later reading is kept.
"""

from __future__ import annotations

import zoneinfo
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db import transaction

from liftwell.importers.body import FAT, BodyValue, body_value
from liftwell.importers.registry import source_apps
from liftwell.importers.result import Problem
from liftwell.importers.rows import MeasurementRow, ParsedFile
from liftwell.web.accounts.models import User
from liftwell.web.health.kinds import kind_for_slug
from liftwell.web.health.models import BodyMeasurement
from liftwell.web.health.services import save_entry
from liftwell.web.imports.models import ImportedMeasurement


@dataclass
class MeasurementPlan:
    """What a measurements file holds, day by day, and what becomes of each row."""

    days: dict[date, dict[str, BodyValue]] = field(default_factory=dict)
    not_kept: Counter[str] = field(default_factory=Counter)
    replaced: int = 0  # readings of a field a later reading of the same day replaces
    problems: list[Problem] = field(default_factory=list)
    new: int = 0
    already_present: int = 0

    @property
    def values(self) -> int:
        return sum(len(fields) for fields in self.days.values())


def _day(row: MeasurementRow, zone: str) -> date:
    moment = row.measured_at
    if moment.tzinfo is not None:
        moment = moment.astimezone(zoneinfo.ZoneInfo(zone))
    return moment.date()


def plan_measurements(*, user: User, parsed: ParsedFile, source: str, zone: str) -> MeasurementPlan:
    plan = MeasurementPlan()
    latest: dict[tuple[date, str], tuple[int, datetime]] = {}
    for row in parsed.measurements:
        day = _day(row, zone)
        found = body_value(row, day)
        if found is None:
            plan.not_kept[row.name] += 1
            continue
        if isinstance(found, str):
            plan.problems.append(Problem(row.line, "", found))
            continue
        order, key = (found.rank, row.measured_at), (day, found.field)
        if key in latest:
            plan.replaced += 1
            if not _better(order, latest[key]):
                continue
        latest[key] = order
        plan.days.setdefault(day, {})[found.field] = found
    present = _present(user=user, source=source, days=list(plan.days))
    for day, fields in plan.days.items():
        for name in fields:
            if (day, name) in present:
                plan.already_present += 1
            else:
                plan.new += 1
    return plan


def _better(candidate: tuple[int, datetime], current: tuple[int, datetime]) -> bool:
    """A lower rank wins (right side over left); on a tie, the later reading."""
    if candidate[0] != current[0]:
        return candidate[0] < current[0]
    return candidate[1] >= current[1]


def _present(*, user: User, source: str, days: list[date]) -> set[tuple[date, str]]:
    if not days:
        return set()
    rows = ImportedMeasurement.objects.filter(
        owner=user, source_app=source, measured_on__gte=min(days), measured_on__lte=max(days)
    ).values_list("measured_on", "kind")
    return set(rows)


def write_measurements(*, user: User, plan: MeasurementPlan, source: str) -> int:
    """Write every field of every day not yet imported from `source`; returns how many."""
    kind = kind_for_slug("body")
    assert kind is not None
    label = next((app.name for app in source_apps() if app.code == source), source)
    written = 0
    with transaction.atomic():
        present = _present(user=user, source=source, days=list(plan.days))
        for day, fields in sorted(plan.days.items()):
            new = [name for name in fields if (day, name) not in present]
            if not new:
                continue
            values: dict[str, Any] = {name: fields[name].value for name in new}
            if FAT in values:
                values["body_fat_method"] = BodyMeasurement.BodyFatMethod.MEASURED
            earlier = (
                ImportedMeasurement.objects.filter(
                    owner=user, source_app=source, measured_on=day, body_measurement__isnull=False
                )
                .select_related("body_measurement")
                .first()
            )
            if earlier is not None and earlier.body_measurement is not None:
                entry = save_entry(user=user, kind=kind, fields=values, entry=earlier.body_measurement)
            else:
                values.update(measured_on=day, notes=f"Imported from {label}")
                entry = save_entry(user=user, kind=kind, fields=values)
            ImportedMeasurement.objects.bulk_create(
                ImportedMeasurement(
                    owner=user, source_app=source, measured_on=day, kind=name, body_measurement_id=entry.pk
                )
                for name in new
            )
            written += len(new)
    return written
