"""`{% screening_advice %}`: the signed-in person's screening advice, for pages outside the plan app;
`|without_stored_advice`: a saved plan's notes without the stale copy of that advice older plans kept.

Today and the program pages show the advice on every visit until a clearance is recorded. Template tags,
not imports in the programs views: the planning app already builds on programs, and the apps must not
import each other both ways.
"""

from __future__ import annotations

from typing import Any

from django import template

from liftwell.web.planning import display
from liftwell.web.planning.services import screening_status_for

register = template.Library()


@register.inclusion_tag("planning/_screening_result.html", takes_context=True)
def screening_advice(context: template.Context) -> dict[str, Any]:
    """The compact advice of the person's latest answers: nothing for all-"no" answers or none at all."""
    user = context["request"].user
    status = screening_status_for(user) if user.is_authenticated else None
    return {"status": status, "compact": True}


@register.filter
def without_stored_advice(notes: str) -> str:
    """Program notes without a dated copy of the screening advice (the live advice shows instead)."""
    return display.without_stored_advice(notes or "")
