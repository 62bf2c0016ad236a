"""Questions are read as a colleague would: frame dropped, topic kept, time made a filter."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.lookup.question import read_question, search_words, topic_words

NOW = datetime(2026, 3, 18, 15, 30, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("what did we write about netflix ki?", "netflix ki"),
        ("what did we publish on the Netflix AI scene?", "Netflix AI scene"),
        ("Do we have anything on the Bundestag budget?", "Bundestag budget"),
        ("did we report on Time Warner's quarterly profit?", "Time Warner's quarterly profit"),
        ("Hatten wir was zur Gewerkschaft und den All-in-Verträgen?",
         "Gewerkschaft und den All-in-Verträgen"),
        ("Gab es einen Artikel über den Streik der Piloten?", "Streik der Piloten"),
        ("Haben wir darüber berichtet, dass die ÖBB Züge streicht?", "ÖBB Züge streicht"),
        ("Was haben wir über Netflix und KI geschrieben?", "Netflix und KI"),
        ("Zeig mir bitte Artikel zur Landtagswahl in Sachsen", "Landtagswahl in Sachsen"),
        ("hey, show me stories about the Mueller report please", "Mueller report"),
        ("revenue +16 % to $11bn", "revenue +16 % to $11bn"),
    ],
)  # fmt: skip
def test_the_frame_of_a_question_is_dropped_and_the_topic_kept(question: str, words: str) -> None:
    assert read_question(question, now=NOW).text == words


@pytest.mark.parametrize(
    "question", ["Find My iPhone outage", "Mueller report", "Time Warner quarterly report"]
)
def test_words_inside_the_topic_are_never_taken_for_frame(question: str) -> None:
    assert " ".join(topic_words(question)) == question


def test_a_question_of_only_frame_is_kept_as_is() -> None:
    assert search_words("what did we write?") == "what did we write"
    assert read_question("what did we write?", now=NOW).text == "what did we write"


def test_filters_in_a_question_reach_the_search_intact() -> None:
    assert search_words("what did we write about netflix lang:de since:7d?") == (
        "netflix lang:de since:7d"
    )


def day(year: int, month: int, d: int) -> datetime:
    return datetime(year, month, d, tzinfo=UTC)


@pytest.mark.parametrize(
    ("question", "topic", "since", "until"),
    [
        ("refugees in Austria last week", "refugees in Austria", day(2026, 3, 9), day(2026, 3, 16)),
        ("Was hatten wir gestern zur ÖBB?", "ÖBB", day(2026, 3, 17), day(2026, 3, 18)),
        ("Flüchtlinge in Passau im September 2015", "Flüchtlinge in Passau",
         day(2015, 9, 1), day(2015, 10, 1)),
        ("Brexit im Juli", "Brexit", day(2025, 7, 1), day(2025, 8, 1)),
        ("election coverage in 2004", "election coverage", day(2004, 1, 1), day(2005, 1, 1)),
        ("Olympia 2012", "Olympia", day(2012, 1, 1), day(2013, 1, 1)),
        ("budget this month", "budget", day(2026, 3, 1), None),
        ("Hochwasser in den letzten 3 Tagen", "Hochwasser", day(2026, 3, 15), None),
        ("what did we publish yesterday?", "", day(2026, 3, 17), day(2026, 3, 18)),
    ],
)  # fmt: skip
def test_time_phrases_become_a_date_range(
    question: str, topic: str, since: datetime, until: datetime | None
) -> None:
    read = read_question(question, now=NOW)
    assert (read.text, read.since, read.until) == (topic, since, until)


def test_a_year_inside_the_topic_stays_a_word() -> None:
    read = read_question("the 2005 election manifesto", now=NOW)
    assert read.text == "2005 election manifesto" and read.since is None
