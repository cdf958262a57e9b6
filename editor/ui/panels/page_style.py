"""The site's stylesheet, rewritten for the rich-text engine of the page preview.

The preview shows the page in a QTextBrowser (QtWebEngine is not part of the Qt
the program ships with).  Its engine reads a subset of CSS 2, so the site's
stylesheet as it is leaves the page unstyled: custom properties (``var(--text)``)
are not resolved, ``rem`` is unknown, a heading ignores a size in pixels and the
``font`` shorthand loses its line height.  This module keeps what the engine can
draw and says it the engine's way:

- custom properties are replaced by their values (the dark ones when the window
  is dark, as ``prefers-color-scheme`` does in a browser);
- ``rem`` and ``em`` become points for font sizes (a heading ignores pixels) and
  pixels for spacing, a unitless
  line height becomes a percentage, ``font`` is split into its parts;
- an element the site moves off-screen (the skip link) is drawn invisibly small;
- rules the engine cannot match (pseudo-elements, ``:focus``, ``*``, sibling
  combinators) and properties it does not draw are left out;
- the body's ``max-width`` is handed to the widget, which centres the column.

Pure text work, no Qt: :func:`preview_style` is cached per stylesheet and scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

ROOT_PX = 16.0  # 1rem in a browser with default settings
PT_PER_PX = 0.75
# What QTextDocument draws (the rest it ignores anyway; leaving it out keeps the sheet short).
SUPPORTED = frozenset(
    {
        "background",
        "background-color",
        "border",
        "border-bottom",
        "border-collapse",
        "border-color",
        "border-left",
        "border-right",
        "border-style",
        "border-top",
        "border-width",
        "color",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "line-height",
        "list-style-type",
        "margin",
        "margin-bottom",
        "margin-left",
        "margin-right",
        "margin-top",
        "padding",
        "padding-bottom",
        "padding-left",
        "padding-right",
        "padding-top",
        "text-align",
        "text-decoration",
        "text-indent",
        "vertical-align",
        "white-space",
    }
)
_UNMATCHABLE = re.compile(r"::|:(?!:)|\*|[+~>]")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^)]*))?\)")
_LENGTH = re.compile(r"(-?\d*\.?\d+)(rem|em|px)\b")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DARK_MEDIA = re.compile(r"prefers-color-scheme\s*:\s*dark")


@dataclass(frozen=True)
class PreviewStyle:
    css: str  # for the page's <style> element
    max_width_px: int | None  # the body's column, centred by the widget
    # The body's size, for the document's default font: the engine sizes headings
    # relative to it and ignores a size the stylesheet gives them.
    body_pt: float | None = None


@lru_cache(maxsize=8)
def preview_style(site_css: str, *, dark: bool = False) -> PreviewStyle:
    """The site's stylesheet as the preview's engine understands it (module docstring)."""
    rules = _rules(_COMMENT.sub("", site_css), dark)
    variables: dict[str, str] = {}
    for selectors, declarations in rules:
        if selectors.strip() == ":root":
            variables |= {k: v for k, v in declarations if k.startswith("--")}
    out: list[str] = []
    max_width: int | None = None
    text = "black"
    body_pt: float | None = None
    for selectors, declarations in rules:
        usable = [s.strip() for s in selectors.split(",") if not _UNMATCHABLE.search(s)]
        if not usable:
            continue
        resolved = [(k, _resolve(v, variables)) for k, v in declarations]
        if any(s == "body" for s in usable):
            found = dict(resolved)
            max_width = _px(found.get("max-width", "")) or max_width
            text = found.get("color", text)
            body_pt = _body_points(found) or body_pt
        # The engine takes "inherit" for black; the body's colour is what a page inherits.
        resolved = [(k, text if (k, v) == ("color", "inherit") else v) for k, v in resolved]
        body = _declarations(resolved)
        if body:
            out.append(f"{', '.join(usable)} {{ {body} }}")
    return PreviewStyle("\n".join(out) + "\n", max_width, body_pt)


def _rules(css: str, dark: bool) -> list[tuple[str, list[tuple[str, str]]]]:
    """(selectors, declarations) in order; a dark-scheme media block only when ``dark``,
    other at-rules never."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    pos = 0
    while (brace := css.find("{", pos)) >= 0:
        head = css[pos:brace].strip()
        end = _closing(css, brace)
        inner = css[brace + 1 : end]
        if head.startswith("@"):
            if dark and _DARK_MEDIA.search(head):
                rules += _rules(inner, dark)
        else:
            rules.append((head, _parse_declarations(inner)))
        pos = end + 1
    return rules


def _closing(css: str, brace: int) -> int:
    depth = 0
    for index in range(brace, len(css)):
        if css[index] == "{":
            depth += 1
        elif css[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return len(css)


def _parse_declarations(text: str) -> list[tuple[str, str]]:
    pairs = []
    for part in text.split(";"):
        name, colon, value = part.partition(":")
        if colon and name.strip() and value.strip():
            pairs.append((name.strip().lower(), value.strip()))
    return pairs


def _resolve(value: str, variables: dict[str, str]) -> str:
    for _ in range(5):  # a property may name another one
        value = _VAR.sub(lambda m: variables.get(m.group(1), m.group(2) or ""), value)
    return value


def _declarations(pairs: list[tuple[str, str]]) -> str:
    result: list[str] = []
    offscreen = dict(pairs).get("position") == "absolute" and any(
        k in ("left", "top") and v.startswith("-") for k, v in pairs
    )
    if offscreen:  # on the site it is only seen when focused from the keyboard
        return "font-size: 1px; color: transparent; text-decoration: none;"
    for name, value in pairs:
        if name == "font":
            result += _font_parts(value)
        elif name == "list-style" and "none" in value.split():
            # without bullets the site's lists are rows of links, not indented either
            result += ["list-style-type: none", "-qt-list-indent: 0"]
        elif name in SUPPORTED and value:
            result.append(f"{name}: {_value(name, value)}")
    return "; ".join(result) + (";" if result else "")


def _value(name: str, value: str) -> str:
    if name == "font-size":
        return _points(value)
    if name == "line-height":
        return _line_height(value)
    if name.startswith("margin"):  # "auto" centres in CSS; here the widget centres
        value = " ".join("0" if part == "auto" else part for part in value.split())
    return _LENGTH.sub(lambda m: f"{_scaled(m):g}px", value)


def _body_points(declarations: dict[str, str]) -> float | None:
    sizes = [p for p in _font_parts(declarations.get("font", "")) if p.startswith("font-size")]
    size = declarations.get("font-size") or (sizes[0].split(":")[1] if sizes else "")
    points = _points(size).strip()
    return float(points[:-2]) if points.endswith("pt") else None


def _font_parts(value: str) -> list[str]:
    """``font: 1.0625rem/1.6 system-ui, sans-serif`` as size, line height and families."""
    match = re.match(r"\s*(?:(italic|normal|bold|\d{3})\s+)*([^\s/]+)(?:/(\S+))?\s+(.+)", value)
    if match is None:
        return []
    size, line, families = match.group(2), match.group(3), match.group(4)
    parts = [f"font-size: {_points(size)}", f"font-family: {families.strip()}"]
    if line:
        parts.append(f"line-height: {_line_height(line)}")
    return parts


def _points(value: str) -> str:
    match = _LENGTH.fullmatch(value.strip())
    if match is None:
        return value
    return f"{round(_scaled(match) * PT_PER_PX, 1):g}pt"


def _line_height(value: str) -> str:
    try:
        return f"{round(float(value) * 100):d}%"
    except ValueError:
        return value


def _scaled(match: re.Match[str]) -> float:
    """A length in pixels (``em`` taken as ``rem``: the engine has no cascade of sizes)."""
    number, unit = float(match.group(1)), match.group(2)
    return number if unit == "px" else number * ROOT_PX


def _px(value: str) -> int | None:
    match = _LENGTH.fullmatch(value.strip())
    return round(_scaled(match)) if match else None
