"""The screening form (seven yes/no questions), the clearance form and the plan questionnaire form."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from liftwell.core.planner import Condition, Experience, Goal, Questionnaire, QuestionnaireError
from liftwell.core.planner.questionnaire import MAX_AGE, MAX_DAYS, MAX_MINUTES, MIN_AGE, MIN_DAYS, MIN_MINUTES
from liftwell.core.screening import QUESTIONS, ClearanceError, Outcome, check_clearance
from liftwell.core.vocabulary import Equipment, Pattern

YES_NO = [("no", "No"), ("yes", "Yes")]


class ScreeningForm(forms.Form):
    """One required yes/no field per PAR-Q+ question (named by its code), then pregnancy and age."""

    pregnant = forms.BooleanField(required=False, label="I am pregnant")
    age = forms.IntegerField(
        required=False, min_value=MIN_AGE, max_value=MAX_AGE, label="Your age", help_text="Optional."
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        questions = {
            q.code: forms.ChoiceField(
                choices=YES_NO, widget=forms.RadioSelect, label=q.text, help_text=q.hint
            )
            for q in QUESTIONS
        }
        self.fields = {**questions, **self.fields}

    def answers(self) -> dict[str, bool]:
        return {q.code: self.cleaned_data[q.code] == "yes" for q in QUESTIONS}


class ClearanceForm(forms.Form):
    """The day a doctor or professional cleared the person for one set of answers, and optionally who."""

    cleared_on = forms.DateField(
        label="Date you were cleared",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The day a doctor or qualified professional told you training is fine for you.",
    )
    cleared_by = forms.CharField(
        required=False, max_length=120, label="Who cleared you", help_text="Optional, for example Dr Lee."
    )

    def __init__(self, *args: Any, outcome: Outcome, screened_on: date, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcome = outcome
        self.screened_on = screened_on
        self.today = today
        self.fields["cleared_on"].widget.attrs.update(
            {"min": screened_on.isoformat(), "max": today.isoformat()}
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleared_on = cleaned.get("cleared_on")
        if cleared_on is not None:
            try:
                check_clearance(
                    outcome=self.outcome,
                    cleared_on=cleared_on,
                    screened_on=self.screened_on,
                    today=self.today,
                )
            except ClearanceError as exc:
                self.add_error(exc.field, str(exc))
        return cleaned


def _choices(members: list[Any]) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in members]


PLANNED_EQUIPMENT = [e for e in Equipment if e not in {Equipment.BODYWEIGHT, Equipment.OTHER}]
# Movements in plain words, with examples, for "Movements to leave out".
PATTERN_CHOICES: list[tuple[str, str]] = [
    (Pattern.SQUAT.value, "Squats (goblet squat, leg press)"),
    (Pattern.HINGE.value, "Hip hinges (deadlifts, bridges, swings)"),
    (Pattern.LUNGE.value, "Lunges and step-ups"),
    (Pattern.HORIZONTAL_PUSH.value, "Pressing forwards (push-ups, bench press)"),
    (Pattern.VERTICAL_PUSH.value, "Pressing overhead"),
    (Pattern.HORIZONTAL_PULL.value, "Rows"),
    (Pattern.VERTICAL_PULL.value, "Pulling down from overhead (pull-ups, pulldowns)"),
    (Pattern.CARRY.value, "Carrying weights"),
    (Pattern.ANTI_EXTENSION.value, "Planks and rollouts"),
    (Pattern.ANTI_ROTATION.value, "Anti-twist trunk work (Pallof press, bird dog)"),
    (Pattern.LATERAL_FLEXION.value, "Side bends and side planks"),
    (Pattern.TRUNK_FLEXION.value, "Crunches and sit-ups"),
    (Pattern.ISOLATION.value, "Single-joint exercises (curls, raises, leg extensions)"),
    (Pattern.JUMP.value, "Jumps and hops"),
    (Pattern.BALANCE.value, "Balance drills"),
]


class QuestionnaireForm(forms.Form):
    goals = forms.MultipleChoiceField(
        choices=_choices(list(Goal)),
        widget=forms.CheckboxSelectMultiple,
        label="What do you want from training?",
        help_text="Choose one or more.",
    )
    days_per_week = forms.TypedChoiceField(
        choices=[(str(n), str(n)) for n in range(MIN_DAYS, MAX_DAYS + 1)],
        coerce=int,
        initial="3",
        label="Days a week",
    )
    minutes_per_session = forms.IntegerField(
        min_value=MIN_MINUTES, max_value=MAX_MINUTES, initial=45, label="Minutes a session"
    )
    equipment = forms.MultipleChoiceField(
        choices=_choices(PLANNED_EQUIPMENT),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Equipment you can use",
        help_text="Your own body weight is always included.",
    )
    experience = forms.ChoiceField(
        choices=_choices(list(Experience)), widget=forms.RadioSelect, initial=Experience.NEW.value
    )
    age = forms.IntegerField(min_value=MIN_AGE, max_value=MAX_AGE, label="Your age")
    conditions = forms.MultipleChoiceField(
        choices=_choices(list(Condition)),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Health conditions the plan should respect",
    )
    avoid_patterns = forms.MultipleChoiceField(
        choices=PATTERN_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Movements to leave out",
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            try:
                self.questionnaire = self._build(cleaned)
            except QuestionnaireError as exc:
                raise forms.ValidationError(str(exc)) from exc
        return cleaned

    @staticmethod
    def _build(cleaned: dict[str, Any]) -> Questionnaire:
        return Questionnaire(
            goals=frozenset(Goal(value) for value in cleaned["goals"]),
            days_per_week=cleaned["days_per_week"],
            minutes_per_session=cleaned["minutes_per_session"],
            equipment=frozenset(Equipment(value) for value in cleaned["equipment"]),
            experience=Experience(cleaned["experience"]),
            age=cleaned["age"],
            conditions=frozenset(Condition(value) for value in cleaned["conditions"]),
            avoid_patterns=frozenset(Pattern(value) for value in cleaned["avoid_patterns"]),
        )
