"""Re-extract the interface's strings into resources/translations/*.ts and build the .qm.

    /work/venv/bin/python scripts/update_translations.py          # extract + build
    /work/venv/bin/python scripts/update_translations.py --check  # fail if not current

Existing translations are kept; new strings arrive as "unfinished" (translate them
in Qt Linguist, `pyside6-linguist resources/translations/newsdesk_de.ts`, or in the
XML), strings that left the code are dropped.  Sources: every `self.tr()`,
`QCoreApplication.translate()` and `QT_TRANSLATE_NOOP()` under editor/ui (and the
`translate(…)` of editor/core/texts.py in editor/commands, editor/app and the publish
checks), plus the
plain-English texts from below the UI that the window shows (command titles,
categories and menus, status labels, language names), which are written into a
generated file of `QT_TRANSLATE_NOOP` calls first.  No source locations are
stored, so merging branches does not conflict on line numbers.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.ui.i18n_sources import (  # noqa: E402
    TS_FILES,
    generated_source,
    qt_tool,
)


def extract(ts_files: list[Path], workdir: Path) -> None:
    """Run lupdate over editor/ui and the generated texts into ``ts_files``."""
    generated = workdir / "below_the_ui.py"
    generated.write_text(generated_source(), encoding="utf-8")
    command = [
        qt_tool("lupdate"),
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        str(ROOT / "editor" / "ui"),
        str(ROOT / "editor" / "commands"),  # translate("commands", …): what commands say
        str(ROOT / "editor" / "core" / "publishing" / "checks.py"),  # translate("checks", …)
        str(ROOT / "editor" / "core" / "translation" / "checks.py"),  # a segment's checks
        str(ROOT / "editor" / "core" / "entities" / "suggest.py"),  # why a tag is suggested
        str(ROOT / "editor" / "app"),  # translate("operations", …): labels of long work
        str(generated),
        "-ts",
        *map(str, ts_files),
    ]
    subprocess.run(command, check=True)


def _messages(ts_file: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ("" while unfinished) of a .ts file."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") is None
            text = (translation.text or "") if translation is not None and done else ""
            found[(name, message.findtext("source") or "")] = text
    return found


def differences(committed: Path, extracted: Path) -> list[str]:
    """What extraction would change in ``committed``, one line each."""
    before, after = _messages(committed), _messages(extracted)
    lines = [f"  new, to translate: {c}: {s!r}" for c, s in after if (c, s) not in before]
    lines += [f"  no longer in the code: {c}: {s!r}" for c, s in before if (c, s) not in after]
    return lines


def build(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file is not current"
    )
    args = parser.parse_args(argv)
    stale = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for ts in TS_FILES:
            target = work / ts.name if args.check else ts
            if args.check:
                shutil.copy(ts, target)
            extract([target], work)
            qm = target.with_suffix(".qm")
            build(target, work / qm.name if args.check else qm)
            if args.check:
                if target.read_bytes() != ts.read_bytes():
                    stale.append(ts.name)
                    print("\n".join(differences(ts, target)), file=sys.stderr)
                if (work / qm.name).read_bytes() != ts.with_suffix(".qm").read_bytes():
                    stale.append(qm.name)
    if stale:
        print("not current: " + ", ".join(stale), file=sys.stderr)
        print("run: python scripts/update_translations.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
