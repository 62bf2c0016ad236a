"""Settings from the environment and `.env`: defaults, precedence, clear errors."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

VARS = ("DATABASE_URL", "NEWSROOM_ADMINS", "NEWSROOM_TIMEZONE", "SLACK_API_URL")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """python-dotenv writes into os.environ: start clean and leave nothing behind."""
    saved = {var: os.environ.pop(var) for var in VARS if var in os.environ}
    monkeypatch.chdir(tmp_path)  # no stray .env from the checkout
    yield
    for var in VARS:
        os.environ.pop(var, None)
    os.environ.update(saved)


def test_env_file_fills_in_and_real_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = tmp_path / "custom.env"
    env.write_text("NEWSROOM_ADMINS=U1, U2\nSLACK_API_URL=http://127.0.0.1:9/api/\n"
                   "DATABASE_URL=sqlite:///from-file.db\n")  # fmt: skip
    monkeypatch.setenv("DATABASE_URL", "sqlite:///from-env.db")
    settings = load_settings(env)
    assert settings.admin_user_ids == {"U1", "U2"}
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert settings.database_url == "sqlite:///from-env.db"


def test_default_database_is_a_sqlite_file_in_the_user_data_dir() -> None:
    url = load_settings().database_url
    assert url.startswith("sqlite:///") and url.endswith("newsroom-bot/newsroom.db")


def test_unknown_newsroom_timezone_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSROOM_TIMEZONE", "Europe/Berln")
    with pytest.raises(ConfigError, match="NEWSROOM_TIMEZONE"):
        load_settings()
    monkeypatch.setenv("NEWSROOM_TIMEZONE", "Europe/Berlin")
    assert load_settings().default_timezone == "Europe/Berlin"
