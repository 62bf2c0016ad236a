"""Questions in plain words, in either language, answered first with their article on the
full shared corpus: through the slash command, a mention and the CLI.

The corpus (10.6k articles) and the seed are ingested and embedded once for the module,
as a newsroom would (``newsroom-bot ingest``, ``newsroom-bot embed``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.services import Services
from handlers.cli import main as cli
from tests.fakeslack import FakeSlack
from tests.slackrig import SlackRig, mention

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = [SHARED / "corpus" / name for name in
          ("bbc_news_en.jsonl", "gnad_de.jsonl", "german_news_meta_de.jsonl")]  # fmt: skip
SEED = SHARED / "seeds" / "netflix_eternauta_de.txt"
MODEL = "use"  # the default is use+e5; embedding the corpus with e5 would take the CI budget

USE_ONLY = "answered first with use+e5, the default; CI embeds with USE alone (e5: 10+ min)"
WORDS_WIN = (
    "meaning ranks the study first, but four common body words of an English story "
    "outweigh it (docs/benchmarks.md, questions and meaning)"
)
AUSTRIA = (
    "an English asylum story matching 'refugees' and 'arriving' comes first; meaning "
    "finds German refugee stories, not yet those about Austria"
)


def case(question: str, words: str, xfail: str | None = None) -> object:
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(question, words, marks=marks, id=question[:40])


# The questions, the README's, and words of the article each must answer with first.
QUESTIONS = [
    case("what did we publish on the Netflix AI scene?", "Eternauta"),
    case("which streaming service used generative AI for a collapsing building", "Eternauta"),
    case("Hatten wir was zur Gewerkschaft und den All-in-Verträgen?", "All-in"),
    case("Austrian union launches a calculator for all-in contracts", "All-in", USE_ONLY),
    case("did we report on Time Warner's quarterly profit?", "Time Warner"),
    case("Gewinnsprung beim Medienkonzern Time Warner", "Time Warner"),
    case("how many people are threatened by water shortage according to a new study",
         "Wasser", WORDS_WIN),
    case("refugees arriving in Austria", "Österreich", AUSTRIA),
]  # fmt: skip

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="the shared corpus is not here")


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    files = [str(p) for p in [*CORPUS, SEED]]
    assert cli(["--database-url", url, "ingest", *files, "-q", "--jobs", "2"]) == 0
    assert cli(["--database-url", url, "embed", "--model", MODEL, "-q"]) == 0
    return url


@pytest.fixture(scope="module")
def corpus_rig(corpus_db: str) -> Iterator[SlackRig]:
    services = Services.from_settings(Settings(database_url=corpus_db, embedding_model=MODEL))
    fake = FakeSlack().start()
    rig = SlackRig(services, fake)
    yield rig
    rig.stop()
    fake.stop()
    services.close()


def first_article(blocks: list[dict[str, object]]) -> str:
    """The text of the first article block in a results message."""
    return json.dumps(blocks[1], ensure_ascii=False)


@pytest.mark.parametrize(("question", "words"), QUESTIONS)
def test_a_question_in_the_slash_command_gets_its_article_first(
    corpus_rig: SlackRig, question: str, words: str
) -> None:
    name = f"q{abs(hash(question)) % 10**8}"
    corpus_rig.command(question, response_url=corpus_rig.fake.response_url(name))
    reply = corpus_rig.fake.wait_for(f"response_url/{name}", timeout=30)[0]
    assert words in first_article(reply.args["blocks"])


@pytest.mark.parametrize(("question", "words"), QUESTIONS[::2])
def test_a_question_in_a_mention_gets_its_article_first_in_the_thread(
    corpus_rig: SlackRig, question: str, words: str
) -> None:
    ts = f"17641{abs(hash(question)) % 10**5:05d}.000100"
    corpus_rig.event(mention(f"<@UBOT> {question}", ts=ts))
    corpus_rig.wait_idle(timeout=30)
    posts = [c for c in corpus_rig.fake.calls
             if c.method == "chat.postMessage" and c.args.get("thread_ts") == ts]  # fmt: skip
    assert words in first_article(posts[0].args["blocks"])


def test_the_cli_answers_a_cross_lingual_question_with_its_article_first(
    corpus_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    question = "Gewinnsprung beim Medienkonzern Time Warner"
    assert cli(["--database-url", corpus_db, "search", question]) == 0
    first = capsys.readouterr().out.split("\n  2.")[0]
    assert "Time Warner" in first
