"""A person's age from their profile, which stores the year of birth only.

The age on a day is the age reached during that day's calendar year: until the birthday it is one year
ahead of the exact age. The norms, the screening and the planner all read age this way.
"""

from __future__ import annotations

from datetime import date


def age_on(birth_year: int | None, day: date) -> int | None:
    """Years from `birth_year` to the year of `day` (None when the year of birth is not given)."""
    if not birth_year:
        return None
    return day.year - birth_year
