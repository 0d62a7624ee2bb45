"""Demo data registry: each app adds a loader in AppConfig.ready(); `manage.py load_demo` runs them in order.

A loader is (order, name, is_loaded(), load()). Loaders build their data
through the same services users go through, and skip when already loaded.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLoader:
    order: int
    name: str
    is_loaded: Callable[[], bool]
    load: Callable[[], object]


_loaders: dict[str, DemoLoader] = {}


def register(loader: DemoLoader) -> None:
    _loaders[loader.name] = loader


def loaders() -> list[DemoLoader]:
    return sorted(_loaders.values(), key=lambda loader: loader.order)
