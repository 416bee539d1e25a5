"""The client's side of sharing at /sharing/: invite a coach, answer invitations, see and end access,
and read the log of every time a coach looked."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.coaching.access import access_log_for_client
from liftwell.web.coaching.forms import InviteCoachForm, ScopeForm
from liftwell.web.coaching.models import Grant
from liftwell.web.coaching.services import (
    SharingError,
    accept_invitation,
    change_scope,
    decline_invitation,
    end_grant,
    get_invitation_for_user,
    get_open_grant_for_client,
    grants_for_client,
    invitations_to_answer,
    invite_coach,
)

LOG_ON_PAGE = 20


@login_required
@require_GET
def sharing(request: AuthedRequest) -> HttpResponse:
    user = request.user
    grants = list(grants_for_client(user))
    context = {
        "form": InviteCoachForm(),
        "scope_form": ScopeForm(),
        "invitations": list(invitations_to_answer(user, as_coach=False)),
        "open_grants": [g for g in grants if g.status in (Grant.Status.ACTIVE, Grant.Status.PENDING)],
        "past_grants": [g for g in grants if g.status in (Grant.Status.REVOKED, Grant.Status.DECLINED)][:20],
        "log": access_log_for_client(user)[:LOG_ON_PAGE],
    }
    return render(request, "coaching/sharing.html", context)


@login_required
@require_GET
def sharing_log(request: AuthedRequest) -> HttpResponse:
    return render(request, "coaching/sharing_log.html", {"log": access_log_for_client(request.user)})


@login_required
@require_POST
def sharing_invite(request: AuthedRequest) -> HttpResponse:
    form = InviteCoachForm(request.POST)
    if form.is_valid():
        try:
            grant = invite_coach(
                client=request.user,
                identifier=form.cleaned_data["identifier"],
                scope=form.cleaned_data["scope"],
            )
        except SharingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Invited {grant.coach.username}; they see nothing until they accept.")
    else:
        messages.error(request, "Give a username or email and what to share.")
    return redirect("sharing")


@login_required
@require_POST
def sharing_accept(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_invitation_for_user(request.user, grant_id, as_coach=False)
    form = ScopeForm(request.POST)
    scope = form.cleaned_data["scope"] if form.is_valid() else grant.scope
    try:
        accept_invitation(grant=grant, scope=scope)
    except SharingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"{grant.coach.username} can now see your {grant.get_scope_display().lower()}."
        )
    return redirect("sharing")


@login_required
@require_POST
def sharing_decline(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_invitation_for_user(request.user, grant_id, as_coach=False)
    decline_invitation(grant=grant)
    messages.success(request, f"Declined {grant.coach.username}'s invitation.")
    return redirect("sharing")


@login_required
@require_POST
def sharing_revoke(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_open_grant_for_client(request.user, grant_id)
    end_grant(grant=grant)
    messages.success(request, f"{grant.coach.username} no longer has access, from now on.")
    return redirect("sharing")


@login_required
@require_POST
def sharing_scope(request: AuthedRequest, grant_id: int) -> HttpResponse:
    grant = get_open_grant_for_client(request.user, grant_id)
    form = ScopeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose training only, or training and health.")
        return redirect("sharing")
    grant = change_scope(grant=grant, scope=form.cleaned_data["scope"])
    messages.success(request, f"{grant.coach.username} now sees: {grant.get_scope_display().lower()}.")
    return redirect("sharing")
