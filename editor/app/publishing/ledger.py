"""What a publish run promises before it writes, and how it is recorded after.

A run first writes down its plan (the setting ``publishing.pending``: the action,
the output folder, the status each article moves to, what the site is to show
of each), then writes the site, then commits in ONE transaction the status
changes, the publication records and the removal of the plan.  So an article is
published in the archive only together with a recorded publication, and never
before the site shows it.

A run killed between the site and the record leaves the plan behind: the next
start of any command calls :func:`repair`, which finishes or undoes what the
site folder holds (``editor.core.publishing.writer.recover``), then compares the
site with the plan: when it shows what was planned the record is committed,
otherwise the plan is dropped (the statuses never moved).  Either way it says so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from editor.core.links import PublicationRecord
from editor.core.workflow import SITE_ACTIONS, Status, allowed_transitions
from editor.store import articles as article_store
from editor.store import bulk
from editor.store import links as link_store
from editor.store.database import Database
from editor.store.errors import NotFoundError

SETTING_PENDING = "publishing.pending"

# What each action moves an article to (None: the status stays).
ACTION_TARGET: dict[str, Status | None] = {action: s for s, action in SITE_ACTIONS.items()}


@dataclass(frozen=True)
class Plan:
    """One run's promise: ``expected`` is what the site is to show of each article
    (its signature; ``None``: not on the site)."""

    action: str
    output: Path
    at: datetime  # the articles were read at this time: the publication's time
    moves: Mapping[int, Status] = field(default_factory=dict)
    expected: Mapping[int, str | None] = field(default_factory=dict)

    @property
    def ids(self) -> list[int]:
        return list(self.expected)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "output": str(self.output),
            "at": self.at.isoformat(),
            "moves": [[i, s.value] for i, s in self.moves.items()],
            "expected": [[i, sig] for i, sig in self.expected.items()],
        }

    @classmethod
    def from_json(cls, value: Mapping[str, Any]) -> Plan:
        return cls(
            action=str(value["action"]),
            output=Path(value["output"]),
            at=datetime.fromisoformat(value["at"]),
            moves={int(i): Status(s) for i, s in value["moves"]},
            expected={int(i): sig for i, sig in value["expected"]},
        )


@dataclass(frozen=True)
class Recorded:
    """What :func:`record` committed: the articles whose status moved (before, after)."""

    moved: list[tuple[Status, Any]] = field(default_factory=list)


def write_plan(db: Database, plan: Plan) -> None:
    with db.session(write=True) as s:
        article_store.set_setting(s, SETTING_PENDING, plan.to_json())


def pending_plan(db: Database) -> Plan | None:
    with db.session() as s:
        value = article_store.get_setting(s, SETTING_PENDING)
    if not value:
        return None
    try:
        return Plan.from_json(value)
    except (KeyError, TypeError, ValueError):
        return None  # unreadable: treated as no plan (dropped by the next record)


def drop_plan(db: Database) -> None:
    with db.session(write=True) as s:
        article_store.set_setting(s, SETTING_PENDING, None)


def record(db: Database, plan: Plan, pages: Mapping[int, str], user: str) -> Recorded:
    """Commit the plan: statuses, a revision for each move, a publication record for each
    article, the plan removed; all or nothing."""
    moved: list[tuple[Status, Any]] = []
    with db.session(write=True) as s:
        for article_id, target in plan.moves.items():
            try:
                current = article_store.get_article(s, article_id)
            except NotFoundError:
                continue  # emptied from the trash meanwhile: nothing to move
            if current.status is target or target not in allowed_transitions(current.status):
                continue  # moved elsewhere meanwhile; the record still says what went out
            changes: dict[str, Any] = {"status": target.value}
            if target is Status.PUBLISHED and current.published_at is None:
                changes["published_at"] = plan.at
            # Not "touched": the time of the last edit tells whether the site is out of date.
            article = article_store.update_article(s, article_id, changes, touch=False)
            article_store.add_revision(
                s,
                article_id,
                reason="status",
                author=user,
                note=f"{current.status.label} → {target.label}",
            )
            moved.append((current.status, article))
        existing = bulk.existing_ids(s, plan.ids)  # some may be gone meanwhile
        revisions = article_store.latest_revision_numbers(s, sorted(existing))
        for article_id in plan.ids:
            if article_id not in existing:
                continue
            link_store.add_publication(
                s,
                PublicationRecord(
                    article_id=article_id,
                    revision_number=revisions.get(article_id),
                    action=plan.action,
                    published_at=plan.at,
                    output_dir=str(plan.output),
                    path=pages.get(article_id, ""),
                ),
            )
        article_store.set_setting(s, SETTING_PENDING, None)
    return Recorded(moved)


def reached(plan: Plan, shown: Mapping[int, tuple[str, str]] | None) -> bool:
    """Whether the site (``shown``: id -> (signature, page)) shows what the plan promised."""
    if shown is None:
        return False
    for article_id, signature in plan.expected.items():
        there = shown.get(article_id)
        if signature is None and there is not None:
            return False
        if signature is not None and (there is None or there[0] != signature):
            return False
    return True


def describe_repair(plan: Plan, completed: bool) -> str:
    if not plan.ids:
        return f"An interrupted update of the recent posts in {plan.output} was " + (
            "finished." if completed else "dropped; the next publish brings them up to date."
        )
    count = len(plan.ids)
    noun = "article" if count == 1 else "articles"
    if completed:
        return (
            f"An interrupted {plan.action} run ({count} {noun}, {plan.output}) had written "
            "the site but not recorded it; it is recorded now."
        )
    return (
        f"An interrupted {plan.action} run ({count} {noun}, {plan.output}) had not reached "
        "the site; nothing was published and no status changed."
    )
