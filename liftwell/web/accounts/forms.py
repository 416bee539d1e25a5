"""Sign-up, profile, token, account-deletion and two-factor code forms. Heights are converted here,
at the edge."""

from __future__ import annotations

import zoneinfo
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache
from typing import Any

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone

from liftwell.core.units import cm_to_inches, inches_to_cm
from liftwell.web.accounts.models import User, validate_time_zone

TIME_ZONE_LIST_ID = "time-zones"
EARLIEST_BIRTH_YEAR = 1900
# Generous bounds that still catch a height typed in the wrong unit.
HEIGHT_CM_MIN = Decimal(50)
HEIGHT_CM_MAX = Decimal(272)
HEIGHT_UNIT_FOR = {User.Unit.KG: "cm", User.Unit.LB: "in"}
SEX_HELP = "Used only for norms and strength scores."


@cache
def suggested_time_zones() -> list[str]:
    """The zones offered in the datalist: region/city names, without legacy aliases."""
    legacy = ("Etc/", "SystemV/", "posix/", "right/")
    zones = (zone for zone in zoneinfo.available_timezones() if "/" in zone and not zone.startswith(legacy))
    return ["UTC", *sorted(zones)]


def height_for_display(height_cm: Decimal | None, height_unit: str) -> Decimal | None:
    """A stored height in the unit shown: cm, or inches to one decimal, without trailing zeros."""
    if height_cm is None:
        return None
    value = cm_to_inches(height_cm) if height_unit == "in" else height_cm
    shown = value.quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    return shown.quantize(Decimal(1)) if shown == shown.to_integral_value() else shown


class TimeZoneField(forms.CharField):
    """A text input with a datalist of zones (the template renders it), checked against zoneinfo."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=64, validators=[validate_time_zone], **kwargs)
        self.widget.attrs.update({"list": TIME_ZONE_LIST_ID, "autocomplete": "off", "spellcheck": "false"})


class SignupForm(UserCreationForm):  # type: ignore[type-arg]  # generic only in the stubs
    email = forms.EmailField(
        required=False, help_text="Optional; needed only to reset a forgotten password by email."
    )
    time_zone = TimeZoneField(
        initial="UTC", help_text="Filled in from your browser; days and weeks start at your midnight."
    )
    unit = forms.ChoiceField(choices=User.Unit.choices, initial=User.Unit.KG, label="Weights in")

    field_order = ["username", "email", "password1", "password2", "time_zone", "unit"]

    class Meta(UserCreationForm.Meta):  # type: ignore[name-defined,misc]
        model = User
        fields = ("username", "email")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        # site.js swaps the "UTC" default for the browser's zone; without JavaScript UTC stays.
        self.fields["time_zone"].widget.attrs["data-browser-time-zone"] = "replace-utc"


class ProfileForm(forms.Form):
    display_name = forms.CharField(
        max_length=80, required=False, help_text="How Liftwell greets you; your username if empty."
    )
    email = forms.EmailField(required=False, help_text="Used only to reset a forgotten password.")
    unit = forms.ChoiceField(choices=User.Unit.choices, label="Weights in")
    time_zone = TimeZoneField(help_text="A name such as Europe/Berlin or America/New_York.")
    birth_year = forms.IntegerField(required=False, help_text="For age-based norms.")
    sex = forms.ChoiceField(choices=User.Sex.choices, help_text=SEX_HELP)
    height = forms.DecimalField(required=False, min_value=Decimal(0), max_digits=5, decimal_places=1)
    # The unit the height was shown in, so a page opened before a unit change still reads right.
    height_unit = forms.ChoiceField(
        choices=[("cm", "cm"), ("in", "in")], required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        height_unit = HEIGHT_UNIT_FOR[User.Unit(user.unit)]
        kwargs.setdefault(
            "initial",
            {
                "display_name": user.display_name,
                "email": user.email,
                "unit": user.unit,
                "time_zone": user.time_zone,
                "birth_year": user.birth_year,
                "sex": user.sex,
                "height": height_for_display(user.height_cm, height_unit),
                "height_unit": height_unit,
            },
        )
        super().__init__(*args, **kwargs)
        self.user = user
        self.stored_height_unit = height_unit
        self.latest_birth_year = timezone.localdate().year
        self.fields["birth_year"].widget.attrs.update(
            {"min": EARLIEST_BIRTH_YEAR, "max": self.latest_birth_year, "inputmode": "numeric"}
        )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        shown_unit = self.data.get("height_unit") if self.is_bound else height_unit
        if shown_unit not in ("cm", "in"):
            shown_unit = height_unit
        self.fields["height"].label = f"Height ({shown_unit})"
        self.fields["height"].widget.attrs.update({"step": "0.1", "inputmode": "decimal"})

    def clean_birth_year(self) -> int | None:
        year: int | None = self.cleaned_data["birth_year"]
        if year is not None and not EARLIEST_BIRTH_YEAR <= year <= self.latest_birth_year:
            raise forms.ValidationError(
                f"Enter a year between {EARLIEST_BIRTH_YEAR} and {self.latest_birth_year}."
            )
        return year

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        height = cleaned.get("height")
        height_unit = cleaned.get("height_unit") or self.stored_height_unit
        if self.has_error("height"):
            return cleaned
        if "height" not in self.changed_data and "height_unit" not in self.changed_data:
            # Unchanged: keep the stored value rather than round-tripping it through the shown one.
            cleaned["height_cm"] = self.user.height_cm
        elif height is None:
            cleaned["height_cm"] = None
        else:
            height_cm = inches_to_cm(height) if height_unit == "in" else height
            if not HEIGHT_CM_MIN <= height_cm <= HEIGHT_CM_MAX:
                low = height_for_display(HEIGHT_CM_MIN, height_unit)
                high = height_for_display(HEIGHT_CM_MAX, height_unit)
                self.add_error("height", f"Enter a height between {low} and {high} {height_unit}.")
            else:
                cleaned["height_cm"] = height_cm
        return cleaned


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        required=False,
        help_text="What the token is for, such as “phone sync”. Defaults to “API token”.",
    )


class DeleteAccountForm(forms.Form):
    username = forms.CharField(label="Type your username to confirm")
    password = forms.CharField(
        label="Your current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["username"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if username != self.user.username:
            raise forms.ValidationError("This is not your username.")
        return username

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("This is not your current password.")
        return password


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )
