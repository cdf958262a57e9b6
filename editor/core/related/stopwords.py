"""Stop words for the languages the newsroom writes in.

Function words and the filler verbs and adverbs of news prose: they say nothing about what
an article is about, so they only add noise (and posting-list length) to the text signal.
"""

from __future__ import annotations

GERMAN = frozenset(
    """
    aber alle allem allen aller alles als also am an ander andere anderen anderer anderes
    auch auf aus bei beim bereits bis bisher bislang bzw da dabei dadurch dafür dagegen daher
    damals damit dann daran darauf darin darüber darum das dass davon dazu dem demnach den denen
    denn dennoch der deren derzeit des deshalb dessen die dies diese diesem diesen dieser dieses
    doch dort durch ebenfalls eher ein eine einem einen einer eines einige einigen einmal er
    erst es etwa etwas euch euer für gab gar gegen gegenüber geht gibt ging habe haben hat hatte
    hätte hatten hätten heißt her hier hin hinter ich ihm ihn ihnen ihr ihre ihrem ihren ihrer
    ihres im immer in indem ins ist ja je jedoch jede jedem jeden jeder jedes jetzt kam kann
    kaum kein keine keinem keinen keiner könne können könnte könnten laut lassen lässt man
    manche mehr mehrere mein meine mit muss müssen musste nach nachdem neben nein nicht nichts
    noch nun nur ob oder ohne rund sagt sagte sehr sei seien sein seine seinem seinen seiner
    seines seit selbst sich sie sind so sogar solche soll sollen sollte sollten sondern sowie
    sowohl statt um und uns unser unsere unter viel viele vom von vor wann war wäre waren wären
    warum was weil weit weiter weitere weiteren welche welchem welchen welcher wenn wer werde
    werden wie wieder will wir wird wo wohl worden wurde würde wurden würden zu zum zur zwar
    zwischen ab allerdings außerdem bzw dürfen darf derzeit zwei drei vier fünf zehn zudem schon
    gut ganz gleich wegen während sowie demnächst ebenso insgesamt heißt hieß denn mal vielleicht
    """.split()
)

ENGLISH = frozenset(
    """
    a about above after again against all also am an and any are aren as at be because been
    before being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other
    our ours out over own said same says she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours also although
    already among around however including many may might much must new next one two three
    per since still though thus us via yet according told would like get got make made back
    well even
    """.split()
)

BY_LANGUAGE: dict[str, frozenset[str]] = {"de": GERMAN, "en": ENGLISH}


def stop_words(lang: str) -> frozenset[str]:
    """Stop words for `lang`, or both lists for a language we have none for (mixed text)."""
    return BY_LANGUAGE.get(lang, GERMAN | ENGLISH)
