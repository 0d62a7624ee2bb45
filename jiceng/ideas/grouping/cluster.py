"""Sparse cosine similarity and group-average (UPGMA) agglomerative clustering, in plain Python.

Only pairs that share a feature are ever compared (an inverted index over the features), and only similarities
at or above a small floor are kept, so the work grows with the number of related pairs rather than with n².
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence


def similarity_edges(vectors: Sequence[dict[str, float]], *, floor: float,
                     blocks: Sequence[object] | None = None) -> dict[tuple[int, int], float]:
    """Cosine similarities ≥ ``floor`` between unit vectors, as {(i, j): similarity} with i < j.

    With ``blocks``, items in different blocks are never compared (their similarity counts as 0).
    """
    postings: dict[str, list[tuple[int, float]]] = {}
    edges: dict[tuple[int, int], float] = {}
    for index, vector in enumerate(vectors):
        scores: dict[int, float] = {}
        for feature, weight in vector.items():
            for other, other_weight in postings.get(feature, ()):
                scores[other] = scores.get(other, 0.0) + weight * other_weight
        for other, score in scores.items():
            if score >= floor and (blocks is None or blocks[other] == blocks[index]):
                edges[(other, index)] = min(score, 1.0)
        for feature, weight in vector.items():
            postings.setdefault(feature, []).append((index, weight))
    return edges


def average_linkage(sizes: Sequence[int], edges: dict[tuple[int, int], float],
                    threshold: float) -> list[list[int]]:
    """Merge items while the average similarity between two clusters is ≥ ``threshold``.

    ``sizes[i]`` is how many identical texts item i stands for; pairs missing from ``edges`` count as similarity
    0.  Returns lists of item indexes (each index exactly once).  Deterministic: ties go to the lowest ids.
    """
    size = list(sizes)
    members: list[list[int] | None] = [[index] for index in range(len(size))]
    links: list[dict[int, float] | None] = [{} for _ in size]
    heap: list[tuple[float, int, int]] = []
    for (left, right), similarity in edges.items():
        total = similarity * size[left] * size[right]
        links[left][right] = total
        links[right][left] = total
        if similarity >= threshold:
            heap.append((-similarity, left, right))
    heapq.heapify(heap)
    while heap:
        _, left, right = heapq.heappop(heap)
        if members[left] is None or members[right] is None:
            continue  # one side was merged since: the entry is stale
        merged: dict[int, float] = {}
        for side in (left, right):
            for other, total in links[side].items():
                if other != left and other != right:
                    merged[other] = merged.get(other, 0.0) + total
        new = len(size)
        size.append(size[left] + size[right])
        members.append(members[left] + members[right])
        links.append(merged)
        members[left] = members[right] = links[left] = links[right] = None
        for other, total in merged.items():
            other_links = links[other]
            other_links.pop(left, None)
            other_links.pop(right, None)
            other_links[new] = total
            average = total / (size[new] * size[other])
            if average >= threshold:
                heapq.heappush(heap, (-average, other, new))
    return [group for group in members if group is not None]

