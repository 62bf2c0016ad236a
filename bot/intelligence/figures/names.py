"""Surnames of the people a story names, so that no figure is labelled by who said, gave or
estimated it ("Pirklhuber beziffert …", "Murray served …", "said Mr Jones").

German capitalizes every noun, so a capitalized word alone says nothing; a person shows by a
title or role before the name ("Mr Brown", "Landeshauptmann Schützenhöfer", "Andritz-Chef
Wolfgang Leitner") or a verb of saying next to it ("sagte Guterres", "Lölkes sagt").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NAME = r"([A-ZÄÖÜ][a-zäöüßé]+(?:-[A-ZÄÖÜ][a-zäöüßé]+)?)"
_FIRST = r"(?:[A-ZÄÖÜ][a-zäöüßé]+\s+)?"  # a first name between title and surname
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Professor|Prof|Herr|Frau|Dr\.|Prof\.|President"
    r"|Chancellor|Minister\w*|\w+minister(?:in)?|\w+-?[Cc]hef(?:in)?|Präsident(?:in)?"
    r"|Landeshauptmann|Landeshauptfrau|Bürgermeister(?:in)?|Sprecher(?:in)?|Kanzler(?:in)?"
    r"|Generalsekretär(?:in)?|Direktor(?:in)?|Geschäftsführer(?:in)?|Analyst(?:in)?)\.?\s+"
    + _FIRST
    + _NAME
    + r"\b"
)
_SAID_BY = re.compile(
    r"\b(?:sagte|sagt|meinte|meint|erklärte|betonte|kritisierte|forderte|said|says|told|added"
    r"|explained)\s+" + _FIRST + _NAME + r"\b(?!\s+(?:und|and|der|die|das|the|a|an|dass|that)\b)"
)
# English only: German puts the verb second, so the word before it need not be its subject
# ("Zur Größenordnung meinte Faymann").
_SAYS = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)\s+(?:said|says|told|added|explained)\b")
# Capitalized words a title or a verb of saying can stand before that are no surnames.
_NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        """Die Der Das Den Dem Des Ein Eine Einer The A An It He She They We This That There
        Regierung Ministerium Konzern Unternehmen Firma Bank Polizei Studie Bericht Experten
        Sprecher Sprecherin Company Government Ministry Police Report Study""",
    )
)


def people_named(texts: Iterable[str]) -> frozenset[str]:
    """The surnames (and single names) the texts give persons, as written."""
    found: set[str] = set()
    for text in texts:
        for regex in (_TITLED, _SAID_BY, _SAYS):
            found.update(m.group(1) for m in regex.finditer(text))
    return frozenset(found - _NOT_NAMES)
