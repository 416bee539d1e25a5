from __future__ import annotations

from django import forms

MAX_UPLOAD_BYTES = 200_000


class ImportForm(forms.Form):
    file = forms.FileField(
        required=False, help_text="A program file (.yaml), as described in the format guide."
    )
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 16, "spellcheck": "false"}))

    def program_text(self) -> str:
        upload = self.cleaned_data.get("file")
        if upload is not None:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError("The file is too large (200 kB at most).")
            try:
                return str(upload.read().decode("utf-8-sig"))
            except UnicodeDecodeError:
                raise forms.ValidationError("The file is not UTF-8 text.") from None
        text = str(self.cleaned_data.get("text") or "")
        if not text.strip():
            raise forms.ValidationError("Choose a file or paste a program.")
        return text
