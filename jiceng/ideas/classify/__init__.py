"""Category suggestion for residents' suggestions: a small naive Bayes model with a keyword fallback.

Public API: ``CategorySuggester``, ``Suggestion`` and ``default_keywords``.  Suggestions only: staff confirm or change.
"""

from .suggester import CategorySuggester, Suggestion, default_keywords

__all__ = ["CategorySuggester", "Suggestion", "default_keywords"]
