"""The first paint waits for neither SQLAlchemy nor NumPy: the window's modules import neither."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_modules_load_without_the_database_layer() -> None:
    probe = (
        "import sys\n"
        "import editor.ui.app, editor.ui.main_window, editor.app.autosave\n"
        "print(sorted(m for m in ('sqlalchemy', 'alembic', 'numpy') if m in sys.modules))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
