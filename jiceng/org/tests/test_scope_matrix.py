"""The scope matrix, generated: every role × every org page and API endpoint × an object of another street.

Reads of another street's object answer 404; writes answer 403; nothing changes.
Leaders (and every role but admin) change nothing even inside their own scope.
"""

import pytest
from rest_framework.test import APIClient

from jiceng.core.models import AuditEvent
from jiceng.core.tests.matrix import Endpoint, call
from jiceng.org import services
from jiceng.org.choices import PartyOrgKind, Role


def _targets(world, party_org):
    """Foreign objects (street B) and own objects (street A), by placeholder."""
    return {
        "foreign": {"division": world.compound_b.pk, "community": world.community_b.pk, "unit": world.unit_b.pk,
                    "party_org": party_org.pk},
        "own": {"division": world.compound_a.pk, "community": world.community_a.pk, "unit": world.unit_a.pk,
                "party_org": None},
    }


READS = [
    Endpoint("page division", "get", "/org/divisions/{division}/", api=False),
    Endpoint("page tree children", "get", "/org/divisions/{community}/children/", api=False),
    Endpoint("page unit", "get", "/org/units/{unit}/", api=False),
    Endpoint("api division", "get", "/api/org/divisions/{division}/", api=True),
    Endpoint("api division history", "get", "/api/org/divisions/{division}/history/", api=True),
    Endpoint("api unit", "get", "/api/org/units/{unit}/", api=True),
    Endpoint("api unit history", "get", "/api/org/units/{unit}/history/", api=True),
    Endpoint("api unit members", "get", "/api/org/units/{unit}/members/", api=True),
    Endpoint("api party org", "get", "/api/org/party-organizations/{party_org}/", api=True),
]
WRITES = [
    Endpoint("page add division form", "get", "/org/divisions/{community}/add/", api=False),
    Endpoint("page add division", "post", "/org/divisions/{community}/add/", api=False,
             data={"name": "越权楼院", "kind": "compound"}),
    Endpoint("page edit division form", "get", "/org/divisions/{division}/edit/", api=False),
    Endpoint("page edit division", "post", "/org/divisions/{division}/edit/", api=False, data={"name": "越权改名"}),
    Endpoint("page archive division", "post", "/org/divisions/{division}/archive/", api=False),
    Endpoint("page edit unit form", "get", "/org/units/{unit}/edit/", api=False),
    Endpoint("page edit unit", "post", "/org/units/{unit}/edit/", api=False,
             data={"name": "越权单位", "kind": "other"}),
    Endpoint("page archive unit", "post", "/org/units/{unit}/archive/", api=False),
    Endpoint("api create division", "post", "/api/org/divisions/", api=True,
             data={"parent": "{community}", "name": "越权楼院", "kind": "compound"}),
    Endpoint("api update division", "patch", "/api/org/divisions/{division}/", api=True, data={"name": "越权改名"}),
    Endpoint("api archive division", "post", "/api/org/divisions/{division}/archive/", api=True),
    Endpoint("api create unit", "post", "/api/org/units/", api=True,
             data={"division": "{community}", "name": "越权单位", "kind": "other"}),
    Endpoint("api update unit", "patch", "/api/org/units/{unit}/", api=True, data={"name": "越权单位"}),
    Endpoint("api archive unit", "post", "/api/org/units/{unit}/archive/", api=True),
]


@pytest.fixture
def matrix_world(world):
    party_org = services.party_org_create(actor=None, name="马固村老院楼院党支部", kind=PartyOrgKind.BRANCH,
                                          division=world.compound_b)
    return world, _targets(world, party_org)


def _client(user, api):
    client = APIClient()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("endpoint", READS, ids=lambda e: e.name)
def test_reading_another_streets_object_answers_404(matrix_world, role, endpoint):
    world, targets = matrix_world
    client = _client(world.user(f"{role}_a"), endpoint.api)
    assert call(client, endpoint, targets["foreign"]).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("endpoint", WRITES, ids=lambda e: e.name)
def test_changing_another_streets_object_answers_403_and_changes_nothing(matrix_world, role, endpoint):
    world, targets = matrix_world
    before = AuditEvent.objects.count()
    client = _client(world.user(f"{role}_a"), endpoint.api)
    assert call(client, endpoint, targets["foreign"]).status_code == 403
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("role", [r for r in Role.values if r != Role.ADMIN])
@pytest.mark.parametrize("endpoint", WRITES, ids=lambda e: e.name)
def test_no_role_but_admin_changes_org_even_in_its_own_scope(matrix_world, role, endpoint):
    world, targets = matrix_world
    before = AuditEvent.objects.count()
    client = _client(world.user(f"district_{role}"), endpoint.api)
    assert call(client, endpoint, targets["own"]).status_code == 403
    assert AuditEvent.objects.count() == before


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", [e for e in WRITES if e.method != "get"], ids=lambda e: e.name)
def test_an_admin_of_the_street_may_change_its_own_objects(matrix_world, endpoint):
    world, targets = matrix_world
    client = _client(world.user("admin_a"), endpoint.api)
    ids = dict(targets["own"])
    if "archive division" in endpoint.name:
        ids["division"] = world.managed_a.pk
    response = call(client, endpoint, ids)
    assert response.status_code in (200, 201, 302), getattr(response, "data", response.content[:300])


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", READS, ids=lambda e: e.name)
def test_anonymous_visitors_reach_nothing(matrix_world, endpoint):
    world, targets = matrix_world
    response = call(APIClient(), endpoint, targets["own"])
    assert response.status_code in (302, 401, 403)


LISTS = {
    "/api/org/divisions/?page_size=500": ("compound_b", "community_b", "street_b"),
    "/api/org/units/?page_size=500": ("unit_b",),
    "/api/org/party-organizations/?page_size=500": ("party_org_b",),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("url", list(LISTS))
def test_lists_never_contain_another_streets_objects(matrix_world, role, url):
    world, targets = matrix_world
    services.party_org_create(actor=None, name="红旗社区党支部", kind=PartyOrgKind.BRANCH,
                              division=world.community_a)
    foreign = {"party_org_b": targets["foreign"]["party_org"]}
    client = _client(world.user(f"{role}_a"), True)
    ids = {row["id"] for row in client.get(url).json()["results"]}
    forbidden = {foreign[name] if name in foreign else getattr(world, name).pk for name in LISTS[url]}
    assert ids
    assert not ids & forbidden
