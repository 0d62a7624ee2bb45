"""The residents' lexicon: everyday words mapped to the concepts that decide which problem a suggestion is about.

The words live in ``data/lexicon.txt`` (see the header there for the format) so that staff or developers can add
the words of their district without touching code.  This module only parses that file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

#: The concept name that marks filler words ("建议", "麻烦", "的"): they are dropped before anything else.
DROP = "_"
#: The concept name of filler words that mark a request ("建议", "能不能"): the clause names what is asked for.
REQUEST = "_REQUEST"
#: Filler that makes the next concept a place (在, 到) or the previous one (边上, 旁边, 里).
PLACE_BEFORE = "_AT"
PLACE_AFTER = "_SIDE"
#: Filler joining two places ("在大门口和车棚"): the place marking carries over.
PLACE_AND = "_AND"

_RE_ENTRY = re.compile(r"^(?P<name>[A-Z_][A-Z0-9_]*)\s+(?P<weight>[0-9.]+)\s*:\s*(?P<variants>.*)$")
_RE_DERIVED = re.compile(r"^(?P<name>[A-Z][A-Z0-9_]*)\s+(?P<weight>[0-9.]+)\s*=\s*(?P<left>[A-Z0-9_]+)\s*&\s*"
                         r"(?P<right>[A-Z0-9_]+)\s*(?:-\s*(?P<unless>[A-Z0-9_]+)\s*)?$")


class LexiconError(ValueError):
    """A line of the lexicon file cannot be read, or contradicts an earlier line."""


@dataclass(frozen=True)
class Lexicon:
    """Variants (lower-cased surface forms) mapped to the concepts they stand for, with each concept's weight.

    ``derived`` lists (name, left, right, unless): the concept *name* is present whenever *left* and *right* both
    are, except when the concept *unless* (None: no exception) is present too ("ELEVATOR = LIFT & ADD - LIFT_FAULT":
    asking for a lift, unless the text is about a broken one).
    """

    variants: dict[str, tuple[str, ...]]
    weights: dict[str, float]
    derived: tuple[tuple[str, str, str, str | None], ...] = ()
    max_length: int = field(default=1)

    def match_at(self, text: str, start: int) -> tuple[int, tuple[str, ...]] | None:
        """The longest variant starting at ``start``: (its length, its concepts), or None when no variant does."""
        for length in range(min(self.max_length, len(text) - start), 0, -1):
            concepts = self.variants.get(text[start:start + length])
            if concepts is not None:
                return length, concepts
        return None


def parse_lexicon(text: str) -> Lexicon:
    """Read the lexicon format.

    Raises LexiconError for a line that is neither a comment, an entry nor a derived concept, for a concept given
    two different weights, and for a derived concept built from an unknown concept.
    """
    variants: dict[str, list[str]] = {}
    weights: dict[str, float] = {}
    derived: list[tuple[str, str, str, str | None]] = []

    def declare(name: str, weight: float, number: int) -> None:
        if name in weights and weights[name] != weight:
            raise LexiconError(f"line {number}: concept {name} already has weight {weights[name]}")
        weights[name] = weight

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if match := _RE_DERIVED.match(line):
            declare(match["name"], float(match["weight"]), number)
            derived.append((match["name"], match["left"], match["right"], match["unless"]))
            continue
        match = _RE_ENTRY.match(line)
        if not match:
            raise LexiconError(f"line {number}: cannot read {line[:40]!r}")
        name = match["name"]
        declare(name, float(match["weight"]), number)
        for variant in match["variants"].split():
            concepts = variants.setdefault(variant.lower(), [])
            if name not in concepts:
                concepts.append(name)
    for name, left, right, unless in derived:
        for part in (left, right, unless):
            if part is not None and part not in weights:
                raise LexiconError(f"derived concept {name} uses unknown concept {part}")
    # A filler word that is also a real variant elsewhere keeps only its real meaning.
    table = {}
    for variant, concepts in variants.items():
        real = [c for c in concepts if c != DROP]
        table[variant] = tuple(real) if real else (DROP,)
    return Lexicon(variants=table, weights=weights, derived=tuple(derived),
                   max_length=max((len(v) for v in table), default=1))


@functools.cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with jiceng (``data/lexicon.txt``); parsed once per process."""
    source = resources.files("jiceng.ideas.grouping").joinpath("data/lexicon.txt").read_text(encoding="utf-8")
    return parse_lexicon(source)
