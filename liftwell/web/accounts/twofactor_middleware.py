"""Sign-in with a second factor: a session of someone who turned on two-factor must enter a code first.

After the password, such a session is signed in but not verified; until a code is entered every page
sends it to the code page, and the session-authenticated API answers 401. Token requests are unaffected.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from liftwell.web.accounts.models import User
from liftwell.web.accounts.twofactor import has_two_factor, is_verified

OPEN_PREFIXES = (
    "/static/",
    "/healthz",
    "/metrics",
    "/sw.js",
    "/manifest.webmanifest",
    "/accounts/logout/",
    "/accounts/login/",
)


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_verify(request):
            if request.path.startswith("/api/"):
                return JsonResponse({"error": "Enter your two-factor code to use this session."}, status=401)
            url = reverse("two-factor-verify")
            return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _must_verify(request: HttpRequest) -> bool:
        path = request.path
        if path.startswith(OPEN_PREFIXES) or path == reverse("two-factor-verify"):
            return False
        if path.startswith("/api/") and "HTTP_AUTHORIZATION" in request.META:
            return False  # a token request: the token is the credential
        user = request.user
        if not user.is_authenticated or is_verified(request):
            return False
        return two_factor_required(request, user)


# Whether the signed-in person has two-factor on, noted in the session when they sign in (so pages cost
# no extra query) and when they turn it on or off here. A session signed in before two-factor was
# turned on elsewhere stays as it was; coach pages still ask it for a code (coaching/decorators.py).
SESSION_KEY = "_liftwell_two_factor"


def two_factor_required(request: HttpRequest, user: User) -> bool:
    remembered = request.session.get(SESSION_KEY)
    if isinstance(remembered, list) and len(remembered) == 2 and remembered[0] == user.pk:
        return bool(remembered[1])
    required = has_two_factor(user)  # a session from before this note existed
    remember_two_factor(request, user, required=required)
    return required


def remember_two_factor(request: HttpRequest, user: User, *, required: bool) -> None:
    request.session[SESSION_KEY] = [user.pk, required]


def remember_on_login(sender: object, request: HttpRequest | None, user: User, **kwargs: object) -> None:
    """`user_logged_in` receiver (connected in apps.py): note whether this sign-in needs a code."""
    if request is not None and hasattr(request, "session"):
        remember_two_factor(request, user, required=has_two_factor(user))
