"""Before Qt opens a window on X11: name the system library its xcb plugin lacks.

When a library of Qt's xcb platform plugin is missing, Qt prints a paragraph
that names the wrong package and aborts the process (SIGABRT, a core dump).
A newcomer on a fresh Debian machine meets this first.  So before the
QApplication exists, when Qt is going to use xcb, the plugin's libraries are
resolved (``ldd`` tells which are "not found"; without ``ldd``, loading the
plugin with ``ctypes`` names the first one) and a one-line message names the
library and the Debian/Ubuntu package to install.

This module imports no Qt: it only finds PySide6's folder.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

# The Debian/Ubuntu package of each library Qt's xcb plugin (and libQt6XcbQpa)
# needs; from `readelf -d` on PySide6 6.x's plugins/platforms/libqxcb.so.
DEBIAN_PACKAGES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_DLOPEN_ERROR = re.compile(r"(\S+\.so(?:\.\d+)*): cannot open shared object file")


def wants_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will try its xcb plugin: Linux, an X display, no other platform chosen."""
    if not platform.startswith("linux") or not env.get("DISPLAY"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    # "xcb", "xcb;offscreen", "" all start with xcb (or let Qt pick it on X11);
    # "wayland" on a Wayland session with DISPLAY set (XWayland) is not ours to check.
    return chosen == "" or chosen.split(";")[0].startswith("xcb")


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, without importing Qt; None when not found."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def missing_from_ldd(output: str) -> list[str]:
    """The libraries ``ldd`` reports as "not found", in order, each once."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def missing_from_dlopen_error(message: str) -> list[str]:
    """The library a failed ``dlopen`` names ("libfoo.so.0: cannot open shared object …")."""
    return list(dict.fromkeys(_DLOPEN_ERROR.findall(message)))


def missing_libraries(plugin: Path) -> list[str]:
    """The libraries ``plugin`` needs that the system lacks (empty when it would load)."""
    ldd = shutil.which("ldd")
    if ldd is not None:
        try:
            done = subprocess.run(
                [ldd, str(plugin)], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.SubprocessError):
            pass
        else:
            return missing_from_ldd(done.stdout + done.stderr)
    import ctypes

    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return missing_from_dlopen_error(str(exc))
    return []


def describe_missing(libraries: list[str]) -> str:
    """One line that names the missing libraries and the packages to install."""
    known = [DEBIAN_PACKAGES[lib] for lib in libraries if lib in DEBIAN_PACKAGES]
    packages = list(dict.fromkeys(known))
    verb = "is" if len(libraries) == 1 else "are"
    line = f"Qt cannot open a window: {', '.join(libraries)} {verb} missing"
    if packages:
        line += f" (Debian/Ubuntu: sudo apt-get install {' '.join(packages)})"
    return line


def check_display_libraries(env: Mapping[str, str] | None = None) -> str | None:
    """The one-line message when Qt's window cannot open for a missing library, else None."""
    env = os.environ if env is None else env
    if not wants_xcb(env):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None  # a PySide6 without the plugin: Qt's own message is all we have
    missing = missing_libraries(plugin)
    return describe_missing(missing) if missing else None
