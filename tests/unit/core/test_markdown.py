from __future__ import annotations

import pytest

from editor.core.markdown import render_markdown


def test_renders_commonmark_and_tables() -> None:
    html = render_markdown("# Titel\n\n**fett**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h1>Titel</h1>" in html
    assert "<strong>fett</strong>" in html
    assert "<table>" in html and "<td>1</td>" in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<p style="background:url(javascript:alert(1))">x</p>',
        "<iframe src=//evil.example></iframe>",
        '<svg onload="alert(1)"><circle/></svg>',
        "<style>body{display:none}</style>",
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    ],
)
def test_hostile_html_is_neutralised(hostile: str) -> None:
    html = render_markdown(f"Text davor\n\n{hostile}\n\nText danach").lower()
    assert "<script" not in html
    assert "onerror" not in html and "onload" not in html
    assert 'href="javascript' not in html and 'src="javascript' not in html
    assert "style" not in html
    assert "<iframe" not in html and "<svg" not in html
    assert "data:text/html" not in html
    assert "text danach" in html


def test_links_keep_safe_urls() -> None:
    html = render_markdown("[Quelle](https://example.org/a?b=1)")
    assert 'href="https://example.org/a?b=1"' in html
    assert "noopener" in html
