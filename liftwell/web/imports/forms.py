from __future__ import annotations

from django import forms

FORMATS = [
    ("auto", "Detect from the file"),
    ("strong", "Strong"),
    ("hevy", "Hevy workouts"),
    ("hevy-measurements", "Hevy measurements"),
    ("fitnotes", "FitNotes"),
    ("fitnotes-body", "FitNotes body tracker"),
    ("fitbod", "Fitbod"),
]


class UploadForm(forms.Form):
    file = forms.FileField(label="Export file (CSV)")
    format = forms.ChoiceField(choices=FORMATS, initial="auto", required=False)


class BackupUploadForm(forms.Form):
    file = forms.FileField(label="Liftwell backup (JSON)")
