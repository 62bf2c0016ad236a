"""Who a story names is never what its figures measure."""

from __future__ import annotations

from bot.intelligence.figures.names import people_named
from bot.intelligence.figures.ranking import key_figures


def test_titles_roles_and_verbs_of_saying_name_people() -> None:
    texts = [
        "Meantime, 32% said Mr Blair was a good prime minister.",
        "Landeshauptmann Hermann Schützenhöfer war vor Ort.",
        "Die Geräte werden abgelöst sein, sagte Lölkes.",
        "Zur zahlenmäßigen Größenordnung meinte Faymann, es seien 1.000 Menschen.",
    ]
    names = people_named(texts)
    assert {"Blair", "Schützenhöfer", "Lölkes", "Faymann"} <= names
    assert "Größenordnung" not in names  # German puts the verb second


def test_a_share_is_labelled_by_what_people_did_not_by_the_person_they_judged() -> None:
    sentences = [
        (0, "Three-quarters said Mr Blunkett was right to go to court."),
        (1, "Meantime, 32% said Mr Blair was a good prime minister and 38% disagreed."),
    ]
    found = {f.text: f.label for f in key_figures(sentences, "en")}
    assert found["38%"] == "disagreed"
