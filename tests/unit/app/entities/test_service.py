"""Entity use cases: the manager, tagging, suggestions that learn, import and export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.app.changes import EntitiesChanged
from editor.app.entities.suggestions import suggest_operation
from editor.app.exporting import ExportService, export_tag
from editor.app.importing import ImportService
from editor.app.operations import ForegroundRunner
from editor.app.workspace import Workspace
from editor.core.entities.model import EntityError
from editor.core.entities.suggest import ModelFallback
from editor.store.errors import NotFoundError

BODY = (
    "Siemens und Bosch investieren in München. Die Siemens AG nannte keine Zahlen. "
    "Auch Bosch wollte sich nicht äußern."
)


def test_add_list_merge_and_delete(workspace: Workspace) -> None:
    ws = workspace
    ws.entities.add("München", "place", labels={"en": "Munich"}, wikidata="Q1726")
    minga = ws.entities.add("Minga", "place")
    article = ws.articles.create(title="Wiesn", body="In Minga.", tags=["Minga"])
    munich = ws.entities.find("munich")
    assert munich.name == "München" and munich.wikidata == "Q1726"
    assert minga.id is not None and munich.id is not None
    merged = ws.entities.merge(minga.id, munich.id)
    assert merged.aliases == ("Minga",) and merged.articles == 1
    assert ws.articles.get(article.id).tags == ("München",)
    assert [e.name for e in ws.entities.list(kind="place")] == ["München"]
    assert ws.entities.count_articles(munich.id) == 1
    assert ws.entities.delete(munich.id) == 1
    assert ws.articles.get(article.id).tags == ()
    with pytest.raises(NotFoundError):
        ws.entities.find("München")


def test_a_merge_across_kinds_is_refused_unless_asked_for(workspace: Workspace) -> None:
    from editor.app.entities.service import KindsDiffer, kinds_differ

    ws = workspace
    person = ws.entities.add("Porsche", "person", aliases=["Ferdinand Porsche"])
    company = ws.entities.add("Porsche AG", "organisation")
    article = ws.articles.create(title="x", body="y", tags=["Porsche"])
    assert kinds_differ(person, company) and not kinds_differ(company, company)
    assert person.id is not None and company.id is not None
    with pytest.raises(KindsDiffer) as refused:
        ws.entities.merge(person.id, company.id)
    assert str(refused.value) == (
        "'Porsche' is a person and 'Porsche AG' an organisation: "
        "merging would make 'Porsche' a name of an organisation"
    )
    assert ws.entities.get(person.id).kind.value == "person", "nothing written"
    assert ws.articles.get(article.id).tags == ("Porsche",)
    merged = ws.entities.merge(person.id, company.id, across_kinds=True)
    assert merged.kind.value == "organisation" and merged.articles == 1
    assert ws.articles.get(article.id).tags == ("Porsche AG",)


def test_bad_input_is_refused_and_nothing_is_written(workspace: Workspace) -> None:
    ws = workspace
    ws.entities.add("Apple", "organisation", aliases=["Apple Inc."])
    for call in (
        lambda: ws.entities.add("", "person"),
        lambda: ws.entities.add("n" * 1000, "person"),
        lambda: ws.entities.add("Apple Records", "organisation", aliases=["Apple Inc."]),
        lambda: ws.entities.add("Berlin", "place", wikidata="Berlin"),
        lambda: ws.entities.add("Berlin", "city"),
    ):
        with pytest.raises(EntityError):
            call()
    assert [e.name for e in ws.entities.list()] == ["Apple"]


def test_tagging_by_name_alias_or_spec(workspace: Workspace) -> None:
    ws = workspace
    ws.entities.add("Meta Platforms", "organisation", aliases=["Facebook"])
    article = ws.articles.create(title="Neu", body=BODY, tags=["KI"])
    tagged = ws.entities.tag(article.id, ["Facebook", "Chips"])
    assert [(e.name, e.kind.value) for e in tagged] == [
        ("KI", "topic"),
        ("Meta Platforms", "organisation"),
        ("Chips", "topic"),
    ]


def test_known_entities_are_suggested_with_their_reason(workspace: Workspace) -> None:
    ws = workspace
    ws.entities.add("Siemens", "organisation", aliases=["Siemens AG"])
    ws.entities.add("München", "place")
    ws.articles.create(title="Alt", body="x", tags=["Siemens"])
    article = ws.articles.create(title="Neu", body=BODY)
    steps: list[tuple[int, int]] = []
    found = ws.suggestions.suggest_for_article(
        article.id, progress=lambda d, t: steps.append((d, t))
    )
    by_name = {s.name: s for s in found}
    assert by_name["Siemens"].count == 2  # "Siemens" and the alias "Siemens AG"
    assert by_name["Siemens"].reason == "known: 1 article"
    assert by_name["Siemens"].kind.value == "organisation"
    assert by_name["München"].reason == "known: 0 articles"
    assert steps[-1] == (2, 2)  # progress was reported to the end
    assert ws.suggestions.suggest_for_article(article.id, cancelled=lambda: True) == []


def test_an_english_article_is_read_by_english_rules(workspace: Workspace) -> None:
    """The article's language reaches the tokenizer: the possessive is split off the
    name, and the dateline's capitals are a place (German rules do neither)."""
    body = "VARDEN, Jan. 14 (Wirepost) - Germany’s ferries stopped, said Marek Lund."
    article = workspace.articles.create(language="en", title="Ferries stop", body=body)
    found = {s.name: s for s in workspace.suggestions.suggest_for_article(article.id)}
    assert found["VARDEN"].kind.value == "place"
    assert "Germany" in found and not any("’s" in name for name in found)


def test_suggestions_run_as_a_query_operation(workspace: Workspace) -> None:
    workspace.entities.add("Bosch", "organisation")
    article = workspace.articles.create(title="Bosch", body=BODY)
    operation = suggest_operation(workspace, article.id)
    assert not operation.writes and operation.key == ("entity-suggestions",)
    found = ForegroundRunner().run(operation)
    assert [(s.name, s.count) for s in found if s.name == "Bosch"] == [("Bosch", 3)]


def test_entity_changes_are_announced_with_the_articles_they_touch(
    workspace: Workspace,
) -> None:
    heard: list[EntitiesChanged] = []
    workspace.changes.subscribe(EntitiesChanged, heard.append)
    article = workspace.articles.create(title="x", body="y", tags=["Alt"])
    old = workspace.entities.find("Alt")
    new = workspace.entities.add("Neu", "topic")
    assert old.id is not None and new.id is not None
    workspace.entities.merge(old.id, new.id)
    assert heard[-1] == EntitiesChanged((old.id, new.id), (article.id,))
    assert heard[-1].touches(article.id)


def test_accepting_tags_and_teaches_rejecting_hides_for_the_article(
    workspace: Workspace,
) -> None:
    ws = workspace
    ws.entities.add("Bosch", "organisation")
    ws.entities.add("Sonntag", "topic")
    first = ws.articles.create(title="Eins", body="Bosch am Sonntag. " + BODY)
    second = ws.articles.create(title="Zwei", body="Bosch am Sonntag.")
    ws.suggestions.accept(first.id, "Bosch", "organisation")
    ws.suggestions.reject(first.id, "Sonntag")
    assert ws.articles.get(first.id).tags == ("Bosch",)
    names = {s.name for s in ws.suggestions.suggest_for_article(first.id)}
    assert "Bosch" not in names  # tagged already
    assert "Sonntag" not in names  # rejected for this article
    # Elsewhere a rejected name weighs less: one "no" halves its weight.
    other = {
        s.name: s.score
        for s in ws.suggestions.suggest_for_article(
            second.id,
        )
    }
    assert "Sonntag" not in other or other["Sonntag"] < other["Bosch"]
    # An accepted new name becomes a known entity of its kind.
    ws.suggestions.accept(second.id, "Robert Bosch Stiftung", "organisation")
    assert ws.entities.find("robert bosch stiftung").kind.value == "organisation"


def test_a_tag_objects_kind_wins_over_the_same_name_given_plain_earlier_in_the_file(
    workspace: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "in.jsonl"
    tags: list[list[object]] = [
        ["porsche", "KI"],
        [{"name": "Porsche", "kind": "person", "wikidata": "Q49112"}],
        [{"name": "PORSCHE", "kind": "organisation"}],
    ]
    source.write_text(
        "".join(
            json.dumps({"title": f"T{i}", "lang": "de", "body": "x", "tags": t}) + "\n"
            for i, t in enumerate(tags)
        ),
        encoding="utf-8",
    )
    report = ImportService(workspace).import_path(source)
    assert report.created == 3 and not report.rejected
    [porsche] = workspace.entities.list(kind="person")
    assert (porsche.name, porsche.wikidata, porsche.articles) == ("Porsche", "Q49112", 3)
    assert [str(n) for n in report.notes] == [
        "line 3: tag 'PORSCHE' is the archive's person 'Porsche', kept as it is "
        "(the file says organisation)"
    ]


@pytest.mark.parametrize("form", ["jsonl", "markdown"])
def test_import_and_export_tags_as_names_or_objects(
    workspace: Workspace, tmp_path: Path, form: str
) -> None:
    source = tmp_path / "in.jsonl"
    records = [
        {
            "id": "a1",
            "lang": "de",
            "title": "Titel",
            "body": "Text",
            "tags": [
                "KI",
                {"name": "Siemens", "kind": "organisation", "wikidata": "Q81230"},
                {"name": "Olaf Scholz", "kind": "person"},
            ],
        }
    ]
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report = ImportService(workspace).import_path(source)
    assert report.ok, report.summary()
    assert workspace.entities.find("Siemens").wikidata == "Q81230"
    assert workspace.entities.find("Olaf Scholz").kind.value == "person"
    out = tmp_path / ("out.jsonl" if form == "jsonl" else "out")
    ExportService(workspace).export(form, out)
    if form == "jsonl":
        [line] = out.read_text(encoding="utf-8").splitlines()
        assert json.loads(line)["tags"] == records[0]["tags"]
    else:
        [page] = out.glob("*.md")
        assert "- name: Siemens\n  kind: organisation\n  wikidata: Q81230\n" in page.read_text(
            encoding="utf-8"
        )
    # Importing the export again changes nothing; into an empty archive, it gives the same.
    again = ImportService(workspace).import_path(out)
    assert again.ok and again.unchanged == 1 and len(workspace.entities.list()) == 3
    other = Workspace.open(str(tmp_path / "other.sqlite"), user="t", create=True)
    try:
        assert ImportService(other).import_path(out).ok
        [copy] = other.articles.list()
        assert [export_tag(e) for e in other.entities.of_article(copy.id)] == records[0]["tags"]
    finally:
        other.close()


def test_an_import_keeps_an_entity_of_another_kind_and_says_so(
    workspace: Workspace, tmp_path: Path
) -> None:
    ws = workspace
    ws.entities.add("Meta Platforms", "organisation", aliases=["Facebook"])
    tagged = ws.articles.create(title="Alt", body="x", tags=["Meta Platforms"])

    def record(title: str, *tags: object) -> str:
        return json.dumps({"id": title, "title": title, "lang": "de", "body": "x", "tags": tags})

    source = tmp_path / "in.jsonl"
    lines = [
        record("eins", {"name": "Facebook", "kind": "product"}, "KI"),
        record("zwei", {"name": "Porsche", "kind": "person"}),
        record("drei", {"name": "porsche", "kind": "organisation"}),
        record("vier", {"name": "Meta Platforms", "kind": "organisation"}),
        json.dumps(
            {"title": "fünf", "lang": "xx!", "tags": [{"name": "Facebook", "kind": "event"}]}
        ),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ImportService(ws).import_path(source)
    assert report.created == 4 and len(report.rejected) == 1
    # No second entity, no changed kind: the archive's entity, with a note per record.
    assert [str(n) for n in report.notes] == [
        "line 1: tag 'Facebook' is the archive's organisation 'Meta Platforms', kept as it is "
        "(the file says product)",
        "line 3: tag 'porsche' is the archive's person 'Porsche', kept as it is "
        "(the file says organisation)",
    ]
    assert [(e.name, e.kind.value) for e in ws.entities.list()] == [
        ("KI", "topic"),
        ("Meta Platforms", "organisation"),
        ("Porsche", "person"),
    ]
    assert ws.articles.find("eins").tags == ("Meta Platforms", "KI")
    assert ws.articles.find("drei").tags == ("Porsche",)
    assert ws.entities.of_article(tagged.id)[0].kind.value == "organisation"


def test_an_imported_wikidata_id_fills_a_known_entity_and_a_different_one_is_refused(
    workspace: Workspace, tmp_path: Path
) -> None:
    workspace.entities.add("Apple", "topic")  # e.g. a plain tag before the migration
    workspace.entities.add("Olaf Scholz", "person", wikidata="Q61053")

    def record(title: str, tag: dict[str, str]) -> str:
        return json.dumps({"title": title, "lang": "en", "body": "x", "tags": [tag]})

    source = tmp_path / "in.jsonl"
    lines = [
        record("Fills", {"name": "Apple", "kind": "organisation", "wikidata": "Q312"}),
        record("Differs", {"name": "Olaf Scholz", "kind": "person", "wikidata": "Q1"}),
        record("Taken", {"name": "Scholz, Olaf", "kind": "person", "wikidata": "Q61053"}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ImportService(workspace).import_path(source)
    # Nothing the import brings is dropped: the id lands on the entity the archive has.
    assert workspace.entities.find("Apple").wikidata == "Q312"
    # A different id is a clear refusal of that record, not silently the archive's.
    assert not report.ok
    # A new name with another entity's id costs its record only, not the whole import.
    assert [r.reason for r in report.rejected] == [
        "tag: 'Olaf Scholz' is Wikidata item Q61053 in the archive, not Q1",
        "tag: Wikidata item Q61053 already belongs to the entity 'Olaf Scholz'",
    ]
    assert [a.title for a in workspace.articles.list()] == ["Fills"]
    assert workspace.entities.find("Olaf Scholz").wikidata == "Q61053"


def test_two_new_tags_with_one_wikidata_id_cost_their_record_only(
    workspace: Workspace, tmp_path: Path
) -> None:
    twins = [
        {"name": "Olaf Scholz", "wikidata": "Q61053"},
        {"name": "Scholz", "wikidata": "Q61053"},
    ]
    lines = [
        {"title": "Zwei", "lang": "de", "body": "x", "tags": twins},
        {"title": "Neu", "lang": "de", "body": "x", "tags": ["KI", "Chips"]},
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = ImportService(workspace).import_path(source)
    assert [str(r) for r in report.rejected] == [
        "line 1: tag: Wikidata item Q61053 already belongs to the entity 'Olaf Scholz'"
    ]
    assert [e.name for e in workspace.entities.list()] == ["Chips", "KI"], "nothing half-written"


def test_a_damaged_model_leaves_known_names_working(workspace: Workspace, tmp_path: Path) -> None:
    from editor.app.entities.suggestions import SuggestionService
    from editor.core.entities.extractor import lexicon_path, model_paths

    models = tmp_path / "models"
    models.mkdir()
    model, manifest = model_paths("de", models)
    model.write_bytes(b"not a model at all")
    manifest.write_text('{"sha256": "0", "feature_version": 3}', encoding="utf-8")
    lexicon_path("de", models).write_bytes(b"")
    # A retrained model that was damaged: the problem is told, the shipped model (if
    # any) or the known names alone still suggest.
    fresh = SuggestionService(workspace, models_dir=models)
    assert fresh.model_status("de") is None, "nothing is known before the model is asked for"
    fresh.tagger("de")
    assert fresh.model_problem is not None and "damaged" in fresh.model_problem
    assert fresh.model_problem.endswith("(suggestions use the model shipped with Newsdesk)")
    status = fresh.model_status("de")
    assert status is not None and status[1] is ModelFallback.SHIPPED and "damaged" in status[0]
    assert fresh.model_status("en") is None
    workspace.entities.add("Bosch", "organisation")
    found = fresh.suggest_text("Bosch baut.", "de")
    assert [s.name for s in found][:1] == ["Bosch"]


def _damage(folder: Path, lang: str) -> None:
    from editor.core.entities.extractor import lexicon_path, model_paths

    folder.mkdir(exist_ok=True)
    model, manifest = model_paths(lang, folder)
    model.write_bytes(b"not a model at all")
    manifest.write_text("{", encoding="utf-8")  # cut short
    lexicon_path(lang, folder).write_bytes(b"")


def test_with_every_model_damaged_suggestions_fall_back_and_say_to_what(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from editor.app.entities.suggestions import SuggestionService
    from editor.core.entities import extractor

    shipped = tmp_path / "shipped"
    for lang in ("de", "en"):
        _damage(shipped, lang)
    monkeypatch.setattr(extractor, "models_dir", lambda: shipped)
    fresh = SuggestionService(workspace, models_dir=tmp_path / "none")
    workspace.entities.add("Bosch", "organisation")
    found = fresh.suggest_text("Bosch baut. Kolbe auch.", "de")
    assert [s.name for s in found] == ["Bosch"], "known names only"
    german = fresh.model_status("de")
    assert german is not None and german[1] is ModelFallback.KNOWN_ONLY
    assert german[0].startswith("entity model manifest") and "is damaged" in german[0]
    found = fresh.suggest_text("Bosch met Jane Kolbe in Leeds. Jane Kolbe spoke.", "en")
    assert "Jane Kolbe" in {s.name for s in found}, "capitalised words"
    english = fresh.model_status("en")
    assert english is not None and english[1] is ModelFallback.CAPITALISED
    assert fresh.model_problem is not None
    assert "(suggestions use known names only)" in fresh.model_problem
    assert "(suggestions use known names and capitalised words only)" in fresh.model_problem
    # Nothing was written over the damaged files (they are the editor's to replace).
    assert (shipped / "entities-de.crf").read_bytes() == b"not a model at all"
