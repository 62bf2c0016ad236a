"""Article intelligence: language, sentences, extractive summary and key figures.

Pure text in, plain data out: ``analysis.analyze`` is called once per article at ingestion
and again by ``newsroom-bot reindex``. ``stopwords`` holds the one stop-word table
every subsystem uses; ``junk`` tells scraper leftovers and glued-on stories from the
story. Key figures live in ``figures/`` (numbers, quantities, cues, labels, ranking).

May import: ``storage.articles`` (the ``FigureFields`` it returns). Never Slack, never the
database session, never ``bot.ingest``, ``bot.lookup`` or ``bot.digest``.
"""
