from __future__ import annotations

from django import forms

from liftwell.importers.registry import FORMATS

# "Detect from the file", then every format in the registry's order.
FORMAT_CHOICES = [("auto", "Detect from the file"), *((entry.code, entry.label) for entry in FORMATS)]


class UploadForm(forms.Form):
    file = forms.FileField(label="Export file (CSV)")
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="auto", required=False)


class BackupUploadForm(forms.Form):
    file = forms.FileField(label="Liftwell backup (JSON)")
