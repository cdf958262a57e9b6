"""The sample archive: twenty short technology pieces to try Newsdesk with.

The first start on an empty archive offers them.  They were written for this
project (fictional companies and people) in German and English, with six
translation pairs, one Chinese piece, and every workflow status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.app.importing import ImportService, read_source
from editor.core.article import ListQuery
from editor.core.resources import resource_path

if TYPE_CHECKING:
    from editor.app.workspace import Workspace

SAMPLES_FILE = ("samples", "articles.jsonl")


def is_empty(workspace: Workspace) -> bool:
    """True when the archive holds no article at all (not even in the trash)."""
    articles = workspace.articles
    return articles.count(ListQuery()) == 0 and articles.count(ListQuery(trashed=True)) == 0


def load_samples(workspace: Workspace) -> int:
    """Import the sample articles; returns how many were created.

    Loading twice does not duplicate them (they carry ids like any import).
    """
    parsed = read_source(resource_path(*SAMPLES_FILE))
    if parsed.rejected:  # a broken resource file is a bug in this program
        raise RuntimeError(f"sample archive: {parsed.rejected[0]}")
    report = ImportService(workspace).import_records(parsed.records, source="the sample archive")
    return report.created
