"""The navigation registry: each module app adds its entries in AppConfig.ready().

core knows no domain app; apps register here, and the base layout shows the
entries a user may open. A module that is not installed simply has no entry.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str
    url_name: str
    icon: str = "circle"
    order: int = 100
    visible: Callable | None = None


_entries: dict[str, NavEntry] = {}


def register(entry: NavEntry) -> None:
    _entries[entry.key] = entry


def navigation_for(request) -> list[NavEntry]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return []
    return [e for e in sorted(_entries.values(), key=lambda e: e.order) if e.visible is None or e.visible(user)]
