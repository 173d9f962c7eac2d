"""docs/errors.md stays true: every code Ortak raises is in it, once, where it is raised,
and it lists no code that Ortak no longer uses."""

from __future__ import annotations

import ast
import re
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CATALOG = ROOT / "docs" / "errors.md"
# A code is a string of its own ("E104": a `code=`, a class's `code`, a key of the
# workspace's messages) or follows `ortak.` in a message. Comments (ruff's `noqa: E731`)
# and docstrings only mention codes, so the syntax tree's other strings are read.
_ALONE = re.compile(r"E\d{3}")
_IN_TEXT = re.compile(r"\bortak\.(E\d{3})\b")
# A catalog row starts with its code: | `E104` | ... | `ortak.ingest.extract.reader` |
_ROW = re.compile(r"^\|\s*`(E\d{3})`\s*\|(.*)\|\s*$", re.MULTILINE)
_MODULE = re.compile(r"`(ortak(?:\.[a-z_]\w*)+)`")


def _sources() -> list[Path]:
    files = sorted((ROOT / "ortak").rglob("*.py"))
    return [p for p in files if "tests" not in p.parts and "migrations" not in p.parts]


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _strings(tree: ast.Module) -> list[str]:
    """The module's string constants, its docstrings left out."""
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def codes_in(source: str) -> set[str]:
    """The error codes a module's code uses (not its comments nor its docstrings)."""
    found = set()
    for text in _strings(ast.parse(source)):
        if _ALONE.fullmatch(text):
            found.add(text)
        found.update(_IN_TEXT.findall(text))
    return found


@cache
def used_codes() -> dict[str, set[str]]:
    """Each code used in ortak/ (tests and migrations aside) and the modules using it."""
    used: dict[str, set[str]] = {}
    for path in _sources():
        for code in codes_in(path.read_text(encoding="utf-8")):
            used.setdefault(code, set()).add(_module(path))
    return used


def catalog_rows() -> list[tuple[str, str]]:
    """(code, rest of the row) for each row of the catalog's tables."""
    return _ROW.findall(CATALOG.read_text(encoding="utf-8"))


def test_the_scan_finds_codes_in_raises_and_messages_but_not_in_comments_or_docstrings():
    source = '''
"""Raises ortak.E998."""
# noqa: E731
require(allowed, "E301")
raise InputError("empty", code="E101")
raise CommandError(f"ortak.E106: cannot read {path}")
'''
    assert codes_in(source) == {"E301", "E101", "E106"}


def test_every_code_used_is_in_the_catalog():
    missing = sorted(set(used_codes()) - {code for code, _ in catalog_rows()})
    assert not missing, f"add these codes to docs/errors.md: {missing}"


def test_the_catalog_lists_no_code_ortak_no_longer_uses():
    unused = sorted({code for code, _ in catalog_rows()} - set(used_codes()))
    assert not unused, f"docs/errors.md lists codes nothing uses: {unused}"


def test_the_catalog_lists_each_code_once():
    twice = sorted(code for code, n in Counter(c for c, _ in catalog_rows()).items() if n > 1)
    assert not twice, f"docs/errors.md lists these codes more than once: {twice}"


def test_the_catalog_names_modules_that_use_the_code():
    wrong = [
        f"{code}: {module}"
        for code, rest in catalog_rows()
        for module in _MODULE.findall(rest)
        if module not in used_codes().get(code, set())
    ]
    rows_without_module = [code for code, rest in catalog_rows() if not _MODULE.search(rest)]
    assert not wrong, f"docs/errors.md names modules that do not use the code: {wrong}"
    assert not rows_without_module, f"name where these are raised: {rows_without_module}"
