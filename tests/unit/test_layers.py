"""The architecture holds: no Qt below the UI, no SQL outside the store."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ROOT / "editor"
SQL_MODULES = ("sqlalchemy", "alembic", "sqlite3", "psycopg", "psycopg2")
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def offenders(folder: Path, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for name in imported_modules(path):
            if name.split(".")[0] in forbidden:
                found.append(f"{path.relative_to(folder)} imports {name}")
    return found


@pytest.mark.parametrize("layer", ["core", "store", "app", "commands"])
def test_no_qt_below_the_ui(layer: str) -> None:
    assert offenders(EDITOR / layer, QT_MODULES) == []


@pytest.mark.parametrize("layer", ["core", "app", "commands", "ui"])
def test_no_sql_outside_the_store(layer: str) -> None:
    assert offenders(EDITOR / layer, SQL_MODULES) == []


def test_cli_has_no_sql() -> None:
    cli = EDITOR / "cli"
    assert (cli / "__init__.py").exists()  # a package, one module per concern
    assert offenders(cli, SQL_MODULES) == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    # Guards the guard: a module importing Qt must be reported.
    (tmp_path / "bad.py").write_text("from PySide6.QtWidgets import QWidget\nimport sqlite3\n")
    (tmp_path / "good.py").write_text("import json\n")
    assert offenders(tmp_path, QT_MODULES) == ["bad.py imports PySide6.QtWidgets"]
    assert offenders(tmp_path, SQL_MODULES) == ["bad.py imports sqlite3"]


def test_import_linter_contracts_hold() -> None:
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.skip("import-linter is not installed (pip install -e .[test])")
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
