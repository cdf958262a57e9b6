"""Train the entity-suggestion models shipped in resources/models.

German: GermEval-2014 (CC BY 4.0, Benikova, Biemann, Reznicek, LREC 2014).  Settings
(regularisation, features, biases) are chosen ONLY on the dev split: ``--tune`` trains
on the train split and scores dev.  The test split is looked at only for the model that
ships: ``--with-dev`` trains it on train + dev with the chosen settings and scores test
once (``newsdesk tag retrain`` trains on train + dev + the archive as well).  Without
``--with-dev`` the model is trained on train alone and scored on test.  The manifest's
``trained_on`` says which.
English: wikigold (CC BY 4.0 annotations of English Wikipedia text), every fourth
article held out for scoring. Both use resources/models/name-lists.json.gz (see
scripts/build_name_lists.py). Run from the repository root:

    python scripts/train_entity_model.py de --tune        # choose settings on dev
    python scripts/train_entity_model.py de --with-dev    # the shipped German model
    python scripts/train_entity_model.py en               # ../shared/data/wikigold_en

The German one takes about ten CPU-minutes on one core; the manifest beside the model
records the data, the parameters and the document-level tag F1 on the held-out documents.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from editor.core.entities.corpus import tag_f1  # noqa: E402
from editor.core.entities.extractor import (  # noqa: E402
    CandidateExtractor,
    load_name_lists,
    model_paths,
)
from editor.core.entities.training import (  # noqa: E402
    DATA_FOLDERS,
    DEFAULT_PARAMS,
    LANGUAGE_SETTINGS,
    LanguageSettings,
    TrainingArticle,
    corpus_splits,
    train_language_model,
)

SHARED = ROOT.parent / "shared" / "data"
# Each language's c1, c2, name bias and document level: LANGUAGE_SETTINGS (training.py),
# which `newsdesk tag retrain` reads too; the flags below override them for a run.
SOURCES = {
    "de": "GermEval-2014 NER train split (CC BY 4.0; Benikova, Biemann, Reznicek, LREC 2014)",
    "en": "wikigold, 3 of every 4 articles (annotations CC BY 4.0, Balasuriya et al. 2009; "
    "text English Wikipedia, CC BY-SA)",
}


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
    parser.add_argument(
        "--begin-bias",
        type=float,
        help="added to the weights of beginning a name (default: per language)",
    )
    parser.add_argument(
        "--with-dev",
        action="store_true",
        help="German: train on train + dev (settings chosen with --tune before), score test",
    )
    args = parser.parse_args()
    if args.with_dev and (args.tune or args.lang != "de"):
        parser.error("--with-dev is for the German model, not with --tune")
    settings = LanguageSettings(**LANGUAGE_SETTINGS[args.lang])  # a copy the flags change
    if args.c1 is not None:
        settings["c1"] = args.c1
    if args.c2 is not None:
        settings["c2"] = args.c2
    if args.name_bias is not None:
        settings["name_bias"] = args.name_bias
    if args.begin_bias is not None:
        settings["begin_bias"] = args.begin_bias
    credit = SOURCES[args.lang]
    if args.tune:
        credit += "; tuning run: training part only"
    elif args.with_dev:
        credit = credit.replace("train split", "train and dev splits") + (
            "; settings chosen on dev with models trained on train alone, "
            "test scored once for this model"
        )
    data = args.data or SHARED / DATA_FOLDERS[args.lang]
    if not data.is_dir():
        print(f"error: training data not found: {data}", file=sys.stderr)
        return 1
    train, test = corpus_splits(args.lang, data, tune=args.tune, with_dev=args.with_dev)
    lists = None if args.no_lists else load_name_lists()
    started = time.perf_counter()
    path = train_language_model(
        [TrainingArticle.whole(doc.sentences) for doc in train],
        args.out,
        args.lang,
        settings=settings,
        max_iterations=args.iterations,
        about={
            "trained_on": credit,
            "name_lists": "1990 US Census names (public domain), GeoNames places (CC BY 4.0)"
            if lists
            else "none",
        },
        progress=print,
        lists=lists,
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
