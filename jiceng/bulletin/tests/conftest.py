import pytest

from .factories import build_bulletin_world


@pytest.fixture
def bw(world):
    return build_bulletin_world(world)
