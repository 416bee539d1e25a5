"""`{% import_apps %}`: the apps Liftwell imports from, named by the import-format registry.

The pages then list the same apps as detection does: "Strong, Hevy, FitNotes or Fitbod";
`{% import_apps detailed=True %}` names an app's several files too: "Hevy (workouts or measurements)".
"""

from __future__ import annotations

from django import template

from liftwell.importers.registry import app_names

register = template.Library()


@register.simple_tag
def import_apps(*, detailed: bool = False) -> str:
    return app_names(detailed=detailed)
