"""A linear-chain CRF's weights, stored compactly and decoded with numpy.

python-crfsuite trains the model; tagging with it costs more in handing it ~30 feature
strings per token (each copied and looked up in its dictionary) than in decoding.  So
after training its weights are exported here: one row of label scores per attribute
and a label-to-label transition matrix.  The tagger then adds up rows that were summed
once per distinct word, and decodes all sentences of an article at once (Viterbi for
the labels, forward-backward for the confidence of each).  crfsuite's first-order model
has no start or end weights, so this gives the labels it would give.

File format (gzip-compressed): ``NDCRF1\\n``, a JSON header line (labels, attribute
count), the attributes one a line, then float32 state weights (attributes × labels,
row-major) and float32 transitions (labels × labels).
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

MAGIC = b"NDCRF1\n"

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]


class CrfFormatError(ValueError):
    """Bytes that are not a model in this format."""


class LinearChainCRF:
    """Attribute weights per label and transitions; row 0 is "no such attribute"."""

    def __init__(
        self,
        labels: Sequence[str],
        attributes: Sequence[str],
        state: npt.NDArray[np.floating],
        transitions: npt.NDArray[np.floating],
    ) -> None:
        n = len(labels)
        if state.shape != (len(attributes), n) or transitions.shape != (n, n):
            raise CrfFormatError("weights do not fit the labels and attributes")
        self.labels: tuple[str, ...] = tuple(labels)
        self.attributes: tuple[str, ...] = tuple(attributes)
        # Index 0 is kept for attributes the model does not know: a zero row.
        self.index: dict[str, int] = {a: i + 1 for i, a in enumerate(attributes)}
        self.state: FloatArray = np.zeros((len(attributes) + 1, n), dtype=np.float64)
        self.state[1:] = state
        self.transitions: FloatArray = np.asarray(transitions, dtype=np.float64)

    # ------------------------------------------------------------ storage

    @classmethod
    def from_crfsuite(cls, path: Path) -> LinearChainCRF:
        """The weights of a model python-crfsuite wrote (only non-zero ones are kept)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        try:
            info = tagger.info()
        finally:
            tagger.close()
        labels = sorted(info.labels, key=lambda name: info.labels[name])
        col = {name: i for i, name in enumerate(labels)}
        attributes = sorted({attr for attr, _ in info.state_features})
        row = {attr: i for i, attr in enumerate(attributes)}
        state = np.zeros((len(attributes), len(labels)), dtype=np.float32)
        for (attr, label), weight in info.state_features.items():
            state[row[attr], col[label]] = weight
        trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (src, dst), weight in info.transitions.items():
            trans[col[src], col[dst]] = weight
        return cls(labels, attributes, state, trans)

    def to_bytes(self) -> bytes:
        for attr in self.attributes:
            if "\n" in attr:
                raise CrfFormatError(f"an attribute holds a line break: {attr!r}")
        header = json.dumps({"labels": self.labels, "attributes": len(self.attributes)})
        body = b"".join(
            [
                MAGIC,
                header.encode("utf-8") + b"\n",
                "".join(f"{attr}\n" for attr in self.attributes).encode("utf-8"),
                self.state[1:].astype("<f4").tobytes(),
                self.transitions.astype("<f4").tobytes(),
            ]
        )
        return gzip.compress(body, compresslevel=9, mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes) -> LinearChainCRF:
        try:
            body = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise CrfFormatError(f"not a compressed model: {exc}") from None
        if not body.startswith(MAGIC):
            raise CrfFormatError("not a Newsdesk CRF model")
        try:
            header_end = body.index(b"\n", len(MAGIC))
            header = json.loads(body[len(MAGIC) : header_end])
            labels = [str(x) for x in header["labels"]]
            count = int(header["attributes"])
            pos = header_end + 1
            attributes: list[str] = []
            if count:
                end = pos
                for _ in range(count):
                    end = body.index(b"\n", end) + 1
                attributes = body[pos : end - 1].decode("utf-8").split("\n")
                pos = end
        except (ValueError, KeyError, TypeError) as exc:
            raise CrfFormatError(f"damaged model header: {exc}") from None
        n = len(labels)
        need = 4 * (count * n + n * n)
        if len(body) - pos != need:
            raise CrfFormatError("the model's weights are cut short or too long")
        weights = np.frombuffer(body, dtype="<f4", offset=pos)
        state = weights[: count * n].reshape(count, n)
        trans = weights[count * n :].reshape(n, n)
        return cls(labels, attributes, state, trans)

    # ------------------------------------------------------------ decoding

    def rows(self, attributes: Sequence[str]) -> FloatArray:
        """The summed label scores of some attributes (unknown ones add nothing)."""
        index = self.index
        ids = [index.get(a, 0) for a in attributes]
        return self.state[ids].sum(axis=0)

    def decode(
        self, emissions: FloatArray, lengths: IntArray
    ) -> tuple[npt.NDArray[np.intp], FloatArray]:
        """Best labels and the marginal probabilities of every label, for padded sentences.

        ``emissions`` is (sentences, positions, labels); positions past a sentence's
        length are ignored.  Returns label indices (sentences, positions) and marginals
        (sentences, positions, labels); padding positions hold 0.
        """
        batch, width, _ = emissions.shape
        if batch == 0 or width == 0:
            return np.zeros((batch, width), dtype=np.intp), np.zeros((batch, width))
        # Longest sentences first: at position t only the first active[t] rows are
        # still going, so each step works on a prefix and no time goes on padding.
        order = np.argsort(-lengths, kind="stable")
        scores = emissions[order]
        lens = lengths[order]
        active = (lens[None, :] > np.arange(width)[:, None]).sum(axis=1)
        best = self._viterbi(scores, lens, active)
        probs = self._marginals(scores, active)
        out_best = np.empty_like(best)
        out_probs = np.empty_like(probs)
        out_best[order] = best
        out_probs[order] = probs
        return out_best, out_probs

    def _viterbi(
        self, scores: FloatArray, lens: IntArray, active: IntArray
    ) -> npt.NDArray[np.intp]:
        batch, width, n = scores.shape
        trans = self.transitions
        total = scores[:, 0].copy()
        back = np.zeros((batch, width, n), dtype=np.intp)
        for t in range(1, width):
            k = active[t]
            cand = total[:k, :, None] + trans[None]
            back[:k, t] = cand.argmax(axis=1)
            total[:k] = cand.max(axis=1) + scores[:k, t]
        last = total.argmax(axis=1)
        best = np.zeros((batch, width), dtype=np.intp)
        for t in range(width - 1, -1, -1):
            k, going_on = active[t], (active[t + 1] if t + 1 < width else 0)
            # Rows going_on..k end at t; those before it follow the back pointers.
            best[going_on:k, t] = last[going_on:k]
            if going_on:
                rows = np.arange(going_on)
                best[:going_on, t] = back[rows, t + 1, best[:going_on, t + 1]]
        return best

    def _marginals(self, scores: FloatArray, active: IntArray) -> FloatArray:
        """Forward-backward, each step rescaled to sum 1."""
        batch, width, n = scores.shape
        # Shifting a position's scores by a constant scales every path alike, so the
        # marginals stay; it keeps exp() in range.
        emit = np.exp(scores - scores.max(axis=2, keepdims=True))
        trans = np.exp(self.transitions)
        alpha = np.zeros((batch, width, n))
        first = emit[:, 0]
        alpha[:, 0] = first / first.sum(axis=1, keepdims=True)
        for t in range(1, width):
            k = active[t]
            step = (alpha[:k, t - 1] @ trans) * emit[:k, t]
            alpha[:k, t] = step / step.sum(axis=1, keepdims=True)
        beta = np.zeros((batch, width, n))
        for t in range(width - 1, -1, -1):
            k, going_on = active[t], (active[t + 1] if t + 1 < width else 0)
            beta[going_on:k, t] = 1.0
            if going_on:
                step = (emit[:going_on, t + 1] * beta[:going_on, t + 1]) @ trans.T
                beta[:going_on, t] = step / step.sum(axis=1, keepdims=True)
        joint = alpha * beta
        norm = joint.sum(axis=2, keepdims=True)
        return np.divide(joint, norm, out=np.zeros_like(joint), where=norm > 0)
