"""What a person logs about their health: body, markers, function tests and wellbeing check-ins.

Values are stored in canonical units (kg, cm, mmHg, mmol/L, NGSP %, m/s, s); the unit a lab value was
typed in is kept, because a value is classified in the unit it was entered in (docs/science.md §4.2).
Every row is dated (the local date of the measurement), editable, and may carry notes.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from liftwell.core.health import BP_LOCATION_LABELS, MENOPAUSE_LABELS, BpLocation, Menopause
from liftwell.core.health.labs import LDL_METHOD_LABELS


class Entry(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    measured_on = models.DateField()
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-measured_on", "-id"]


def _cm() -> Any:
    return models.DecimalField(max_digits=8, decimal_places=3, null=True, blank=True)


class BodyMeasurement(Entry):
    """Weight, body fat and circumferences. `weight_kg` is read by the progress pages too."""

    class BodyFatMethod(models.TextChoices):
        MEASURED = "measured", "Measured (scale, DXA, calipers...)"
        NAVY = "navy", "US Navy estimate"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="body_measurements"
    )
    weight_kg = models.DecimalField(max_digits=10, decimal_places=6, null=True, blank=True)
    body_fat_pct = models.DecimalField(max_digits=4, decimal_places=1, null=True, blank=True)
    body_fat_method = models.CharField(max_length=10, choices=BodyFatMethod.choices, blank=True)
    waist_cm = _cm()
    hip_cm = _cm()
    neck_cm = _cm()
    chest_cm = _cm()
    arm_cm = _cm()
    thigh_cm = _cm()
    calf_cm = _cm()

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "-measured_on"], name="body_owner_date")]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


class BloodPressure(Entry):
    """One reading (or an ambulatory monitor's average), graded for where it was taken."""

    systolic_mmhg = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(50), MaxValueValidator(300)]
    )
    diastolic_mmhg = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(30), MaxValueValidator(200)]
    )
    resting_hr_bpm = models.PositiveSmallIntegerField(null=True, blank=True)
    # Blank ("not stated") for readings stored before Liftwell asked: they are graded as clinic readings.
    location = models.CharField(
        max_length=20,
        blank=True,
        default=BpLocation.NOT_STATED.value,
        choices=[(place.value, label) for place, label in BP_LOCATION_LABELS.items()],
    )

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "-measured_on"], name="bp_owner_date")]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


class LabKind(models.TextChoices):
    FASTING_GLUCOSE = "fasting_glucose", "Fasting glucose"
    HBA1C = "hba1c", "HbA1c"
    TOTAL_CHOLESTEROL = "total_cholesterol", "Total cholesterol"
    LDL = "ldl", "LDL cholesterol"
    HDL = "hdl", "HDL cholesterol"
    TRIGLYCERIDES = "triglycerides", "Triglycerides"


class LabResult(Entry):
    """One laboratory value. Canonical units: mmol/L (glucose, lipids) and NGSP % (HbA1c)."""

    kind = models.CharField(max_length=20, choices=LabKind.choices)
    value = models.DecimalField(max_digits=12, decimal_places=6)
    entered_unit = models.CharField(max_length=10, help_text="mg/dL, mmol/L, % or mmol/mol")
    # LDL only (blank for the others): calculated or measured directly, which the FHIR export codes
    # differently. LDL rows stored before Liftwell asked were set to "calculated", as most reports are.
    ldl_method = models.CharField(
        max_length=12,
        blank=True,
        choices=[(method.value, label) for method, label in LDL_METHOD_LABELS.items()],
    )

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "kind", "-measured_on"], name="lab_owner_kind_date")]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


class BoneDensity(Entry):
    """A DXA result: the T-score, the Z-score or both, for the site with the lowest score."""

    class Site(models.TextChoices):
        LUMBAR_SPINE = "lumbar_spine", "Lumbar spine"
        TOTAL_HIP = "total_hip", "Total hip"
        FEMORAL_NECK = "femoral_neck", "Femoral neck"
        RADIUS = "radius", "Forearm (1/3 radius)"

    # A report gives both scores; which one applies depends on age, sex and menopause (ISCD), so
    # either may be entered. Rows stored before the Z-score was asked for have a T-score only.
    t_score = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(-10), MaxValueValidator(10)],
    )
    z_score = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(-10), MaxValueValidator(10)],
    )
    site = models.CharField(max_length=20, choices=Site.choices)
    menopause = models.CharField(
        max_length=10,
        blank=True,
        default=Menopause.NOT_STATED.value,
        choices=[(status.value, label) for status, label in MENOPAUSE_LABELS.items()],
    )

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "-measured_on"], name="bone_owner_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(t_score__isnull=False) | models.Q(z_score__isnull=False),
                name="bone_has_a_score",
            )
        ]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


class FunctionKind(models.TextChoices):
    GRIP = "grip", "Grip strength"
    CHAIR_STAND_30S = "chair_stand_30s", "30-second chair stand"
    SIT_TO_STAND_5X = "sit_to_stand_5x", "Five-times sit-to-stand"
    GAIT_SPEED = "gait_speed", "Gait speed"
    TIMED_UP_AND_GO = "timed_up_and_go", "Timed up-and-go"
    PUSH_UPS = "push_ups", "Push-ups"
    PLANK = "plank", "Plank"


class FunctionTest(Entry):
    """One functional test result. Canonical units: kg (grip), reps, s, m/s (gait speed)."""

    kind = models.CharField(max_length=20, choices=FunctionKind.choices)
    value = models.DecimalField(max_digits=10, decimal_places=4)

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "kind", "-measured_on"], name="function_owner_kind_date")]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


def _sarc_f_item() -> Any:
    return models.PositiveSmallIntegerField(validators=[MaxValueValidator(2)])


class SarcF(Entry):
    """The SARC-F questionnaire (Malmstrom & Morley 2013): five items scored 0-2."""

    strength = _sarc_f_item()
    assistance = _sarc_f_item()
    rise = _sarc_f_item()
    climb = _sarc_f_item()
    falls = _sarc_f_item()

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "-measured_on"], name="sarcf_owner_date")]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


def _scale(top: int) -> Any:
    return models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(top)])


class WellbeingCheckIn(Entry):
    """Our own 1-5 items for sleep, mood and energy (no licence needed) and pain 0-10 with a location."""

    sleep_quality = _scale(5)
    mood = _scale(5)
    energy = _scale(5)
    pain = _scale(10)
    pain_location = models.CharField(max_length=80, blank=True)

    class Meta(Entry.Meta):
        indexes = [models.Index(fields=["owner", "-measured_on"], name="wellbeing_owner_date")]

    def __str__(self) -> str:
        return f"{type(self).__name__} on {self.measured_on}"


class HealthSettings(models.Model):
    """How one person wants lab values shown and which blood-pressure guideline to use."""

    class LabUnit(models.TextChoices):
        MG_DL = "mg/dL", "mg/dL (US)"
        MMOL_L = "mmol/L", "mmol/L (most other countries)"

    class Hba1cUnit(models.TextChoices):
        PERCENT = "%", "% (NGSP)"
        MMOL_MOL = "mmol/mol", "mmol/mol (IFCC)"

    class BpGuideline(models.TextChoices):
        ACC_AHA_2017 = "acc_aha_2017", "ACC/AHA 2017 (US)"
        ESC_ESH_2018 = "esc_esh_2018", "ESC/ESH 2018 (Europe)"

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="health_settings"
    )
    lab_unit = models.CharField(max_length=8, choices=LabUnit.choices, default=LabUnit.MG_DL)
    hba1c_unit = models.CharField(max_length=8, choices=Hba1cUnit.choices, default=Hba1cUnit.PERCENT)
    bp_guideline = models.CharField(
        max_length=14, choices=BpGuideline.choices, default=BpGuideline.ACC_AHA_2017
    )

    def __str__(self) -> str:
        return f"Health settings of {self.owner_id}"


class ArticleReport(models.Model):
    """A reader's report of a problem with a health-library page; staff read them in the admin."""

    article_slug = models.SlugField(max_length=80)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Report on {self.article_slug}"
