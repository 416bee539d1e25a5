from __future__ import annotations

from django import forms

from liftwell.core.vocabulary import Equipment, Measure, Mechanic, Muscle, Pattern

MUSCLE_CHOICES = [(m.value, m.label) for m in Muscle]
EQUIPMENT_CHOICES = [(e.value, e.label) for e in Equipment]
PATTERN_CHOICES = [(p.value, p.label) for p in Pattern]


class ExerciseFilterForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, label="Search by name or alias")
    muscle = forms.ChoiceField(required=False, choices=[("", "Any muscle"), *MUSCLE_CHOICES])
    equipment = forms.ChoiceField(required=False, choices=[("", "Any equipment"), *EQUIPMENT_CHOICES])
    pattern = forms.ChoiceField(required=False, choices=[("", "Any movement"), *PATTERN_CHOICES])


class CustomExerciseForm(forms.Form):
    name = forms.CharField(max_length=120)
    aliases = forms.CharField(required=False, max_length=400, help_text="Other names, separated by commas.")
    primary_muscles = forms.MultipleChoiceField(choices=MUSCLE_CHOICES, widget=forms.CheckboxSelectMultiple)
    secondary_muscles = forms.MultipleChoiceField(
        required=False, choices=MUSCLE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    equipment = forms.ChoiceField(choices=EQUIPMENT_CHOICES)
    pattern = forms.ChoiceField(choices=PATTERN_CHOICES, label="Movement pattern")
    mechanic = forms.ChoiceField(choices=[(m.value, m.value.capitalize()) for m in Mechanic])
    measure = forms.ChoiceField(
        choices=[(m.value, m.value.replace("_", " ").capitalize()) for m in Measure],
        label="What a set records",
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        overlap = set(cleaned.get("primary_muscles") or []) & set(cleaned.get("secondary_muscles") or [])
        if overlap:
            self.add_error("secondary_muscles", "A muscle cannot be both primary and secondary.")
        return cleaned
