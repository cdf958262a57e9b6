"""Text cleaning at the output boundary: what no page, feed or JSON file may contain."""

from __future__ import annotations

import re

# Characters XML 1.0 forbids (and HTML does not want): C0 controls except tab,
# newline and carriage return, lone surrogates and the two non-characters.
INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters in :data:`INVALID_CHARS`."""
    return INVALID_CHARS.sub("", text or "")


def clean_line(text: str) -> str:
    """One-line fields (title, author, tags): invalid characters gone, whitespace folded."""
    return " ".join(clean_text(text).split())
