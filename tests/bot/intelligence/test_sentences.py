"""Sentence splitting on real German and English news text."""

from __future__ import annotations

import json
import re
from itertools import islice, pairwise

from bot.intelligence.sentences import split_paragraphs, split_sentences
from tests.conftest import corpus_file

# Real passages from ../shared/corpus/gnad_de.jsonl (derStandard.at via 10kGNAD).
Z_B = (
    "Zusätzlich kommen die direkt durch die Lebensmittelherstellung verursachten Lkw-Fahrten "
    "(z. B. Transport von Rohstoffen, Zutaten) dazu sowie die Transporte der Müllentsorgung. "
    "Rechnet man mit einer durchschnittlichen Zuladung, ergibt das viele Fahrten."
)
DR = (
    "Das Spiel schickt Spieler ins London des Jahres 1918, um dort die Verwandlung eines Arztes "
    "namens Dr. Jonathan Reid zum Vampir mitzuerleben. Das 2017 für PC, PS4 und XBO erscheinende "
    "Action-Rollenspiel Vampyr versetzt in die Zeit."
)
MRD = (
    "Das Territorium werde die Staatsschulden in Höhe von 72 Milliarden Dollar (64 Mrd. Euro) "
    "nicht begleichen können. Rund 45 Prozent der Anleihen liegen bei Fonds."
)
ORDINALS = (
    "Dahinter ist der 1. FC Köln Vierter, Ingolstadt folgt auf Platz fünf. Er hofft nun auf eine "
    "Reaktion im Gold Cup, der am 7. Juli beginnt. Die Chemikalie sei am 21. August eingesetzt "
    "worden, hieß es am 19.1.2016 in Wien."
)
U_A = (
    "Zu den versteigerten Werken gehören drei nachweislich (u. a. das Gemälde Tote Stadt III), "
    "fünf mutmaßlich. Das Gremium entschied bereits 2010."
)
USW = (
    "Ich werde auch oft gefragt, wie sich Lehrer in der Schule zu verhalten haben, wenn dort "
    "jemand prügelt usw. Da muss ich doch Werte vertreten, heißt es dann."
)


def test_german_abbreviations_do_not_end_sentences() -> None:
    assert len(split_sentences(Z_B, "de")) == 2
    assert split_sentences(DR, "de")[0].endswith("zum Vampir mitzuerleben.")
    assert split_sentences(MRD, "de")[0].endswith("nicht begleichen können.")
    assert len(split_sentences(U_A, "de")) == 2


def test_abbreviations_inside_a_word_never_split_it() -> None:
    text = "Tore in der K.-o.-Phase fehlen – Benfica mit Abwehrsorgen nach St. Petersburg."
    assert split_sentences(text, "de") == [text]


def test_german_ordinals_and_dates_stay_inside_their_sentence() -> None:
    sentences = split_sentences(ORDINALS, "de")
    assert sentences == [
        "Dahinter ist der 1. FC Köln Vierter, Ingolstadt folgt auf Platz fünf.",
        "Er hofft nun auf eine Reaktion im Gold Cup, der am 7. Juli beginnt.",
        "Die Chemikalie sei am 21. August eingesetzt worden, hieß es am 19.1.2016 in Wien.",
    ]


def test_sentence_final_usw_and_page_numbers_end_the_sentence() -> None:
    assert split_sentences(USW, "de")[0].endswith("jemand prügelt usw.")
    assert split_sentences("Details stehen auf S. 12. Danach folgt die Tabelle.", "de") == [
        "Details stehen auf S. 12.",
        "Danach folgt die Tabelle.",
    ]
    assert split_sentences("Der Umsatz lag bei 1,2 Mrd. Das teilte die Firma mit.", "de") == [
        "Der Umsatz lag bei 1,2 Mrd.",
        "Das teilte die Firma mit.",
    ]


def test_german_quotes_keep_their_closing_mark() -> None:
    assert split_sentences("Er sagte: „Wir sind bereit.“ Dann ging er.", "de") == [
        "Er sagte: „Wir sind bereit.“",
        "Dann ging er.",
    ]


def test_english_abbreviations_and_glued_sentences() -> None:
    text = (
        "TimeWarner said sales rose 2% to $11.1bn from $10.9bn.For the full-year, it posted a "
        "profit. Mr. Smith said U.S. sales fell in 2004. Analysts were surprised."
    )
    assert split_sentences(text, "en") == [
        "TimeWarner said sales rose 2% to $11.1bn from $10.9bn.",
        "For the full-year, it posted a profit.",
        "Mr. Smith said U.S. sales fell in 2004.",
        "Analysts were surprised.",
    ]


def test_paragraph_breaks_always_end_a_sentence() -> None:
    paragraphs = split_paragraphs(
        "Netflix ließ Action-Szene von KI erstellen\nBei der Sitzung sprach er.", "de"
    )
    assert paragraphs == [
        ["Netflix ließ Action-Szene von KI erstellen"],
        ["Bei der Sitzung sprach er."],
    ]


_MONTHS = re.compile(r"^(Jänner|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
                     r"|November|Dezember|FC)\b")  # fmt: skip


def test_no_sentence_of_the_german_corpus_breaks_before_a_month_or_after_z_b() -> None:
    path = corpus_file("gnad_de.jsonl")
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in islice(fh, 400)]
    for row in rows:
        sentences = split_sentences(row["body"], "de")
        for before, after in pairwise(sentences):
            assert not (re.search(r"\b\d{1,2}\.$", before) and _MONTHS.match(after)), (
                before,
                after,
            )
            assert not re.search(r"\b(z\. ?B|u\. ?a|Dr|Prof)\.$", before), (before, after)
        assert "".join(sentences).replace(" ", "") == row["body"].replace(" ", "").replace("\n", "")


def test_a_very_long_run_of_abbreviations_is_split_in_windows_without_losing_text() -> None:
    templates = [
        "Am {d}. Juli spielte der 1. FC Köln in der 3. Liga gegen Aachen.",
        "Dr. Müller kam am {d}. August z. B. mit dem Zug.",
        "Die Kosten lagen bei {d} Mio. Euro und damit u. a. über dem Plan.",
    ]
    sentences = [templates[i % 3].format(d=i % 28 + 1) for i in range(300)]
    text = " ".join(sentences)  # ~17,600 characters, every period ambiguous to our rules
    assert split_sentences(text, "de") == sentences


def test_a_long_paragraph_only_pysbd_can_judge_loses_no_text() -> None:
    """Such stretches go to pysbd in windows (its time grows faster than the text)."""
    templates = [
        "Am {d}. Juli spielte der 1. FC Köln in Runde {d}.",
        "Dr. Müller kam am {d}. August z. B. mit Zug Nr. {d}.",
    ]
    text = " ".join(templates[i % 2].format(d=i % 28 + 1) for i in range(300))
    sentences = split_sentences(text, "de")
    assert len(text) > 10_000 and len(sentences) > 100
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")
