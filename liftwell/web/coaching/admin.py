"""Staff views of sharing: organisations and grants to help people, the access log read-only."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from liftwell.web.coaching.models import AccessLog, Grant, Membership, Organisation


class MembershipInline(admin.TabularInline[Membership, Organisation]):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    list_display = ["name", "created_at"]
    search_fields = ["name"]
    inlines = [MembershipInline]


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin[Grant]):
    list_display = ["client", "coach", "scope", "status", "created_at", "ended_at"]
    list_filter = ["status", "scope"]
    search_fields = ["client__username", "coach__username"]
    raw_id_fields = ["client", "coach"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin[AccessLog]):
    list_display = ["at", "coach_name", "client", "what", "via"]
    search_fields = ["coach_name", "client__username"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: AccessLog | None = None) -> bool:
        return False
