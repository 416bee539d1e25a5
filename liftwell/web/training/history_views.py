"""Workout history: the list, a calendar, one workout, and every set of one exercise."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def history(request: HttpRequest) -> HttpResponse:
    return render(request, "training/history.html")
