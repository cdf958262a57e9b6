"""The place of an English news dateline ("OSLO, Jan. 14 (Newswire) - …").

Agency copy opens with a dateline: where the story was filed, in capitals, then a
comma and the date, or the agency in brackets ("LONDON (Newswire) -").  By that
convention the capitals are a place, which a model trained on ordinary sentences does
not know (a word in capitals alone at the start of a sentence).  Only the very start
of a paragraph (a line) is read, and only capitals followed by a date or an agency in
brackets: "NATO, the alliance" or a headline in capitals is no dateline.  Places filed
from together are written with a slash ("FRANKFURT/BERLIN"): each is a place.
"""

from __future__ import annotations

import re

# The score a dateline's place is suggested with: a convention, not a guess.
DATELINE_SCORE = 0.8

_CAPS = "A-ZÀ-ÖØ-Þ"
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WORD = rf"[{_CAPS}](?:[{_CAPS}'’.-]*[{_CAPS}.])?"  # OSLO  ST.  N'DJAMENA
_PLACE = rf"{_WORD}(?:[ ]{_WORD})*"
_DATELINE = re.compile(
    rf"""
    ^[ \t]*(?:\*\*|__)?                                  # (bold in Markdown)
    (?P<places>{_PLACE}(?:/{_PLACE})*)
    (?:\*\*|__)?
    (?:,[ ]+[A-Z][a-z]+\.?(?:[ ][A-Z][a-z]+\.?)?(?=,))?  # ", Maine" of "PORTLAND, Maine,"
    (?:
        ,[ ]*(?:{_MONTH}[ ]+\d{{1,2}}|\d{{1,2}}[ ]+{_MONTH}|{_DAY})(?!\w)
        | [ ]*\([{_CAPS}][^()\n]{{0,40}}\)[ ]*[-–—]
    )
    """,
    re.MULTILINE | re.VERBOSE,
)


def dateline_places(text: str) -> list[tuple[int, int]]:
    """Start and end of each dateline place in ``text``, in text order."""
    out: list[tuple[int, int]] = []
    for match in _DATELINE.finditer(text):
        start = match.start("places")
        for place in match.group("places").split("/"):
            # One letter or an initialism's stops alone ("A.") are no place.
            if sum(ch.isalpha() for ch in place) >= 2:
                out.append((start, start + len(place)))
            start += len(place) + 1
    return out


def with_datelines(
    text: str, spans: list[tuple[int, int, str, float]]
) -> list[tuple[int, int, str, float]]:
    """``spans`` (start, end, label, score) with each dateline place as a place; a
    span the place overlaps (the model's guess at the same word) gives way to it."""
    places = dateline_places(text)
    if not places:
        return spans
    kept = [s for s in spans if not any(s[0] < end and start < s[1] for start, end in places)]
    added = [(start, end, "LOC", DATELINE_SCORE) for start, end in places]
    return sorted(kept + added)
