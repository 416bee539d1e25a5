from django.contrib import admin

from liftwell.web.exercises.models import Exercise


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin[Exercise]):
    list_display = ("name", "equipment", "pattern", "source", "owner")
    list_filter = ("source", "equipment", "pattern")
    search_fields = ("name", "search_text")
