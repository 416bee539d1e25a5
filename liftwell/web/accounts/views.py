"""Sign-up, profile, API tokens and account deletion. Log-in and passwords use Django's own views."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from liftwell.web.accounts.forms import (
    TIME_ZONE_LIST_ID,
    DeleteAccountForm,
    ProfileForm,
    SignupForm,
    TokenForm,
    suggested_time_zones,
)
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.accounts.services import (
    create_account,
    delete_account,
    get_token_for_user,
    tokens_for_user,
    update_profile,
)
from liftwell.web.accounts.tokens import create_token, revoke_token

# django-axes' backend only throttles; a fresh account is logged in with the ordinary one.
LOGIN_BACKEND = "django.contrib.auth.backends.ModelBackend"


def _time_zone_context() -> dict[str, object]:
    return {"time_zones": suggested_time_zones(), "time_zone_list_id": TIME_ZONE_LIST_ID}


def signup(request: HttpRequest) -> HttpResponse:
    if not settings.ALLOW_SIGNUP:
        raise Http404("Sign-up is closed on this server.")
    if request.user.is_authenticated:
        # Signing up here would silently switch accounts; say so instead.
        return render(request, "accounts/signup.html", {"already_signed_in": True})
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = create_account(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            time_zone=data["time_zone"],
            unit=data["unit"],
        )
        login(request, user, backend=LOGIN_BACKEND)
        messages.success(request, f"Welcome to {settings.SITE_NAME}, {user.username}.")
        return redirect("home")
    return render(request, "accounts/signup.html", {"form": form, **_time_zone_context()})


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        update_profile(
            user=user,
            display_name=data["display_name"].strip(),
            email=data["email"],
            unit=data["unit"],
            time_zone=data["time_zone"],
            birth_year=data["birth_year"],
            sex=data["sex"],
            height_cm=data["height_cm"],
        )
        messages.success(request, "Your profile is saved.")
        return redirect("profile")
    return render(request, "accounts/profile.html", {"form": form, **_time_zone_context()})


@login_required
def tokens(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        row, token = create_token(user=user, name=form.cleaned_data["name"].strip())
        # Rendered straight from the POST, never redirected: the token text exists only in this response.
        response = render(request, "accounts/token_created.html", {"row": row, "token": token})
        add_never_cache_headers(response)
        return response
    return render(request, "accounts/tokens.html", {"form": form, "tokens": tokens_for_user(user)})


@login_required
@require_POST
def token_revoke(request: AuthedRequest, token_id: int) -> HttpResponse:
    user = request.user
    row = get_token_for_user(user, token_id)
    revoke_token(user=user, token_id=row.pk)
    messages.success(request, f"Revoked “{row.name}”; programs using it can no longer sign in.")
    return redirect("tokens")


@login_required
def account_delete(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        username = user.username
        delete_account(user=user)
        logout(request)
        messages.success(request, f"The account {username} and everything it held are deleted.")
        return redirect("login")
    return render(request, "accounts/delete.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, with the site's own name in the email rather than its host name."""

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        self.extra_email_context = {"site_name": settings.SITE_NAME}
        return super().form_valid(form)
