"""Only the library's problem reports are in the admin: people's health entries are theirs alone."""

from django.contrib import admin

from liftwell.web.health.models import ArticleReport


@admin.register(ArticleReport)
class ArticleReportAdmin(admin.ModelAdmin[ArticleReport]):
    list_display = ("article_slug", "created_at", "resolved", "message")
    list_filter = ("resolved", "article_slug")
    readonly_fields = ("article_slug", "reporter", "message", "created_at")
