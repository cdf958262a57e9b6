"""The desktop entry, the AppStream metadata and the icon: valid, one id, installed by the
wheel; and the wheel, installed into a fresh venv, starts the window (offscreen)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from editor import __version__

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "org.newsdesk.Newsdesk"
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons" / "hicolor"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (sudo apt-get install {package})")
    return path


def test_the_desktop_entry_is_valid():
    done = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_appstream_metadata_is_valid():
    done = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not re.search(r"^[EW]: ", done.stdout, re.MULTILINE), done.stdout


def test_one_id_names_the_entry_the_metadata_the_icon_and_the_window():
    from editor.ui.app import DESKTOP_ID

    entry = DESKTOP.read_text(encoding="utf-8")
    assert DESKTOP_ID == APP_ID
    assert f"Icon={APP_ID}\n" in entry
    assert "Exec=newsdesk\n" in entry
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name


# Addresses nobody owns or that lead nowhere (documentation domains, this machine).
PLACEHOLDER = re.compile(r"(^|[./])(example\.(org|com|net)|invalid|localhost|test)([/:]|$)")


def test_every_address_in_the_metadata_is_real():
    """A software centre links its users to them: no placeholder may stand in for the
    project's homepage, issue tracker or screenshot (issue 10)."""
    root = ET.parse(METAINFO).getroot()
    addresses = [e.text or "" for e in root.iter() if e.tag in ("url", "image")]
    for address in addresses:
        assert address.startswith("https://"), address
        host = address.split("/")[2]
        assert not PLACEHOLDER.search(host), f"{address} is a placeholder"
    assert "example." not in METAINFO.read_text(encoding="utf-8")


def test_the_metadata_has_notes_for_this_release():
    root = ET.parse(METAINFO).getroot()
    newest = root.find("releases/release")
    assert newest is not None and newest.get("version") == __version__
    assert newest.find("description/ul/li") is not None


def test_the_icon_comes_as_svg_and_in_every_png_size():
    from PySide6.QtGui import QImage

    assert (ICONS / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in PNG_SIZES:
        image = QImage(str(ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)


def test_the_window_carries_the_icon_sizes(qapp):
    from editor.ui.icons import app_icon

    sizes = {s.width() for s in app_icon().availableSizes()}
    assert {16, 32, 48} <= sizes


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        pytest.skip(f"the wheel could not be built here: {done.stderr.strip()[-300:]}")
    return next(out.glob("newsdesk-*.whl"))


@pytest.mark.slow
def test_the_wheel_carries_the_desktop_files(wheel: Path):
    names = zipfile.ZipFile(wheel).namelist()
    data = f"newsdesk-{__version__}.data/data/share"
    assert f"{data}/applications/{APP_ID}.desktop" in names
    assert f"{data}/metainfo/{APP_ID}.metainfo.xml" in names
    assert f"{data}/icons/hicolor/48x48/apps/{APP_ID}.png" in names
    assert "editor/_data/resources/samples/articles.jsonl" in names


@pytest.mark.slow
def test_the_wheel_carries_the_compiled_german_translation(wheel: Path):
    """The .qm the window loads (not only its .ts source), byte for byte as committed."""
    archive = zipfile.ZipFile(wheel)
    shipped = archive.read("editor/_data/resources/translations/newsdesk_de.qm")
    assert shipped == (ROOT / "resources" / "translations" / "newsdesk_de.qm").read_bytes()


@pytest.mark.slow
def test_the_wheel_installed_in_a_fresh_venv_starts(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    # The dependencies come from this venv (offline and quick); its editable install of
    # Newsdesk does not: a path added by a .pth file has its own .pth files ignored.
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }

    def run(*command: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(command), capture_output=True, text=True, cwd=tmp_path, env=env,
            timeout=timeout, check=False,
        )  # fmt: skip

    where = run(
        str(python),
        "-c",
        "import editor, editor.core.resources as r; print(editor.__file__); print(r.data_root())",
    )
    assert where.returncode == 0, where.stderr
    lines = where.stdout.split()
    assert all(str(site) in line for line in lines), lines  # the wheel's copy, not the checkout
    newsdesk = str(venv / "bin" / "newsdesk")
    version = run(newsdesk, "--version", timeout=60)
    assert version.stdout.strip() == f"newsdesk {__version__}"
    archive = str(tmp_path / "news.sqlite")
    samples = run(newsdesk, "--create", "--db", archive, "samples")
    assert samples.returncode == 0, samples.stderr
    smoke = run(newsdesk, "--db", archive, "--smoke")
    assert smoke.returncode == 0, smoke.stderr
    assert (venv / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert (venv / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
