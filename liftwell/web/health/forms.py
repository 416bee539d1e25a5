"""Entry forms, one per kind of record. Each takes values in the person's units and hands back the
canonical model fields (`model_fields()`); `initial_from()` goes the other way for editing. The API
validates with the same forms, so the web and the API accept exactly the same input."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, ClassVar

from django import forms

from liftwell.core import health
from liftwell.core.health import labs
from liftwell.web.health.models import BoneDensity, Entry, FunctionKind
from liftwell.web.health.viewer import Viewer


class DateInput(forms.DateInput):
    input_type = "date"


def _decimal(label: str, *, required: bool = False, places: int = 2, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=required, decimal_places=places, max_digits=10, localize=False, **kwargs
    )


class EntryForm(forms.Form):
    measured_on = forms.DateField(label="Date", widget=DateInput)

    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.kind = kind
        # Notes go last, after the fields of each kind.
        self.fields["notes"] = forms.CharField(
            required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
        )

    def clean_measured_on(self) -> date:
        day: date = self.cleaned_data["measured_on"]
        if day > date.today() + timedelta(days=1):
            raise forms.ValidationError("The date cannot be in the future.")
        if day.year < 1900:
            raise forms.ValidationError("Enter a date after 1900.")
        return day

    def model_fields(self) -> dict[str, Any]:
        return {"measured_on": self.cleaned_data["measured_on"], "notes": self.cleaned_data.get("notes", "")}

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        return {"measured_on": entry.measured_on, "notes": entry.notes}


CIRCUMFERENCES = ("waist", "hip", "neck", "chest", "arm", "thigh", "calf")


class BodyForm(EntryForm):
    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, kind=kind, **kwargs)
        notes = self.fields.pop("notes")
        length = viewer.length_unit
        self.fields["weight"] = _decimal(
            f"Weight ({viewer.unit})", min_value=Decimal(10), max_value=Decimal(700)
        )
        self.fields["body_fat_pct"] = _decimal(
            "Body fat (%)",
            places=1,
            min_value=Decimal(2),
            max_value=Decimal(75),
            help_text="Measured by a scale, DXA or calipers. Leave empty to see the US Navy estimate "
            "from your neck, waist (and hip) and the height in your profile.",
        )
        for name in CIRCUMFERENCES:
            self.fields[name] = _decimal(
                f"{name.capitalize()} ({length})", places=1, min_value=Decimal(5), max_value=Decimal(400)
            )
        self.fields["waist"].help_text = "Men at the navel; women at the narrowest point."
        self.fields["hip"].help_text = "At the widest point."
        self.fields["notes"] = notes

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        names = ("weight", "body_fat_pct", *CIRCUMFERENCES)
        if not self.errors and all(cleaned.get(name) is None for name in names):
            raise forms.ValidationError("Enter at least one measurement.")
        if not self.errors:
            self._check_navy(cleaned)
        return cleaned

    def _check_navy(self, cleaned: dict[str, Any]) -> None:
        """Refuse tape measurements that would show an impossible US Navy estimate (issue 14): the
        estimate is shown whenever no measured body fat is given, so it must be a plausible figure."""
        viewer = self.viewer
        if cleaned.get("body_fat_pct") is not None or viewer.height_cm is None:
            return
        cm = {
            name: None if cleaned.get(name) is None else float(viewer.length_to_cm(cleaned[name]))
            for name in ("neck", "waist", "hip")
        }
        if cm["neck"] is None or cm["waist"] is None or (viewer.sex == "female" and cm["hip"] is None):
            return
        try:
            health.navy_body_fat(viewer.sex, viewer.height_cm, cm["neck"], cm["waist"], cm["hip"])
        except health.NavyInputError as problem:
            for name in problem.fields:
                if name in self.fields:
                    self.add_error(name, "Check this measurement.")
            where = " The height is the one in your profile." if "height" in problem.fields else ""
            self.add_error(None, f"{problem}{where}")
        except ValueError:
            return  # no estimate at all (no sex in the profile): nothing to check

    def model_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        weight = data.get("weight")
        body_fat = data.get("body_fat_pct")
        fields = {
            **super().model_fields(),
            "weight_kg": None if weight is None else self.viewer.weight_to_kg(weight),
            "body_fat_pct": body_fat,
            "body_fat_method": "measured" if body_fat is not None else "",
        }
        for name in CIRCUMFERENCES:
            value = data.get(name)
            fields[f"{name}_cm"] = None if value is None else self.viewer.length_to_cm(value)
        return fields

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        initial = super().initial_from(entry, viewer)
        weight = getattr(entry, "weight_kg", None)
        initial["weight"] = None if weight is None else viewer.weight_value(weight)
        initial["body_fat_pct"] = getattr(entry, "body_fat_pct", None)
        for name in CIRCUMFERENCES:
            cm = getattr(entry, f"{name}_cm", None)
            initial[name] = None if cm is None else viewer.length_value(cm)
        return initial


class BloodPressureForm(EntryForm):
    systolic_mmhg = forms.IntegerField(label="Systolic (upper number, mmHg)", min_value=50, max_value=300)
    diastolic_mmhg = forms.IntegerField(label="Diastolic (lower number, mmHg)", min_value=30, max_value=200)
    location = forms.ChoiceField(
        label="Where was it measured?",
        required=False,
        choices=[(place.value, label) for place, label in health.BP_LOCATION_LABELS.items()],
        help_text="Readings at home or from a 24-hour monitor run lower than in a clinic for the same "
        "risk, so each is compared with its own thresholds (ACC/AHA 2017 Table 11; ESC/ESH 2018).",
    )
    resting_hr_bpm = forms.IntegerField(
        label="Resting heart rate (beats a minute)", required=False, min_value=20, max_value=250
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        systolic, diastolic = cleaned.get("systolic_mmhg"), cleaned.get("diastolic_mmhg")
        if systolic is not None and diastolic is not None and diastolic >= systolic:
            self.add_error("diastolic_mmhg", "The lower number must be below the upper number.")
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **super().model_fields(),
            "systolic_mmhg": data["systolic_mmhg"],
            "diastolic_mmhg": data["diastolic_mmhg"],
            "resting_hr_bpm": data.get("resting_hr_bpm"),
            "location": data.get("location") or health.BpLocation.NOT_STATED.value,
        }

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        names = ("systolic_mmhg", "diastolic_mmhg", "location", "resting_hr_bpm")
        return {**super().initial_from(entry, viewer), **{name: getattr(entry, name) for name in names}}


# Plausible canonical ranges (mmol/L, or % for HbA1c): wide, to catch typos and wrong units only.
LAB_RANGES: dict[labs.Analyte, tuple[float, float]] = {
    labs.Analyte.FASTING_GLUCOSE: (1.0, 40.0),
    labs.Analyte.HBA1C: (3.0, 20.0),
    labs.Analyte.TOTAL_CHOLESTEROL: (1.0, 20.0),
    labs.Analyte.LDL: (0.2, 15.0),
    labs.Analyte.HDL: (0.2, 5.0),
    labs.Analyte.TRIGLYCERIDES: (0.1, 60.0),
}


class LabForm(EntryForm):
    value = _decimal("Value", required=True, places=3, min_value=Decimal(0))

    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, kind=kind, **kwargs)
        self.analyte = labs.Analyte(kind)
        units = labs.units_for(self.analyte)
        preferred = viewer.hba1c_unit if self.analyte is labs.Analyte.HBA1C else viewer.lab_unit
        notes = self.fields.pop("notes")
        self.fields["unit"] = forms.ChoiceField(choices=[(u, u) for u in units], initial=preferred)
        if self.analyte is labs.Analyte.LDL:
            self.fields["ldl_method"] = forms.ChoiceField(
                label="How was it measured?",
                required=False,
                initial=labs.LdlMethod.CALCULATED.value,
                choices=[(method.value, label) for method, label in labs.LDL_METHOD_LABELS.items()],
                help_text='Most reports calculate LDL from the other values; choose "measured directly" '
                'if yours says "direct LDL". Health records code the two differently.',
            )
        self.fields["notes"] = notes

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        value, unit = cleaned.get("value"), cleaned.get("unit")
        if value is not None and unit:
            canonical = labs.to_canonical(self.analyte, float(value), unit)
            low, high = LAB_RANGES[self.analyte]
            if not low <= canonical <= high:
                shown_low = labs.from_canonical(self.analyte, low, unit)
                shown_high = labs.from_canonical(self.analyte, high, unit)
                self.add_error(
                    "value",
                    f"That looks out of range: expected {shown_low:.4g}-{shown_high:.4g} {unit}. "
                    "Check the unit.",
                )
            else:
                cleaned["canonical"] = Decimal(str(canonical)).quantize(
                    Decimal("0.000001"), rounding=ROUND_HALF_EVEN
                )
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        return {
            **super().model_fields(),
            "kind": self.analyte.value,
            "value": self.cleaned_data["canonical"],
            "entered_unit": self.cleaned_data["unit"],
            "ldl_method": (self.cleaned_data.get("ldl_method") or labs.LdlMethod.CALCULATED.value)
            if self.analyte is labs.Analyte.LDL
            else "",
        }

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        analyte = labs.Analyte(getattr(entry, "kind"))  # noqa: B009
        unit = getattr(entry, "entered_unit")  # noqa: B009
        shown = labs.from_canonical(analyte, float(getattr(entry, "value")), unit)  # noqa: B009
        method = getattr(entry, "ldl_method")  # noqa: B009
        initial = {**super().initial_from(entry, viewer), "value": round(shown, 3), "unit": unit}
        return {**initial, "ldl_method": method} if method else initial


class BoneDensityForm(EntryForm):
    """T-score, Z-score or both (a DXA report lists both). Which one is read depends on age, sex and,
    for women, menopause (ISCD Official Positions); a woman who does not say counts as postmenopausal
    from 50, the usual age (`core.health.classify_bone_density`)."""

    t_score = _decimal(
        "T-score",
        min_value=Decimal(-10),
        max_value=Decimal(10),
        help_text="Compares your bone density with a healthy young adult's. Read from 50, and after "
        "menopause (WHO categories).",
    )
    z_score = _decimal(
        "Z-score",
        min_value=Decimal(-10),
        max_value=Decimal(10),
        help_text="Compares it with people of your age and sex. Read before 50, and before menopause (ISCD).",
    )
    site = forms.ChoiceField(choices=BoneDensity.Site.choices, help_text="Use the lowest of your sites.")

    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, kind=kind, **kwargs)
        if viewer.sex != "male":
            notes = self.fields.pop("notes")
            self.fields["menopause"] = forms.ChoiceField(
                label="Menopause at the time of the scan (women)",
                required=False,
                choices=[(status.value, label) for status, label in health.MENOPAUSE_LABELS.items()],
                help_text="Decides whether the T-score or the Z-score is read. If you leave it, 50 and "
                "over counts as after menopause and under 50 as before.",
            )
            self.fields["notes"] = notes

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and cleaned.get("t_score") is None and cleaned.get("z_score") is None:
            raise forms.ValidationError("Enter the T-score, the Z-score or both, from your report.")
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **super().model_fields(),
            "t_score": data.get("t_score"),
            "z_score": data.get("z_score"),
            "site": data["site"],
            "menopause": data.get("menopause") or health.Menopause.NOT_STATED.value,
        }

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        names = ("t_score", "z_score", "site", "menopause")
        return {**super().initial_from(entry, viewer), **{name: getattr(entry, name) for name in names}}


# Function tests: (label, unit shown, places, low, high). Grip is typed in the person's weight unit.
FUNCTION_FIELDS: dict[str, tuple[str, str, int, float, float]] = {
    FunctionKind.GRIP: ("Grip strength, best hand", "weight", 1, 1, 150),
    FunctionKind.CHAIR_STAND_30S: ("Full stands in 30 seconds", "stands", 0, 0, 60),
    FunctionKind.SIT_TO_STAND_5X: ("Time for five stands", "s", 1, 2, 120),
    FunctionKind.GAIT_SPEED: ("Usual walking speed", "m/s", 2, 0.05, 4),
    FunctionKind.TIMED_UP_AND_GO: ("Time to stand, walk 3 m, turn and sit", "s", 1, 2, 300),
    FunctionKind.PUSH_UPS: ("Push-ups in a row", "push-ups", 0, 0, 300),
    FunctionKind.PLANK: ("Plank hold", "s", 0, 1, 3600),
}


class FunctionTestForm(EntryForm):
    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, kind=kind, **kwargs)
        label, unit, places, low, high = FUNCTION_FIELDS[kind]
        shown_unit = viewer.unit if unit == "weight" else unit
        notes = self.fields.pop("notes")
        self.fields["value"] = _decimal(
            f"{label} ({shown_unit})",
            required=True,
            places=places,
            min_value=Decimal(str(low)),
            max_value=Decimal(str(high if unit != "weight" or viewer.unit == "kg" else high * 2.2)),
        )
        self.fields["notes"] = notes

    def model_fields(self) -> dict[str, Any]:
        value: Decimal = self.cleaned_data["value"]
        if self.kind == FunctionKind.GRIP:
            value = self.viewer.weight_to_kg(value).quantize(Decimal("0.0001"))
        return {**super().model_fields(), "kind": self.kind, "value": value}

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        value: Decimal = entry.value  # type: ignore[attr-defined]
        if entry.kind == FunctionKind.GRIP:  # type: ignore[attr-defined]
            value = viewer.weight_value(value)
        return {**super().initial_from(entry, viewer), "value": value.normalize()}


# SARC-F items in our own words (Malmstrom & Morley 2013; free to use).
SARC_F_ITEMS: tuple[tuple[str, str, tuple[str, str, str]], ...] = (
    (
        "strength",
        "How hard is it to lift and carry about 4.5 kg (10 lb)?",
        ("Not hard", "Somewhat hard", "Very hard, or I cannot"),
    ),
    (
        "assistance",
        "How hard is it to walk across a room?",
        ("Not hard", "Somewhat hard", "Very hard, I need aids, or I cannot"),
    ),
    (
        "rise",
        "How hard is it to get up from a chair or bed?",
        ("Not hard", "Somewhat hard", "Very hard, or not without help"),
    ),
    ("climb", "How hard is it to climb 10 stairs?", ("Not hard", "Somewhat hard", "Very hard, or I cannot")),
    (
        "falls",
        "How many times have you fallen in the past year?",
        ("None", "1 to 3 times", "4 times or more"),
    ),
)


class SarcFForm(EntryForm):
    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, kind=kind, **kwargs)
        notes = self.fields.pop("notes")
        for name, question, answers in SARC_F_ITEMS:
            self.fields[name] = forms.TypedChoiceField(
                label=question,
                coerce=int,
                choices=[(i, text) for i, text in enumerate(answers)],
                widget=forms.RadioSelect,
            )
        self.fields["notes"] = notes

    def model_fields(self) -> dict[str, Any]:
        return {**super().model_fields(), **{name: self.cleaned_data[name] for name, _, _ in SARC_F_ITEMS}}

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        return {**super().initial_from(entry, viewer), **{n: getattr(entry, n) for n, _, _ in SARC_F_ITEMS}}


def _likert(label: str, low: str, high: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Not answered"), (1, f"1 {low}"), (2, "2"), (3, "3"), (4, "4"), (5, f"5 {high}")],
    )


class WellbeingForm(EntryForm):
    SCALES: ClassVar[tuple[str, ...]] = ("sleep_quality", "mood", "energy", "pain")

    def __init__(self, *args: Any, viewer: Viewer, kind: str = "", **kwargs: Any) -> None:
        super().__init__(*args, viewer=viewer, kind=kind, **kwargs)
        notes = self.fields.pop("notes")
        self.fields["sleep_quality"] = _likert(
            "How well did you sleep last night?", "(very badly)", "(very well)"
        )
        self.fields["mood"] = _likert("How has your mood been today?", "(very low)", "(very good)")
        self.fields["energy"] = _likert("How much energy have you had today?", "(none)", "(plenty)")
        self.fields["pain"] = forms.TypedChoiceField(
            label="Pain right now, 0 (none) to 10 (worst you can imagine)",
            required=False,
            coerce=int,
            empty_value=None,
            choices=[("", "Not answered"), *[(i, str(i)) for i in range(11)]],
        )
        self.fields["pain_location"] = forms.CharField(
            label="Where is the pain?", required=False, max_length=80, help_text="For example: lower back"
        )
        self.fields["notes"] = notes

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and all(cleaned.get(name) is None for name in self.SCALES):
            raise forms.ValidationError("Answer at least one question.")
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **super().model_fields(),
            **{name: data.get(name) for name in self.SCALES},
            "pain_location": data.get("pain_location", ""),
        }

    @classmethod
    def initial_from(cls, entry: Entry, viewer: Viewer) -> dict[str, Any]:
        names = (*cls.SCALES, "pain_location")
        return {**super().initial_from(entry, viewer), **{n: getattr(entry, n) for n in names}}


class HealthSettingsForm(forms.Form):
    lab_unit = forms.ChoiceField(
        label="Glucose and cholesterol in", choices=[("mg/dL", "mg/dL (US)"), ("mmol/L", "mmol/L")]
    )
    hba1c_unit = forms.ChoiceField(
        label="HbA1c in", choices=[("%", "% (NGSP)"), ("mmol/mol", "mmol/mol (IFCC)")]
    )
    bp_guideline = forms.ChoiceField(
        label="Blood-pressure categories",
        choices=[("acc_aha_2017", "ACC/AHA 2017 (US)"), ("esc_esh_2018", "ESC/ESH 2018 (Europe)")],
    )
