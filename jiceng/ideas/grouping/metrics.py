"""How well a grouping matches a labelled one: pairwise and B-cubed precision, recall and F1. Pure functions.

Both take groupings as iterables of groups (iterables of ids); the two groupings must cover the same ids, each
exactly once.

* Pairwise: every pair of ids put together is a decision.  Precision is the share of pairs put together that
  belong together, recall the share of pairs that belong together that were put together.  Big groups weigh as
  the square of their size.  With no pair predicted precision is 1, with no true pair recall is 1.
* B-cubed (Bagga & Baldwin 1998): per id, the share of its predicted group that truly belongs with it
  (precision) and the share of its true group found in its predicted group (recall), averaged over ids.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Scores:
    """Precision, recall and their harmonic mean F1 (0 when both are 0)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, precision: float, recall: float) -> Scores:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(precision=precision, recall=recall, f1=f1)


def groups_from_labels(labels: Mapping[Hashable, Hashable]) -> list[list[Hashable]]:
    """Turn {id: group label} into a list of groups, in order of first appearance."""
    groups: dict[Hashable, list[Hashable]] = {}
    for ident, label in labels.items():
        groups.setdefault(label, []).append(ident)
    return list(groups.values())


def _assignment(groups: Iterable[Iterable[Hashable]], name: str) -> dict[Hashable, int]:
    assignment: dict[Hashable, int] = {}
    for number, group in enumerate(groups):
        for ident in group:
            if ident in assignment:
                raise ValueError(f"id {ident!r} appears twice in the {name} grouping")
            assignment[ident] = number
    return assignment


def _contingency(predicted, truth) -> tuple[dict[tuple[int, int], int], dict[int, int], dict[int, int]]:
    """Counts of ids per (predicted group, true group), per predicted group and per true group.

    Raises ValueError when an id appears twice in one grouping or the groupings cover different ids.
    """
    left = _assignment(predicted, "predicted")
    right = _assignment(truth, "true")
    if left.keys() != right.keys():
        missing = sorted(map(str, left.keys() ^ right.keys()))[:5]
        raise ValueError(f"the groupings cover different ids, e.g. {', '.join(missing)}")
    cells: dict[tuple[int, int], int] = {}
    rows: dict[int, int] = {}
    columns: dict[int, int] = {}
    for ident, row in left.items():
        column = right[ident]
        cells[(row, column)] = cells.get((row, column), 0) + 1
        rows[row] = rows.get(row, 0) + 1
        columns[column] = columns.get(column, 0) + 1
    return cells, rows, columns


def _pairs(count: int) -> int:
    return count * (count - 1) // 2


def pairwise_scores(predicted: Iterable[Iterable[Hashable]], truth: Iterable[Iterable[Hashable]]) -> Scores:
    """Pairwise precision, recall and F1 of ``predicted`` against ``truth``.

    Raises ValueError when an id appears twice in one grouping or the groupings cover different ids.
    """
    cells, rows, columns = _contingency(predicted, truth)
    together = sum(_pairs(count) for count in cells.values())
    predicted_pairs = sum(_pairs(count) for count in rows.values())
    true_pairs = sum(_pairs(count) for count in columns.values())
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / true_pairs if true_pairs else 1.0
    return Scores.of(precision, recall)


def bcubed_scores(predicted: Iterable[Iterable[Hashable]], truth: Iterable[Iterable[Hashable]]) -> Scores:
    """B-cubed precision, recall and F1 of ``predicted`` against ``truth`` (1, 1, 1 for two empty groupings).

    Raises ValueError when an id appears twice in one grouping or the groupings cover different ids.
    """
    cells, rows, columns = _contingency(predicted, truth)
    total = sum(rows.values())
    if not total:
        return Scores.of(1.0, 1.0)
    precision = sum(count * count / rows[row] for (row, _), count in cells.items()) / total
    recall = sum(count * count / columns[column] for (_, column), count in cells.items()) / total
    return Scores.of(precision, recall)
