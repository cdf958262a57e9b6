"""Retraining the new-name model from the archive's tags and decisions.

Every entity an article is tagged with (by hand, "Tag Selection as…", ``newsdesk tag``,
or by accepting a suggestion) marks its mentions in that article's text as names of
its kind; rejected suggestions mark words that are no names.  Those sentences are added
to the model's original training data (GermEval-2014's train and dev splits for German,
wikigold's training articles, 3 of every 4, for English; the folder is given, it is not
shipped), a model is trained with the shipped model's settings (training.py), and it
replaces the current one only if it scores at least as well on the held-out test data
(GermEval's test split, wikigold's other quarter): learning must never make
suggestions worse, so a model that scores lower is refused and the current one stays.
The English model reads whole articles (document features), so each archive article
is passed whole: its sentences without names still say how it writes its words.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editor.app.entities.suggestions import tagging_text
from editor.core.entities.corpus import Document, Sentence, tag_f1
from editor.core.entities.extractor import (
    KIND_LABELS,
    CandidateExtractor,
    ModelError,
    lexicon_path,
    load_name_lists,
    model_paths,
)
from editor.core.entities.matcher import KnownMatcher
from editor.core.entities.model import Entity, EntityKind, name_key
from editor.core.entities.text import model_words, sentences
from editor.core.entities.training import (
    LANGUAGE_SETTINGS,
    TrainingArticle,
    corpus_files,
    corpus_splits,
    train_language_model,
)
from editor.store import bulk
from editor.store import entities as store

if TYPE_CHECKING:
    from editor.app.workspace import Workspace


_BATCH = 500  # articles read at a time
# The label of names that are no person, organisation or place in each language's
# corpus: GermEval's OTH, wikigold's MISC. The archive's products, events and topics
# take the corpus's, or the model would learn a label its data never uses.
_OTHER_LABEL = {"de": "OTH", "en": "MISC"}
# A possessive the tokenizer keeps in the word (English rules split it off, as "'s").
_POSSESSIVES = ("'s", "’s")


class RetrainError(Exception):
    """Retraining cannot start (no data) or its model scored lower (kept the old one)."""


@dataclass(frozen=True)
class RetrainResult:
    lang: str
    sentences_from_archive: int
    old_f1: float
    new_f1: float
    kept_new: bool
    path: Path  # the model suggestions use from now on

    def message(self) -> str:
        """What happened, in one line (the refusal says why nothing changed)."""
        old, new = f"{100 * self.old_f1:.1f}", f"{100 * self.new_f1:.1f}"
        if self.kept_new:
            return (
                f"retrained with {self.sentences_from_archive} sentences from the archive: "
                f"F1 on the test data {old} → {new}; the new model is installed ({self.path})"
            )
        return (
            f"the retrained model was not installed: it scored F1 {new} on the test data, "
            f"lower than the installed model's {old} (a retrained model must not score "
            f"lower); suggestions keep using {self.path}"
        )


def silver_sentences(
    texts: Iterable[tuple[str, Sequence[tuple[str, EntityKind]], Sequence[str]]],
    *,
    other: str = "OTH",
    lang: str = "",
) -> list[Sentence]:
    """The labelled sentences of :func:`silver_articles`, one list."""
    articles = silver_articles(texts, other=other, lang=lang)
    return [s for article in articles for s in article.sentences()]


def silver_articles(
    texts: Iterable[tuple[str, Sequence[tuple[str, EntityKind]], Sequence[str]]],
    *,
    other: str = "OTH",
    lang: str = "",
) -> list[TrainingArticle]:
    """Articles tagged from the editors' tags and decisions, labelled where they teach.

    ``texts``: (article text, accepted names with kinds, rejected names).  Every mention
    of an accepted name that the known-entity matcher finds (word boundaries, case and
    a genitive "s" as for suggestions) becomes a name of its kind; every other word
    stays ``O``, rejected names included.  Only sentences that mention an accepted or a
    rejected name are labelled: the rest says nothing new about names, but stays in the
    article for the document features.  Articles without such a sentence are left out.
    Products, events and topics are labelled ``other`` (the corpus's label for them).
    The text is cut into words and sentences by ``lang``'s rules, as for suggestions.
    """
    out: list[TrainingArticle] = []
    for raw, accepted, rejected in texts:
        text = unicodedata.normalize("NFC", raw)  # the matcher's offsets are into NFC
        labels = [
            other if KIND_LABELS[kind] == "OTH" else KIND_LABELS[kind] for _, kind in accepted
        ]
        names = KnownMatcher((i, name) for i, (name, _) in enumerate(accepted))
        spans = [(m.start, m.end, labels[m.entity_id]) for m in names.find(text)]
        noes = [(m.start, m.end) for m in KnownMatcher((0, n) for n in rejected).find(text)]
        article = sentences(text, lang)
        labelled: dict[int, list[str]] = {}
        for index, sentence in enumerate(article):
            first, last = sentence[0].start, sentence[-1].end
            inside = [span for span in spans if first <= span[0] < last]
            rejected_here = any(first <= start < last for start, _ in noes)
            if not inside and not rejected_here:
                continue
            tags = ["O"] * len(sentence)
            for start, end, label in inside:
                # A token wholly in the mention, or the mention with a genitive "s"
                # ("Merkels", German "Voltaro's": one token as the tagger reads it);
                # "Siemens-Chef" holds a name but is none (GermEval: O).
                covered = [
                    i
                    for i, t in enumerate(sentence)
                    if start <= t.start < end
                    and (t.end <= end + 1 or text[end : t.end] in _POSSESSIVES)
                ]
                for n, i in enumerate(covered):
                    tags[i] = f"{'I' if n else 'B'}-{label}"
            if inside and all(tag == "O" for tag in tags) and not rejected_here:
                continue  # only inside longer words ("Siemens-Chef"): nothing to learn
            labelled[index] = tags
        if labelled:
            words = [model_words([t.text for t in s], lang) for s in article]
            out.append(TrainingArticle(words, labelled))
    return out


def _score(model: CandidateExtractor, test: list[Document]) -> float:
    def predict(doc: Document) -> set[tuple[str, str]]:
        found = set()
        sents = [tokens for tokens, _ in doc.sentences]
        for tokens, spans in zip(sents, model.tag_sentences(sents), strict=True):
            for span in spans:
                found.add((" ".join(tokens[span.start : span.end]), span.label))
        return found

    return tag_f1(test, predict, typed=False).f1


def _accepted_names(
    entities: Sequence[Entity], accepted_keys: set[str]
) -> list[tuple[str, EntityKind]]:
    """Every name of the article's entities, with its kind: tags given by hand count as
    accepted as much as suggestions accepted.  Topics are the exception: most are
    subjects ("Wirtschaft", every plain tag before entities had kinds), not names, and
    the training data marks such words O; a topic counts only where an editor accepted
    it as a suggestion (the model had taken it for a name)."""
    names = []
    for entity in entities:
        own = entity.names()
        if entity.kind is EntityKind.TOPIC and not {name_key(n) for n in own} & accepted_keys:
            continue
        names += [(name, entity.kind) for name in own]
    return names


def archive_sentences(workspace: Workspace, lang: str) -> list[Sentence]:
    """The labelled sentences of :func:`archive_articles`, one list."""
    return [s for article in archive_articles(workspace, lang) for s in article.sentences()]


def archive_articles(workspace: Workspace, lang: str) -> list[TrainingArticle]:
    """Training articles from the archive's live ``lang`` articles: those tagged with
    entities (by hand or by accepting a suggestion) and those with decisions."""
    with workspace.db.session() as s:
        decided = store.decisions(s)
        ids = sorted({*store.tagged_article_ids(s, lang), *(a for a, *_ in decided)})
    accepted: dict[int, set[str]] = {}
    rejected: dict[int, list[str]] = {}
    for article_id, name, _kind, was_accepted in decided:
        if was_accepted:
            accepted.setdefault(article_id, set()).add(name_key(name))
        else:
            rejected.setdefault(article_id, []).append(name)
    out: list[TrainingArticle] = []
    # A few hundred articles a session: an archive's worth of bodies is never in memory.
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        with workspace.db.session() as s:
            articles = bulk.articles_by_id(s, batch)
            tagged = store.entities_of_articles(s, batch)
        texts = []
        for article_id in batch:
            article = articles.get(article_id)
            if article is None or article.deleted or article.language.split("-")[0] != lang:
                continue
            names = _accepted_names(tagged.get(article_id, []), accepted.get(article_id, set()))
            keys = {name_key(n) for n, _ in names}
            no = [n for n in rejected.get(article_id, []) if name_key(n) not in keys]
            texts.append((tagging_text(article), names, no))
        out += silver_articles(texts, other=_OTHER_LABEL.get(lang, "OTH"), lang=lang)
    return out


def _installed_score(lang: str, out_dir: Path, test: list[Document]) -> tuple[Path, float]:
    """The model suggestions use now and its F1 on ``test``: a retrained one in
    ``out_dir`` if it loads, else the shipped one; a damaged model is skipped as the
    suggestions skip it (so the bar is what the editor gets, never lowered by damage)."""
    shipped = model_paths(lang)[0]
    for path in (model_paths(lang, out_dir)[0], shipped):
        if not path.exists():
            continue
        try:
            return path, _score(CandidateExtractor.load(path), test)
        except ModelError:
            continue
    return shipped, 0.0  # no model at all: any model is better than none


def training_data(lang: str, data_dir: Path) -> tuple[list[Document], list[Document]]:
    """(documents trained on, documents scored) of ``lang``'s original data, as the
    shipped model was trained and scored (German: train + dev, scored on test)."""
    try:
        return corpus_splits(lang, data_dir)
    except FileNotFoundError as exc:
        raise RetrainError(str(exc)) from None


def retrain(
    workspace: Workspace,
    data_dir: Path,
    out_dir: Path,
    *,
    lang: str = "de",
    progress: Callable[[int, int], None] | None = None,
) -> RetrainResult:
    """Train on ``data_dir`` (the language's corpus) plus the archive; keep it if not worse."""
    if lang not in LANGUAGE_SETTINGS:
        known = ", ".join(sorted(LANGUAGE_SETTINGS))
        raise RetrainError(f"no model to retrain for language {lang!r} (models: {known})")
    try:
        corpus_files(lang, data_dir)  # before reading the archive: is there data at all
    except FileNotFoundError as exc:
        raise RetrainError(str(exc)) from None
    if progress:
        progress(0, 3)
    extra = archive_articles(workspace, lang)
    count = sum(len(article.labelled) for article in extra)
    if not extra:
        raise RetrainError(
            f"nothing to learn from: no {lang!r} article in the archive mentions "
            "an entity it is tagged with or a suggestion rejected for it"
        )
    base, test = training_data(lang, data_dir)
    current_path, old_f1 = _installed_score(lang, out_dir, test)
    if progress:
        progress(1, 3)
    with tempfile.TemporaryDirectory(prefix="newsdesk-retrain-") as tmp:
        folder = Path(tmp)
        path = train_language_model(
            [*(TrainingArticle.whole(d.sentences) for d in base), *extra],
            folder,
            lang,
            about={"trained_on": f"{data_dir.name} + {count} archive sentences"},
            lists=load_name_lists(),  # the shipped model's features, so the same lists
        )
        if progress:
            progress(2, 3)
        new_f1 = _score(CandidateExtractor.load(path), test)
        kept = new_f1 >= old_f1
        if kept:
            out_dir.mkdir(parents=True, exist_ok=True)
            # The word list and the manifest first, the model last: a model is only
            # loaded when its manifest's checksums match, so a half copy is refused.
            # Each file is copied beside its place and moved in, so none is ever partial.
            for source in (lexicon_path(lang, folder), model_paths(lang, folder)[1], path):
                partial = out_dir / f"{source.name}.partial"
                shutil.copy2(source, partial)
                os.replace(partial, out_dir / source.name)
    if progress:
        progress(3, 3)
    target = model_paths(lang, out_dir)[0] if kept else current_path
    return RetrainResult(lang, count, old_f1, new_f1, kept, target)
