"""What the translation view shows beside a segment: matches, glossary, checks, MT."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from editor.app.translation import workbench
from editor.app.translation.mt import MtError
from editor.core.translation.checks import GlossaryEntry
from editor.core.translation.staleness import SegmentStatus
from editor.core.translation.tmx import TmPair

BODY = "Samsung hat das Galaxy S25 in München für 999 Euro vorgestellt."


@pytest.fixture
def translation(workspace: Any) -> Any:
    source = workspace.articles.create(language="de", title="Neu", body=BODY)
    workspace.entities.tag(source.id, ["München"])
    entity = workspace.entities.find("München")
    from dataclasses import replace

    workspace.entities.update(replace(entity, labels={"de": "München", "en": "Munich"}))
    workspace.memory.add_term("Galaxy S25", None)
    return workspace.translation.translate_to(source.id, "en")


def test_the_glossary_joins_terms_and_entity_labels(workspace: Any, translation: Any) -> None:
    state = workspace.translation.state(translation.id)
    terms = workbench.glossary(workspace, state)
    assert GlossaryEntry("München", "Munich") in terms
    assert GlossaryEntry("Galaxy S25", None) in terms
    assert workbench.mentioned(terms, "Ein Satz ohne Namen.") == []


def test_segment_help_has_matches_terms_and_checks(workspace: Any, translation: Any) -> None:
    workspace.memory.add([TmPair("de", "en", BODY, "Samsung showed the phone.", "t")])
    state = workspace.translation.state(translation.id)
    terms = workbench.glossary(workspace, state)
    found = workbench.segment_help(workspace, state, "body:0", "", terms)
    assert found.matches[0].score == 100.0
    assert {t.source for t in found.terms} == {"München", "Galaxy S25"}
    assert found.problems == [], "an untranslated segment is not checked yet"
    state = workspace.translation.save_segment(
        translation.id, "body:0", "Samsung showed the phone in Munich for 99 euros.",
        SegmentStatus.DRAFT,
    )  # fmt: skip
    found = workbench.segment_help(workspace, state, "body:0", state.row("body:0").target, terms)
    codes = {p.code for p in found.problems}
    assert {"segment.numbers", "segment.do_not_translate"} <= codes
    article = {p.code for p in workbench.article_problems(workspace, translation.id)}
    assert {"segment.numbers", "segment.do_not_translate"} <= article


def test_the_source_change_is_diffed(workspace: Any, translation: Any) -> None:
    link = workspace.translation.link(translation.id)
    workspace.translation.save_segment(translation.id, "body:0", "Samsung showed it.")
    workspace.articles.update(link.source_id, {"body": BODY.replace("999", "1099")})
    state = workspace.translation.state(translation.id)
    found = workbench.segment_help(workspace, state, "body:0", "", [])
    assert ("-", "999") in found.source_diff and ("+", "1099") in found.source_diff


class Echo:
    name = "echo"

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return [f"[{target}] {t}" for t in texts]


def test_machine_translation_only_when_configured(
    workspace: Any, translation: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not workbench.mt_configured(workspace)
    with pytest.raises(MtError):
        workbench.machine_translate(workspace, translation.id, "body:0")
    workspace.machine_translation.configure("libretranslate", "http://127.0.0.1:9", "")
    assert workbench.mt_configured(workspace)
    monkeypatch.setattr(type(workspace.machine_translation), "backend", lambda self: Echo())
    assert workbench.machine_translate(workspace, translation.id, "body:0") == f"[en] {BODY}"


def test_the_do_not_translate_list_is_replaced_whole_and_checked(
    workspace: Any, translation: Any
) -> None:
    workspace.memory.add_term("Akku", "battery", source_lang="de", target_lang="en")
    stored = workspace.memory.set_do_not_translate(
        ["ThinkPad  X1", "", "Galaxy S25", "ThinkPad X1"]
    )
    assert stored == ["Galaxy S25", "ThinkPad X1"]  # blank lines and repeats dropped
    assert workspace.memory.set_do_not_translate(["ThinkPad X1"]) == ["ThinkPad X1"]
    assert workspace.memory.do_not_translate() == ["ThinkPad X1"]
    # A term of one language pair is no name on the list and stays.
    assert GlossaryEntry("Akku", "battery") in workspace.memory.glossary("de", "en")
    workspace.memory.set_do_not_translate(["Galaxy S25", "ThinkPad X1"])
    workspace.translation.save_segment(
        translation.id, "body:0", "Samsung presented the Galaxy in Munich for 999 euros."
    )
    problems = workspace.translation.check(translation.id)
    assert any("Galaxy S25" in p.message and p.key == "body:0" for p in problems)


def test_a_name_too_long_for_the_list_is_refused_and_nothing_changes(workspace: Any) -> None:
    from editor.app.translation.memory import GlossaryError

    workspace.memory.set_do_not_translate(["Galaxy S25"])
    with pytest.raises(GlossaryError, match="longer than 200"):
        workspace.memory.set_do_not_translate(["Pixel 9", "x" * 201])
    assert workspace.memory.do_not_translate() == ["Galaxy S25"]
