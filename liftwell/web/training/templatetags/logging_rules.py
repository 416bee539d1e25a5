"""`{% logging_rules as rules %}`: what the logging screen's module needs to know about sets and plates.

The page writes it out with `json_script` (liftwell/web/static/liftwell/logging/rules.js reads it), so the
JavaScript holds no copy of the set kinds, their labels, the tonnage rule or the standard plate sets, and
the page kept offline by the service worker carries them along.
"""

from __future__ import annotations

from typing import Any

from django import template

from liftwell.core.training import SetKind, counts_for_tonnage
from liftwell.web.accounts.gym import STANDARD_PLATE_SETS

register = template.Library()

# The letter on a set's kind button; a kind without one shows the set's number instead.
SET_KIND_BADGES: dict[SetKind, str] = {
    SetKind.WARMUP: "W",
    SetKind.DROP: "D",
    SetKind.FAILURE: "F",
    SetKind.AMRAP: "A",
}


@register.simple_tag
def logging_rules() -> dict[str, Any]:
    return {
        "set_kinds": [
            {
                "value": kind.value,
                "label": kind.label,
                "badge": SET_KIND_BADGES.get(kind, ""),
                "tonnage": counts_for_tonnage(kind=kind, completed=True),
            }
            for kind in SetKind
        ],
        "warmup_kind": SetKind.WARMUP.value,
        "default_kind": SetKind.WORKING.value,
        "plate_sets": STANDARD_PLATE_SETS,
    }
