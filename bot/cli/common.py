"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from bot.config import Settings, load_settings
from bot.services import Services


def settings_from_args(args: argparse.Namespace) -> Settings:
    if getattr(args, "database_url", None):
        os.environ["DATABASE_URL"] = args.database_url
    return load_settings(getattr(args, "env_file", None))


def services_from_args(args: argparse.Namespace) -> Services:
    """Every command works on an up-to-date schema, so migrations run here first."""
    return Services.from_settings(settings_from_args(args))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
