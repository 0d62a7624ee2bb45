import pytest

from .factories import build_ledger_world


@pytest.fixture
def lw(world):
    return build_ledger_world(world)
