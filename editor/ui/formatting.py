"""How times, counts and save states read in the window (plain functions, easy to test).

Words come through Qt's translation system (context "formatting"); numbers, dates and
times are written the way the interface's locale writes them (``QLocale()``, the default
locale, which follows the system or the language chosen in the settings): "1,234 words"
in English, "1.234 Wörter" in German.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

if TYPE_CHECKING:  # only annotations: the first paint needs no text statistics
    from editor.core.text import TextStats


def _locale(locale: QLocale | None) -> QLocale:
    return locale if locale is not None else QLocale()


def number_text(number: int, locale: QLocale | None = None) -> str:
    """``number`` with the locale's digit grouping ("1,234"; "1.234" in German)."""
    return _locale(locale).toString(int(number))


def date_text(when: datetime, locale: QLocale | None = None) -> str:
    """The local date, short, in the locale's order ("29/11/2026", "29.11.26")."""
    local = when.astimezone()
    return _locale(locale).toString(
        QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
    )


def date_time_text(when: datetime, locale: QLocale | None = None) -> str:
    """Local date and time, short, in the locale's way."""
    local = when.astimezone()
    moment = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return _locale(locale).toString(moment, QLocale.FormatType.ShortFormat)


def time_text(when: datetime, locale: QLocale | None = None) -> str:
    local = when.astimezone()
    return _locale(locale).toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def relative_time(
    when: datetime, now: datetime | None = None, locale: QLocale | None = None
) -> str:
    """ "just now", "2 min", "3 h", "yesterday", "4 d", then the date."""
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < 45:
        return translate("formatting", "just now")
    minutes = round(seconds / 60)
    if minutes < 60:
        return translate("formatting", "{n} min").format(n=number_text(minutes, locale))
    hours = round(seconds / 3600)
    if hours < 24:
        return translate("formatting", "{n} h").format(n=number_text(hours, locale))
    days = int(seconds // 86400)
    if days == 1:
        return translate("formatting", "yesterday")
    if days < 7:
        return translate("formatting", "{n} d").format(n=number_text(days, locale))
    local = when.astimezone()
    date = QDate(local.year, local.month, local.day)
    # Qt date formats: day and short month name, in the order the language writes them.
    if local.year == now.astimezone().year:
        return _locale(locale).toString(date, translate("formatting", "d MMM"))
    return _locale(locale).toString(date, translate("formatting", "d MMM yyyy"))


def seconds_ago(when: datetime, now: datetime | None = None, locale: QLocale | None = None) -> str:
    """ "2 s ago", "3 min ago": how the status bar says when the text was saved."""
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 60:
        return translate("formatting", "{n} s ago").format(n=number_text(seconds, locale))
    if seconds < 3600:
        return translate("formatting", "{n} min ago").format(n=number_text(seconds // 60, locale))
    local = when.astimezone()
    if seconds < 86400 and local.date() == now.astimezone().date():
        return translate("formatting", "at {time}").format(time=time_text(when, locale))
    return translate("formatting", "on {date}").format(date=date_time_text(when, locale))


def stats_text(stats: TextStats, locale: QLocale | None = None) -> str:
    """ "1,234 words · 6 min read"; CJK characters count as words (and are named)."""
    units = stats.total_units
    noun = (
        translate("formatting", "{n} word") if units == 1 else translate("formatting", "{n} words")
    )
    text = noun.format(n=number_text(units, locale))
    if stats.cjk_chars:
        cjk = translate("formatting", "({n} CJK characters)").format(
            n=number_text(stats.cjk_chars, locale)
        )
        text += f" {cjk}"
    if units:
        minutes = number_text(stats.reading_minutes, locale)
        text += " · " + translate("formatting", "{n} min read").format(n=minutes)
    return text
