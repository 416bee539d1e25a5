"""The health library as a health website: sources last, cited claims, a print layout, and reports that
reach the people who run the site (in the admin, and by mail to staff with an address)."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from django.core import mail
from django.test import Client

import liftwell
from liftwell.web.accounts.models import User
from liftwell.web.health.articles import all_articles
from tests.conftest import make_user

CITED = re.compile(r"\(([A-Z][A-Za-z-]+)(?: et al\.)? (\d{4})\)")


def test_sources_close_every_article_and_cover_its_cited_claims() -> None:
    for article in all_articles().values():
        body, _, sources = article.markdown.partition("## Sources")
        assert sources and "\n## " not in sources, f"{article.slug}: Sources must be the last section"
        assert re.search(r"^1\. ", sources, re.MULTILINE), article.slug
        for author, year in CITED.findall(body):
            assert re.search(rf"{author}\b.*\b{year}\b", sources), (article.slug, author, year)


def test_the_muscle_calorie_figure_is_given_kindly_with_its_sources() -> None:
    text = all_articles()["body-composition"].markdown
    paragraph = next(p for p in text.split("\n\n") if "50-100" in p)
    assert "13 kcal per kg per day" in paragraph and "(Elia 1992)" in paragraph
    assert "12.6 kcal" in paragraph and "(Wang et al. 2010)" in paragraph
    assert not re.search(r"\b(myth|wrong|false|lie)\b", paragraph, re.IGNORECASE)
    overview = all_articles()["why-resistance-training"].markdown
    assert "13 kcal a day at rest (Elia 1992)" in overview


def _print_blocks(css: str) -> list[str]:
    """The bodies of the `@media print { ... }` blocks, braces matched."""
    blocks = []
    for start in (m.end() for m in re.finditer(r"@media print\s*\{", css)):
        depth, end = 1, start
        while depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        blocks.append(css[start : end - 1])
    return blocks


def test_article_pages_have_a_print_layout(client: Client, db: None) -> None:
    page = client.get("/learn/bone-density/").content.decode()
    assert "liftwell/health" in page and ".css" in page
    css = (Path(liftwell.__file__).parent / "web/static/liftwell/health.css").read_text()
    printed = " ".join(_print_blocks(css))
    for hidden in (".topbar", ".breadcrumbs", ".learn-search", ".report"):
        assert hidden in printed, hidden


def test_a_report_reaches_the_admin_and_staff_mail(
    owner_client: Client,
    owner: User,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> None:
    admin = make_user("ada", is_staff=True, is_superuser=True)
    make_user("nobody")  # not staff: gets no mail
    quiet = make_user("quiet", is_staff=True)  # staff without an address: skipped
    User.objects.filter(pk=quiet.pk).update(email="")
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post("/learn/blood-lipids/report/", {"message": "HDL row is missing."})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["ada@example.org"]
    assert "/learn/blood-lipids/" in sent.subject and "HDL row is missing." in sent.body

    staff = Client()
    staff.force_login(admin)
    listing = staff.get("/admin/health/articlereport/")
    assert listing.status_code == 200 and "HDL row is missing." in listing.content.decode()
    assert owner_client.get("/admin/health/articlereport/").status_code == 302  # not staff: to login
