"""When does a search hit count as a match for an alert? One threshold, in one place.

An alert runs its query through the same lookup as `/news` search (``bot.lookup.search``,
restricted to arrivals since the alert's cursor). Search ranks: its last hit may share
one word with a five-word query. An alert posts to a whole channel, so it must be
stricter: a hit matches when it contains at least ``MIN_WORD_SHARE`` of the query's
words — every word of a one- or two-word query, two of three, three of four, four of
five. A word counts when the lookup matched it exactly, as a prefix or compound part, or
with a typo in the headline, as listed in the hit's ``why`` (a typo match only in the body
does not count). Filter-only alerts
(``source:bbc lang:en``) match every arrival their filters let through.

The check reads only ``Hit.why`` (one ``"word" …`` entry per matched query word), not
the score, so a change of ranking weights or a fused semantic score does not move it;
if the lookup's explanations change shape, ``matched_words`` is the one place to adapt.
Measured on the lookup dev set: docs/benchmarks.md, "Alerts".
"""

from __future__ import annotations

import re

from bot.lookup import Hit
from bot.lookup.question import search_words
from bot.lookup.service import counted_words

MIN_WORD_SHARE = 0.66  # two of three words; all of one or two
# A typo match counts only in the headline: "speak" ~ "peak" somewhere in a body is how a
# fuzzy search finds things, not a story an alert should post.
TYPO_ONLY_IN_HEADLINE = True
_MATCHED = re.compile(r'^"(?P<word>[^"]+)"(?: ~ \S+ \((?P<kind>\w+), (?P<where>\w+)\))?')


def alert_query(text: str) -> str:
    """What the alert searches for: the question scaffolding dropped, filters kept."""
    return search_words(text)


def query_words(query: str) -> list[str]:
    """The query's content words, exactly as the lookup counts them (``counted_words``):
    a time phrase such as "last week" is a filter there, not two words to match."""
    return counted_words(query)


def matched_words(hit: Hit) -> set[str]:
    """Query words the hit matched, from its ``why`` lines (see the module docstring)."""
    words = set()
    for line in hit.why:
        match = _MATCHED.match(line)
        if match is None:
            continue
        typo_in_body = match.group("kind") == "typo" and match.group("where") != "headline"
        if not (TYPO_ONLY_IN_HEADLINE and typo_in_body):
            words.add(match.group("word"))
    return words


def is_match(hit: Hit, words: list[str]) -> bool:
    """The threshold check: enough of ``words`` (from ``query_words``) matched in ``hit``."""
    if not words:
        return True
    return len(matched_words(hit) & set(words)) >= MIN_WORD_SHARE * len(words)
