"""Typed requests, so a view's `request.user` and `request.htmx` need no casts.

django-htmx's middleware (in settings) sets `request.htmx`; `login_required` guarantees a signed-in
`User`. django-htmx documents this pattern rather than shipping the class, so it is spelled out here.
"""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from liftwell.web.accounts.models import User


class HtmxHttpRequest(HttpRequest):
    """Any request that passed `django_htmx.middleware.HtmxMiddleware`."""

    htmx: HtmxDetails


class AuthedRequest(HtmxHttpRequest):
    """A request to a view behind `login_required`: `user` is always one of our accounts."""

    user: User
