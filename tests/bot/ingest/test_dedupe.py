"""Near-duplicates: agency copy from several outlets is grouped at ingestion and shown once."""

from __future__ import annotations

import json

from bot.ingest.dedupe import TUNING, collapse, signature, similarity
from bot.ingest.readers import RawArticle
from bot.ingest.service import Ingestor
from bot.services import Services
from handlers.answers import search_message
from storage.stories import StoryRepository

AGENCY = (
    "Die Europäische Zentralbank hat den Leitzins zum dritten Mal in Folge gesenkt. "
    "Der Einlagensatz sinkt um 0,25 Prozentpunkte auf 2,5 Prozent, wie die Notenbank in "
    "Frankfurt mitteilte. Die Währungshüter begründeten den Schritt mit der nachlassenden "
    "Inflation im Euroraum und der schwachen Konjunktur in Deutschland und Frankreich. "
    "Ökonomen hatten mit der Entscheidung gerechnet. Präsidentin Christine Lagarde ließ "
    "offen, ob im Sommer weitere Senkungen folgen. Die Teuerung lag zuletzt bei 2,2 Prozent."
)
OTHER = (
    "Die Europäische Zentralbank steht vor einer schwierigen Entscheidung über den Kurs im "
    "Herbst. Während die Inflation im Süden des Euroraums hartnäckig bleibt, drängen Banken "
    "in Deutschland auf Entlastung. Analysten erwarten eine Pause, bevor die Notenbank den "
    "Leitzins erneut anpasst; die Debatte im Rat sei kontrovers, heißt es aus Frankfurt. "
    "Christine Lagarde wollte sich vor der Sitzung nicht äußern."
)


def article(key: str, source: str, title: str, body: str) -> RawArticle:
    return RawArticle(title=title, body=body, external_id=key, source=source, lang="de",
                      url=f"https://{source.lower()}.example/{key}")  # fmt: skip


def test_agency_copy_is_one_group_and_a_story_on_the_same_topic_is_not(
    services: Services,
) -> None:
    edited = AGENCY.replace("Ökonomen hatten mit der Entscheidung gerechnet. ", "") + " (dpa)"
    Ingestor(services).ingest([article("a1", "tagesschau", "EZB senkt Leitzins erneut", AGENCY)])
    Ingestor(services).ingest([  # a later import finds the stored signature
        article("a2", "Spiegel", "Zinssenkung: EZB lockert weiter", edited),
        article("a3", "Handelsblatt", "EZB vor schwieriger Entscheidung", OTHER),
    ])  # fmt: skip
    with services.session() as session:
        groups = StoryRepository(session).groups_of([1, 2, 3])
        assert groups[1] == groups[2] != groups[3]
        assert collapse(session, [2, 1, 3]) == [(2, ["tagesschau"]), (3, [])]
    answer = search_message(services, "EZB Leitzins")
    text = json.dumps(answer.blocks, ensure_ascii=False)
    assert text.count("EZB senkt Leitzins erneut") + text.count("EZB lockert weiter") == 1
    assert "also in: " in text


def test_the_signature_sees_through_small_edits_but_not_a_new_text() -> None:
    a, b = signature(AGENCY), signature(AGENCY.replace("2,5 Prozent", "2,50 Prozent"))
    c = signature(OTHER)
    assert a is not None and b is not None and c is not None
    assert similarity(a, b) >= TUNING.threshold > similarity(a, c)
    assert signature("Zu kurz für eine Signatur.") is None
