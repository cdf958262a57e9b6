"""Machine translation: optional, pluggable, and silent unless configured.

A backend turns a list of texts in one language into the same number of texts in
another. Two are offered: a LibreTranslate-compatible HTTP server (its URL and API key
in the archive's settings; nothing is sent anywhere before a URL is set) and Argos
Translate, on this machine, when it is installed with the language pair's package.
Machine translations land as drafts: a translator confirms them.

LibreTranslate's API (``POST {url}/translate``, JSON): request ``{"q": [texts...],
"source": "de", "target": "en", "format": "text", "api_key": "..."}``, answer
``{"translatedText": [texts...]}`` (a string when ``q`` is a string); errors come with
an HTTP status (400 bad request, 403 banned or bad key, 429 too many requests, 500) and
``{"error": "message"}``.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from editor.core.translation.staleness import SegmentStatus
from editor.store import articles as article_store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

SETTING_MT = "translation.mt"  # {"backend": "libretranslate"|"argos", "url", "api_key"}
TIMEOUT_SECONDS = 20.0
BATCH = 20  # texts per request: small enough for a server's limits and a quick answer


class MtError(RuntimeError):
    """Machine translation failed; the message is one line for the user."""


class MtBackend(Protocol):
    name: str

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]: ...


@dataclass
class LibreTranslateBackend:
    url: str
    api_key: str = ""
    timeout: float = TIMEOUT_SECONDS
    name: str = "LibreTranslate"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        payload: dict[str, Any] = {
            "q": list(texts),
            "source": source,
            "target": target,
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = self._post("/translate", payload)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if (
            not isinstance(translated, list)
            or len(translated) != len(texts)
            or not all(isinstance(t, str) for t in translated)
        ):
            raise MtError(
                f"the translation server at {self.url} sent an answer that is not a "
                f"translation of {len(texts)} texts"
            )
        return list(translated)

    def _post(self, path: str, payload: dict[str, Any]) -> Any:
        request = urllib.request.Request(
            self.url.rstrip("/") + path,
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(10 * 1024 * 1024)
        except urllib.error.HTTPError as error:
            raise MtError(_http_error(self.url, error)) from None
        except TimeoutError:
            raise MtError(f"the translation server at {self.url} did not answer in time") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise MtError(f"cannot reach the translation server at {self.url}: {reason}") from None
        try:
            return json.loads(body)
        except ValueError:
            raise MtError(f"the translation server at {self.url} did not answer JSON") from None


def _http_error(url: str, error: urllib.error.HTTPError) -> str:
    try:
        detail = json.loads(error.read(64 * 1024)).get("error", "")
    except (ValueError, AttributeError, OSError):
        detail = ""
    detail = " ".join(str(detail).split())[:200]
    return f"the translation server at {url} refused (HTTP {error.code})" + (
        f": {detail}" if detail else ""
    )


class ArgosBackend:
    """Argos Translate on this machine (used only when it is importable)."""

    name = "Argos Translate"

    def __init__(self) -> None:
        try:
            from argostranslate import translate
        except ImportError:
            raise MtError("Argos Translate is not installed") from None
        self._translate = translate

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        try:
            return [str(self._translate.translate(text, source, target)) for text in texts]
        except Exception as error:  # the library raises plain exceptions for missing pairs
            raise MtError(f"Argos Translate cannot translate {source}→{target}: {error}") from None


def backend_from(settings: dict[str, Any] | None) -> MtBackend | None:
    """The configured backend, or None when machine translation is not set up."""
    if not settings:
        return None
    kind = settings.get("backend", "libretranslate")
    if kind == "argos":
        return ArgosBackend()
    url = str(settings.get("url") or "").strip()
    if kind != "libretranslate" or not url.startswith(("http://", "https://")):
        return None
    return LibreTranslateBackend(url, str(settings.get("api_key") or ""))


class MachineTranslation:
    def __init__(self, workspace: Workspace) -> None:
        self._ws = workspace

    def settings(self) -> dict[str, Any]:
        with self._ws.db.session() as s:
            return dict(article_store.get_setting(s, SETTING_MT, {}) or {})

    def configure(self, backend: str = "libretranslate", url: str = "", api_key: str = "") -> None:
        """Store the backend's settings (empty URL with "libretranslate": switched off)."""
        if backend not in ("libretranslate", "argos"):
            raise MtError(f"unknown machine translation backend {backend!r}")
        if backend == "libretranslate" and url and not url.startswith(("http://", "https://")):
            raise MtError(f"{url!r} is not an http(s) address")
        with self._ws.db.session(write=True) as s:
            article_store.set_setting(
                s, SETTING_MT, {"backend": backend, "url": url, "api_key": api_key}
            )

    def backend(self) -> MtBackend | None:
        return backend_from(self.settings())

    def fill(self, article_id: int, backend: MtBackend | None = None) -> int:
        """Machine-translate the untranslated segments of a translation into drafts.
        Returns how many were filled. Raises MtError when no backend is configured or
        the backend fails; what was translated before a failure is kept."""
        backend = backend or self.backend()
        if backend is None:
            raise MtError("machine translation is not set up (no backend configured)")
        service = self._ws.translation
        state = service.state(article_id)
        todo = [row for row in state.rows if row.needs_text]
        filled = 0
        for start in range(0, len(todo), BATCH):
            rows = todo[start : start + BATCH]
            texts = backend.translate(
                [r.source for r in rows], state.source.language, state.article.language
            )
            edits = {
                row.key: (text, SegmentStatus.DRAFT)
                for row, text in zip(rows, texts, strict=True)
                if text.strip()
            }
            if edits:
                service.save_segments(article_id, edits)
                filled += len(edits)
        return filled
