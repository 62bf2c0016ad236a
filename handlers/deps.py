"""What every listener needs, built once per app by the factory."""

from __future__ import annotations

from dataclasses import dataclass

from bot.services import Services
from bot.slack.background import Background

DEFAULT_PAGE_SIZE = 5


@dataclass(frozen=True)
class Deps:
    services: Services
    background: Background
    page_size: int = DEFAULT_PAGE_SIZE

    def is_admin(self, user_id: str) -> bool:
        return user_id in self.services.settings.admin_user_ids
