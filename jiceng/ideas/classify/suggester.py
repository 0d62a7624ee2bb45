"""Suggest a category for a resident's suggestion from the categories staff have already confirmed.

A multinomial naive Bayes model over the same features the grouping uses (lexicon concepts, residual jieba words
and character bigrams) learns from confirmed examples.  A category with fewer than ``min_examples`` confirmed
examples is not learnt; while fewer than two categories are learnt there is no model at all.  Keywords (a default
table in ``data/keywords.json``, or your own) then suggest the category, and they also win over the model for a
category the model does not know when at least ``strong_keywords`` of its keywords are in the text.
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from jiceng.ideas.grouping.features import analyse

#: Laplace smoothing of the token counts.
SMOOTHING = 0.5


@dataclass(frozen=True)
class Suggestion:
    """A suggested category, how sure the suggester is (0–1), what it is based on, and the keywords it saw."""

    category: str
    confidence: float
    basis: Literal["model", "keywords"]
    keywords_matched: tuple[str, ...] = ()


@functools.cache
def _default_table() -> tuple[tuple[str, tuple[str, ...]], ...]:
    source = resources.files("jiceng.ideas.classify").joinpath("data/keywords.json").read_text(encoding="utf-8")
    return tuple((entry["name"], tuple(entry["keywords"])) for entry in json.loads(source)["categories"])


def default_keywords() -> dict[str, tuple[str, ...]]:
    """The default categories and their keywords, in order of preference; the last one takes what matches nothing."""
    return dict(_default_table())


def features(text: str) -> list[str]:
    """The tokens the model counts: lexicon concepts, residual words and residual character bigrams."""
    analysis = analyse(text)
    return (["c:" + name for name, _ in analysis.concepts] + ["w:" + word for word, _ in analysis.words]
            + ["b:" + gram for gram in analysis.grams if len(gram) == 2])


class CategorySuggester:
    """Suggests a category; train it on confirmed (text, category) pairs, then ask ``suggest(text)``.

    ``keywords`` maps each category to its keywords, in order of preference (default: ``default_keywords()``);
    the last category is also the one suggested when nothing else applies.  ``min_examples`` is how many confirmed
    examples a category needs before the model learns it.  Below ``min_confidence`` the model gives way to
    matching keywords, if any.
    """

    def __init__(self, *, min_examples: int = 5, keywords: Mapping[str, Sequence[str]] | None = None,
                 strong_keywords: int = 2, min_confidence: float = 0.7) -> None:
        if min_examples < 1:
            raise ValueError("min_examples must be at least 1")
        self.min_examples = min_examples
        self.strong_keywords = strong_keywords
        self.min_confidence = min_confidence
        self.keywords = {name: tuple(words) for name, words in (keywords or default_keywords()).items()}
        if not self.keywords:
            raise ValueError("the keyword table needs at least one category")
        self.fallback = list(self.keywords)[-1]
        self._log_prior: dict[str, float] = {}
        self._log_likelihood: dict[str, dict[str, float]] = {}
        self._log_unseen: dict[str, float] = {}
        self.example_counts: dict[str, int] = {}

    @property
    def model_categories(self) -> tuple[str, ...]:
        """The categories the model has learnt (empty when there is too little training data)."""
        return tuple(self._log_prior)

    def train(self, examples: Iterable[tuple[str, str]]) -> CategorySuggester:
        """Learn from confirmed (text, category) pairs, replacing what was learnt before; returns self.

        Raises ValueError for an example that is not a (text, category) pair or has an empty category.
        """
        tokens_by_category: dict[str, list[list[str]]] = {}
        for example in examples:
            if not isinstance(example, tuple | list) or len(example) != 2:
                raise ValueError(f"expected (text, category), got {example!r}")
            text, category = example
            if not category:
                raise ValueError(f"empty category for {text!r}")
            tokens_by_category.setdefault(str(category), []).append(features(str(text or "")))
        self.example_counts = {name: len(rows) for name, rows in tokens_by_category.items()}
        learnt = {name: rows for name, rows in tokens_by_category.items() if len(rows) >= self.min_examples}
        self._log_prior, self._log_likelihood, self._log_unseen = {}, {}, {}
        if len(learnt) < 2:
            return self
        vocabulary = sorted({token for rows in learnt.values() for tokens in rows for token in tokens})
        total_examples = sum(len(rows) for rows in learnt.values())
        for name in sorted(learnt):
            counts: dict[str, int] = {}
            for tokens in learnt[name]:
                for token in tokens:
                    counts[token] = counts.get(token, 0) + 1
            denominator = sum(counts.values()) + SMOOTHING * len(vocabulary)
            self._log_prior[name] = math.log(len(learnt[name]) / total_examples)
            self._log_likelihood[name] = {token: math.log((count + SMOOTHING) / denominator)
                                          for token, count in counts.items()}
            self._log_unseen[name] = math.log(SMOOTHING / denominator)
        self._vocabulary = frozenset(vocabulary)
        return self

    def suggest(self, text: str) -> Suggestion:
        """A category for ``text``. Never raises; an empty or meaningless text gets the fallback category."""
        matched = self._keyword_matches(text)
        by_keywords = self._keyword_suggestion(matched)
        if not self._log_prior:
            return by_keywords
        guess = self._model_guess(text)
        if guess is None:
            return by_keywords  # nothing in the text the model has seen
        category, confidence = guess
        if confidence < self.min_confidence and by_keywords.keywords_matched:
            return by_keywords
        unknown_to_model = by_keywords.category not in self._log_prior
        if by_keywords.keywords_matched and unknown_to_model and \
                len(by_keywords.keywords_matched) >= self.strong_keywords:
            return by_keywords
        return Suggestion(category=category, confidence=round(confidence, 3), basis="model",
                          keywords_matched=matched.get(category, ()))

    def _model_guess(self, text: str) -> tuple[str, float] | None:
        tokens = [token for token in features(text) if token in self._vocabulary]
        if not tokens:
            return None
        # Naive Bayes counts correlated features as independent and is over-confident: temper the evidence.
        temper = max(1.0, math.sqrt(len(tokens)))
        scores = {}
        for name, prior in self._log_prior.items():
            likelihood = self._log_likelihood[name]
            unseen = self._log_unseen[name]
            scores[name] = prior + sum(likelihood.get(token, unseen) for token in tokens) / temper
        top = max(scores.values())
        weights = {name: math.exp(score - top) for name, score in scores.items()}
        total = sum(weights.values())
        best = max(sorted(weights), key=lambda name: weights[name])
        return best, weights[best] / total

    def _keyword_matches(self, text: str) -> dict[str, tuple[str, ...]]:
        folded = unicodedata.normalize("NFKC", text or "").lower()
        matches = {}
        for name, words in self.keywords.items():
            found = tuple(word for word in words if word and word.lower() in folded)
            if found:
                matches[name] = found
        return matches

    def _keyword_suggestion(self, matched: dict[str, tuple[str, ...]]) -> Suggestion:
        if not matched:
            return Suggestion(category=self.fallback, confidence=0.0, basis="keywords")
        scores = {name: sum(len(word) for word in words) for name, words in matched.items()}
        order = list(self.keywords)
        best = max(scores, key=lambda name: (scores[name], -order.index(name)))
        share = scores[best] / sum(scores.values())
        confidence = min(0.9, 0.3 + 0.2 * len(matched[best])) * share
        return Suggestion(category=best, confidence=round(confidence, 3), basis="keywords",
                          keywords_matched=matched[best])
