"""Near-duplicate grouping of residents' suggestions (pure Python: jieba, a residents' lexicon, no model files).

Public API: ``group_suggestions``, ``DEFAULT_THRESHOLD`` and ``BREADTHS``; quality measures live in
``grouping.metrics``.
"""

from .engine import BREADTHS, DEFAULT_THRESHOLD, group_suggestions

__all__ = ["BREADTHS", "DEFAULT_THRESHOLD", "group_suggestions"]
