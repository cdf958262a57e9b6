"""Train the entity-suggestion models shipped in resources/models.

German: GermEval-2014 (CC BY 4.0, Benikova, Biemann, Reznicek, LREC 2014), trained on its
train split and scored on its test split; the dev split chose the settings (``--tune``)
and is what the benchmark's "learning from decisions" step learns from, so the shipped
model has not seen it (``newsdesk tag retrain`` trains on train + dev + the archive).
English: wikigold (CC BY 4.0 annotations of English Wikipedia text), every fourth
article held out for scoring. Both use resources/models/name-lists.json.gz (see
scripts/build_name_lists.py). Run from the repository root:

    python scripts/train_entity_model.py de   # ../shared/data/germeval2014
    python scripts/train_entity_model.py en   # ../shared/data/wikigold_en

Each takes a few CPU-minutes on one core; the manifest beside the model records the
data, the parameters and the document-level tag F1 on the held-out documents.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.entities.corpus import held_out, read_corpus, tag_f1  # noqa: E402
from editor.core.entities.document_features import (  # noqa: E402
    DOCUMENT_FEATURES,
    document_features,
)
from editor.core.entities.extractor import (  # noqa: E402
    CandidateExtractor,
    load_name_lists,
    model_paths,
)
from editor.core.entities.training import DEFAULT_PARAMS, train_model  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
# (c1, c2). English has 1,200 training sentences: strong L2 and little L1 keep more of
# its few features. English c2 chosen by 4-fold cross-validation on the training
# articles (0.2 / 0.5 / 0.7 / 1.0: 80.7 / 81.5 / 81.7 / 81.4 with the document features
# before "and" parted names; 0.5 / 0.7 after: 82.1 / 81.7), the test quarter unseen.
LANGUAGE_PARAMS = {
    "de": (float(DEFAULT_PARAMS["c1"]), float(DEFAULT_PARAMS["c2"])),
    "en": (0.01, 0.5),
}
# Taken from the "no name" score of every token when tagging (the manifest's
# "name_bias"): the English model misses more names than it invents. 4-fold CV on the
# training articles, bias 0 / 0.25 / 0.5 / 0.75 / 1.0: F1 82.1 / 82.7 / 83.0 / 82.6 / 82.3.
NAME_BIAS = {"de": 0.0, "en": 0.5}
# Languages whose models also see what the rest of the article says about each word:
# English wikigold articles are whole, and its 1,200 training sentences are few.
DOCUMENT_LEVEL = frozenset({"en"})
SOURCES = {
    "de": (
        "germeval2014",
        "GermEval-2014 NER train split (CC BY 4.0; Benikova, Biemann, Reznicek, LREC 2014)",
    ),
    "en": (
        "wikigold_en",
        "wikigold, 3 of every 4 articles (annotations CC BY 4.0, Balasuriya et al. 2009; "
        "text English Wikipedia, CC BY-SA)",
    ),
}


def splits(lang: str, data: Path, tune: bool):  # type: ignore[no-untyped-def]
    """(training documents, documents scored). With ``tune``: a part of the training
    data and the development documents, so that settings are chosen without the test."""
    if lang == "de":
        scored = "dev.jsonl" if tune else "test.jsonl"
        return read_corpus(data / "train.jsonl"), read_corpus(data / scored)
    train, test = held_out(read_corpus(data / "wikigold.jsonl"))
    # Development: every fourth of the training articles (the test quarter stays unseen).
    return held_out(train) if tune else (train, test)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lang", choices=sorted(SOURCES))
    parser.add_argument("--data", type=Path, help="the corpus folder")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "models")
    parser.add_argument("--iterations", type=int, default=int(DEFAULT_PARAMS["max_iterations"]))
    parser.add_argument("--c1", type=float, help="L1 weight (default: per language)")
    parser.add_argument("--c2", type=float, help="L2 weight (default: per language)")
    parser.add_argument(
        "--tune",
        action="store_true",
        help="train on part of the training data and score the development part",
    )
    parser.add_argument("--no-lists", action="store_true", help="without the name lists")
    parser.add_argument(
        "--name-bias", type=float, help="taken from the no-name scores (default: per language)"
    )
    args = parser.parse_args()
    if args.name_bias is None:
        args.name_bias = NAME_BIAS[args.lang]
    args.c1 = LANGUAGE_PARAMS[args.lang][0] if args.c1 is None else args.c1
    args.c2 = LANGUAGE_PARAMS[args.lang][1] if args.c2 is None else args.c2
    folder, credit = SOURCES[args.lang]
    data = args.data or SHARED / folder
    if not data.is_dir():
        print(f"error: training data not found: {data}", file=sys.stderr)
        return 1
    train, test = splits(args.lang, data, args.tune)
    lists = None if args.no_lists else load_name_lists()
    started = time.perf_counter()
    sents = [s for doc in train for s in doc.sentences]
    extra: list[list[list[str]]] | None = None
    about: dict[str, object] = {}
    if args.name_bias:
        about["name_bias"] = args.name_bias
    if args.lang in DOCUMENT_LEVEL:
        # Each article's own evidence about its words (document_features.py).
        extra = [f for doc in train for f in document_features([t for t, _ in doc.sentences])]
        about["document_features"] = DOCUMENT_FEATURES
    path = train_model(
        sents,
        args.out,
        args.lang,
        params={"max_iterations": args.iterations, "c1": args.c1, "c2": args.c2},
        about={
            "trained_on": f"{credit}; tuning run: training part only" if args.tune else credit,
            "params": {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations},
            "name_lists": "1990 US Census names (public domain), GeoNames places (CC BY 4.0)"
            if lists
            else "none",
            **about,
        },
        progress=print,
        lists=lists,
        extra=extra,
    )
    took = time.perf_counter() - started
    model = CandidateExtractor.load(path)

    def predict(doc):  # type: ignore[no-untyped-def]
        found = set()
        sents = [tokens for tokens, _ in doc.sentences]
        for tokens, spans in zip(sents, model.tag_sentences(sents), strict=True):
            for span in spans:
                found.add((" ".join(tokens[span.start : span.end]), span.label))
        return found

    untyped = tag_f1(test, predict, typed=False)
    typed = tag_f1(test, predict, typed=True)
    print(f"trained in {took:.0f} s; {path.stat().st_size / 1e6:.1f} MB")
    scored = "development" if args.tune else "held-out"
    print(f"{scored} document tag F1 untyped: {untyped}")
    print(f"{scored} document tag F1 typed:   {typed}")
    if args.tune:
        return 0  # figures of a tuning run are not the model's
    from editor.core.entities.training import write_manifest

    manifest = dict(model.manifest)
    manifest["test_f1_untyped"] = round(100 * untyped.f1, 1)
    manifest["test_f1_typed"] = round(100 * typed.f1, 1)
    write_manifest(model_paths(args.lang, args.out)[1], manifest)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
