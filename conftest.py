"""Fixtures shared by every app's tests: a small division tree and one user per role, built through services."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    from jiceng.org.tests.factories import build_world

    return build_world()
