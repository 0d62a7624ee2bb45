""""My tasks" on the home page: each module registers a provider in AppConfig.ready().

A provider is a function (user) -> list[TaskItem]; core knows no module.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TaskItem:
    title: str
    url: str
    module: str
    due: date | None = None
    overdue: bool = False
    detail: str = ""


_providers: dict[str, Callable] = {}


def register(key: str, provider: Callable) -> None:
    _providers[key] = provider


def tasks_for(user) -> list[TaskItem]:
    items: list[TaskItem] = []
    for provider in _providers.values():
        items.extend(provider(user))
    return sorted(items, key=lambda t: (not t.overdue, t.due or date.max, t.title))
