"""The interface's language: Newsdesk's translations and Qt's own, installed at start-up.

English is the source language (the strings in the code); German comes from
``resources/translations/newsdesk_de.qm``, built from ``newsdesk_de.ts`` by
``scripts/update_translations.py``.  The language follows the system locale
(``LANG``/``LC_*``, ``QLocale.system()``) unless the person chose one in the
settings ("person/interface_language": ``system``, ``en`` or ``de``); a choice
takes effect at the next start.

The command registry, the workflow's statuses and language names are plain
English below the UI (no Qt there): they are translated here, where they are
shown, in the contexts "commands" (titles), "menus" (categories and menu names),
"status" and "languages".

Only the .qm files are read at start-up (a few milliseconds): nothing heavy
is imported here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from editor.core import texts
from editor.core.resources import resource_path

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "de")  # interface languages there are translations for (and English)
LANGUAGE_SETTING = "person/interface_language"  # "system", "en" or "de"
COMMANDS = "commands"  # context of command titles
MENUS = "menus"  # context of command categories and menu names ("Archive": Archiv, a noun)
STATUS = "status"  # context of the workflow's status labels
LANGUAGE_NAMES = "languages"  # context of language names ("German", "Chinese")

_installed: list[QTranslator] = []


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for extraction into ``context`` and returns it untranslated (translate
    it where shown).  PySide6's own returns ``object`` to type checkers."""
    return text


def chosen_language(settings: QSettings | None = None) -> str:
    """What the person chose: "system" (follow the locale), "en" or "de"."""
    value = str((settings or QSettings()).value(LANGUAGE_SETTING, "system") or "system")
    return value if value in LANGUAGES else "system"


def interface_language(choice: str = "system", system: QLocale | None = None) -> str:
    """The language the interface speaks for ``choice``: the chosen one, else the first
    of the system's languages there is a translation for, else English."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    for tag in locale.uiLanguages():
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def translations_dir() -> str:
    return str(resource_path("translations"))


def install_translators(
    app: QCoreApplication | None = None, settings: QSettings | None = None
) -> str:
    """Install the translators for the person's language (replacing earlier ones) and
    make its locale the default for dates and numbers; returns the language code."""
    app = app or QCoreApplication.instance()
    choice = chosen_language(settings)
    language = interface_language(choice)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if choice != "system":  # an explicit choice also formats dates and numbers its way
        QLocale.setDefault(QLocale(language))
    texts.use(None)
    if app is None or language == SOURCE_LANGUAGE:
        return language
    texts.use(QCoreApplication.translate)  # what the commands say, in the same language
    own = QTranslator(app)
    if own.load(f"newsdesk_{language}", translations_dir()):
        _installed.append(own)
    qt_own = QTranslator(app)  # Qt's standard dialogs and buttons ("Abbrechen")
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        _installed.append(qt_own)
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    return language


def current_language() -> str:
    """The language the installed translators speak ("en" when none is installed)."""
    for translator in _installed:
        code = translator.language().replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


# ---------------------------------------------------------------- texts from below the UI


def command_text(title: str) -> str:
    """A command's title as the interface shows it."""
    return QCoreApplication.translate(COMMANDS, title)


def menu_text(name: str) -> str:
    """A command category or menu name ("File", "Archive") as the interface shows it."""
    return QCoreApplication.translate(MENUS, name)


def status_text(label: str) -> str:
    """A workflow status label ("Draft") as the interface shows it ("Entwurf")."""
    return QCoreApplication.translate(STATUS, label)


def language_text(name: str) -> str:
    """An English language name ("German") as the interface shows it."""
    return QCoreApplication.translate(LANGUAGE_NAMES, name)


def language_display(code: str) -> str:
    """The name of the language ``code`` in the interface's language ("Deutsch" is not
    used: a German interface says "Englisch", an English one "German")."""
    from editor.core.languages import language_name

    return language_text(language_name(code))
