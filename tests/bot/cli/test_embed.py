"""`newsroom-bot embed` as an operator runs it: a tally at the end, clear errors."""

from __future__ import annotations

import pytest

from bot.cli import main
from tests.conftest import SEED


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_embed_embeds_what_is_missing_and_a_rerun_has_nothing_left(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "--database-url", sqlite_url, "ingest", "-q", str(SEED))[0] == 0
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "embed", "-q", "--model", "use")
    assert code == 0 and out == "embedded 1 vector with use-multilingual-v3/p2\n"
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "embed", "-q")  # use+e5
    assert code == 0 and out == "embedded 1 vector with use-multilingual-v3/p2 + e5-small-q4/p2\n"
    code, out, _ = _run(capsys, "--database-url", sqlite_url, "embed", "-q")
    assert code == 0 and out.startswith("embedded 0 vectors")


def test_an_unknown_model_is_a_one_line_error(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "--database-url", sqlite_url, "embed", "--model", "bert")
    assert code == 2 and out == ""
    assert err == (
        "error: --model: unknown embedding model 'bert'; choose `use` or `e5` or `use+e5`\n"
    )


def test_embedding_switched_off_says_how_to_embed_anyway(
    sqlite_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_EMBEDDING_MODEL", "off")
    code, _, err = _run(capsys, "--database-url", sqlite_url, "embed")
    assert code == 2 and "NEWSROOM_EMBEDDING_MODEL=off" in err and "--model use" in err
    monkeypatch.setenv("NEWSROOM_EMBEDDING_MODEL", "word2vec")
    code, _, err = _run(capsys, "--database-url", sqlite_url, "embed")
    assert (
        code == 2 and "NEWSROOM_EMBEDDING_MODEL must be one of `use`, `e5`, `use+e5`, `off`" in err
    )
