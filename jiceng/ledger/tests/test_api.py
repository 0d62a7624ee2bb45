import datetime as dt

import pytest
from rest_framework.test import APIClient

from jiceng.core.models import AuditEvent
from jiceng.ledger import services

from .factories import TODAY, report

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_projects_come_with_light_and_forecast(lw):
    for month, value in enumerate([0.1, 0.2, 0.3, 0.4], start=1):
        report(lw, lw.project_b, month, value)
    data = _api(lw.supervisor).get("/api/ledger/projects/", {"programme": lw.programme.pk}).json()
    row = next(r for r in data["results"] if r["id"] == lw.project_b.pk)
    assert row["light"] in ("green", "yellow", "red", "grey") and "will_miss" in row["forecast"]
    assert row["forecast"]["basis"]["method"]


def test_a_reporter_files_through_the_api(lw):
    response = _api(lw.reporter_b).post(f"/api/ledger/projects/{lw.project_b.pk}/report/",
                                        {"month": "2020-06-15", "actual": "0.4"}, format="json")
    assert response.status_code == 201 and response.json()["month"] == "2020-06-01"


def test_progress_over_one_is_a_400(lw):
    response = _api(lw.reporter_b).post(f"/api/ledger/projects/{lw.project_b.pk}/report/",
                                        {"month": "2020-06-01", "actual": "1.5"}, format="json")
    assert response.status_code == 400


def test_the_notice_and_rectification_flow_through_the_api(lw):
    for month, value in enumerate([0.0, 0.0, 0.02, 0.03, 0.05, 0.05], start=1):
        report(lw, lw.project_b, month, value)
    supervisor = _api(lw.supervisor)
    notice = supervisor.post("/api/ledger/notices/", {"programme": lw.programme.pk, "year": 2020, "quarter": 2,
                                                      "date": "2020-07-06"}, format="json").json()
    # project A never started (red three months after its start), project B is far behind
    assert {e["project"] for e in notice["entries"]} == {lw.project_a.pk, lw.project_b.pk}
    assert supervisor.post(f"/api/ledger/notices/{notice['id']}/issue/").json()["status"] == "issued"
    (item,) = _api(lw.reporter_b).get("/api/ledger/rectifications/").json()["results"]
    answered = _api(lw.reporter_b).post(f"/api/ledger/rectifications/{item['id']}/respond/", {"text": "已整改"},
                                        format="json").json()
    assert answered["status"] == "responded"
    closed = supervisor.post(f"/api/ledger/rectifications/{item['id']}/close/", {"text": "核实"},
                             format="json").json()
    assert closed["status"] == "closed"


READS = ["/api/ledger/projects/{project}/", "/api/ledger/projects/{project}/history/",
         "/api/ledger/projects/{project}/reports/", "/api/ledger/rectifications/{rect}/"]
WRITES = [
    ("post", "/api/ledger/projects/{project}/report/", {"month": "2020-06-01", "actual": "0.5"}),
    ("post", "/api/ledger/projects/{project}/inspect/", {"kind": "spot_check", "date": "2020-06-10"}),
    ("post", "/api/ledger/rectifications/{rect}/respond/", {"text": "x"}),
    ("post", "/api/ledger/rectifications/{rect}/close/", {"text": "x"}),
    ("post", "/api/ledger/rectifications/{rect}/return/", {"text": "x"}),
    ("post", "/api/ledger/notices/", {"programme": "{programme}", "year": 2020, "quarter": 2, "date": "2020-07-06"}),
]
STREET_ROLES = ["reporter", "leader", "supervisor", "community_worker", "work_group", "admin", "editor"]


@pytest.fixture
def foreign(lw):
    rect = services.rectification_open(actor=None, project=lw.project_b, description="整改",
                                       start=dt.date(2020, 6, 1), workdays=5)
    services.rectification_respond(actor=None, rectification=rect, response="已整改")
    return {"project": lw.project_b.pk, "rect": rect.pk, "programme": lw.programme.pk}


@pytest.mark.parametrize("role", STREET_ROLES)
@pytest.mark.parametrize("url", READS)
def test_another_streets_project_is_404_for_every_street_role(lw, foreign, role, url):
    assert _api(lw.org.user(f"{role}_a")).get(url.format(**foreign)).status_code == 404


@pytest.mark.parametrize("role", STREET_ROLES)
@pytest.mark.parametrize(("method", "url", "data"), WRITES)
def test_changing_another_streets_project_is_403_and_changes_nothing(lw, foreign, role, method, url, data):
    payload = {k: (foreign[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v) for k, v in data.items()}
    before = AuditEvent.objects.count()
    response = getattr(_api(lw.org.user(f"{role}_a")), method)(url.format(**foreign), payload, format="json")
    assert response.status_code == 403
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(("method", "url", "data"), WRITES)
def test_a_district_leader_changes_nothing_in_the_ledger(lw, foreign, method, url, data):
    payload = {k: (foreign[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v) for k, v in data.items()}
    assert getattr(_api(lw.org.user("district_leader")), method)(url.format(**foreign), payload,
                                                                 format="json").status_code == 403


@pytest.mark.parametrize("url", ["/ledger/projects/{project}/", "/ledger/projects/{project}/report/",
                                 "/ledger/projects/{project}/inspect/"])
def test_pages_of_another_streets_project_are_refused(client, lw, foreign, url):
    client.force_login(lw.reporter_a)
    assert client.get(url.format(**foreign)).status_code in (403, 404)


def test_the_project_list_runs_a_constant_number_of_queries(lw, django_assert_max_num_queries):
    for i in range(25):
        project = services.project_create(actor=None, programme=lw.programme, name=f"项目{i}", unit=lw.org.unit_b,
                                          planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2020, 12, 31),
                                          today=TODAY)
        report(lw, project, 1, 0.1)
    api = _api(lw.supervisor)
    with django_assert_max_num_queries(10):
        assert api.get("/api/ledger/projects/?page_size=100").json()["count"] == 27
