"""Forms of the history pages: the list's date filters and editing one set, in the person's own unit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from liftwell.core.units import from_kg, plain, to_kg
from liftwell.web.training.models import SET_KIND_CHOICES, WorkoutSet

# RPE 1-10 in half points, as the API accepts it.
RPE_CHOICES = [("", "—")] + [(str(Decimal(half) / 2), str(Decimal(half) / 2)) for half in range(2, 21)]
# Far above any lift, low enough to catch a load typed with a slip of the thumb.
LOAD_MAX = Decimal(5000)
REPS_MAX = 1000


class HistoryFilterForm(forms.Form):
    """`from` and `to` dates (inclusive) on the workout's local date. `from` is a Python keyword,
    so the fields are added by name here."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        date_input = {"type": "date"}
        self.fields["from"] = forms.DateField(
            required=False, label="From", widget=forms.DateInput(attrs=date_input, format="%Y-%m-%d")
        )
        self.fields["to"] = forms.DateField(
            required=False, label="To", widget=forms.DateInput(attrs=date_input, format="%Y-%m-%d")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "Pick a date on or after the “From” date.")
        return data


class SetEditForm(forms.Form):
    """One set's load (typed in the person's unit), reps, RPE, kind and whether it was done."""

    load = forms.DecimalField(
        required=False,
        min_value=0,
        max_value=LOAD_MAX,
        decimal_places=2,
        max_digits=7,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    reps = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=REPS_MAX,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*"}),
    )
    rpe = forms.TypedChoiceField(
        label="RPE", required=False, choices=RPE_CHOICES, coerce=Decimal, empty_value=None
    )
    kind = forms.ChoiceField(label="Kind", choices=SET_KIND_CHOICES)
    completed = forms.BooleanField(label="Done", required=False)

    def __init__(self, data: Any = None, *, unit: str, workout_set: WorkoutSet) -> None:
        self.unit = unit
        initial = {
            "load": None if workout_set.load_kg is None else from_kg(workout_set.load_kg, unit),
            "reps": workout_set.reps,
            "rpe": "" if workout_set.rpe is None else str(plain(workout_set.rpe)),
            "kind": workout_set.kind,
            "completed": workout_set.completed,
        }
        super().__init__(data, initial=initial, label_suffix="")
        self.fields["load"].label = f"Load ({unit})"
        # Ids unique per set: several rows' forms may be on one page.
        self.auto_id = f"set-{workout_set.pk}-%s"

    def changes(self) -> dict[str, Any]:
        """The set's new values as `services.update_set` takes them: load in kg."""
        data = self.cleaned_data
        changes: dict[str, Any] = {
            "reps": data["reps"],
            "rpe": data["rpe"],
            "kind": data["kind"],
            "completed": data["completed"],
        }
        load = data["load"]
        # The load shown was rounded to 0.01 of the person's unit; left as shown, the stored kg stay.
        if load != self.initial["load"]:
            changes["load_kg"] = None if load is None else to_kg(load, self.unit)
        return changes
