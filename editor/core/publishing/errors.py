"""Exceptions raised by the publisher, each with a message fit to show an editor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.publishing.checks import Problem


class PublishError(Exception):
    """Base class: publishing could not be done; ``str(error)`` explains why."""


class OutputFolderError(PublishError):
    """The output folder cannot be used (a file, not writable, forbidden, foreign)."""


class UnsafePathError(PublishError):
    """A slug, language code or tag would produce a path outside the output folder."""


class DuplicatePathError(PublishError):
    """Two articles would be published at the same address."""


class InvalidSettingsError(PublishError):
    """The site settings are unusable (no languages, a base URL that is not http(s) …)."""


class TemplateError(PublishError):
    """A page template (built-in or from the override folder) failed to render."""


class ArticleRejectedError(PublishError):
    """One or more articles have blocking problems; ``problems`` lists them."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = [f"{len(self.problems)} problem(s) prevent publishing:"]
        lines += [f"- {problem}" for problem in self.problems]
        super().__init__("\n".join(lines))
