from tests.slackfixtures import articles, fake_slack, rig

__all__ = ["articles", "fake_slack", "rig"]
