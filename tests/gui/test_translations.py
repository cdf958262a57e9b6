"""The interface in German: the translation source is complete and current, the window
speaks German under a German locale, and the settings can choose English instead.

After adding or changing interface strings, `python scripts/update_translations.py`
re-extracts them (keeping the translations) and rebuilds the .qm; the new ones then
show up here as unfinished until they are translated in newsdesk_de.ts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "newsdesk_de.ts"
QM = TS.with_suffix(".qm")
WALKER = Path(__file__).with_name("i18n_walk.py")
PLACEHOLDER = re.compile(r"\{\w*\}")
# Shown in English on purpose: the interface languages by their own names, so that
# whoever cannot read the current language finds theirs.
ENGLISH_ON_PURPOSE = {("QComboBox#interface_language", "English")}


def messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in newsdesk_de.ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


def plain(text: str) -> str:
    """A text as compared: accelerator marks and the ellipsis off, spaces collapsed."""
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip("…").strip()


def translated_sources() -> set[str]:
    """The English texts that have a German translation different from them, and are not
    German themselves ("Status" is the German of "Status", though the history says
    "Statuswechsel" for it)."""
    german = {plain(translation.text or "") for _context, _source, translation in messages()}
    return {
        plain(source)
        for _context, source, translation in messages()
        if plain(translation.text or "") != plain(source)
    } - german


def _variants(text: str) -> set[str]:
    """``text`` and what it is made of: the part before a tab (a menu's shortcut), before
    a count or a shortcut in brackets ("Drafts (3)", "Quit (Ctrl+Q)"), after a "→ " or a
    category ("Edit: Undo"), and each line."""
    found = {plain(text)}
    for line in text.splitlines():
        line = plain(line.split("\t")[0])
        found.add(line)
        found.add(re.sub(r"\s*\([^()]*\)$", "", line))
        found.add(line.removeprefix("→ "))
        found.update(part.strip() for part in line.split(": ", 1))
    return {f for f in found if f}


def walk(tmp_path: Path, *, lang: str, choice: str | None, mode: str) -> dict:
    """Run tests/gui/i18n_walk.py in a fresh process under locale ``lang``."""
    settings = QSettings(str(tmp_path / "newsdesk.ini"), QSettings.Format.IniFormat)
    if choice is not None:
        settings.setValue("person/interface_language", choice)
    settings.sync()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANGUAGE"))}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(WALKER), mode, str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


# ---------------------------------------------------------------- the .ts and .qm


def test_every_message_of_the_german_source_is_translated():
    problems = []
    for context, source, translation in messages():
        kind = translation.get("type")
        text = translation.text or ""
        if kind in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is {kind or 'empty'}")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} changes the {{placeholders}}")
        elif ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            problems.append(f"{context}: {source!r} -> {text!r} loses or adds the & key")
    assert len(messages()) > 300  # the whole interface, not a handful
    assert not problems, "newsdesk_de.ts needs work:\n" + "\n".join(problems)


def test_the_sources_and_the_qm_are_current_with_the_code():
    """lupdate over editor/ui (and the command titles) changes nothing in newsdesk_de.ts,
    and lrelease makes the committed .qm: no string was added, changed or dropped
    without `scripts/update_translations.py`."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, (
        "run `python scripts/update_translations.py`, translate what it adds, commit the "
        f".ts and .qm:\n{done.stdout}{done.stderr}"
    )


# ---------------------------------------------------------------- the window


@pytest.mark.slow
def test_under_a_german_locale_everything_the_window_shows_is_german(tmp_path):
    report = walk(tmp_path, lang="de_DE.UTF-8", choice=None, mode="walk")
    assert report["language"] == "de"
    texts: list[tuple[str, str]] = [tuple(pair) for pair in report["texts"]]
    english = translated_sources()
    untranslated = sorted(
        {
            (where, text)
            for where, text in texts
            if _variants(text) & english and (where.split(".")[0], text) not in ENGLISH_ON_PURPOSE
        }
    )
    shown = {text for _where, text in texts}
    # The walk saw the window, its menus, panels and each dialog: the entity tags panel,
    # the list filtered by an entity, Tag Selection as…, the entity manager, Translate
    # to… and the side-by-side translation view too.
    for german in (
        "&Datei",
        "Einstellungen",
        "Veröffentlichen",
        "Über Newsdesk",
        "Verlauf",
        "Schlagwortvorschläge",
        "Artikel mit dem Schlagwort „Halbleiter“",
        "Eine neue Entität",
        "Aliasse",
        "übersetzen in:",
        "Ausgangstext",
        "% übersetzt",
    ):
        assert any(german in text for text in shown), german
    assert len(texts) > 300
    assert not untranslated, "shown in English under LANG=de_DE.UTF-8:\n" + "\n".join(
        f"  {where}: {text!r}" for where, text in untranslated
    )


@pytest.mark.slow
def test_the_settings_choose_english_under_a_german_locale(tmp_path):
    report = walk(tmp_path, lang="de_DE.UTF-8", choice="en", mode="language")
    assert report["language"] == "en"
    assert report["menus"][:2] == ["&File", "&Edit"]


@pytest.mark.slow
def test_the_settings_choose_german_under_another_locale(tmp_path):
    report = walk(tmp_path, lang="C.UTF-8", choice="de", mode="language")
    assert report["language"] == "de"
    assert report["menus"][:2] == ["&Datei", "&Bearbeiten"]


@pytest.mark.slow
def test_without_a_choice_an_untranslated_locale_gets_english(tmp_path):
    report = walk(tmp_path, lang="fr_FR.UTF-8", choice=None, mode="language")
    assert report["language"] == "en"
    assert report["menus"][0] == "&File"
