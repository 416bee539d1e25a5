"""Two-factor pages under /accounts/two-factor/: status, enrol (QR code), enter a code, new recovery
codes, turn off. Changing anything needs a session verified with a code."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liftwell.web.accounts import twofactor
from liftwell.web.accounts.forms import CodeForm
from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.accounts.twofactor_middleware import remember_two_factor


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
@require_GET
def two_factor(request: AuthedRequest) -> HttpResponse:
    user = request.user
    context = {
        "enabled": twofactor.has_two_factor(user),
        "verified": twofactor.is_verified(request),
        "codes_left": twofactor.recovery_codes_left(user),
    }
    return render(request, "accounts/two_factor.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if twofactor.has_two_factor(user) and not twofactor.is_verified(request):
        return redirect("two-factor-verify")
    device = twofactor.pending_totp(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_totp(request=request, user=user, code=form.cleaned_data["code"])
        if codes is not None:
            remember_two_factor(request, user, required=True)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", "That code did not match. Check the time on your phone and try the next one.")
    context = {
        "form": form,
        "qr": twofactor.qr_data_uri(device),
        "secret": twofactor.secret_text(device),
        "next": _next(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: AuthedRequest) -> HttpResponse:
    user = request.user
    if not twofactor.has_two_factor(user):
        remember_two_factor(request, user, required=False)  # turned off in another session
        return redirect("two-factor-setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify_code(request=request, user=user, code=form.cleaned_data["code"]):
            return redirect(_next(request) or "home")
        if twofactor.must_wait(user):
            form.add_error("code", "That code did not match. After a wrong code, wait a few seconds.")
        else:
            form.add_error("code", "That code did not match.")
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})


def _needs_verified(request: HttpRequest) -> HttpResponse | None:
    if not twofactor.is_verified(request):
        messages.error(request, "Enter a code first.")
        return redirect("two-factor-verify")
    return None


@login_required
@require_POST
def two_factor_recovery(request: AuthedRequest) -> HttpResponse:
    refused = _needs_verified(request)
    if refused:
        return refused
    codes = twofactor.new_recovery_codes(request.user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": ""})


@login_required
@require_POST
def two_factor_disable(request: AuthedRequest) -> HttpResponse:
    refused = _needs_verified(request)
    if refused:
        return refused
    twofactor.turn_off(user=request.user)
    remember_two_factor(request, request.user, required=False)
    messages.success(request, "Two-factor sign-in is off. Coach pages need it on again.")
    return redirect("two-factor")
