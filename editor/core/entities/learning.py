"""How editors' decisions move a name's weight.

A suggestion's score is multiplied by its name's weight: accepted suggestions keep it
near 1, each rejection lowers it, so a word the model keeps taking for a name ("Bild",
"Sonntag") fades out of the suggestions after an editor or two said no, while a name
accepted far more often than rejected stays.
"""

from __future__ import annotations


def decision_weight(accepted: int, rejected: int) -> float:
    """1 with no decisions; (accepted + 1) / (accepted + 2 * rejected + 1) otherwise.

    A rejection counts twice: one "no" takes a name to a third of its score, below the
    threshold unless the model is sure of it; a name accepted three times and rejected
    once keeps two thirds.
    """
    if accepted < 0 or rejected < 0:
        raise ValueError("decision counts cannot be negative")
    return (accepted + 1) / (accepted + 2 * rejected + 1)
