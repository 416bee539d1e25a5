"""Gates for coach pages: signed in, access or 404, then two-factor verified in this session.

Order matters: someone with no grant gets the same 404 whether or not they use two-factor, so ids of
clients cannot be probed; a coach with a grant but an unverified session is sent to enrol or verify.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode

from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.accounts.twofactor import has_two_factor, is_verified
from liftwell.web.coaching.access import has_live_grant
from liftwell.web.coaching.models import Grant, Membership, Scope

View = Callable[..., HttpResponseBase]


def two_factor_redirect(request: AuthedRequest) -> HttpResponse:
    name = "two-factor-verify" if has_two_factor(request.user) else "two-factor-setup"
    return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")


def coach_area(view: View) -> View:
    """A coach page that names no client: signed in and verified with two-factor."""

    @login_required
    @wraps(view)
    def wrapped(request: AuthedRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not is_verified(request):
            return two_factor_redirect(request)
        return view(request, *args, **kwargs)

    return wrapped


def coach_client_page(scope: str = Scope.TRAINING) -> Callable[[View], View]:
    """A coach page about one client (`client_id` in the URL): 404 without a live grant in `scope`,
    then two-factor. The view itself loads the client with `get_client_for_coach`, which logs the read."""

    def decorate(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: AuthedRequest, client_id: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not has_live_grant(coach=request.user, client_id=client_id, scope=scope):
                raise Http404("No such client.")
            if not is_verified(request):
                return two_factor_redirect(request)
            response = view(request, client_id, *args, **kwargs)
            # A client's data: never kept in a (possibly shared) browser's cache.
            add_never_cache_headers(response)
            return response

        return wrapped

    return decorate


def coach_grant_page(view: View) -> View:
    """A coach action on one open grant (`client_id`), such as ending it: 404 without one, then 2FA."""

    @login_required
    @wraps(view)
    def wrapped(request: AuthedRequest, client_id: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
        open_grant = Grant.objects.filter(
            coach=request.user,
            client_id=client_id,
            status__in=[Grant.Status.PENDING, Grant.Status.ACTIVE],
        ).exists()
        if not open_grant:
            raise Http404("No such client.")
        if not is_verified(request):
            return two_factor_redirect(request)
        return view(request, client_id, *args, **kwargs)

    return wrapped


def invitation_page(view: View) -> View:
    """A coach's answer to a client's invitation (`grant_id`): 404 unless it is theirs, then 2FA."""

    @login_required
    @wraps(view)
    def wrapped(request: AuthedRequest, grant_id: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
        mine = Grant.objects.filter(
            pk=grant_id,
            coach=request.user,
            invited_by=Grant.InvitedBy.CLIENT,
            status=Grant.Status.PENDING,
        ).exists()
        if not mine:
            raise Http404("No such invitation.")
        if not is_verified(request):
            return two_factor_redirect(request)
        return view(request, grant_id, *args, **kwargs)

    return wrapped


def organisation_page(view: View) -> View:
    """A page of one organisation (`org_id`): 404 unless a member, then 2FA."""

    @login_required
    @wraps(view)
    def wrapped(request: AuthedRequest, org_id: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not Membership.objects.filter(organisation_id=org_id, user=request.user).exists():
            raise Http404("No such organisation.")
        if not is_verified(request):
            return two_factor_redirect(request)
        return view(request, org_id, *args, **kwargs)

    return wrapped
