"""Turn a chatty question into search words: "what did we write about Netflix KI?" → "netflix ki".

People ask the bot the way they would ask a colleague, in German or English. The filler
("what did we write about", "was haben wir über … geschrieben") only adds noise to a fuzzy
search, so it is dropped; the topic words are kept in the order they were typed.
"""

from __future__ import annotations

import re

_FILLER_EN = """
a about any anything article articles can could coverage did do does find for give have
hello hey hi is me of on our piece pieces please published publish regarding show some
something stories story tell that the there thing things us we what when which write
wrote written you your
"""
_FILLER_DE = """
artikel beitrag beiträge bericht berichtet berichte bitte das dazu dem den der des die
du ein eine einen einer es etwas findest finde gibt geschrieben hallo hast habe haben
habt hey ihr kannst mal mir schon such suche texte thema über ueber uns veröffentlicht
was welche wir zeig zeige zu zum zur
"""
FILLER_WORDS = frozenset((_FILLER_EN + _FILLER_DE).split())
# A filter such as `lang:de` or `since:7d` is one word and passes through untouched.
_WORD = re.compile(r"[\w$€£%+.-]+:[^\s?!,]+|[\w$€£%+.-]+", re.UNICODE)


def search_words(question: str) -> str:
    """The question minus filler words; unchanged words if nothing but filler was asked."""
    words = [w.strip(".-") for w in _WORD.findall(question)]
    words = [w for w in words if w]
    kept = [w for w in words if w.casefold() not in FILLER_WORDS]
    return " ".join(kept or words)
