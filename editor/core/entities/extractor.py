"""New names the archive does not know yet, found by a CRF model.

German capitalises every noun, so capitalisation alone cannot tell a name from a word;
a conditional random field trained on GermEval-2014 (CC BY 4.0) can.  python-crfsuite
trains it; its weights ship in ``resources/models`` in the compact form of crf.py with
a manifest holding their checksum, so that a damaged file is refused with a message.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.entities.crf import CrfFormatError, LinearChainCRF
from editor.core.entities.datelines import with_datelines
from editor.core.entities.document_features import DOCUMENT_FEATURES, document_emissions
from editor.core.entities.emissions import EmissionBuilder
from editor.core.entities.features import FEATURE_VERSION
from editor.core.entities.model import EntityKind
from editor.core.entities.text import is_english, model_words, sentences
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
    return base.with_suffix(".crf"), base.with_suffix(".json")


def lexicon_path(lang: str, folder: Path | None = None) -> Path:
    return (folder or models_dir()) / f"entities-{lang}.lex.json.gz"


def name_lists_path() -> Path:
    return models_dir() / "name-lists.json.gz"


def load_name_lists(path: Path | None = None) -> dict[str, list[str]] | None:
    """The first names, surnames and places models are trained with (None: not there).

    Only training reads them: a trained model carries the marks in its word list.
    """
    try:
        data = json.loads(gzip.decompress((path or name_lists_path()).read_bytes()))
    except FileNotFoundError:
        return None
    return {key: list(data.get(key, [])) for key in ("first", "last", "places")}


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
        if manifest.get("feature_version") != FEATURE_VERSION:
            raise ModelError(
                f"entity model {source} was trained for other features "
                f"(version {manifest.get('feature_version')}, this program uses "
                f"{FEATURE_VERSION}): retrain it"
            )
        wanted = manifest.get("document_features")
        if wanted is not None and wanted != DOCUMENT_FEATURES:
            raise ModelError(
                f"entity model {source} was trained for other document features "
                f"(version {wanted}, this program uses {DOCUMENT_FEATURES}): retrain it"
            )
        self.manifest = manifest
        self.lang = str(manifest.get("language", ""))
        # Taken from every token's "no name" score before decoding: a model trained on
        # few sentences (English) misses more names than it invents, and this trades
        # some precision for recall (chosen by cross-validation, see the training script).
        bias = manifest.get("name_bias", 0.0)
        self.name_bias = float(bias) if isinstance(bias, int | float) else 0.0
        self.lexicon = (lexicon or {}).get("words", {})
        self.gazetteer = (lexicon or {}).get("names", {})
        try:
            self.crf = LinearChainCRF.from_bytes(model)
        except CrfFormatError as exc:
            raise ModelError(f"entity model {source} cannot be read: {exc}") from None
        self._emissions = EmissionBuilder(self.crf, self.lexicon, self.gazetteer)

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
        lex_path = path.with_name(path.name.removesuffix(".crf") + ".lex.json.gz")
        try:
            lex_bytes = lex_path.read_bytes()
        except OSError:
            raise ModelError(f"entity model word list not found: {lex_path}") from None
        if manifest.get("lexicon_sha256") != file_digest(lex_bytes):
            raise ModelError(f"entity model word list {lex_path} is damaged")
        lexicon = json.loads(gzip.decompress(lex_bytes))
        return cls(data, manifest, str(path), lexicon)

    def tag(self, tokens: Sequence[str]) -> list[Span]:
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sents: Sequence[Sequence[str]]) -> list[list[Span]]:
        """Names in each sentence; all sentences are decoded together (much cheaper)."""
        if is_english(self.lang):
            # As the training data writes them: "Germany’s" reads as "Germany" "'s".
            sents = [model_words(s, self.lang) for s in sents]
        else:
            sents = [s for s in sents]
        out: list[list[Span]] = [[] for _ in sents]
        batch = [i for i, s in enumerate(sents) if s]
        if not batch:
            return out
        emissions, lengths = self._emissions.build([sents[i] for i in batch])
        if self.manifest.get("document_features"):
            emissions += document_emissions(self.crf, [sents[i] for i in batch], emissions.shape[1])
        labels = self.crf.labels
        if self.name_bias and "O" in labels:
            emissions[:, :, labels.index("O")] -= self.name_bias
        best, probs = self.crf.decode(emissions, lengths)
        # A span's score is how sure the model is that its words are a name at all,
        # whatever the kind: that is what an editor accepts (the kind can be changed),
        # and with few training sentences (English) the kinds share the certainty.
        named = 1.0 - probs[:, :, labels.index("O")] if "O" in labels else probs.max(axis=2)
        for row, i in enumerate(batch):
            n = int(lengths[row])
            out[i] = decode_spans([labels[k] for k in best[row, :n]], named[row, :n].tolist())
        if is_english(self.lang):
            # Imported here: english_spans builds on this module's Span.
            from editor.core.entities.english_spans import tidy_spans

            out = tidy_spans(sents, out)
        return out

    def extract(self, text: str) -> list[Candidate]:
        """The names in ``text``, cut by the model's language's rules (as suggest())."""
        sents = sentences(text, self.lang)
        spans = []
        for sentence, found in zip(
            sents, self.tag_sentences([[t.text for t in s] for s in sents]), strict=True
        ):
            for span in found:
                start, end = sentence[span.start].start, sentence[span.end - 1].end
                spans.append((start, end, span.label, span.score))
        if is_english(self.lang):
            spans = with_datelines(text, spans)
        return [
            Candidate(text[start:end], LABEL_KINDS.get(label, EntityKind.TOPIC), start, end, score)
            for start, end, label, score in spans
        ]
