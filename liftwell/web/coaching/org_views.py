"""Organisation pages under /coach/organisations/: create one, see its members, and (admins) add or
remove members. Membership shows no client data to anyone."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.coaching.decorators import coach_area, organisation_page
from liftwell.web.coaching.forms import MemberForm, OrganisationForm
from liftwell.web.coaching.models import Membership
from liftwell.web.coaching.orgs import (
    add_member,
    create_organisation,
    get_membership_for_user,
    members_of,
    organisations_for,
    remove_member,
)
from liftwell.web.coaching.services import SharingError


@coach_area
@require_http_methods(["GET", "POST"])
def organisations(request: AuthedRequest) -> HttpResponse:
    user = request.user
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = create_organisation(user=user, name=form.cleaned_data["name"])
        except SharingError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, f"Created {organisation.name}; you are its admin.")
            return redirect("coach-org", org_id=organisation.pk)
    return render(
        request, "coaching/organisations.html", {"form": form, "memberships": organisations_for(user)}
    )


@organisation_page
@require_GET
def organisation(request: AuthedRequest, org_id: int) -> HttpResponse:
    membership = get_membership_for_user(request.user, org_id)
    context = {
        "membership": membership,
        "organisation": membership.organisation,
        "members": members_of(membership.organisation),
        "is_admin": membership.role == Membership.Role.ADMIN,
        "form": MemberForm(),
    }
    return render(request, "coaching/organisation.html", context)


@organisation_page
@require_POST
def organisation_add(request: AuthedRequest, org_id: int) -> HttpResponse:
    membership = get_membership_for_user(request.user, org_id)
    form = MemberForm(request.POST)
    if form.is_valid():
        try:
            added = add_member(
                admin=membership, identifier=form.cleaned_data["identifier"], role=form.cleaned_data["role"]
            )
        except SharingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"{added.user.username} is a member ({added.get_role_display().lower()})."
            )
    else:
        messages.error(request, "Give a username or email and a role.")
    return redirect("coach-org", org_id=org_id)


@organisation_page
@require_POST
def organisation_remove(request: AuthedRequest, org_id: int, membership_id: int) -> HttpResponse:
    membership = get_membership_for_user(request.user, org_id)
    try:
        remove_member(by=membership, membership_id=membership_id)
    except SharingError as error:
        messages.error(request, str(error))
        return redirect("coach-org", org_id=org_id)
    messages.success(request, "Membership removed.")
    if membership.pk == membership_id:
        return redirect("coach-orgs")
    return redirect("coach-org", org_id=org_id)
