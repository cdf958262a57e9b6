"""The published site in a real browser: links resolve, XML is valid, no injected script runs.

Needs Debian's ``chromium`` (``apt-get install -y chromium``) driven by
Playwright; skipped with a reason when it is absent.  The site is served
from a temporary folder by ``http.server`` on 127.0.0.1; every request to any
other host is aborted, so nothing leaves the machine.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from editor.core.publishing import PublishedArticle, SiteSettings, publish_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]

# Installed before any page script: records what an injected script would do.
HOOKS = """
window.__xss = [];
for (const name of ["alert", "confirm", "prompt", "print", "open"]) {
  window[name] = (...args) => { window.__xss.push(name + ":" + args.join(",")); };
}
"""

# What a page must not contain once the browser has built its DOM.
DOM_PROBE = """
() => {
  const found = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (name.startsWith("on")) found.push(`${el.tagName} ${name}`);
      if (name === "style") found.push(`${el.tagName} style`);
      const urlAttribute = /^(href|src|action|formaction|xlink:href|data|srcdoc)$/.test(name);
      if (urlAttribute && /^(javascript|vbscript|data):/.test(value)) {
        found.push(`${el.tagName} ${name}=${value.slice(0, 30)}`);
      }
    }
  }
  // The one script allowed is the JSON-LD data block, which browsers never run; it must
  // stay whole JSON (a name that ended it early would leave a broken block and more).
  const banned = 'script:not([type="application/ld+json"]), ' +
    "iframe, frame, frameset, object, embed, base, form, style, " +
    "link[rel=import], meta[http-equiv], svg, math, template, input, button, textarea, select";
  for (const el of document.querySelectorAll(banned)) found.push(`element ${el.tagName}`);
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    try { JSON.parse(el.textContent); } catch (e) { found.push("JSON-LD that is not JSON"); }
  }
  return found;
}
"""


@dataclass
class ServedSite:
    root: Path
    base: str
    settings: SiteSettings
    articles: list[PublishedArticle]


def _payloads() -> list[str]:
    """The corpus in xss_payloads.py next to this file (tests are not a package)."""
    spec = importlib.util.spec_from_file_location(
        "newsdesk_xss_payloads", Path(__file__).with_name("xss_payloads.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.PAYLOADS)


PAYLOADS = _payloads()


def _xss_articles() -> list[PublishedArticle]:
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    articles = []
    for n, payload in enumerate(PAYLOADS):
        articles.append(
            PublishedArticle(
                id=1000 + n,
                lang="en" if n % 2 else "de",
                slug=f"xss-{n}",
                title=f"Payload {n} {payload}",
                teaser=payload,
                body_markdown=f"{payload}\n\nParagraph with {payload} inline.\n\n{payload}",
                author=payload,
                tags=(payload, f"Group {n % 7}"),
                group=f"xss-{n // 2}",  # pairs of translations: the switcher shows titles too
                related=(1000 + (n + 2) % len(PAYLOADS),),
                published_at=start + timedelta(hours=n),
            )
        )
    return articles


def _plain_articles() -> list[PublishedArticle]:
    base = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
    return [
        PublishedArticle(
            id=1,
            lang="de",
            slug="ki-labor-eroeffnet",
            title="KI-Labor eröffnet",
            teaser="Ein neues Labor.",
            body_markdown="Text mit [Link](https://example.org/).",
            author="Anna Berg",
            tags=("Thinking Machines Lab", "PyTorch"),
            group=1,
            published_at=base,
        ),
        PublishedArticle(
            id=2,
            lang="en",
            slug="ai-lab-opens",
            title="AI lab opens",
            teaser="A new lab.",
            body_markdown="Text with a [link](https://example.org/).",
            author="Anna Berg",
            tags=("Thinking Machines Lab", "PyTorch", "Meta"),
            group=1,
            related=(3,),
            published_at=base + timedelta(hours=1),
        ),
        PublishedArticle(
            id=3,
            lang="en",
            slug="ünïcode-slug",
            title="Unicode address",
            teaser="Non-ASCII slug.",
            body_markdown="Body.",
            author="Ben Cho",
            tags=("Meta",),
            published_at=base - timedelta(days=400),
        ),
    ]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    root = tmp_path_factory.mktemp("browser") / "site"
    settings = SiteSettings(site_name="Tech Desk", base_url="https://news.example.org/")
    articles = _plain_articles() + _xss_articles()
    publish_site(articles, settings, root)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield ServedSite(root, f"http://127.0.0.1:{server.server_address[1]}/", settings, articles)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object, served: ServedSite) -> Iterator[object]:
    context = browser.new_context(java_script_enabled=True)  # type: ignore[attr-defined]
    context.add_init_script(HOOKS)
    local = urlsplit(served.base).netloc

    def only_local(route: object) -> None:
        request = route.request  # type: ignore[attr-defined]
        if urlsplit(request.url).netloc == local:
            route.continue_()  # type: ignore[attr-defined]
        else:
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", only_local)
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    try:
        yield tab
    finally:
        context.close()


def _html_pages(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("index.html")
        if ".newsdesk" not in p.parts
    )


def _url_for(served: ServedSite, relative: str) -> str:
    from urllib.parse import quote

    return served.base + quote(relative.removesuffix("index.html"))


@pytest.mark.slow
def test_every_link_resolves(page: object, served: ServedSite) -> None:
    """Crawl from the root page: every internal link and stylesheet answers 200."""
    seen: set[str] = set()
    queue = [served.base]
    broken: list[str] = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)  # type: ignore[attr-defined]
        if response is None or response.status != 200:
            broken.append(f"{url}: {response.status if response else 'no response'}")
            continue
        if not url.endswith("/"):
            continue  # feeds and other files: fetched, not crawled
        # The site's own links; links inside article bodies are the authors' business.
        hrefs = page.eval_on_selector_all(  # type: ignore[attr-defined]
            "a[href], link[rel=stylesheet][href]",
            "els => els.filter(e => !e.closest('.article-body')).map(e => e.getAttribute('href'))",
        )
        for href in hrefs:
            target = urldefrag(urljoin(url, href)).url
            if target.startswith(served.base):
                queue.append(target)
    assert broken == []
    every_page = {_url_for(served, p) for p in _html_pages(served.root)}
    assert every_page <= seen, sorted(every_page - seen)[:5]  # nothing unreachable
    assert served.base + "site.css" in seen and served.base + "en/feed.xml" in seen


def test_language_switcher_leads_to_the_translation(page: object, served: ServedSite) -> None:
    page.goto(served.base + "de/2025/ki-labor-eroeffnet/")  # type: ignore[attr-defined]
    assert page.get_attribute("html", "lang") == "de"  # type: ignore[attr-defined]
    assert "Schlagwörter" in page.inner_text("body")  # type: ignore[attr-defined]
    page.click("nav.language-switcher a[hreflang=en]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.url == served.base + "en/2025/ai-lab-opens/"  # type: ignore[attr-defined]
    assert page.get_attribute("html", "lang") == "en"  # type: ignore[attr-defined]
    body = page.inner_text("body")  # type: ignore[attr-defined]
    assert "Related links" in body and "Unicode address" in body
    page.click("nav.language-switcher a[hreflang=de]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.url == served.base + "de/2025/ki-labor-eroeffnet/"  # type: ignore[attr-defined]


def test_feeds_and_sitemaps_are_valid_xml_over_http(page: object, served: ServedSite) -> None:
    request = page.request  # type: ignore[attr-defined]
    for feed in ("de/feed.xml", "en/feed.xml"):
        response = request.get(served.base + feed)
        assert response.status == 200
        root = ET.fromstring(response.body())
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        assert len(root.findall("{http://www.w3.org/2005/Atom}entry")) == served.settings.feed_count
    index = ET.fromstring(request.get(served.base + "sitemap.xml").body())
    locations = [
        loc.text or "" for loc in index.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert locations
    for location in locations:
        part = location.replace(served.settings.base_url, served.base)
        response = request.get(part)
        assert response.status == 200, part
        assert ET.fromstring(response.body()).tag.endswith("urlset")


@pytest.mark.slow
def test_no_injected_script_runs_on_any_page(page: object, served: ServedSite) -> None:
    assert len(PAYLOADS) >= 100
    pages = _html_pages(served.root)
    assert len(pages) > len(PAYLOADS)  # every article page, front pages, tag pages
    findings: dict[str, list[str]] = {}
    for relative in pages:
        page.goto(_url_for(served, relative))  # type: ignore[attr-defined]
        # Give focus- and load-triggered handlers their chance to fire.
        page.mouse.move(200, 200)  # type: ignore[attr-defined]
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        page.wait_for_timeout(10)  # type: ignore[attr-defined]
        problems = page.evaluate(DOM_PROBE)  # type: ignore[attr-defined]
        problems += page.evaluate("window.__xss")  # type: ignore[attr-defined]
        if problems:
            findings[relative] = problems
    for feed in ("de/feed.xml", "en/feed.xml"):
        page.goto(served.base + feed)  # type: ignore[attr-defined]
        if page.evaluate("window.__xss"):  # type: ignore[attr-defined]
            findings[feed] = page.evaluate("window.__xss")  # type: ignore[attr-defined]
    assert page.dialogs == []  # type: ignore[attr-defined]
    assert findings == {}


def test_payload_text_is_shown_as_text(page: object, served: ServedSite) -> None:
    """Escaped, not dropped: the reader sees what the editor typed in the title."""
    article = next(a for a in served.articles if a.slug == "xss-0")
    page.goto(_url_for(served, f"de/2026/{article.slug}/index.html"))  # type: ignore[attr-defined]
    assert page.inner_text("h1") == article.title  # type: ignore[attr-defined]
    assert page.title() == article.title  # type: ignore[attr-defined]


def test_the_probes_would_catch_an_injection(page: object, served: ServedSite) -> None:
    """The checks above are only worth something if they see an injection that works."""
    unsafe = served.root / "unsafe-probe.html"
    unsafe.write_text(
        '<!DOCTYPE html><html><body><img src="missing.png" onerror="alert(7)">'
        '<a href="javascript:alert(8)">x</a><p style="color:red">y</p></body></html>',
        encoding="utf-8",
    )
    try:
        page.goto(served.base + "unsafe-probe.html")  # type: ignore[attr-defined]
        page.wait_for_function("window.__xss.length > 0")  # type: ignore[attr-defined]
        assert page.evaluate("window.__xss") == ["alert:7"]  # type: ignore[attr-defined]
        found = page.evaluate(DOM_PROBE)  # type: ignore[attr-defined]
        assert "IMG onerror" in found and "P style" in found
        assert any(item.startswith("A href=javascript:") for item in found)
    finally:
        unsafe.unlink()
