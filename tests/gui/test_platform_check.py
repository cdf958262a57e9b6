"""Before Qt's xcb plugin aborts: one line naming the missing library and its package."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from editor.ui import platform_check
from tests.xdisplay import x_environment, xvfb

# What `ldd libqxcb.so` prints on a Debian machine without libxcb-cursor0 and libxcb-icccm4.
LDD_OUTPUT = """\
\tlinux-vdso.so.1 (0x00007ffd6a5f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x1)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x2)
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x3)
"""


def test_ldd_output_names_each_missing_library_once():
    assert platform_check.missing_from_ldd(LDD_OUTPUT) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
    ]


def test_the_message_names_the_library_and_the_debian_package():
    line = platform_check.describe_missing(["libxcb-cursor.so.0"])
    assert line == (
        "Qt cannot open a window: libxcb-cursor.so.0 is missing "
        "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0)"
    )
    several = platform_check.describe_missing(platform_check.missing_from_ldd(LDD_OUTPUT))
    assert "are missing" in several
    assert several.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4)")
    assert "\n" not in several


def test_a_failed_dlopen_names_the_library():
    error = "libxcb-keysyms.so.1: cannot open shared object file: No such file or directory"
    assert platform_check.missing_from_dlopen_error(error) == ["libxcb-keysyms.so.1"]


def test_only_an_xcb_start_on_linux_with_a_display_is_checked():
    assert platform_check.wants_xcb({"DISPLAY": ":0"}, "linux")
    assert platform_check.wants_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not platform_check.wants_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not platform_check.wants_xcb({}, "linux")
    assert not platform_check.wants_xcb({"DISPLAY": ":0"}, "darwin")


def test_a_missing_library_stops_the_start_with_one_line(monkeypatch, capsys):
    from editor.ui import app

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setattr(platform_check, "xcb_plugin", lambda: Path("/venv/libqxcb.so"))
    monkeypatch.setattr(platform_check, "missing_libraries", lambda _p: ["libxcb-cursor.so.0"])

    assert app.run("unused.sqlite") == app.EXIT_CANNOT_OPEN
    err = capsys.readouterr().err.strip()
    assert err == (
        "Qt cannot open a window: libxcb-cursor.so.0 is missing "
        "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0)"
    )


def test_this_machines_plugin_is_found_and_every_need_of_it_is_known():
    plugin = platform_check.xcb_plugin()
    assert plugin is not None and plugin.is_file()
    if shutil.which("readelf") is None:
        pytest.skip("readelf (binutils) is not installed")
    needed = subprocess.run(
        ["readelf", "-d", str(plugin)], capture_output=True, text=True, check=False
    ).stdout
    system = [
        name
        for name in re.findall(r"\[(lib[^\]]+)\]", needed)
        if not name.startswith(("libQt6", "libstdc++", "libm.", "libgcc_s", "libc."))
    ]
    assert "libxcb-cursor.so.0" in system
    assert set(system) <= set(platform_check.DEBIAN_PACKAGES)


def test_the_window_opens_on_a_real_x_display(tmp_path):
    with xvfb() as display:
        done = subprocess.run(
            [sys.executable, "-m", "editor", "--db", str(tmp_path / "a.sqlite"), "--smoke"],
            env=x_environment(display, XDG_CONFIG_HOME=str(tmp_path / "config")),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert platform_check.check_display_libraries({"DISPLAY": display}) is None
    assert done.returncode == 0, done.stderr
    assert "could not load the Qt platform plugin" not in done.stderr


def test_readme_and_ci_install_every_package_the_window_needs():
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    packages = set(platform_check.DEBIAN_PACKAGES.values())
    assert {p for p in packages if p not in readme.split()} == set()
    assert {p for p in packages if p not in ci.split()} == set()
