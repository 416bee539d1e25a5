from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from liftwell.web.accounts.models import ApiToken, User


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        ("Profile", {"fields": ("display_name", "unit", "time_zone", "birth_year", "sex", "height_cm")}),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at")
    readonly_fields = ("prefix", "token_hash", "created_at", "last_used_at")
