import io
import secrets
import time

import pytest
from django.core import signing
from openpyxl import load_workbook
from rest_framework.test import APIClient

from jiceng.core.models import AuditEvent
from jiceng.ideas import intake, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(campaign, world):
    """The street's campaign with two suggestions carrying a name and a phone."""
    for text in ["楼道灯坏了", "3号楼楼道的灯不亮"]:
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text=text, channel="phone", phone="13812345678", name="王五")
    return campaign


def _api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def test_staff_list_suggestions_with_masked_contacts(world, campaign):
    rows = _api(world.user("reporter_a")).get("/api/ideas/suggestions/").json()["results"]
    assert rows and all("13812345678" not in r["contact"] and "王五" not in r["contact"] for r in rows)


def test_the_whole_flow_through_the_api(world, campaign):
    staff = _api(world.user("reporter_a"))
    ids = [r["id"] for r in staff.get("/api/ideas/suggestions/").json()["results"]]
    idea = staff.post("/api/ideas/ideas/", {"campaign": campaign.pk, "title": "楼道照明改造", "suggestions": ids},
                      format="json").json()
    assert idea["residents"] == 2
    staff.post(f"/api/ideas/ideas/{idea['id']}/evaluate/", {"scores": {"feasibility": 9, "demand": 9, "cost": 6,
                                                                        "urgency": 7}}, format="json")
    assert staff.post(f"/api/ideas/ideas/{idea['id']}/decide/", {"decision": "adopted", "reason": "好"},
                      format="json").status_code == 403
    decided = _api(world.user("admin_a")).post(f"/api/ideas/ideas/{idea['id']}/decide/",
                                               {"decision": "adopted", "reason": "可行"}, format="json").json()
    assert decided["status"] == "adopted" and decided["project_id_ref"]


def test_the_public_api_takes_a_suggestion_and_tells_only_the_status(world, campaign):
    public = _api()
    challenge = public.get("/api/ideas/public/challenge/", {"campaign": campaign.code}).json()
    assert challenge["question"] and challenge["token"]
    data = signing.loads(challenge["token"], salt=intake.SALT)
    token = signing.dumps({**data, "t": time.time() - 10, "n": secrets.token_hex(8)}, salt=intake.SALT)
    response = public.post("/api/ideas/public/suggestions/", {
        "campaign": campaign.code, "compound": world.compound_a.pk, "text": "院里晚上太黑了",
        "phone": "13900001111", "token": token, "answer": str(data["a"] + data["b"])}, format="json")
    assert response.status_code == 201
    receipt = response.json()["receipt"]
    status = public.get(f"/api/ideas/public/status/{receipt}/").json()
    assert status["stage"] == "received" and "13900001111" not in str(status) and "院里" not in str(status)


def test_a_wrong_public_answer_is_a_400_in_chinese(world, campaign):
    token = signing.dumps({"c": campaign.code, "a": 1, "b": 1, "t": time.time() - 10, "n": "x1"}, salt=intake.SALT)
    response = _api().post("/api/ideas/public/suggestions/", {
        "campaign": campaign.code, "compound": world.compound_a.pk, "text": "院里晚上太黑了", "token": token,
        "answer": "5"}, format="json")
    assert response.status_code == 400 and "算式" in response.json()["detail"]


def test_the_public_endpoints_are_throttled(world, campaign, settings):
    from rest_framework.settings import api_settings

    rates = dict(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], public="3/min")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": rates}
    api_settings.reload()
    from rest_framework.throttling import SimpleRateThrottle

    SimpleRateThrottle.THROTTLE_RATES = rates
    try:
        codes = [_api().get("/api/ideas/public/status/NOPE0000/").status_code for _ in range(4)]
    finally:
        SimpleRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    assert codes[:3] == [404, 404, 404] and codes[3] == 429


def test_another_streets_staff_reach_nothing_and_change_nothing(world, campaign):
    client = _api(world.user("reporter_b"))
    assert client.get(f"/api/ideas/campaigns/{campaign.pk}/").status_code == 404
    assert client.get("/api/ideas/suggestions/").json()["count"] == 0
    assert client.get("/api/ideas/ideas/").json()["count"] == 0
    before = AuditEvent.objects.count()
    assert client.post(f"/api/ideas/campaigns/{campaign.pk}/suggestions/", {
        "compound": world.compound_a.pk, "channel": "visit", "text": "越权录入"}, format="json").status_code == 403
    assert AuditEvent.objects.count() == before


def test_a_leader_can_read_but_not_decide(world, campaign):
    leader = _api(world.user("leader_a"))
    assert leader.get(f"/api/ideas/campaigns/{campaign.pk}/").status_code == 200
    ids = [s.pk for s in campaign.suggestions.all()]
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="x",
                                suggestions=list(campaign.suggestions.filter(pk__in=ids)))
    assert leader.post(f"/api/ideas/ideas/{idea.pk}/decide/", {"decision": "adopted", "reason": "好"},
                       format="json").status_code == 403


def test_the_report_exports_everything_and_prints_the_plan(client, world, campaign):
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明改造",
                                suggestions=list(campaign.suggestions.all()))
    services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason="可行")
    client.force_login(world.user("reporter_a"))
    assert client.get(f"/ideas/campaigns/{campaign.pk}/report/").status_code == 200
    book = load_workbook(io.BytesIO(client.get(f"/ideas/campaigns/{campaign.pk}/report/",
                                               {"format": "xlsx"}).content))
    words = [row[3] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    contacts = [row[4] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert "楼道灯坏了" in words and all("13812345678" not in c for c in contacts)
    assert client.get(f"/ideas/campaigns/{campaign.pk}/report/", {"format": "pdf"}).content.startswith(b"%PDF")
    assert client.get(f"/ideas/campaigns/{campaign.pk}/report/", {"format": "docx"}).content.startswith(b"PK")


def test_the_public_board_lists_adopted_ideas_without_residents_words(client, world, campaign):
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明改造",
                                suggestions=list(campaign.suggestions.all()))
    services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason="可行")
    html = client.get(f"/p/ideas/{campaign.code}/adopted/").content.decode()
    assert "楼道照明改造" in html and "3号楼楼道的灯不亮" not in html and "王" not in html
