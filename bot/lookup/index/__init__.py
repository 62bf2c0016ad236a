"""The in-memory term index, split by job: postings, per-article table, vocabulary.

``TermIndex`` (in ``term_index``) is the façade lookup talks to.
"""

from bot.lookup.index.term_index import Expansion, TermIndex

__all__ = ["Expansion", "TermIndex"]
