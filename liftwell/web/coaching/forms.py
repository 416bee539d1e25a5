"""Forms for sharing and coach actions."""

from __future__ import annotations

from typing import Any

from django import forms

from liftwell.web.coaching.models import Membership, Scope


class InviteCoachForm(forms.Form):
    identifier = forms.CharField(label="Coach's username or email", max_length=254)
    scope = forms.ChoiceField(label="What they may see", choices=Scope.choices, initial=Scope.TRAINING)


class InviteClientForm(forms.Form):
    identifier = forms.CharField(label="Client's username or email", max_length=254)


class ScopeForm(forms.Form):
    scope = forms.ChoiceField(label="What they may see", choices=Scope.choices)


class CommentForm(forms.Form):
    text = forms.CharField(label="Comment", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class NoteForm(forms.Form):
    written_on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(label="Note", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class OrganisationForm(forms.Form):
    name = forms.CharField(label="Name of the gym or clinic", max_length=120)


class MemberForm(forms.Form):
    identifier = forms.CharField(label="Username or email", max_length=254)
    role = forms.ChoiceField(label="Role", choices=Membership.Role.choices, initial=Membership.Role.COACH)


class AssignProgramForm(forms.Form):
    choice = forms.ChoiceField(label="Program", required=False)
    source = forms.CharField(
        label="Or program text (edit the current one, or paste one)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        max_length=100_000,
    )

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [("", "Choose…"), *choices]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = str(data.get("source") or "").strip()
        if bool(data.get("choice")) == bool(text):
            raise forms.ValidationError("Choose a program, or give program text, not both.")
        data["source"] = text
        return data
