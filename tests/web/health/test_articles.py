"""The health library: every article parses, cites sources, renders safely, and is browsable."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from liftwell.web.health.articles import all_articles, parse_article, search_articles
from liftwell.web.health.dashboard import AREAS
from liftwell.web.health.kinds import KINDS


def test_every_article_has_a_title_summary_and_sources() -> None:
    articles = all_articles()
    assert next(iter(articles)) == "why-resistance-training"
    assert len(articles) >= 13
    for article in articles.values():
        assert article.title and article.summary, article.slug
        assert "## Sources" in article.markdown, article.slug


def test_every_area_and_kind_links_to_an_article() -> None:
    slugs = set(all_articles())
    assert {area.article for area in AREAS} <= slugs
    assert {kind.article for kind in KINDS.values()} <= slugs


def test_internal_links_point_at_real_articles() -> None:
    slugs = set(all_articles())
    for article in all_articles().values():
        for target in re.findall(r"\]\(/learn/([a-z0-9-]+)/\)", article.markdown):
            assert target in slugs, (article.slug, target)


def test_muscle_energy_follows_the_evidence() -> None:
    text = all_articles()["body-composition"].markdown
    assert "13 kcal per kg per" in text
    for article in all_articles().values():
        for match in re.finditer(r"50-100", article.markdown):
            context = article.markdown[max(0, match.start() - 200) : match.end() + 200]
            assert "13 kcal" in context or "not the" in context or "otherwise" in context, article.slug


def test_raw_html_and_script_links_are_not_rendered() -> None:
    article = parse_article(
        "evil", "title: Evil\nsummary: x\n---\n<script>alert(1)</script>\n\n[click](javascript:alert(1))\n"
    )
    html = article.html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_search_finds_words_anywhere() -> None:
    assert [a.slug for a in search_articles("LIFTMOR")] == ["bone-density"]
    assert search_articles("") == list(all_articles().values())
    assert search_articles("zzzz-no-such-word") == []


@pytest.mark.django_db
def test_the_library_is_browsable_with_breadcrumbs() -> None:
    client = Client()
    index = client.get("/learn/?q=tendon").content.decode()
    assert "Connective tissue" in index
    page = client.get("/learn/bone-density/").content.decode()
    assert 'aria-label="Breadcrumb"' in page
    assert ">Home</a>" in page and ">Health</a>" in page and ">Why resistance training?</a>" in page
    assert "<h2>Sources</h2>" in page
    assert "General information, not medical advice." in page
    assert client.get("/learn/no-such-page/").status_code == 404


def test_a_reader_reports_a_problem(owner_client: Client, owner: object) -> None:
    from liftwell.web.health.models import ArticleReport

    page = owner_client.get("/learn/bone-density/").content.decode()
    assert "Report a problem with this page" in page
    response = owner_client.post("/learn/bone-density/report/", {"message": "The T-score bands are unclear."})
    assert response.status_code == 302
    report = ArticleReport.objects.get()
    assert (report.article_slug, report.reporter, report.message) == (
        "bone-density",
        owner,
        "The T-score bands are unclear.",
    )
    assert owner_client.post("/learn/bone-density/report/", {"message": ""}).status_code == 422
    assert owner_client.post("/learn/nope/report/", {"message": "x"}).status_code == 404


@pytest.mark.django_db
def test_anonymous_readers_are_asked_to_log_in_to_report() -> None:
    page = Client().get("/learn/bone-density/").content.decode()
    assert "to report a mistake" in page
