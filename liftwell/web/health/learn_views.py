"""/learn/: the health library, open to everyone (general information, not medical advice)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from liftwell.web.accounts.requests import AuthedRequest
from liftwell.web.health.articles import OVERVIEW, get_article, search_articles
from liftwell.web.health.services import report_article_problem


class ReportForm(forms.Form):
    message = forms.CharField(
        label="What is wrong or unclear on this page?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@require_GET
def learn_index(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    return render(request, "health/learn_index.html", {"articles": search_articles(query), "query": query})


@require_GET
def learn_article(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_article(slug)
    if article is None:
        raise Http404("No such article.")
    overview = get_article(OVERVIEW) if slug != OVERVIEW else None
    context = {"article": article, "overview": overview, "report_form": ReportForm()}
    return render(request, "health/learn_article.html", context)


@login_required
@require_POST
def learn_report(request: AuthedRequest, slug: str) -> HttpResponse:
    article = get_article(slug)
    if article is None:
        raise Http404("No such article.")
    form = ReportForm(request.POST)
    if not form.is_valid():
        overview = get_article(OVERVIEW) if slug != OVERVIEW else None
        context = {"article": article, "overview": overview, "report_form": form}
        return render(request, "health/learn_article.html", context, status=422)
    user = request.user
    report_article_problem(user=user, article_slug=slug, message=form.cleaned_data["message"])
    messages.success(request, "Thank you: your report has reached the people who run this site.")
    return redirect("learn-article", slug=slug)
