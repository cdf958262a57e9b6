"""Fuzzy matching for the command palette: commands and article titles.

Qt-free so that ranking is tested (and benchmarked) without widgets.  Scores
are rapidfuzz's ``WRatio`` (0-100, tolerant of typos and word order) plus
bonuses for what people type on purpose: the beginnings of words ("dup art"),
initials ("na" for New Article) and, for commands, having used it recently.

Articles: the archive may hold 100 000 of them, so SQL narrows first (the
list's LIKE filter on the whole query, then on word fragments to survive
typos), and rapidfuzz re-ranks at most a few hundred titles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rapidfuzz import fuzz, utils

from editor.commands.registry import Command, CommandRegistry
from editor.commands.title_index import TitleIndex, has_cjk, title_index_for
from editor.core.article import ArticleSummary, ListQuery

if TYPE_CHECKING:
    from editor.app.articles import ArticleService
    from editor.app.workspace import Workspace
    from editor.commands.context import CommandContext

ResultKind = Literal["command", "article", "entity"]

MIN_SCORE = 75.0  # below this a match is more noise than help
WORD_PREFIX_BONUS = 12.0  # every typed word starts a word of the title
INITIALS_BONUS = 15.0  # "na" -> New Article
RECENT_BONUS = 10.0  # the most recently used command; older ones get less
COMMAND_TIE_BONUS = 1.0  # equal scores: the command before the article
KEYWORD_PENALTY = 5.0  # a keyword match counts a little less than the title
START_BONUS = 5.0  # the title begins with what was typed
COVERAGE_BONUS = 10.0  # times the share of typed words the title holds
TYPO_RATIO = 80  # fuzz.ratio for a title word to count as a misspelt query word

ARTICLE_LIMIT = 8  # articles shown for a query
RECENT_ARTICLES = 5  # recently edited articles shown for an empty query
SQL_CANDIDATES = 200  # rows each SQL narrowing step may return
RECENT_CANDIDATES = 100  # recently edited titles always re-ranked
SQL_SEARCH_LIMIT = 5000  # larger archives wait for the title index (see article_candidates)
FRAGMENT = 3  # letters of a word used for the typo-tolerant LIKE
ENTITY_LIMIT = 3  # "Show articles tagged …" offers for a query
ENTITY_CANDIDATES = 50  # entities whose names contain the query, re-ranked
ENTITY_MIN_QUERY = 2  # one letter would match half the archive's names

# How the interface shows a text from below it: (context, English text) -> shown text.
# The window passes Qt's QCoreApplication.translate; contexts "commands" (titles),
# "menus" (categories) and "status" (status labels).  Without one, English is shown.
Translate = Callable[[str, str], str]


def _english(_context: str, text: str) -> str:
    return text


COMMANDS_ONLY = ">"  # palette prefix: only commands
ARTICLES_ONLY = "#"  # palette prefix: only articles


@dataclass(frozen=True, slots=True)
class SearchResult:
    kind: ResultKind
    id: str | int  # command id, or article id
    title: str
    detail: str = ""  # command category, or "de · Draft" for an article
    shortcut: str | None = None
    score: float = 0.0


# ---------------------------------------------------------------- scoring


def _words(text: str) -> list[str]:
    return utils.default_process(text).split()


def _initials_match(query: str, words: Sequence[str]) -> bool:
    compact = query.replace(" ", "")
    return len(compact) >= 2 and "".join(w[0] for w in words).startswith(compact)


def _word_matches(query_word: str, word: str) -> bool:
    """``word`` starts with, contains (compounds) or is a misspelling of ``query_word``."""
    if word.startswith(query_word):
        return True
    if len(query_word) >= 3 and query_word in word:
        return True
    return len(query_word) >= 4 and fuzz.ratio(query_word, word) >= TYPO_RATIO


def _coverage(query_words: Sequence[str], words: Sequence[str]) -> float:
    """The share of ``query_words`` found among ``words``."""
    found = sum(1 for q in query_words if any(_word_matches(q, w) for w in words))
    return found / len(query_words)


def _word_prefix_match(query_words: Sequence[str], words: Sequence[str]) -> bool:
    return bool(query_words) and all(any(w.startswith(q) for w in words) for q in query_words)


def score_text(query: str, text: str) -> float:
    """How well ``query`` matches ``text``: 0 for no match, about 100 or more for a good one."""
    processed = utils.default_process(query)
    if not processed or not text:
        return 0.0
    query_words = processed.split()
    words = _words(text)
    prefix = _word_prefix_match(query_words, words)
    initials = _initials_match(processed, words)
    joined = " ".join(words)
    start = START_BONUS if joined.startswith(processed) else 0.0
    if has_cjk(processed):
        return _cjk_score(processed, joined) + start
    if len(processed) <= 2:
        # One or two letters fuzzy-match almost anything: only word starts count.
        if initials:
            return 90.0 + INITIALS_BONUS + start
        return 85.0 + WORD_PREFIX_BONUS + start if prefix else 0.0
    score = fuzz.WRatio(processed, joined) + start
    if len(query_words) > 1:
        # WRatio scores a title holding two of three words as high as one holding
        # all three (partial matching): count how many typed words it really has.
        score += COVERAGE_BONUS * _coverage(query_words, words)
    if prefix:
        score += WORD_PREFIX_BONUS
    elif initials:
        score += INITIALS_BONUS
    return float(score)


def _cjk_score(query: str, text: str) -> float:
    if query.replace(" ", "") in text.replace(" ", ""):
        return 100.0
    return float(fuzz.partial_ratio(query, text)) if len(query) > 2 else 0.0


def _command_score(query: str, command: Command, translate: Translate = _english) -> float:
    """The best of the shown title, the English title (the program speaks both) and the
    keywords."""
    best = score_text(query, command.title)
    shown = translate("commands", command.title)
    if shown != command.title:
        best = max(best, score_text(query, shown))
    for keyword in command.keywords:
        best = max(best, score_text(query, keyword) - KEYWORD_PENALTY)
    return best


def _recent_bonus(command_id: str, recent: Sequence[str]) -> float:
    if command_id not in recent:
        return 0.0
    return RECENT_BONUS * (1.0 - recent.index(command_id) / max(len(recent), 1))


# ---------------------------------------------------------------- commands


def _command_result(
    command: Command, score: float, translate: Translate = _english
) -> SearchResult:
    return SearchResult(
        kind="command",
        id=command.id,
        title=translate("commands", command.title),
        detail=translate("menus", command.category),
        shortcut=command.shortcut,
        score=score,
    )


def rank_commands(
    query: str,
    commands: Iterable[Command],
    *,
    recent: Sequence[str] = (),
    ctx: CommandContext | None = None,
    translate: Translate = _english,
) -> list[SearchResult]:
    """Palette commands matching ``query``, best first (titles as ``translate`` shows them).

    An empty query lists every command: the recent ones first (most recent
    first), then the rest by category and title.  With ``ctx``, commands that
    are disabled now are left out.
    """
    if ctx is None:
        offered = [c for c in commands if c.palette]
    else:
        with ctx.snapshot():
            offered = [c for c in commands if c.palette and c.is_enabled(ctx)]
    if not query.strip():
        return _commands_by_recency(offered, recent, translate)
    results = []
    for command in offered:
        score = _command_score(query, command, translate)
        if score >= MIN_SCORE:
            bonus = _recent_bonus(command.id, recent)
            results.append(_command_result(command, score + bonus, translate))
    results.sort(key=lambda r: (-r.score, r.title))
    return results


def _commands_by_recency(
    commands: list[Command], recent: Sequence[str], translate: Translate = _english
) -> list[SearchResult]:
    by_id = {c.id: c for c in commands}
    first = [by_id[i] for i in recent if i in by_id]
    results = [_command_result(c, 0.0, translate) for c in first]
    rest = [_command_result(c, 0.0, translate) for c in commands if c.id not in recent]
    return results + sorted(rest, key=lambda r: (r.detail, r.title))


# ---------------------------------------------------------------- articles


def _article_result(
    summary: ArticleSummary, score: float, translate: Translate = _english
) -> SearchResult:
    return SearchResult(
        kind="article",
        id=summary.id,
        title=summary.title or translate("commands", "(untitled)"),
        detail=f"{summary.language} · {translate('status', summary.status.label)}",
        score=score,
    )


def rank_articles(
    query: str,
    candidates: Iterable[ArticleSummary],
    *,
    limit: int = ARTICLE_LIMIT,
    translate: Translate = _english,
) -> list[SearchResult]:
    """Re-rank candidate rows by their titles (an exact external id also counts)."""
    wanted = query.strip().lower()
    results = []
    for summary in candidates:
        score = score_text(query, summary.title)
        if summary.external_id and summary.external_id.lower() == wanted:
            score = max(score, 100.0)
        if score >= MIN_SCORE:
            results.append(_article_result(summary, score, translate))
    results.sort(key=lambda r: (-r.score, r.title))
    return results[:limit]


def _fragments(query: str) -> list[str]:
    """Pieces of the longer words, so that one typo still leaves a piece that matches."""
    pieces: list[str] = []
    for word in sorted(set(re.findall(r"\w{4,}", query.lower())), key=len, reverse=True)[:3]:
        for piece in (word[:FRAGMENT], word[-FRAGMENT:]):
            if piece not in pieces:
                pieces.append(piece)
    return pieces


def article_candidates(
    articles: ArticleService,
    query: str,
    *,
    enough: int = ARTICLE_LIMIT,
    index: TitleIndex | None = None,
) -> list[ArticleSummary]:
    """Rows worth fuzzy-ranking for ``query``: a few hundred at most, whatever the archive.

    From the title index when it is loaded.  Otherwise from SQL LIKE queries,
    which are fine on small archives; on a large one (more than
    ``SQL_SEARCH_LIMIT`` articles, where each LIKE scan takes a second or more)
    only the recently edited rows are offered until the index is ready.
    """
    if index is not None and index.ready:
        return index.candidates(query)
    if index is not None and articles.count() > SQL_SEARCH_LIMIT:
        return articles.list(ListQuery(limit=RECENT_CANDIDATES))
    found: dict[int, ArticleSummary] = {}

    def add(rows: Iterable[ArticleSummary]) -> None:
        for row in rows:
            found.setdefault(row.id, row)

    add(articles.list(ListQuery(text=query.strip(), limit=SQL_CANDIDATES)))
    if len(found) < enough:
        # Few exact hits: maybe a typo.  Ask for word fragments instead.
        for piece in _fragments(query):
            add(articles.list(ListQuery(text=piece, limit=SQL_CANDIDATES)))
    add(articles.list(ListQuery(limit=RECENT_CANDIDATES)))
    return list(found.values())


def search_articles(
    articles: ArticleService,
    query: str,
    *,
    limit: int = ARTICLE_LIMIT,
    index: TitleIndex | None = None,
    translate: Translate = _english,
) -> list[SearchResult]:
    """Articles for the palette: the recently edited ones for an empty query."""
    if not query.strip():
        recent = articles.list(ListQuery(limit=RECENT_ARTICLES))
        return [_article_result(s, 0.0, translate) for s in recent][:limit]
    candidates = article_candidates(articles, query, enough=limit, index=index)
    return rank_articles(query, candidates, limit=limit, translate=translate)


# ---------------------------------------------------------------- entities


def search_entities(
    workspace: Workspace, query: str, *, limit: int = ENTITY_LIMIT
) -> list[SearchResult]:
    """Entities any of whose names match: "Show articles tagged …" in the palette."""
    text = query.strip()
    if len(text) < ENTITY_MIN_QUERY:
        return []
    results = []
    for entity in workspace.entities.list(search=text, limit=ENTITY_CANDIDATES):
        score = max(score_text(text, name) for name in entity.names())
        if score >= MIN_SCORE and entity.id is not None:
            # The title is the entity's name; the palette words the offer around it.
            results.append(
                SearchResult("entity", entity.id, entity.name, entity.kind.value, score=score)
            )
    results.sort(key=lambda r: (-r.score, r.title))
    return results[:limit]


# ---------------------------------------------------------------- both


def split_mode(query: str) -> tuple[str, bool, bool]:
    """``(text, want_commands, want_articles)`` from the palette's prefix convention."""
    if query.startswith(COMMANDS_ONLY):
        return query[len(COMMANDS_ONLY) :], True, False
    if query.startswith(ARTICLES_ONLY):
        return query[len(ARTICLES_ONLY) :], False, True
    return query, True, True


def search(
    query: str,
    registry: CommandRegistry,
    ctx: CommandContext,
    *,
    article_limit: int = ARTICLE_LIMIT,
    index: TitleIndex | None = None,
    translate: Translate = _english,
) -> list[SearchResult]:
    """What the palette lists for ``query`` (texts as ``translate`` shows them).

    Empty query: recent commands, then recently edited articles, then the other
    commands.  Otherwise commands and articles merged by score.  A leading ">"
    asks for commands only, "#" for articles only.

    Articles come from ``index`` (default: the workspace's shared title index,
    which the window loads on its runner on first use; until it is ready, SQL
    answers).
    """
    if index is None:
        index = title_index_for(ctx.workspace)
        index.start_loading(ctx.window.run_operation)
    text, want_commands, want_articles = split_mode(query)
    recent = registry.recent()
    commands = (
        rank_commands(text, registry, recent=recent, ctx=ctx, translate=translate)
        if want_commands
        else []
    )
    articles = (
        search_articles(
            ctx.workspace.articles, text, limit=article_limit, index=index, translate=translate
        )
        if want_articles
        else []
    )
    if not text.strip():
        recent_commands = [c for c in commands if c.id in recent]
        other_commands = [c for c in commands if c.id not in recent]
        return [*recent_commands, *articles, *other_commands]
    entities = search_entities(ctx.workspace, text) if want_articles else []
    merged = [*commands, *articles, *entities]
    merged.sort(key=lambda r: -(r.score + (COMMAND_TIE_BONUS if r.kind == "command" else 0.0)))
    return merged
