"""Turn a chatty question into search words: "what did we write about Netflix KI?" → "netflix ki".

People ask the bot the way they would ask a colleague, in German or English. The filler
("what did we write about", "was haben wir über … geschrieben") only adds noise to a fuzzy
search, so it is dropped; the topic words are kept in the order they were typed.
"""

from __future__ import annotations

import re

from bot.intelligence.stopwords import CHAT_WORDS, all_languages

FILLER_WORDS = all_languages(CHAT_WORDS)
# A filter such as `lang:de` or `since:7d` is one word and passes through untouched.
_WORD = re.compile(r"[\w$€£%+.-]+:[^\s?!,]+|[\w$€£%+.-]+", re.UNICODE)


def search_words(question: str) -> str:
    """The question minus filler words; unchanged words if nothing but filler was asked."""
    words = [w.strip(".-") for w in _WORD.findall(question)]
    words = [w for w in words if w]
    kept = [w for w in words if w.casefold() not in FILLER_WORDS]
    return " ".join(kept or words)
