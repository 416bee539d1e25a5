"""The warning signs page: the ACSM stop signs, the stroke signs and ACOG Committee Opinion 804 (2020) signs
for pregnancy, with their sources; public, kept offline by the service worker, and self-contained (every
file it loads is one the worker precaches)."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

URL = "/health/warning-signs/"


def page(client: Client) -> str:
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def section(html: str, anchor: str) -> str:
    return html.split(f'id="{anchor}"', 1)[1].split("<h2", 1)[0]


@pytest.mark.parametrize(
    ("anchor", "signs"),
    [
        # ACOG Committee Opinion 804 (Obstet Gynecol 2020;135:e178-88), warning signs to stop exercising.
        (
            "pregnancy",
            [
                "Bleeding from the vagina",
                "Regular, painful contractions",
                "Fluid leaking from the vagina",
                "Pain or swelling in a calf",
                "Breathlessness before you start exercising",
                "Dizziness, a headache or chest pain",
                "Muscle weakness that affects your balance",
            ],
        ),
        # Sudden-onset stroke signs (American Stroke Association BE FAST; NHS).
        (
            "stroke",
            [
                "A sudden, severe headache",
                "weakness or numbness of the face, an arm or a leg, especially on one side",
                "Sudden trouble speaking",
                "A sudden change in vision",
            ],
        ),
    ],
)
def test_each_group_of_signs_is_listed(client: Client, anchor: str, signs: list[str]) -> None:
    part = section(page(client), anchor)
    for sign in signs:
        assert sign in part, sign


def test_the_sources_are_cited(client: Client) -> None:
    sources = section(page(client), "sources")
    assert "Committee Opinion No. 804" in sources and "2020;135:e178-88" in sources
    assert "American Stroke Association" in sources
    assert "Diabetes Care</i> 2016;39:2065-79" in sources


def test_the_page_never_says_you_have_a_condition(client: Client) -> None:
    assert not re.search(r"\byou have\b", page(client), re.IGNORECASE)


def test_the_page_is_kept_offline_and_loads_only_precached_files(client: Client) -> None:
    config = json.loads(client.get("/sw.js").content.decode().split("\n", 1)[0][len("const CONFIG = ") : -1])
    assert URL in config["pages"]
    html = page(client)
    loaded = re.findall(r'<(?:link|script|img)\b[^>]*\b(?:href|src)="([^"]+)"', html)
    static = [url for url in loaded if url.startswith(config["staticPrefix"])]
    assert static, "the page should use the site's own styles"
    assert set(static) <= set(config["assets"]), set(static) - set(config["assets"])
    # Nothing from another site, and nothing else from this one but the worker and the manifest.
    others = [url for url in loaded if not url.startswith(config["staticPrefix"])]
    assert all(url.startswith("/") and not url.startswith("//") for url in others), others
