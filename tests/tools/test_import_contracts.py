"""The `app_views` import-linter contract (tools/import_contracts.py) on small hand-built graphs."""

from __future__ import annotations

import grimp
import pytest

from tools.import_contracts import AppViewsContract, app_of, is_views_module

# Two apps under a container, each with a views module, a display module and a second views module.
MODULES = [
    "site",
    "site.urls",
    "site.cli",
    "site.web",
    "site.web.urls",
    "site.web.training",
    "site.web.training.views",
    "site.web.training.history_views",
    "site.web.training.display",
    "site.web.training.reviews",
    "site.web.coaching",
    "site.web.coaching.views",
    "site.web.coaching.report",
]


def check(imports: list[tuple[str, str]], **options: object) -> tuple[bool, list[dict[str, object]]]:
    graph = grimp.ImportGraph()
    for module in MODULES:
        graph.add_module(module)
    for importer, imported in imports:
        graph.add_import(importer=importer, imported=imported, line_number=7, line_contents="import x")
    contract = AppViewsContract(
        name="app views",
        session_options={},
        contract_options={"container": "site.web", "allowed_importers": ["site.web.urls"], **options},
    )
    result = contract.check(graph, verbose=False)
    return result.kept, result.metadata["illegal"]


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("site.web.training.views", True),
        ("site.web.training.history_views", True),
        ("site.web.training.views.helpers", True),  # inside a views package
        ("site.web.training.reviews", False),  # ends in "views" but is not "views" nor "*_views"
        ("site.web.training.display", False),
    ],
)
def test_it_knows_a_views_module_by_name(module: str, expected: bool) -> None:
    assert is_views_module(module) is expected


@pytest.mark.parametrize(
    ("module", "expected"),
    [
        ("site.web.training.views", "site.web.training"),
        ("site.web.training", "site.web.training"),
        ("site.web", None),
        ("site.webhooks.views", None),  # shares the container's prefix but is not inside it
        ("site.cli", None),
    ],
)
def test_it_finds_the_app_of_a_module(module: str, expected: str | None) -> None:
    assert app_of(module, "site.web") == expected


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("site.web.training.display", "site.web.training.views"),  # inside its own app
        ("site.web.training.views", "site.web.training.history_views"),
        ("site.web.urls", "site.web.coaching.views"),  # the URLconf is allowed
        ("site.web.coaching.report", "site.web.training.display"),  # display code is meant to be shared
        ("site.web.coaching.report", "site.web.training.reviews"),  # not a views module
    ],
)
def test_it_keeps_imports_within_the_rule(importer: str, imported: str) -> None:
    assert check([(importer, imported)]) == (True, [])


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("site.web.coaching.report", "site.web.training.history_views"),
        ("site.web.coaching.views", "site.web.training.views"),
        ("site.web.training.display", "site.web.coaching.views"),
        ("site.cli", "site.web.training.views"),  # outside every app and not allowed
        ("site.urls", "site.web.training.views"),  # a URLconf, but not the allowed one
    ],
)
def test_it_breaks_on_another_apps_views(importer: str, imported: str) -> None:
    kept, illegal = check([(importer, imported)])
    assert not kept
    assert illegal == [{"importer": importer, "imported": imported, "lines": [7]}]


def test_it_skips_an_ignored_import_and_reports_the_rest() -> None:
    imports = [
        ("site.web.coaching.report", "site.web.training.history_views"),
        ("site.web.coaching.views", "site.web.training.views"),
    ]
    ignored = {"ignore_imports": ["site.web.coaching.report -> site.web.training.history_views"]}
    kept, illegal = check(imports, **ignored)
    assert not kept
    assert [item["importer"] for item in illegal] == ["site.web.coaching.views"]
