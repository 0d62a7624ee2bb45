import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from jiceng.core.models import AuditEvent
from jiceng.org.demo.shangjie import DEMO_PASSWORD, DEMO_USERS
from jiceng.org.models import Division


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def _api(username):
    client = APIClient()
    response = client.post("/api/auth/token/", {"username": username, "password": DEMO_PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    return client


def test_the_demo_has_the_seeds_district_streets_and_town(demo):
    district = Division.objects.get(kind="district")
    assert (district.name, district.code) == ("上街区", "410106")
    names = set(Division.objects.filter(parent=district).values_list("name", flat=True))
    assert names == {"济源路街道", "中心路街道", "新安路街道", "工业路街道", "矿山街道", "峡窝镇"}
    assert Division.objects.get(name="峡窝镇").kind == "town"


def test_the_admin_api_counts_59_communities_and_villages_and_134_unmanaged_compounds(demo):
    api = _api("admin")
    assert api.get("/api/org/divisions/", {"kind": "community,village"}).json()["count"] == 59
    assert api.get("/api/org/divisions/", {"kind": "compound", "unmanaged": "true"}).json()["count"] == 134


def test_gongyelu_sees_its_7_unmanaged_compounds_and_not_xiawos(demo):
    api = _api("gongyelu")
    data = api.get("/api/org/divisions/", {"kind": "compound", "unmanaged": "true"}).json()
    assert data["count"] == 7
    xiawo_compound = Division.objects.filter(kind="compound", path__startswith=Division.objects.get(
        name="峡窝镇").path).first()
    assert api.get(f"/api/org/divisions/{xiawo_compound.pk}/").status_code == 404


def test_invented_names_are_marked_as_demo_and_the_seeds_are_not(demo):
    assert not Division.objects.filter(name__in=["上街区", "工业路街道", "峡窝镇"], is_demo=True).exists()
    assert not Division.objects.filter(kind__in=["community", "village", "compound"], is_demo=False).exists()


@pytest.mark.parametrize("username", list(DEMO_USERS))
def test_every_demo_user_signs_in_with_the_documented_password(demo, client, username):
    response = client.post("/accounts/login/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302


def test_loading_the_demo_twice_changes_nothing(demo):
    before = (Division.objects.count(), AuditEvent.objects.count())
    call_command("load_demo", verbosity=0)
    assert (Division.objects.count(), AuditEvent.objects.count()) == before


def test_the_demo_is_built_through_the_audited_services(demo):
    assert AuditEvent.objects.filter(action="org.division.created").count() == Division.objects.count()
    call_command("audit_verify", verbosity=0)
