"""Machine translation against a LibreTranslate-compatible server started on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from editor.app.translation.mt import LibreTranslateBackend, MtError, backend_from
from editor.core.translation.staleness import SegmentStatus


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """Speaks LibreTranslate's /translate: JSON in, {"translatedText"} or {"error"} out."""

    mode = "ok"
    requests: list[dict[str, Any]] = []  # noqa: RUF012

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).requests.append({"path": self.path, **body})
        mode = type(self).mode
        if mode == "slow":
            time.sleep(1.0)
        if mode == "bad_key":
            return self._send(403, {"error": "Invalid API key"})
        if mode == "too_many":
            return self._send(429, {"error": "Slowdown: 20 per 1 minute"})
        if mode == "garbage":
            return self._send(200, b"<html>surprise</html>")
        if mode == "short":
            return self._send(200, {"translatedText": ["only one"]})
        if not body.get("q") or not body.get("source") or not body.get("target"):
            return self._send(400, {"error": "Invalid request: missing q parameter"})
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        out = [f"[{body['target']}] {t}" for t in texts]
        self._send(200, {"translatedText": out if isinstance(body["q"], list) else out[0]})

    def _send(self, status: int, payload: Any) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *_: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeLibreTranslate.mode = "ok"
    FakeLibreTranslate.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_translates_a_batch_in_the_documented_format(server: str) -> None:
    backend = LibreTranslateBackend(server, api_key="secret")
    assert backend.translate(["Hallo", "Welt"], "de", "en") == ["[en] Hallo", "[en] Welt"]
    (request,) = FakeLibreTranslate.requests
    assert request == {
        "path": "/translate", "q": ["Hallo", "Welt"], "source": "de", "target": "en",
        "format": "text", "api_key": "secret",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("bad_key", r"refused \(HTTP 403\): Invalid API key"),
        ("too_many", r"refused \(HTTP 429\): Slowdown"),
        ("garbage", "did not answer JSON"),
        ("short", "not a translation of 2 texts"),
    ],
)
def test_error_replies_become_one_line_messages(server: str, mode: str, message: str) -> None:
    FakeLibreTranslate.mode = mode
    with pytest.raises(MtError, match=message) as info:
        LibreTranslateBackend(server).translate(["Hallo", "Welt"], "de", "en")
    assert "\n" not in str(info.value)


def test_a_server_that_does_not_answer_in_time(server: str) -> None:
    FakeLibreTranslate.mode = "slow"
    with pytest.raises(MtError, match="did not answer in time"):
        LibreTranslateBackend(server, timeout=0.2).translate(["Hallo"], "de", "en")


def test_an_unreachable_server() -> None:
    with pytest.raises(MtError, match="cannot reach"):
        LibreTranslateBackend("http://127.0.0.1:9", timeout=2).translate(["Hallo"], "de", "en")


def test_nothing_is_configured_nothing_is_sent(workspace: Any) -> None:
    assert workspace.machine_translation.backend() is None
    assert backend_from({"backend": "libretranslate", "url": ""}) is None
    article = workspace.articles.create(title="Hallo", body="Ein Absatz.")
    translation = workspace.translation.translate_to(article.id, "en")
    with pytest.raises(MtError, match="not set up"):
        workspace.machine_translation.fill(translation.id)


def test_filling_a_translation_makes_drafts_and_loses_nothing_on_failure(
    workspace: Any, server: str
) -> None:
    workspace.machine_translation.configure("libretranslate", server, "k")
    article = workspace.articles.create(title="Hallo", body="Erster Absatz.\n\nZweiter Absatz.")
    translation = workspace.translation.translate_to(article.id, "en")
    workspace.translation.save_segment(translation.id, "body:0", "My own first paragraph.")
    assert workspace.machine_translation.fill(translation.id) == 2
    state = workspace.translation.state(translation.id)
    assert state.row("body:0").target == "My own first paragraph."  # not overwritten
    assert state.row("body:1").target == "[en] Zweiter Absatz."
    assert state.row("body:1").status is SegmentStatus.DRAFT
    # A server answering garbage changes nothing.
    body = "Erster Absatz.\n\nZweiter Absatz.\n\nEin ganz neuer Text über Akkus."
    workspace.articles.update(article.id, {"body": body})
    state = workspace.translation.state(translation.id)
    FakeLibreTranslate.mode = "garbage"
    with pytest.raises(MtError):
        workspace.machine_translation.fill(translation.id)
    after = workspace.translation.state(translation.id)
    assert [(r.key, r.target) for r in after.rows] == [(r.key, r.target) for r in state.rows]
