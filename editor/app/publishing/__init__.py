"""Publishing use cases (see :mod:`.service`); the site's settings, the record of each
run (:mod:`.ledger`) and the rules an article must pass (:mod:`.review`)."""

from editor.app.publishing.review import PUBLISHABLE, ArticleCheck
from editor.app.publishing.service import (
    ACTIONS,
    PreviewPage,
    PublishResult,
    PublishService,
    SiteState,
)
from editor.app.publishing.settings import DEFAULT_SITE, SETTING_SITE
from editor.app.settings import site_languages

__all__ = [
    "ACTIONS",
    "DEFAULT_SITE",
    "PUBLISHABLE",
    "SETTING_SITE",
    "ArticleCheck",
    "PreviewPage",
    "PublishResult",
    "PublishService",
    "SiteState",
    "site_languages",
]
