"""The sentence encoders: unit vectors of the declared size that put a German and an
English sentence on one topic closer together than two unrelated ones."""

from __future__ import annotations

import numpy as np
import pytest

from bot.config import ConfigError
from bot.lookup.embeddings import (
    article_passage,
    display_name,
    encoder_for,
    models_of,
    passage_text,
    storage_name,
)
from storage.models import Article

RAIL_DE = "Die Gewerkschaft ruft zum Streik bei der Bahn auf, viele Züge fallen aus."
RAIL_EN = "The rail union calls a strike and many trains are cancelled."
NETFLIX_EN = "Netflix used generative AI for the visual effects of its series El Eternauta."


@pytest.mark.parametrize("model", ["use", "e5"])
def test_a_german_and_an_english_sentence_on_one_topic_are_neighbours(model: str) -> None:
    encoder = encoder_for(model)
    passages = encoder.passages([RAIL_DE, RAIL_EN, NETFLIX_EN])
    question = encoder.queries(["Wer streikt bei der Bahn?"])
    for vectors in (passages, question):
        assert vectors.dtype == np.float32 and vectors.shape[1] == encoder.dim
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    same_topic, unrelated = passages[0] @ passages[1], passages[0] @ passages[2]
    assert same_topic > unrelated + 0.05
    assert int(np.argmax(passages @ question[0])) in (0, 1)  # a rail article, not Netflix


def test_each_model_is_loaded_once_per_process() -> None:
    assert encoder_for("use") is encoder_for("USE ") is encoder_for("use-multilingual-v3/p2")
    assert storage_name("e5") == encoder_for("e5").name == "e5-small-q4/p2"


def test_an_unknown_model_name_is_a_clear_error_naming_the_choices() -> None:
    with pytest.raises(ConfigError, match=r"unknown embedding model 'bert'; choose `use` or `e5`"):
        encoder_for("bert")


def test_a_passage_is_title_teaser_and_summary_cut_on_a_word_boundary() -> None:
    assert passage_text("Bahnstreik", "Züge fallen aus.", "Die Bahn streikt.", "Body") == (
        "Bahnstreik. Züge fallen aus. Die Bahn streikt."
    )
    assert passage_text("Bahnstreik", "Bahnstreik", None, "Body.") == "Bahnstreik. Body."
    assert passage_text("Frage?", None, "  Die   Antwort. ", "Body") == "Frage? Die Antwort."
    assert passage_text("Titel", "", "", "Der Text beginnt hier.") == (
        "Titel. Der Text beginnt hier."
    )
    long = passage_text("Titel", None, None, "wort " * 500, limit=100)
    assert len(long) <= 100 and long.endswith("wort")


def test_an_article_passage_reads_the_stored_columns() -> None:
    article = Article(title="Netflix und KI", teaser="", summary="KI-Effekte.", body="Lang.")
    assert article_passage(article) == "Netflix und KI. KI-Effekte."


def test_both_models_may_be_chosen_together_and_each_is_named() -> None:
    assert models_of("use+e5") == ["use", "e5"] and models_of(" USE ") == ["use"]
    assert display_name("use+e5") == "use-multilingual-v3/p2 + e5-small-q4/p2"
    with pytest.raises(ConfigError, match="choose `use` or `e5` or `use\\+e5`"):
        models_of("use+use")
