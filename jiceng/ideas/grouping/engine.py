"""Group residents' suggestions that ask for the same thing, so a work group can merge them into ideas quickly."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from .cluster import average_linkage, similarity_edges
from .features import Analysis, analyse, vectorise
from .lexicon import Lexicon, default_lexicon

#: Average cosine similarity two groups need to be merged; tuned on the labelled set (see docs/performance-ideas.md).
DEFAULT_THRESHOLD = 0.45
#: The thresholds staff choose between on the campaign page: "narrow" only puts together suggestions that say much
#: the same thing; "broad" also catches paraphrase and dialect that the default misses (on the four most
#: paraphrased labelled sets it recovers a little recall, pairwise F1 0.56 → 0.59 on average, at the cost of more
#: groups to split by hand; docs/performance.md, "Ideas").
BREADTHS = {"narrow": 0.55, "normal": DEFAULT_THRESHOLD, "broad": 0.30}
#: Similarities below this are treated as 0: they never decide a merge and would only cost memory.
EDGE_FLOOR = 0.15


def group_suggestions(items: Sequence[tuple], *, threshold: float | None = None, separate_compounds: bool = False,
                      lexicon: Lexicon | None = None) -> list[list[Hashable]]:
    """Group suggestions that are about the same problem.

    ``items`` are ``(id, text)`` or ``(id, text, compound)`` tuples.  Returns lists of ids; every id appears in
    exactly one list.  Groups come largest first (ties: the group whose first member comes first in ``items``),
    ids inside a group in input order.  The result depends only on the input, never on hash seeds or timing.

    The compound is ignored unless ``separate_compounds`` is true: the same broken lights reported in two
    compounds are the same kind of problem, and a work group usually looks across its compounds; with
    ``separate_compounds`` suggestions from different compounds are never put together.  A text in which nothing
    meaningful is left (only filler such as "谢谢") stays on its own.

    ``threshold`` is the average cosine similarity (0–1] two groups need to be merged, DEFAULT_THRESHOLD if None.

    Raises ValueError for an item that is not a 2- or 3-tuple, for a duplicate id, and for a threshold outside
    (0, 1].
    """
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    lexicon = lexicon or default_lexicon()
    ids: list[Hashable] = []
    seen: set[Hashable] = set()
    keys: dict[tuple[Analysis, object], int] = {}
    unique: list[Analysis] = []
    blocks: list[object] = []
    counts: list[int] = []
    unit_of: list[int] = []
    for item in items:
        if not isinstance(item, tuple | list) or len(item) not in (2, 3):
            raise ValueError(f"expected (id, text) or (id, text, compound), got {item!r}")
        ident, text = item[0], item[1]
        compound = item[2] if len(item) == 3 else None
        if ident in seen:
            raise ValueError(f"duplicate id {ident!r}")
        seen.add(ident)
        ids.append(ident)
        analysis = analyse(str(text or ""), lexicon)
        block = compound if separate_compounds else None
        key = (analysis, block)
        if analysis.is_empty or key not in keys:
            keys.setdefault(key, len(unique))
            unit_of.append(len(unique))
            unique.append(analysis)
            blocks.append(block)
            counts.append(1)
        else:
            unit_of.append(keys[key])
            counts[keys[key]] += 1
    vectors = vectorise(unique, lexicon, counts)
    edges = similarity_edges(vectors, floor=EDGE_FLOOR, blocks=blocks if separate_compounds else None)
    clusters = average_linkage(counts, edges, threshold)
    group_of_unit = {}
    for number, cluster in enumerate(clusters):
        for unit in cluster:
            group_of_unit[unit] = number
    grouped: dict[int, list[Hashable]] = {}
    for position, unit in enumerate(unit_of):
        grouped.setdefault(group_of_unit[unit], []).append(ids[position])
    # dicts keep insertion order, so groups are already ordered by their first member; sort is stable.
    return sorted(grouped.values(), key=len, reverse=True)
