import datetime as dt

import pytest
from django.core.cache import cache

from jiceng.ideas import services
from jiceng.org.choices import Role
from jiceng.org.services import membership_grant


@pytest.fixture(autouse=True)
def _clear_cache():
    """Challenges, replays and rate limits live in the cache: each test starts with none."""
    cache.clear()


@pytest.fixture
def campaign(world):
    """Street A's campaign over its unmanaged compound, reporter_a in its work group."""
    membership_grant(actor=None, user=world.user("reporter_a"), unit=world.unit_a, role=Role.WORK_GROUP)
    return services.campaign_create(actor=None, owner_unit=world.unit_a, title="金点子征集", code="gyl-2020",
                                    starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                    compounds=[world.compound_a])
