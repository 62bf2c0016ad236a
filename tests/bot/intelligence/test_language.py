"""Language detection on corpus articles and a few other languages."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from bot.intelligence.language import detect_language, normalize_hint, resolve_language
from tests.conftest import corpus_file


@pytest.mark.parametrize(("name", "lang"), [("bbc_news_en.jsonl", "en"), ("gnad_de.jsonl", "de")])
def test_corpus_articles_are_recognized(name: str, lang: str) -> None:
    with corpus_file(name).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in islice(fh, 300)]
    found = [detect_language(" ".join((r["title"], r.get("teaser", ""), r["body"]))) for r in rows]
    assert found.count(lang) >= 298


def test_other_languages_are_stored_and_marked() -> None:
    assert (
        detect_language("Le gouvernement a annoncé une réforme des retraites pour les salariés.")
        == "fr"
    )
    assert (
        detect_language("El gobierno anunció una reforma de las pensiones para los trabajadores.")
        == "es"
    )


def test_german_headline_with_in_and_was_is_not_english() -> None:
    assert detect_language("Was will Erdogan in Syrien? - Der starke Mann vom Bosporus") == "de"


def test_too_little_text_falls_back_to_the_feed_hint() -> None:
    assert detect_language("Brexit!") is None
    assert resolve_language("Brexit!", "en-GB") == "en"
    assert (
        resolve_language(
            "Die Regierung hat sich auf einen Haushalt für das nächste Jahr geeinigt.", "en"
        )
        == "de"
    )


@pytest.mark.parametrize(
    ("hint", "code"), [("de-DE", "de"), ("EN", "en"), ("German", "de"), ("??", None), (None, None)]
)
def test_feed_language_hints_are_normalized(hint: str | None, code: str | None) -> None:
    assert normalize_hint(hint) == code
