"""The logging screen's pages: the start page and the shell the client-side module renders into."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def log_start(request: HttpRequest) -> HttpResponse:
    return render(request, "training/log_start.html")
