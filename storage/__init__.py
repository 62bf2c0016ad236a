"""Persistence for Newsroom Bot: SQLAlchemy models, sessions, repositories, migrations.

Nothing in here knows about Slack or the bot's listeners; the domain layer in ``bot``
talks to the database only through the repositories exported from this package.
"""
