"""The registry of what can be logged: one `Kind` per page under /health/<slug>/.

A kind names its model (and the `kind` value for shared models), its form, the article behind it,
and how to read one row for a person: the values in their units, classifications with sources, and the
numbers its trend chart plots.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from liftwell.core import health
from liftwell.core.health import labs
from liftwell.core.health.result import Classification
from liftwell.web.health import forms
from liftwell.web.health.models import (
    BloodPressure,
    BodyMeasurement,
    BoneDensity,
    Entry,
    FunctionKind,
    FunctionTest,
    LabKind,
    LabResult,
    SarcF,
    WellbeingCheckIn,
)
from liftwell.web.health.viewer import Viewer


@dataclass(frozen=True)
class Reading:
    """One row as a person sees it."""

    values: list[tuple[str, str]]  # (what, shown value with unit)
    classifications: list[Classification] = field(default_factory=list)
    points: dict[str, float] = field(default_factory=dict)  # series -> value in the shown unit
    advice: health.BpAdvice | None = None


@dataclass(frozen=True)
class Kind:
    slug: str
    title: str
    group: str
    model: type[Entry]
    form: type[forms.EntryForm]
    read: Callable[[Any, Viewer], Reading]
    series: Callable[[Viewer], tuple[tuple[str, str], ...]]  # (series name, axis unit)
    article: str
    about: str
    filter_kind: str = ""  # the `kind` column value, for shared models


def _num(value: float, places: int) -> str:
    return f"{value:.{places}f}"


# --- Body ---


def navy_estimate(entry: BodyMeasurement, viewer: Viewer) -> float | str | None:
    """The US Navy body-fat estimate when the tape measurements and profile allow it; the reason it is
    not shown (naming the measurements to check) when they give an implausible figure; else None."""
    if not (entry.neck_cm and entry.waist_cm and viewer.height_cm):
        return None
    try:
        return health.navy_body_fat(
            viewer.sex,
            viewer.height_cm,
            float(entry.neck_cm),
            float(entry.waist_cm),
            float(entry.hip_cm) if entry.hip_cm else None,
        )
    except health.NavyInputError as problem:
        return f"not shown. {problem}"
    except ValueError:
        return None


def read_body(entry: BodyMeasurement, viewer: Viewer) -> Reading:
    values: list[tuple[str, str]] = []
    classes: list[Classification] = []
    points: dict[str, float] = {}
    if entry.weight_kg is not None:
        values.append(("Weight", viewer.weight_text(entry.weight_kg)))
        points["Weight"] = float(viewer.weight_value(entry.weight_kg))
        if viewer.height_cm:
            bmi = health.bmi(float(entry.weight_kg), viewer.height_cm)
            values.append(("BMI", _num(bmi, 1)))
            classes.append(health.classify_bmi(bmi))
    fat = entry.body_fat_pct
    if fat is not None:
        values.append(("Body fat", f"{fat} %"))
        points["Body fat"] = float(fat)
    else:
        navy = navy_estimate(entry, viewer)
        if isinstance(navy, str):
            values.append(("Body fat (US Navy estimate)", navy))
        elif navy is not None:
            values.append(("Body fat (US Navy estimate)", f"{navy:.1f} %"))
            points["Body fat"] = round(navy, 1)
    for name in forms.CIRCUMFERENCES:
        cm: Decimal | None = getattr(entry, f"{name}_cm")
        if cm is not None:
            values.append((name.capitalize(), viewer.length_text(cm)))
    if entry.waist_cm is not None:
        points["Waist"] = float(viewer.length_value(entry.waist_cm))
        waist = health.classify_waist(viewer.sex, float(entry.waist_cm))
        if waist is not None:
            classes.append(waist)
    return Reading(values, classes, points)


# --- Markers ---


def read_blood_pressure(entry: BloodPressure, viewer: Viewer) -> Reading:
    location = health.BpLocation(entry.location)
    values = [
        ("Blood pressure", f"{entry.systolic_mmhg}/{entry.diastolic_mmhg} mmHg"),
        ("Where", health.BP_LOCATION_LABELS[location]),
    ]
    classes = [
        health.classify_blood_pressure(
            entry.systolic_mmhg, entry.diastolic_mmhg, viewer.bp_guideline, location
        )
    ]
    points = {"Systolic": float(entry.systolic_mmhg), "Diastolic": float(entry.diastolic_mmhg)}
    if entry.resting_hr_bpm:
        values.append(("Resting heart rate", f"{entry.resting_hr_bpm} /min"))
        classes.append(health.classify_resting_heart_rate(entry.resting_hr_bpm))
    advice = health.bp_training_advice(entry.systolic_mmhg, entry.diastolic_mmhg, location)
    return Reading(values, classes, points, advice)


def lab_unit_for(analyte: labs.Analyte, viewer: Viewer) -> str:
    return viewer.hba1c_unit if analyte is labs.Analyte.HBA1C else viewer.lab_unit


def read_lab(entry: LabResult, viewer: Viewer) -> Reading:
    analyte = labs.Analyte(entry.kind)
    unit = lab_unit_for(analyte, viewer)
    shown = labs.from_canonical(analyte, float(entry.value), unit)
    places = labs.DISPLAY_PLACES[unit]
    text = f"{_num(shown, places)} {unit}"
    if entry.entered_unit != unit:
        entered = labs.from_canonical(analyte, float(entry.value), entry.entered_unit)
        text += f" (entered as {_num(entered, labs.DISPLAY_PLACES[entry.entered_unit])} {entry.entered_unit})"
    classification = labs.classify_lab(analyte, float(entry.value), entry.entered_unit)
    point = round(shown, places) if places else float(round(shown))
    values = [(LabKind(entry.kind).label, text)]
    if entry.ldl_method:
        values.append(("Method", labs.LDL_METHOD_LABELS[labs.LdlMethod(entry.ldl_method)]))
    return Reading(values, [classification], {LabKind(entry.kind).label: point})


def read_bone(entry: BoneDensity, viewer: Viewer) -> Reading:
    site = BoneDensity.Site(entry.site).label
    values: list[tuple[str, str]] = []
    points: dict[str, float] = {}
    for name, score in (("T-score", entry.t_score), ("Z-score", entry.z_score)):
        if score is not None:
            values.append((name, f"{score:+.1f} ({site})"))
            points[name] = float(score)
    menopause = health.Menopause(entry.menopause)
    if menopause is not health.Menopause.NOT_STATED:
        values.append(("Menopause", health.MENOPAUSE_LABELS[menopause]))
    # ISCD: the T-score categories apply from 50 (and after menopause), at the age when scanned: a scan
    # from the year someone turned 48 stays a Z-score reading. The profile keeps the birth year only.
    scanned_at = None if viewer.birth_year is None else entry.measured_on.year - viewer.birth_year
    result = health.classify_bone_density(
        t_score=None if entry.t_score is None else float(entry.t_score),
        z_score=None if entry.z_score is None else float(entry.z_score),
        sex=viewer.sex,
        age=scanned_at,
        menopause=menopause,
    )
    return Reading(values, [result], points)


# --- Function ---

FUNCTION_UNITS = {
    FunctionKind.CHAIR_STAND_30S: "stands",
    FunctionKind.SIT_TO_STAND_5X: "s",
    FunctionKind.GAIT_SPEED: "m/s",
    FunctionKind.TIMED_UP_AND_GO: "s",
    FunctionKind.PUSH_UPS: "push-ups",
    FunctionKind.PLANK: "s",
}


def function_unit(kind: str, viewer: Viewer) -> str:
    return viewer.unit if kind == FunctionKind.GRIP else FUNCTION_UNITS[FunctionKind(kind)]


def read_function(entry: FunctionTest, viewer: Viewer) -> Reading:
    kind = FunctionKind(entry.kind)
    value = float(entry.value)
    unit = function_unit(kind, viewer)
    shown = float(viewer.weight_value(entry.value)) if kind is FunctionKind.GRIP else value
    text = f"{Decimal(str(shown)).normalize():f} {unit}"
    result: Classification | None = None
    extra: Classification | None = None
    if kind is FunctionKind.GRIP:
        result = health.classify_grip(viewer.sex, value)
        if viewer.age is not None and viewer.height_cm is not None:
            extra = health.classify_grip_for_height(viewer.sex, viewer.age, viewer.height_cm, value)
    elif kind is FunctionKind.SIT_TO_STAND_5X:
        result = health.classify_five_times_sit_to_stand(value)
    elif kind is FunctionKind.GAIT_SPEED:
        result = health.classify_gait_speed(value)
    elif kind is FunctionKind.TIMED_UP_AND_GO:
        result = health.classify_timed_up_and_go(value)
    elif kind is FunctionKind.CHAIR_STAND_30S and viewer.age is not None:
        result = health.classify_chair_stand_30s(viewer.sex, viewer.age, int(value))
    elif kind is FunctionKind.PUSH_UPS and viewer.age is not None:
        result = health.classify_push_ups(viewer.sex, viewer.age, int(value))
    found = [c for c in (result, extra) if c is not None]
    return Reading([(kind.label, text)], found, {kind.label: shown})


def read_sarc_f(entry: SarcF, viewer: Viewer) -> Reading:
    result = health.sarc_f(entry.strength, entry.assistance, entry.rise, entry.climb, entry.falls)
    return Reading(
        [("SARC-F total", f"{result.total} of 10")], [result.classification], {"SARC-F": result.total}
    )


# --- Wellbeing ---

WELLBEING_LABELS = {"sleep_quality": "Sleep", "mood": "Mood", "energy": "Energy"}


def read_wellbeing(entry: WellbeingCheckIn, viewer: Viewer) -> Reading:
    values: list[tuple[str, str]] = []
    points: dict[str, float] = {}
    classes: list[Classification] = []
    for name, label in WELLBEING_LABELS.items():
        score = getattr(entry, name)
        if score is not None:
            values.append((label, f"{score} of 5"))
            points[label] = float(score)
    if entry.pain is not None:
        where = f" ({entry.pain_location})" if entry.pain_location else ""
        values.append(("Pain", f"{entry.pain} of 10{where}"))
        points["Pain"] = float(entry.pain)
        classes.append(health.classify_pain(entry.pain))
    return Reading(values, classes, points)


def _fixed(*series: tuple[str, str]) -> Callable[[Viewer], tuple[tuple[str, str], ...]]:
    return lambda viewer: series


def _lab_kind(analyte: labs.Analyte, article: str, about: str) -> Kind:
    label = LabKind(analyte.value).label

    def series(viewer: Viewer) -> tuple[tuple[str, str], ...]:
        return ((label, lab_unit_for(analyte, viewer)),)

    return Kind(
        slug=analyte.value.replace("_", "-"),
        title=label,
        group="Markers",
        model=LabResult,
        form=forms.LabForm,
        read=read_lab,
        series=series,
        article=article,
        about=about,
        filter_kind=analyte.value,
    )


def _function_kind(kind: FunctionKind, about: str) -> Kind:
    def series(viewer: Viewer) -> tuple[tuple[str, str], ...]:
        return ((kind.label, function_unit(kind, viewer)),)

    return Kind(
        slug=kind.value.replace("_", "-"),
        title=kind.label,
        group="Function",
        model=FunctionTest,
        form=forms.FunctionTestForm,
        read=read_function,
        series=series,
        article="daily-function",
        about=about,
        filter_kind=kind.value,
    )


KINDS: dict[str, Kind] = {
    kind.slug: kind
    for kind in (
        Kind(
            "body",
            "Body measurements",
            "Body",
            BodyMeasurement,
            forms.BodyForm,
            read_body,
            lambda viewer: (("Weight", viewer.unit), ("Waist", viewer.length_unit), ("Body fat", "%")),
            "body-composition",
            "Weight, body fat and tape measurements. Measure at the same time of day, before eating.",
        ),
        Kind(
            "blood-pressure",
            "Blood pressure",
            "Markers",
            BloodPressure,
            forms.BloodPressureForm,
            read_blood_pressure,
            _fixed(("Systolic", "mmHg"), ("Diastolic", "mmHg")),
            "cardiovascular-health",
            "Sit quietly for 5 minutes, back supported, arm at heart level; take two readings and log "
            "their average, and say where you measured: home readings are compared with home thresholds.",
        ),
        _lab_kind(
            labs.Analyte.FASTING_GLUCOSE, "blood-sugar", "Plasma glucose after at least 8 hours without food."
        ),
        _lab_kind(labs.Analyte.HBA1C, "blood-sugar", "Your average blood sugar over about three months."),
        _lab_kind(labs.Analyte.TOTAL_CHOLESTEROL, "blood-lipids", "From a lipid panel."),
        _lab_kind(labs.Analyte.LDL, "blood-lipids", "The cholesterol carried in LDL particles."),
        _lab_kind(labs.Analyte.HDL, "blood-lipids", "The cholesterol carried in HDL particles."),
        _lab_kind(labs.Analyte.TRIGLYCERIDES, "blood-lipids", "Best measured fasting."),
        Kind(
            "bone-density",
            "Bone density",
            "Markers",
            BoneDensity,
            forms.BoneDensityForm,
            read_bone,
            _fixed(("T-score", "T"), ("Z-score", "Z")),
            "bone-density",
            "The T-score and Z-score from a DXA scan report, for the site with the lowest score. Which "
            "one is read depends on your age and sex (from your profile) and, for women, menopause: "
            "the T-score from 50 and after menopause, the Z-score before (ISCD).",
        ),
        _function_kind(
            FunctionKind.GRIP, "Squeeze a hand dynamometer as hard as you can; best of three tries."
        ),
        _function_kind(
            FunctionKind.CHAIR_STAND_30S,
            "Arms crossed, stand fully up and sit down as often as you can in 30 s.",
        ),
        _function_kind(
            FunctionKind.SIT_TO_STAND_5X,
            "Arms crossed, time five full stands from a chair as fast as you safely can.",
        ),
        _function_kind(FunctionKind.GAIT_SPEED, "Your usual pace over 4 metres, timed from a moving start."),
        _function_kind(
            FunctionKind.TIMED_UP_AND_GO,
            "From sitting: stand, walk 3 metres at your usual pace, turn, walk back and sit.",
        ),
        _function_kind(
            FunctionKind.PUSH_UPS, "Men from the toes, women from the knees (as the norms are), to fatigue."
        ),
        _function_kind(
            FunctionKind.PLANK, "Hold a forearm plank with good form. No norms exist: compare with yourself."
        ),
        Kind(
            "sarc-f",
            "SARC-F questionnaire",
            "Function",
            SarcF,
            forms.SarcFForm,
            read_sarc_f,
            _fixed(("SARC-F", "points")),
            "healthy-ageing",
            "Five questions that screen for loss of muscle strength (Malmstrom & Morley 2013).",
        ),
        Kind(
            "wellbeing",
            "Wellbeing check-in",
            "Wellbeing",
            WellbeingCheckIn,
            forms.WellbeingForm,
            read_wellbeing,
            _fixed(("Sleep", "1-5"), ("Mood", "1-5"), ("Energy", "1-5"), ("Pain", "0-10")),
            "brain-mood-sleep",
            "How you slept, your mood, your energy and any pain: a few taps, as often as you like.",
        ),
    )
}


def kind_for_slug(slug: str) -> Kind | None:
    return KINDS.get(slug)


def kind_for_entry(entry: Entry) -> Kind:
    for kind in KINDS.values():
        if isinstance(entry, kind.model) and kind.filter_kind in ("", getattr(entry, "kind", "")):
            return kind
    raise LookupError(type(entry).__name__)
