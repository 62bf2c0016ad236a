"""The `newsroom-bot` console script: the bot's commands plus `run` and `serve`.

This is the composition root. `run`/`serve` assemble the Bolt app from the listeners in
this package, so the full command line is put together here, above ``bot`` and
``handlers``, and dependencies keep running one way (handlers -> bot -> storage).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.cli import COMMAND_MODULES
from bot.cli import main as bot_main

SLACK_COMMANDS = "handlers.serve"


def main(argv: Sequence[str] | None = None) -> int:
    return bot_main(argv, (*COMMAND_MODULES, SLACK_COMMANDS))


if __name__ == "__main__":
    sys.exit(main())
