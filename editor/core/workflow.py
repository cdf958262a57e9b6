"""The editorial workflow: statuses and the transitions allowed between them.

    draft -> in_review -> ready -> published -> corrected
                                       |            |
                                       v            v
                                  unpublished   unpublished
    any status -> archived (and archived -> draft to revive a piece)

An editor may always send a piece back a step (review -> draft, ready -> review);
only ``ready`` (or an already public piece) may go live.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    READY = "ready"
    PUBLISHED = "published"
    CORRECTED = "corrected"
    UNPUBLISHED = "unpublished"
    ARCHIVED = "archived"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def colour(self) -> str:
        """A hex colour the article list uses for this status."""
        return _COLOURS[self]

    @property
    def icon(self) -> str:
        """Name of the icon file in resources/icons/status/ (without .svg)."""
        return self.value


_LABELS = {
    Status.DRAFT: "Draft",
    Status.IN_REVIEW: "In review",
    Status.READY: "Ready",
    Status.PUBLISHED: "Published",
    Status.CORRECTED: "Corrected",
    Status.UNPUBLISHED: "Unpublished",
    Status.ARCHIVED: "Archived",
}

_COLOURS = {
    Status.DRAFT: "#8a8f98",
    Status.IN_REVIEW: "#d08700",
    Status.READY: "#2f7de1",
    Status.PUBLISHED: "#1e9e4a",
    Status.CORRECTED: "#7a4fd6",
    Status.UNPUBLISHED: "#c4453a",
    Status.ARCHIVED: "#5b6470",
}

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.DRAFT: frozenset({Status.IN_REVIEW, Status.ARCHIVED}),
    Status.IN_REVIEW: frozenset({Status.DRAFT, Status.READY, Status.ARCHIVED}),
    Status.READY: frozenset({Status.IN_REVIEW, Status.DRAFT, Status.PUBLISHED, Status.ARCHIVED}),
    Status.PUBLISHED: frozenset({Status.CORRECTED, Status.UNPUBLISHED, Status.ARCHIVED}),
    Status.CORRECTED: frozenset({Status.CORRECTED, Status.UNPUBLISHED, Status.ARCHIVED}),
    Status.UNPUBLISHED: frozenset({Status.DRAFT, Status.PUBLISHED, Status.ARCHIVED}),
    Status.ARCHIVED: frozenset({Status.DRAFT}),
}

# Statuses whose articles are on the public site.
PUBLIC_STATUSES = frozenset({Status.PUBLISHED, Status.CORRECTED})
# Statuses from which a publish run puts an article on the site (or keeps it there):
# ready ones and unpublished ones go (back) online, public ones are republished.
PUBLISHABLE_STATUSES = frozenset({Status.READY, Status.UNPUBLISHED, *PUBLIC_STATUSES})
# Moves that change what the site shows, and the publish action that makes each: the
# status is recorded with the pages written or removed, never moved on its own.
SITE_ACTIONS: dict[Status, str] = {
    Status.PUBLISHED: "publish",
    Status.CORRECTED: "correct",
    Status.UNPUBLISHED: "unpublish",
}


class TransitionError(ValueError):
    """A status change the workflow does not allow."""


def parse_status(value: str) -> Status:
    """``Status`` for ``value`` (``"in review"`` and ``"in-review"`` accepted too)."""
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Status(key)
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        raise ValueError(f"unknown status {value!r} (allowed: {allowed})") from None


def allowed_transitions(current: Status) -> list[Status]:
    """The statuses an article in ``current`` may move to, in workflow order."""
    order = list(Status)
    return sorted(TRANSITIONS[current], key=order.index)


def check_transition(current: Status, target: Status) -> None:
    if target not in TRANSITIONS[current]:
        raise TransitionError(f"an article cannot go from {current.label} to {target.label}")
