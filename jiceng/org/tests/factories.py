"""Test data for org, made through the real services (factory_boy for users, services for the tree).

Text fields carry markup so that every page test is also an XSS test.
"""

from dataclasses import dataclass, field

import factory
from django.contrib.auth import get_user_model

from jiceng.org import services
from jiceng.org.choices import DivisionKind as K
from jiceng.org.choices import Role, UnitKind

XSS = "<script>alert(1)</script>"
PASSWORD = "Test-pass-2020"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    display_name = factory.Sequence(lambda n: f"用户{n}{XSS}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


@dataclass
class World:
    """district → street A (工业路) and street B (峡窝镇, a town) → communities → compounds; units; users per role."""

    district: object
    street_a: object
    street_b: object
    community_a: object
    community_b: object
    compound_a: object
    compound_b: object
    managed_a: object
    district_unit: object
    unit_a: object
    unit_b: object
    committee_a: object
    users: dict = field(default_factory=dict)  # "district_admin", "admin_a", "reporter_a", … → user

    def user(self, key):
        return self.users[key]


def build_world() -> World:
    district = services.division_create(actor=None, name="测试区", kind=K.DISTRICT, code="410106")
    street_a = services.division_create(actor=None, parent=district, name="工业路街道", kind=K.STREET)
    street_b = services.division_create(actor=None, parent=district, name="峡窝镇", kind=K.TOWN)
    community_a = services.division_create(actor=None, parent=street_a, name=f"红旗社区{XSS}", kind=K.COMMUNITY)
    community_b = services.division_create(actor=None, parent=street_b, name="马固村", kind=K.VILLAGE)
    compound_a = services.division_create(actor=None, parent=community_a, name=f"原铝厂家属院{XSS}", kind=K.COMPOUND,
                                          unmanaged=True)
    managed_a = services.division_create(actor=None, parent=community_a, name="红旗花园小区", kind=K.COMPOUND)
    compound_b = services.division_create(actor=None, parent=community_b, name="马固村老院", kind=K.COMPOUND,
                                          unmanaged=True)
    district_unit = services.unit_create(actor=None, name="中共测试区委办公室", short_name="区委办公室",
                                         kind=UnitKind.PARTY_OFFICE, division=district)
    unit_a = services.unit_create(actor=None, name="工业路街道办事处", short_name="工业路街道",
                                  kind=UnitKind.STREET_OFFICE, division=street_a)
    unit_b = services.unit_create(actor=None, name="峡窝镇人民政府", short_name="峡窝镇",
                                  kind=UnitKind.TOWN_GOVERNMENT, division=street_b)
    committee_a = services.unit_create(actor=None, name="红旗社区居民委员会", short_name="红旗社区",
                                       kind=UnitKind.COMMUNITY_COMMITTEE, division=community_a, parent=unit_a)
    world = World(district, street_a, street_b, community_a, community_b, compound_a, compound_b, managed_a,
                  district_unit, unit_a, unit_b, committee_a)
    for role in Role.values:
        world.users[f"district_{role}"] = _member(f"district_{role}", district_unit, role)
        world.users[f"{role}_a"] = _member(f"{role}_a", unit_a, role)
    world.users["reporter_b"] = _member("reporter_b", unit_b, Role.REPORTER)
    world.users["community_worker_a"] = _member("cw_a", committee_a, Role.COMMUNITY_WORKER)
    world.users["nobody"] = UserFactory(username="nobody")
    return world


def _member(username, unit, role):
    user = UserFactory(username=username)
    services.membership_grant(actor=None, user=user, unit=unit, role=role)
    return user
