from __future__ import annotations

import itertools

import pytest

from editor.core.workflow import (
    TRANSITIONS,
    Status,
    TransitionError,
    allowed_transitions,
    check_transition,
    parse_status,
)


def test_the_happy_path_is_allowed() -> None:
    path = [Status.DRAFT, Status.IN_REVIEW, Status.READY, Status.PUBLISHED, Status.CORRECTED]
    for current, target in itertools.pairwise(path):
        check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target"),
    [
        (Status.DRAFT, Status.PUBLISHED),
        (Status.DRAFT, Status.READY),
        (Status.IN_REVIEW, Status.PUBLISHED),
        (Status.ARCHIVED, Status.PUBLISHED),
        (Status.PUBLISHED, Status.DRAFT),
    ],
)
def test_shortcuts_are_refused(current: Status, target: Status) -> None:
    with pytest.raises(TransitionError, match="cannot go from"):
        check_transition(current, target)


def test_every_status_can_be_archived_or_left() -> None:
    for status in Status:
        assert TRANSITIONS[status], f"{status} is a dead end"
        if status is not Status.ARCHIVED:
            assert Status.ARCHIVED in TRANSITIONS[status]


def test_allowed_transitions_in_workflow_order() -> None:
    assert allowed_transitions(Status.READY) == [
        Status.DRAFT,
        Status.IN_REVIEW,
        Status.PUBLISHED,
        Status.ARCHIVED,
    ]


def test_parse_status_accepts_spellings() -> None:
    assert parse_status("in review") is Status.IN_REVIEW
    assert parse_status("In-Review") is Status.IN_REVIEW
    assert parse_status("published") is Status.PUBLISHED
    with pytest.raises(ValueError, match="unknown status 'live'"):
        parse_status("live")


def test_every_status_has_label_and_colour() -> None:
    for status in Status:
        assert status.label
        assert status.colour.startswith("#") and len(status.colour) == 7
