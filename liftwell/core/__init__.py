"""Liftwell's pure domain: plain Python with no Django, no I/O and no clock."""
