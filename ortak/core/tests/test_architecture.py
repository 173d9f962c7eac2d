"""The layers stay in order: domain apps import nothing above them, permissions ask the
records for their states, and the project's own modules are imported plainly."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = ("core", "accounts", "registry", "events", "names", "search", "reference")
ABOVE = ("ortak.portal", "ortak.workspace", "ortak.api", "ortak.ingest")


def _sources(*apps: str) -> list[Path]:
    files = [p for app in apps for p in (ROOT / app).rglob("*.py")]
    return [p for p in files if "tests" not in p.parts and "migrations" not in p.parts]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("app", DOMAIN)
def test_domain_apps_do_not_import_the_layers_above_them(app):
    upward = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in _sources(app)
        for module in _imports(path)
        if module.startswith(ABOVE)
    }
    assert not upward


def test_no_import_of_the_projects_own_modules_is_guarded():
    guarded = []
    for path in _sources("."):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id == "ImportError" for h in node.handlers
            ):
                modules = {
                    m for stmt in node.body for m in _imports_of(stmt) if m.startswith("ortak")
                }
                if modules:
                    guarded.append(f"{path.relative_to(ROOT)}: {sorted(modules)}")
    assert not guarded


def _imports_of(statement: ast.stmt) -> set[str]:
    if isinstance(statement, ast.ImportFrom) and statement.module:
        return {statement.module}
    if isinstance(statement, ast.Import):
        return {alias.name for alias in statement.names}
    return set()


def test_permissions_ask_the_records_not_their_classes():
    source = (ROOT / "accounts" / "permissions.py").read_text(encoding="utf-8")
    assert "isinstance(record" not in source
    assert "ortak.registry" not in source and "ortak.events" not in source
