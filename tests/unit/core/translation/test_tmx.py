"""TMX in and out: round trip, another tool's file, bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from editor.core.translation.tmx import TmPair, TmxError, read_tmx, write_tmx

SCHEMAS = Path(__file__).parent / "schemas"

PAIRS = [
    TmPair("de", "en", "Der Akku hält zehn Stunden.", "The battery lasts ten hours.", "user:anna"),
    TmPair("de", "en", "Preis: 3,5 % < 5 % & mehr", "Price: 3.5% < 5% & more"),
    TmPair("de", "fr", "Guten Morgen.", "Bonjour."),
]

# Written here by hand the way OmegaT writes its project memory: TMX 1.1, the `lang`
# attribute, regional codes, inline codes inside segments, a unit with one language only
# and a unit with three languages.
OMEGAT_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
      creationtoolversion="6.0.1_0_1234" segtype="sentence" srclang="DE-DE"/>
  <body>
    <tu>
      <tuv lang="DE-DE">
        <seg>Das Smartphone kostet <bpt i="1">&lt;b&gt;</bpt>999 Euro<ept i="1">&lt;/b&gt;</ept>.\
</seg>
      </tuv>
      <tuv lang="EN-GB" changedate="20260110T101010Z" changeid="translator">
        <seg>The smartphone costs <bpt i="1">&lt;b&gt;</bpt>999 euros<ept i="1">&lt;/b&gt;</ept>.\
</seg>
      </tuv>
    </tu>
    <tu>
      <tuv lang="DE-DE"><seg>Nur eine Sprache.</seg></tuv>
    </tu>
    <tu tuid="multi">
      <tuv lang="DE-DE"><seg>Guten Tag.</seg></tuv>
      <tuv lang="EN-US"><seg>Good day.</seg></tuv>
      <tuv lang="FR-FR"><seg>Bonjour.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_round_trip_keeps_every_pair() -> None:
    data = write_tmx(PAIRS, source_lang="de")
    contents = read_tmx(data)
    assert contents.pairs == [
        TmPair(p.source_lang, p.target_lang, p.source, p.target, p.origin or "Newsdesk")
        for p in PAIRS
    ]
    assert contents.skipped == []


def test_export_is_valid_against_the_tmx_14b_dtd() -> None:
    dtd = etree.DTD(str(SCHEMAS / "tmx14b.dtd"))
    document = etree.fromstring(write_tmx(PAIRS, source_lang="de"))
    assert dtd.validate(document), dtd.error_log.filter_from_errors()
    # The DTD is strict enough to tell: a unit without a language fails.
    document.find("body/tu/tuv").attrib.pop("{http://www.w3.org/XML/1998/namespace}lang")
    assert not dtd.validate(document)


def test_an_omegat_memory_imports() -> None:
    contents = read_tmx(OMEGAT_TMX.encode())
    assert contents.tool == "OmegaT"
    assert contents.pairs == [
        TmPair("de", "en", "Das Smartphone kostet 999 Euro.", "The smartphone costs 999 euros.",
               "OmegaT"),
        TmPair("de", "en", "Guten Tag.", "Good day.", "OmegaT"),
        TmPair("de", "fr", "Guten Tag.", "Bonjour.", "OmegaT"),
    ]  # fmt: skip
    assert contents.skipped == ["unit 2: fewer than two languages with text"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<tmx version='1.4'><header/><body><tu>", "not well-formed XML"),
        (b"<xliff version='1.2'/>", "not a TMX file"),
        (b"<tmx version='2.0'><header/><body/></tmx>", "TMX version 2.0 is not supported"),
        (b"<tmx><header/><body/></tmx>", "TMX version (none) is not supported"),
        (b"<tmx version='1.4'><header/></tmx>", "no <body>"),
        (b"", "not well-formed XML"),
    ],
)
def test_bad_files_give_one_line_reasons(data: bytes, message: str) -> None:
    with pytest.raises(TmxError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        read_tmx(data)
    assert "\n" not in str(info.value)


def test_a_huge_file_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.core.translation import tmx

    monkeypatch.setattr(tmx, "MAX_TMX_BYTES", 1000)
    with pytest.raises(TmxError, match="at most 1,000"):
        read_tmx(write_tmx(PAIRS * 20, source_lang="de"))


def test_entities_are_not_expanded() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<tmx version="1.4"><header srclang="de"/><body><tu>'
        b'<tuv xml:lang="de"><seg>&b;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv>'
        b"</tu></body></tmx>"
    )
    try:
        contents = read_tmx(bomb)
    except TmxError:
        return  # refused: fine
    assert all("aaaaaaaaaa" not in p.source for p in contents.pairs)


# OmegaT's project memory as it writes it today (written here by hand): TMX 1.4,
# `xml:lang` in capitals or mixed case, `<prop type="…">` on units and variants, a note,
# creation and change attributes, and an entry whose header srclang differs in case.
OMEGAT_14_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext"
      creationtoolversion="6.0.1_0_1234" segtype="sentence" srclang="DE-DE"/>
  <body>
    <!-- Default translations -->
    <tu>
      <prop type="file">artikel.txt</prop>
      <tuv xml:lang="DE-DE">
        <seg>Der Akku des Galaxy S25 hält zwei Tage.</seg>
      </tuv>
      <tuv xml:lang="EN-GB" changeid="anna" changedate="20260110T101010Z"
          creationid="anna" creationdate="20260110T101010Z">
        <prop type="x-context">body</prop>
        <seg>The Galaxy S25's battery lasts two days.</seg>
      </tuv>
    </tu>
    <tu>
      <note>checked by the desk</note>
      <tuv xml:lang="de-de"><seg>Die Preise beginnen bei 899 Euro.</seg></tuv>
      <tuv xml:lang="en-gb"><seg>Prices start at 899 euros.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_an_omegat_14_memory_with_props_and_notes_imports() -> None:
    contents = read_tmx(OMEGAT_14_TMX.encode())
    assert contents.tool == "OmegaT"
    assert contents.skipped == []
    assert contents.pairs == [
        TmPair("de", "en", "Der Akku des Galaxy S25 hält zwei Tage.",
               "The Galaxy S25's battery lasts two days.", "OmegaT"),
        TmPair("de", "en", "Die Preise beginnen bei 899 Euro.", "Prices start at 899 euros.",
               "OmegaT"),
    ]  # fmt: skip
