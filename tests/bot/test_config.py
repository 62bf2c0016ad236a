"""Settings: one table, defaults, precedence, clear errors, and README lists them all."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from bot.config import SETTINGS, ConfigError, Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_stray_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env from the checkout


def test_env_file_fills_in_and_real_environment_wins(tmp_path: Path) -> None:
    env = tmp_path / "custom.env"
    env.write_text("NEWSROOM_ADMINS=U1, U2\nSLACK_API_URL=http://127.0.0.1:9/api/\n"
                   "DATABASE_URL=sqlite:///from-file.db\n")  # fmt: skip
    settings = load_settings(env, environ={"DATABASE_URL": "sqlite:///from-env.db"})
    assert settings.admin_user_ids == {"U1", "U2"}
    assert settings.slack_api_url == "http://127.0.0.1:9/api/"
    assert settings.database_url == "sqlite:///from-env.db"


def test_command_line_flags_win_over_the_environment() -> None:
    settings = load_settings(
        environ={"DATABASE_URL": "sqlite:///env.db", "LOG_LEVEL": "INFO"},
        overrides={"DATABASE_URL": "sqlite:///flag.db", "LOG_LEVEL": "DEBUG"},
    )
    assert (settings.database_url, settings.log_level) == ("sqlite:///flag.db", "DEBUG")


def test_reading_settings_never_writes_the_process_environment(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("NEWSROOM_TEST_ONLY_VARIABLE=1\nNEWSROOM_TIMEZONE=Asia/Tokyo\n")
    before = dict(os.environ)
    settings = load_settings(environ={})
    assert settings.default_timezone == "Asia/Tokyo"  # the .env in the working dir is read
    assert dict(os.environ) == before


def test_default_database_is_a_sqlite_file_in_the_user_data_dir() -> None:
    url = load_settings(environ={}).database_url
    assert url.startswith("sqlite:///") and url.endswith("newsroom-bot/newsroom.db")
    assert load_settings(environ={"NEWSROOM_DB_IN_CWD": "1"}).database_url == (
        "sqlite:///newsroom.db"
    )


def test_unknown_newsroom_timezone_names_the_variable() -> None:
    with pytest.raises(ConfigError, match="NEWSROOM_TIMEZONE"):
        load_settings(environ={"NEWSROOM_TIMEZONE": "Europe/Berln"})
    assert load_settings(environ={"NEWSROOM_TIMEZONE": "Europe/Berlin"}).default_timezone == (
        "Europe/Berlin"
    )


def test_defaults_of_the_table_are_the_defaults_of_settings() -> None:
    loaded = load_settings(environ={"NEWSROOM_CACHE_DIR": "/c"})
    built = Settings(database_url=loaded.database_url, cache_dir="/c")
    assert loaded == built


def test_every_setting_is_in_the_readme_configuration_table() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", table, flags=re.M))
    declared = {s.name for s in SETTINGS}
    assert declared - documented == set(), "settings missing from README's table"
    assert documented - declared == set(), "README documents settings that do not exist"


def test_every_setting_is_a_field_of_settings_and_named_once() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    fields = set(Settings.__dataclass_fields__)
    assert {s.attr for s in SETTINGS} <= fields
