"""Pure rules of the division tree (no ORM): which kinds nest, how paths and codes look."""

import re

from .choices import DivisionKind as K

CHILD_KINDS: dict[str, tuple[str, ...]] = {
    K.DISTRICT: (K.STREET, K.TOWN),
    K.STREET: (K.COMMUNITY, K.VILLAGE),
    K.TOWN: (K.COMMUNITY, K.VILLAGE),
    K.COMMUNITY: (K.COMPOUND,),
    K.VILLAGE: (K.COMPOUND,),
    K.COMPOUND: (),
}
ROOT_KINDS: tuple[str, ...] = (K.DISTRICT,)
LEVEL_KINDS: dict[str, tuple[str, ...]] = {
    "district": (K.DISTRICT,),
    "street": (K.STREET, K.TOWN),
    "community": (K.COMMUNITY, K.VILLAGE),
    "compound": (K.COMPOUND,),
}

PATH_SEGMENT_WIDTH = 8
_CODE = re.compile(r"^[0-9]{6}([0-9]{3}([0-9]{3})?)?$")


def can_nest(parent_kind: str | None, child_kind: str) -> bool:
    """Whether a division of `child_kind` may sit under one of `parent_kind` (None: at the top)."""
    if parent_kind is None:
        return child_kind in ROOT_KINDS
    return child_kind in CHILD_KINDS.get(parent_kind, ())


def path_segment(pk: int) -> str:
    return f"{pk:0{PATH_SEGMENT_WIDTH}d}/"


def child_path(parent_path: str, pk: int) -> str:
    return f"{parent_path}{path_segment(pk)}"


def depth_of(path: str) -> int:
    return path.count("/")


def ancestor_paths(path: str) -> list[str]:
    """Every proper prefix of a path that is itself a node's path, root first."""
    parts = [p for p in path.split("/") if p]
    return ["".join(f"{p}/" for p in parts[:i]) for i in range(1, len(parts))]


def is_valid_code(code: str) -> bool:
    """A statistical division code: 6 digits (county), 9 (town/street) or 12 (village/community)."""
    return bool(_CODE.match(code))


def full_code(code: str) -> str:
    """The 12-digit form of a statistical code (shorter codes are padded with zeros)."""
    return code.ljust(12, "0") if code else ""


def minimal_prefixes(paths) -> tuple[str, ...]:
    """Drop every path that lies under another one in the set: the scope's covering prefixes."""
    result: list[str] = []
    for path in sorted(set(paths), key=len):
        if not any(path.startswith(p) for p in result):
            result.append(path)
    return tuple(sorted(result))
