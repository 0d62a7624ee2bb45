import datetime

import pytest
from rest_framework.test import APIClient

from jiceng.bulletin import services
from jiceng.bulletin.choices import SubmissionStatus
from jiceng.core.models import AuditEvent

from .factories import submitted

pytestmark = pytest.mark.django_db


def _api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_reporter_creates_and_submits_through_the_api(bw):
    response = _api(bw.reporter_b).post("/api/bulletin/submissions/", {
        "series": bw.series.pk, "unit": bw.org.unit_b.pk, "headline": "峡窝镇开展巡查", "body": "正文", "submit": True},
        format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == SubmissionStatus.SUBMITTED


def test_the_whole_workflow_runs_through_action_endpoints(bw):
    submission = submitted(bw)
    editor = _api(bw.editor)
    issue = editor.post("/api/bulletin/issues/", {"series": bw.series.pk, "date": "2020-06-08"}, format="json").json()
    assert editor.post(f"/api/bulletin/submissions/{submission.pk}/edit/", {"headline": "改后", "body": "改后正文"},
                       format="json").status_code == 200
    item = editor.post(f"/api/bulletin/submissions/{submission.pk}/adopt/", {"issue": issue["id"]},
                       format="json").json()
    assert item["headline"] == "改后" and item["source_label"] == "峡窝镇"
    published = editor.post(f"/api/bulletin/issues/{issue['id']}/publish/").json()
    assert published["status"] == "published" and published["item_count"] == 1
    assert editor.post(f"/api/bulletin/issues/{issue['id']}/items/", {"headline": "x", "body": "y"},
                       format="json").status_code == 400


def test_returning_through_the_api_needs_a_reason(bw):
    submission = submitted(bw)
    response = _api(bw.editor).post(f"/api/bulletin/submissions/{submission.pk}/return/", {"reason": ""},
                                    format="json")
    assert response.status_code == 400 and response.json()["code"] == "reason_required"


def test_an_invalid_transition_is_a_400_with_a_code(bw):
    submission = submitted(bw)
    services.submission_archive(actor=bw.editor, submission=submission)
    response = _api(bw.editor).post(f"/api/bulletin/submissions/{submission.pk}/return/", {"reason": "x"},
                                    format="json")
    assert response.status_code == 400 and response.json()["code"] == "invalid_transition"


def test_statistics_through_the_api(bw):
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    services.submission_adopt(actor=bw.editor, submission=submitted(bw), issue=issue)
    services.issue_publish(actor=bw.editor, issue=issue)
    rows = _api(bw.reporter_a).get("/api/bulletin/statistics/", {"series": bw.series.pk, "start": "2020-01-01",
                                                                 "end": "2030-12-31"}).json()
    assert rows[0]["unit_name"] == "峡窝镇" and rows[0]["adopted"] == 1


ENDPOINTS_FOREIGN_READ = ["/api/bulletin/submissions/{sub}/", "/api/bulletin/submissions/{sub}/history/"]
ENDPOINTS_WRITE = [
    ("post", "/api/bulletin/submissions/{sub}/submit/", None),
    ("patch", "/api/bulletin/submissions/{sub}/", {"headline": "x", "body": "y"}),
    ("post", "/api/bulletin/submissions/{sub}/edit/", {"headline": "x", "body": "y"}),
    ("post", "/api/bulletin/submissions/{sub}/return/", {"reason": "x"}),
    ("post", "/api/bulletin/submissions/{sub}/archive/", {}),
    ("post", "/api/bulletin/submissions/{sub}/adopt/", {"issue": "{issue}"}),
    ("post", "/api/bulletin/issues/{issue}/publish/", None),
    ("post", "/api/bulletin/issues/{issue}/items/", {"headline": "x", "body": "y"}),
    ("post", "/api/bulletin/issues/", {"series": "{series}", "date": "2020-07-01"}),
]


@pytest.mark.parametrize("role", ["reporter", "leader", "supervisor", "community_worker", "work_group", "admin",
                                  "editor"])
@pytest.mark.parametrize("url", ENDPOINTS_FOREIGN_READ)
def test_another_streets_submission_is_404_for_every_street_role(bw, role, url):
    submission = submitted(bw)
    response = _api(bw.org.user(f"{role}_a")).get(url.format(sub=submission.pk))
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["reporter", "leader", "supervisor", "community_worker", "work_group", "admin",
                                  "editor"])
@pytest.mark.parametrize(("method", "url", "data"), ENDPOINTS_WRITE)
def test_changing_another_streets_submission_or_the_districts_issue_is_403(bw, role, method, url, data):
    submission = submitted(bw)
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    services.item_add(actor=bw.editor, issue=issue, headline="头条", body="正文", is_lead=True)
    ids = {"sub": submission.pk, "issue": issue.pk, "series": bw.series.pk}
    payload = {k: (ids[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v) for k, v in (data or {}).items()}
    before = AuditEvent.objects.count()
    response = getattr(_api(bw.org.user(f"{role}_a")), method)(url.format(**ids), payload, format="json")
    assert response.status_code == 403
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("method,url,data", ENDPOINTS_WRITE)
def test_a_district_leader_changes_nothing(bw, method, url, data):
    submission = submitted(bw)
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    ids = {"sub": submission.pk, "issue": issue.pk, "series": bw.series.pk}
    payload = {k: (ids[v[1:-1]] if isinstance(v, str) and v.startswith("{") else v) for k, v in (data or {}).items()}
    response = getattr(_api(bw.org.user("district_leader")), method)(url.format(**ids), payload, format="json")
    assert response.status_code == 403


def test_the_submission_list_never_shows_another_streets_items(bw):
    submitted(bw)
    assert _api(bw.reporter_a).get("/api/bulletin/submissions/").json()["count"] == 0
    assert _api(bw.reporter_b).get("/api/bulletin/submissions/").json()["count"] == 1
