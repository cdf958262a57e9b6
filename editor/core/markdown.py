"""Markdown to safe HTML: markdown-it-py renders, nh3 sanitises.

Everything an article body turns into passes through :func:`render_markdown`,
so the preview in the editor and the published page are the same HTML and no
script, event handler, ``javascript:`` URL or inline style from an article
reaches either.
"""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt

# Tags an article body may use; everything else is dropped with its content
# for script-like tags and unwrapped for the rest (nh3's behaviour).
# fmt: off
ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong",
        "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul", "figure",
        "figcaption",
    }
)
# fmt: on
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
    "code": {"class"},
}
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})


@cache
def _parser() -> MarkdownIt:
    # "commonmark" plus tables and strikethrough; raw HTML stays enabled so that
    # harmless inline tags work, and nh3 is what makes the result safe.
    return MarkdownIt("commonmark", {"html": True, "linkify": False}).enable(
        ["table", "strikethrough"]
    )


def sanitize_html(html: str) -> str:
    """Remove everything from ``html`` that could run script or restyle a page."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Render Markdown ``text`` to sanitised HTML."""
    return sanitize_html(_parser().render(text or ""))
