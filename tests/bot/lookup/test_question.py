"""Questions to the bot lose their filler words, in German and English."""

from __future__ import annotations

import pytest

from bot.lookup.question import search_words


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("what did we write about netflix ki?", "netflix ki"),
        ("Do we have anything on the Bundestag budget?", "Bundestag budget"),
        ("Was haben wir über Netflix und KI geschrieben?", "Netflix und KI"),
        ("Zeig mir bitte Artikel zur Landtagswahl in Sachsen", "Landtagswahl in Sachsen"),
        ("revenue +16 % to $11bn", "revenue +16 % to $11bn"),
    ],
)
def test_filler_is_dropped_topic_words_kept(question: str, words: str) -> None:
    assert search_words(question) == words


def test_a_question_of_only_filler_is_kept_as_is() -> None:
    assert search_words("what did we write?") == "what did we write"


def test_filters_in_a_question_reach_the_search_intact() -> None:
    assert search_words("what did we write about netflix lang:de since:7d?") == (
        "netflix lang:de since:7d"
    )
