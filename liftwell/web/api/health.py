"""/api/v1/health/observations: read and add health entries of every kind.

Values come back in canonical units with the unit in each name (`weight_kg`, `systolic_mmhg`), plus the
classifications the web pages show. Posting validates with the web forms, in the person's units unless
`unit` says otherwise, so the API and the pages accept exactly the same input.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError

from liftwell.core.health import labs
from liftwell.web.accounts.dates import local_today
from liftwell.web.api.auth import request_user
from liftwell.web.api.schemas import ErrorOut
from liftwell.web.health.kinds import KINDS, Kind
from liftwell.web.health.models import Entry
from liftwell.web.health.services import entries_for_user, save_entry
from liftwell.web.health.viewer import Viewer, viewer_for

router = Router(tags=["health"])

# The operation ids from when this router lived in the health app, kept so generated clients keep the
# names of their functions (ninja derives an id from the module path otherwise).
OPERATION_PREFIX = "liftwell_web_health_api_"

# The stored fields each model reports, canonical units in their names.
API_FIELDS: dict[str, tuple[str, ...]] = {
    "BodyMeasurement": (
        "weight_kg",
        "body_fat_pct",
        "body_fat_method",
        "waist_cm",
        "hip_cm",
        "neck_cm",
        "chest_cm",
        "arm_cm",
        "thigh_cm",
        "calf_cm",
    ),
    "BloodPressure": ("systolic_mmhg", "diastolic_mmhg", "resting_hr_bpm", "location"),
    "LabResult": ("value", "entered_unit", "ldl_method"),
    "BoneDensity": ("t_score", "z_score", "site", "menopause"),
    "FunctionTest": ("value",),
    "SarcF": ("strength", "assistance", "rise", "climb", "falls"),
    "WellbeingCheckIn": ("sleep_quality", "mood", "energy", "pain", "pain_location"),
}
FUNCTION_CANONICAL_UNITS = {
    "grip": "kg",
    "chair_stand_30s": "stands",
    "sit_to_stand_5x": "s",
    "gait_speed": "m/s",
    "timed_up_and_go": "s",
    "push_ups": "push-ups",
    "plank": "s",
}


class ClassificationOut(Schema):
    code: str
    label: str
    source: str


class ObservationOut(Schema):
    id: int
    kind: str
    date: date
    values: dict[str, Any]
    unit: str = Field(description="The unit of `value` for labs and function tests; empty otherwise.")
    classifications: list[ClassificationOut]
    notes: str


class ObservationList(Schema):
    observations: list[ObservationOut]


class ObservationIn(Schema):
    kind: str = Field(description=f"One of: {', '.join(KINDS)}")
    date: date
    values: dict[str, Any] = Field(description="The form fields of the kind, e.g. systolic_mmhg, value")
    unit: str | None = Field(None, description="kg or lb; mg/dL or mmol/L; % or mmol/mol. Default: yours.")
    notes: str = Field("", max_length=2000)


class ObservationFilters(Schema):
    kind: str | None = None
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    return value


def observation_out(kind: Kind, entry: Entry, viewer: Viewer) -> dict[str, Any]:
    values = {name: _plain(getattr(entry, name)) for name in API_FIELDS[type(entry).__name__]}
    unit = ""
    if kind.model.__name__ == "LabResult":
        unit = labs.units_for(labs.Analyte(kind.filter_kind))[0]
    elif kind.model.__name__ == "FunctionTest":
        unit = FUNCTION_CANONICAL_UNITS[kind.filter_kind]
    reading = kind.read(entry, viewer)
    return {
        "id": entry.pk,
        "kind": kind.slug,
        "date": entry.measured_on,
        "values": values,
        "unit": unit,
        "classifications": [
            {"code": c.code, "label": c.label, "source": c.source} for c in reading.classifications
        ],
        "notes": entry.notes,
    }


def _kind_or_422(slug: str) -> Kind:
    kind = KINDS.get(slug)
    if kind is None:
        raise HttpError(422, f"kind: unknown kind {slug!r}; use one of {', '.join(KINDS)}")
    return kind


def _viewer(request: HttpRequest) -> Viewer:
    user = request_user(request)
    return viewer_for(user, today=local_today(user))


@router.get(
    "/health/observations",
    response=ObservationList,
    operation_id=f"{OPERATION_PREFIX}list_observations",
)
def list_observations(request: HttpRequest, filters: Query[ObservationFilters]) -> dict[str, Any]:
    user = request_user(request)
    viewer = _viewer(request)
    kinds = [_kind_or_422(filters.kind)] if filters.kind else list(KINDS.values())
    found: list[dict[str, Any]] = []
    for kind in kinds:
        rows = entries_for_user(user=user, kind=kind)
        if filters.date_from:
            rows = rows.filter(measured_on__gte=filters.date_from)
        if filters.date_to:
            rows = rows.filter(measured_on__lte=filters.date_to)
        found.extend(observation_out(kind, entry, viewer) for entry in rows[:1000])
    found.sort(key=lambda o: (o["date"], o["id"]), reverse=True)
    return {"observations": found[:1000]}


def _form_data(kind: Kind, body: ObservationIn) -> dict[str, Any]:
    data: dict[str, Any] = {"measured_on": body.date.isoformat(), "notes": body.notes}
    for name, value in body.values.items():
        if name in ("measured_on", "notes"):
            continue
        data[name] = "" if value is None else str(value)
    if kind.model.__name__ == "LabResult":
        data["unit"] = body.unit or data.get("unit", "")
    return data


@router.post(
    "/health/observations",
    response={201: ObservationOut, 422: ErrorOut},
    operation_id=f"{OPERATION_PREFIX}create_observation",
)
def create_observation(request: HttpRequest, body: ObservationIn) -> Any:
    user = request_user(request)
    kind = _kind_or_422(body.kind)
    viewer = _viewer(request)
    if body.unit in ("kg", "lb"):
        viewer = dataclasses.replace(viewer, unit=body.unit)
    elif kind.model.__name__ == "LabResult" and not body.unit and "unit" not in body.values:
        analyte = labs.Analyte(kind.filter_kind)
        preferred = viewer.hba1c_unit if analyte is labs.Analyte.HBA1C else viewer.lab_unit
        body = body.model_copy(update={"unit": preferred})
    form = kind.form(_form_data(kind, body), viewer=viewer, kind=kind.filter_kind)
    if not form.is_valid():
        problems = []
        for field, errors in form.errors.items():
            where = (
                "date" if field == "measured_on" else ("values" if field == "__all__" else f"values.{field}")
            )
            if field == "unit":
                where = "unit"
            problems.append(f"{where}: {' '.join(str(error) for error in errors)}")
        return Status(422, {"error": "; ".join(problems)})
    entry = save_entry(user=user, kind=kind, fields=form.model_fields())
    return Status(201, observation_out(kind, entry, viewer))
