"""Near-duplicate grouping of residents' suggestions (pure Python: jieba, a residents' lexicon, no model files).

Public API: ``group_suggestions`` and ``DEFAULT_THRESHOLD``; quality measures live in ``grouping.metrics``.
"""

from .engine import DEFAULT_THRESHOLD, group_suggestions

__all__ = ["DEFAULT_THRESHOLD", "group_suggestions"]
