"""New names the archive does not know yet, found by a CRF model (python-crfsuite).

German capitalises every noun, so capitalisation alone cannot tell a name from a word;
a conditional random field trained on GermEval-2014 (CC BY 4.0) can.  The trained models
ship in ``resources/models`` with a manifest holding their checksum, so that a damaged
file is refused with a message instead of crashing the tagger's C code.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.entities.features import FEATURE_VERSION, token_features
from editor.core.entities.model import EntityKind
from editor.core.entities.text import Token, sentences
from editor.core.resources import resource_path

# The training data's classes, and the kind of entity each suggests.
LABEL_KINDS: dict[str, EntityKind] = {
    "PER": EntityKind.PERSON,
    "ORG": EntityKind.ORGANISATION,
    "LOC": EntityKind.PLACE,
    "OTH": EntityKind.TOPIC,
    "MISC": EntityKind.TOPIC,
}
KIND_LABELS: dict[EntityKind, str] = {
    EntityKind.PERSON: "PER",
    EntityKind.ORGANISATION: "ORG",
    EntityKind.PLACE: "LOC",
    EntityKind.TOPIC: "OTH",
    EntityKind.PRODUCT: "OTH",
    EntityKind.EVENT: "OTH",
}


class ModelError(RuntimeError):
    """A model file that is missing, damaged or made for other features."""


@dataclass(frozen=True, slots=True)
class Span:
    """Tokens ``start``..``end`` (exclusive) of a sentence form one name."""

    start: int
    end: int
    label: str
    score: float


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    kind: EntityKind
    start: int  # character offsets into the text
    end: int
    score: float


def models_dir() -> Path:
    return resource_path("models")


def model_paths(lang: str, folder: Path | None = None) -> tuple[Path, Path]:
    base = (folder or models_dir()) / f"entities-{lang}"
    return base.with_suffix(".crfsuite"), base.with_suffix(".json")


def lexicon_path(lang: str, folder: Path | None = None) -> Path:
    return (folder or models_dir()) / f"entities-{lang}.lex.json.gz"


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_spans(labels: Sequence[str], scores: Sequence[float]) -> list[Span]:
    """IOB2 labels → spans; a stray I- starts a span as B- would."""
    spans: list[Span] = []
    start = -1
    kind = ""
    for i, label in enumerate([*labels, "O"]):
        tag, _, cls = label.partition("-")
        if start >= 0 and (tag != "I" or cls != kind):
            chunk = scores[start:i]
            spans.append(Span(start, i, kind, sum(chunk) / len(chunk)))
            start = -1
        if tag == "B" or (tag == "I" and start < 0):
            start, kind = i, cls
    return spans


class CandidateExtractor:
    """Tags sentences with a trained model; one instance per language."""

    def __init__(
        self,
        model: bytes,
        manifest: dict[str, object],
        source: str,
        lexicon: dict[str, dict[str, str]] | None = None,
    ) -> None:
        import pycrfsuite

        if manifest.get("feature_version") != FEATURE_VERSION:
            raise ModelError(
                f"entity model {source} was trained for other features "
                f"(version {manifest.get('feature_version')}, this program uses "
                f"{FEATURE_VERSION}): retrain it"
            )
        self.manifest = manifest
        self.lang = str(manifest.get("language", ""))
        self.lexicon = (lexicon or {}).get("words", {})
        self.gazetteer = (lexicon or {}).get("names", {})
        self._tagger = pycrfsuite.Tagger()
        # crfsuite reads the model in place: the bytes must live as long as the tagger.
        self._model = model
        try:
            self._tagger.open_inmemory(model)
        except (ValueError, OSError) as exc:
            raise ModelError(f"entity model {source} cannot be read: {exc}") from None

    @classmethod
    def load(cls, path: Path, manifest_path: Path | None = None) -> CandidateExtractor:
        """The model at ``path``; ModelError when it is missing or damaged."""
        manifest_path = manifest_path or path.with_suffix(".json")
        try:
            data = path.read_bytes()
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ModelError(f"entity model not found: {exc.filename}") from None
        except (OSError, ValueError) as exc:
            raise ModelError(f"entity model manifest {manifest_path} is damaged: {exc}") from None
        if not isinstance(manifest, dict) or manifest.get("sha256") != file_digest(data):
            raise ModelError(
                f"entity model {path} is damaged (its checksum does not match): "
                "reinstall Newsdesk or run `newsdesk tag retrain`"
            )
        lex_path = path.with_name(path.name.removesuffix(".crfsuite") + ".lex.json.gz")
        try:
            lex_bytes = lex_path.read_bytes()
        except OSError:
            raise ModelError(f"entity model word list not found: {lex_path}") from None
        if manifest.get("lexicon_sha256") != file_digest(lex_bytes):
            raise ModelError(f"entity model word list {lex_path} is damaged")
        lexicon = json.loads(gzip.decompress(lex_bytes))
        return cls(data, manifest, str(path), lexicon)

    def tag(self, tokens: Sequence[str]) -> list[Span]:
        if not tokens:
            return []
        feats = token_features(tokens, self.lexicon, self.gazetteer)
        labels = self._tagger.tag(feats)
        scores = [self._tagger.marginal(label, i) for i, label in enumerate(labels)]
        return decode_spans(labels, scores)

    def extract(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        for sentence in sentences(text):
            found.extend(self._candidates(text, sentence))
        return found

    def _candidates(self, text: str, sentence: list[Token]) -> list[Candidate]:
        out = []
        for span in self.tag([t.text for t in sentence]):
            start, end = sentence[span.start].start, sentence[span.end - 1].end
            kind = LABEL_KINDS.get(span.label, EntityKind.TOPIC)
            out.append(Candidate(text[start:end], kind, start, end, span.score))
        return out
