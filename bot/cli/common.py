"""Helpers shared by the CLI command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from bot.config import Settings
from bot.services import Services


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The settings ``bot.cli.main`` read once for this command."""
    settings: Settings = args.settings
    return settings


def services_from_args(args: argparse.Namespace) -> Services:
    """Every command works on an up-to-date schema, so migrations run here first."""
    return Services.from_settings(settings_from_args(args))


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
