"""Liftwell's JSON API (django-ninja), served under /api/v1/."""
