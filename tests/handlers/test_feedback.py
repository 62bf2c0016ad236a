"""👍/👎 under search answers are stored with the query and the article."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.slack.messages import ACTION_HELPFUL, ACTION_UNHELPFUL
from storage.feedback import FeedbackRepository
from tests.slackrig import SlackRig


def feedback_button(blocks: list[dict[str, object]], action_id: str) -> str:
    for block in blocks:
        for element in block.get("elements", []) if block["type"] == "actions" else []:  # type: ignore[attr-defined]
            if element["action_id"] == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} button")


def test_thumbs_down_is_stored_with_query_and_article_and_listed_worst_first(
    rig: SlackRig, articles: list[int], capsys: pytest.CaptureFixture[str]
) -> None:
    rig.command("time warner profit", response_url=rig.fake.response_url("q1"))
    answer = rig.fake.wait_for("response_url/q1")[0].args
    down = feedback_button(answer["blocks"], ACTION_UNHELPFUL)
    assert json.loads(down) == {"id": articles[2], "q": "time warner profit"}
    rig.click(ACTION_UNHELPFUL, down, response_url=rig.fake.response_url("f1"))
    thanks = rig.fake.wait_for("response_url/f1")[0].args
    assert (
        thanks["response_type"] == "ephemeral" and "not what you were looking for" in thanks["text"]
    )
    rig.click(ACTION_HELPFUL, json.dumps({"id": articles[0], "q": "netflix"}), user_id="U2",
              response_url=rig.fake.response_url("f2"))  # fmt: skip
    rig.fake.wait_for("response_url/f2")
    rig.wait_idle()
    with rig.services.session() as session:
        worst, best = FeedbackRepository(session).worst_queries()
    assert (worst.query, worst.down, worst.disliked) == (
        "time warner profit",
        1,
        ["bbc-business-001"],
    )
    assert (best.query, best.up) == ("netflix", 1)
    assert main(["--database-url", str(rig.services.engine.url), "feedback"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("  -1") and "time warner profit" in out[0]
