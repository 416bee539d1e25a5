"""Liftwell's own import-linter contract type, registered in .importlinter.

`app_views`: no app imports another app's views. A module named `views` or `*_views` under an app of
the container (liftwell.web.<app>) may be imported by modules of that app and by `allowed_importers`
(the project URLconf) only; display code that other apps need lives in the app's `display.py`
(STYLE.md, "One room per concern"). Views modules are found by name, so an app that is added, or a
views module that moves to another app, is covered without editing the configuration.
"""

from __future__ import annotations

from typing import Any, cast

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.application import contract_utils
from importlinter.application.contract_utils import AlertLevel
from importlinter.domain.imports import ImportExpression, Module


def is_views_module(module: str) -> bool:
    """True for `views` and `<something>_views` (the two names the apps give their view modules) and
    for anything inside a package of those names."""
    return any(part == "views" or part.endswith("_views") for part in module.split("."))


def app_of(module: str, container: str) -> str | None:
    """The app (container.<app>) that holds `module`, or None for a module outside every app."""
    prefix = container + "."
    if not module.startswith(prefix):
        return None
    return prefix + module[len(prefix) :].split(".", 1)[0]


def is_within(module: str, packages: list[str]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


class AppViewsContract(Contract):
    type_name = "app_views"

    container = fields.ModuleField()
    allowed_importers = fields.ListField(subfield=fields.ModuleField(), required=False)
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(AlertLevel, default=AlertLevel.ERROR)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        # The fields hold parsed values once the contract is built; the casts say which.
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=list(cast("set[ImportExpression] | None", self.ignore_imports) or ()),
            unmatched_alerting=cast(AlertLevel, self.unmatched_ignore_imports_alerting),
        )
        container = cast(Module, self.container).name
        allowed = [module.name for module in cast("list[Module] | None", self.allowed_importers) or []]
        illegal: list[dict[str, Any]] = []
        for imported in sorted(graph.find_descendants(container)):
            if not is_views_module(imported):
                continue
            owner = app_of(imported, container)
            for importer in sorted(graph.find_modules_that_directly_import(imported)):
                if app_of(importer, container) == owner or is_within(importer, allowed):
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = sorted({detail["line_number"] for detail in details})
                illegal.append({"importer": importer, "imported": imported, "lines": lines})
        output.verbose_print(verbose, f"Found {len(illegal)} imports of another app's views.")
        return ContractCheck(
            kept=not illegal,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"illegal": illegal},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        for item in check.metadata["illegal"]:
            lines = ", ".join(f"l.{line}" for line in item["lines"])
            output.print_error(f"- {item['importer']} -> {item['imported']} ({lines})")
        output.new_line()
        output.print_error("Move what the other app needs into the owning app's display.py or services.py.")
