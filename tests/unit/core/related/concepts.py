"""A toy multilingual model for tests: no download, same vectors every run."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# A toy "multilingual model" for the tests: words of either language that mean the same
# land on the same axis, so a German and an English text on one subject point one way.
CONCEPTS = {
    "raumfahrt": 0, "rakete": 0, "rocket": 0, "launch": 0, "start": 0,
    "explodiert": 1, "explosion": 1, "explodes": 1, "exploded": 1,
    "gewerkschaft": 2, "union": 2, "lohn": 2, "wages": 2, "tarif": 2,
    "kuchen": 3, "cake": 3, "ofen": 3, "oven": 3,
}  # fmt: skip


class ConceptEmbedder:
    name = "test-concepts"
    dim = 8

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        rows = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in zip(rows, texts, strict=True):
            for word in text.lower().replace(".", " ").split():
                if word in CONCEPTS:
                    row[CONCEPTS[word]] += 1.0
            row[7] += 0.2  # every text shares a little, as real embeddings do
            row /= np.linalg.norm(row)
        return rows
