"""The folder tree tells the architecture, and imports keep to it: handlers -> bot -> storage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SLACK_LIBRARIES = ("slack_sdk", "slack_bolt")
# package -> module prefixes it must never import
FORBIDDEN = {
    "storage": ("bot", "handlers", *SLACK_LIBRARIES),
    "bot": ("handlers",),
    "bot.intelligence": ("bot.ingest", "bot.lookup", "bot.digest", "bot.slack", *SLACK_LIBRARIES),
    "bot.lookup": ("bot.ingest", "bot.digest", "bot.slack", *SLACK_LIBRARIES),
    "bot.ingest": ("bot.lookup", "bot.digest", "bot.slack", *SLACK_LIBRARIES),
    "bot.digest": ("bot.slack", *SLACK_LIBRARIES),
}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def module_files(package: str) -> list[Path]:
    return sorted((ROOT / package.replace(".", "/")).rglob("*.py"))


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependencies_run_one_way(package: str) -> None:
    wrong = []
    for path in module_files(package):
        for name in imports_of(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[package]):
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def test_every_package_says_what_it_owns_and_may_import() -> None:
    for package in ("bot/ingest", "bot/intelligence", "bot/lookup", "bot/digest", "bot/slack"):
        doc = ast.get_docstring(ast.parse((ROOT / package / "__init__.py").read_text()))
        assert doc and "May import" in doc, package
