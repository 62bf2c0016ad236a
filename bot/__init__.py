"""Newsroom Bot: find, summarize and quote your newsroom's articles from Slack."""

__version__ = "0.1.0"
