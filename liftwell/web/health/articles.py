"""The health library: Markdown articles shipped in liftwell/data/articles/, rendered safely.

Each file starts with `title:` and `summary:` lines and a `---` line, then Markdown. Raw HTML in the
Markdown is not passed through (markdown-it-py with `html` off escapes it) and markdown-it refuses
javascript:, vbscript: and data: links, so an article cannot inject script.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from markdown_it import MarkdownIt

OVERVIEW = "why-resistance-training"


@dataclass(frozen=True)
class Article:
    slug: str
    title: str
    summary: str
    markdown: str

    @property
    def html(self) -> str:
        html: str = _renderer().render(self.markdown)
        return html


@cache
def _renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def parse_article(slug: str, text: str) -> Article:
    head, sep, body = text.partition("\n---\n")
    if not sep:
        raise ValueError(f"{slug}: the article needs a '---' line after its title and summary")
    fields = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    return Article(slug, fields["title"].strip(), fields.get("summary", "").strip(), body.strip() + "\n")


@cache
def all_articles() -> dict[str, Article]:
    folder = resources.files("liftwell.data") / "articles"
    found = {}
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.name.endswith(".md"):
            slug = item.name.removesuffix(".md")
            found[slug] = parse_article(slug, item.read_text(encoding="utf-8"))
    # The overview comes first, then the benefit areas alphabetically.
    ordered = {OVERVIEW: found.pop(OVERVIEW)} if OVERVIEW in found else {}
    return {**ordered, **found}


def get_article(slug: str) -> Article | None:
    return all_articles().get(slug)


def search_articles(query: str) -> list[Article]:
    words = [word for word in query.lower().split() if word]
    articles = list(all_articles().values())
    if not words:
        return articles
    return [
        article
        for article in articles
        if all(word in f"{article.title} {article.summary} {article.markdown}".lower() for word in words)
    ]
