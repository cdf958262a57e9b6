"""How times, counts and save states read in the window (plain functions, easy to test)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: the first paint needs no text statistics
    from editor.core.text import TextStats


def relative_time(when: datetime, now: datetime | None = None) -> str:
    """ "just now", "2 min", "3 h", "yesterday", "4 d", then the date."""
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if seconds < 45:
        return "just now"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"{hours} h"
    days = int(seconds // 86400)
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} d"
    local = when.astimezone()
    if local.year == now.astimezone().year:
        return local.strftime("%d %b")
    return local.strftime("%d %b %Y")


def seconds_ago(when: datetime, now: datetime | None = None) -> str:
    """ "2 s ago", "3 min ago": how the status bar says when the text was saved."""
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 60:
        return f"{seconds} s ago"
    if seconds < 3600:
        return f"{seconds // 60} min ago"
    local = when.astimezone()
    if seconds < 86400 and local.date() == now.astimezone().date():
        return f"at {local.strftime('%H:%M')}"
    return f"on {local.strftime('%Y-%m-%d %H:%M')}"


def stats_text(stats: TextStats) -> str:
    """ "1 234 words · 6 min read"; CJK characters count as words (and are named)."""
    units = stats.total_units
    noun = "word" if units == 1 else "words"
    text = f"{units:,} {noun}".replace(",", "\u202f")
    if stats.cjk_chars:
        text += f" ({stats.cjk_chars:,} CJK characters)".replace(",", "\u202f")
    if units:
        text += f" · {stats.reading_minutes} min read"
    return text
