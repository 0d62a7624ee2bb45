import pytest
from rest_framework.test import APIClient

from jiceng.org.tests.factories import PASSWORD


@pytest.fixture
def api(world):
    client = APIClient()
    token = client.post("/api/auth/token/", {"username": "district_admin", "password": PASSWORD},
                        format="json").json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


@pytest.mark.django_db
def test_the_token_endpoint_gives_a_token_that_authenticates(api):
    assert api.get("/api/org/divisions/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_token_is_refused(world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token nonsense")
    assert client.get("/api/org/divisions/").status_code == 401


@pytest.mark.django_db
def test_divisions_filter_by_several_kinds(api, world):
    both = api.get("/api/org/divisions/", {"kind": "community,village"}).json()
    repeated = api.get("/api/org/divisions/?kind=community&kind=village").json()
    assert both["count"] == repeated["count"] == 2


@pytest.mark.django_db
def test_divisions_filter_by_unmanaged_and_parent(api, world):
    data = api.get("/api/org/divisions/", {"kind": "compound", "unmanaged": "true"}).json()
    assert {r["name"] for r in data["results"]} == {world.compound_a.name, world.compound_b.name}
    data = api.get("/api/org/divisions/", {"parent": world.community_a.pk}).json()
    assert data["count"] == 2


@pytest.mark.django_db
def test_an_unknown_kind_is_a_400_with_a_chinese_message(api):
    response = api.get("/api/org/divisions/", {"kind": "planet"})
    assert response.status_code == 400
    assert "planet" in str(response.json())


@pytest.mark.django_db
def test_creating_a_division_through_the_api_is_audited(api, world):
    response = api.post("/api/org/divisions/", {"parent": world.community_b.pk, "name": "新楼院", "kind": "compound",
                                                 "unmanaged": True}, format="json")
    assert response.status_code == 201
    history = api.get(f"/api/org/divisions/{response.json()['id']}/history/").json()
    assert history["results"][0]["action"] == "org.division.created"


@pytest.mark.django_db
def test_a_domain_refusal_is_a_400_with_code_and_chinese_detail(api, world):
    response = api.post(f"/api/org/divisions/{world.community_a.pk}/archive/")
    assert response.status_code == 400
    assert response.json()["code"] == "has_children"
    assert "下级" in response.json()["detail"]


@pytest.mark.django_db
def test_validation_errors_name_the_field(api, world):
    response = api.post("/api/org/divisions/", {"parent": world.compound_a.pk, "name": "x", "kind": "community"},
                        format="json")
    assert response.status_code == 400
    assert "kind" in response.json()["errors"]


@pytest.mark.django_db
def test_the_division_list_runs_a_constant_number_of_queries(api, world, django_assert_max_num_queries):
    from jiceng.org import services
    from jiceng.org.choices import DivisionKind as K

    for i in range(40):
        services.division_create(actor=None, parent=world.community_b, name=f"楼院{i}", kind=K.COMPOUND)
    with django_assert_max_num_queries(10):
        assert api.get("/api/org/divisions/?page_size=100").json()["count"] > 40


@pytest.mark.django_db
def test_the_openapi_schema_lists_the_org_endpoints(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/org/divisions/" in paths and "/api/auth/token/" in paths


@pytest.mark.django_db
def test_the_openapi_schema_is_valid_and_generates_without_warnings(tmp_path):
    from django.core.management import call_command

    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))  # raises on any warning
    schema = target.read_text(encoding="utf-8")
    assert "/api/ideas/campaigns/{id}/move/" in schema and "CampaignStatusEnum" in schema


@pytest.mark.django_db
def test_the_api_docs_page_loads_without_a_cdn(client, world):
    client.force_login(world.user("district_admin"))
    html = client.get("/api/docs/").content.decode()
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
