"""The ideas scope matrix, generated: every role × every ideas page and API endpoint × another street's campaign.

Reads of another street's campaign, suggestion or idea answer 404 (the object is not said to exist); writes are
refused (403, or 404 where the page does not reveal the object) and write nothing. Inside their own street,
leaders change nothing and only administrators and supervisors decide (a community's worker does not see a
street's campaign at all unless a work group takes them in).
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from jiceng.core.models import AuditEvent
from jiceng.core.tests.matrix import Endpoint, call
from jiceng.ideas import services
from jiceng.ideas.models import Campaign, Evaluation, Idea, Suggestion, WorkGroup
from jiceng.org.choices import Role

pytestmark = pytest.mark.django_db

SCORES = {"feasibility": 8, "demand": 8, "cost": 6, "urgency": 7}


READS = [
    Endpoint("page campaign", "get", "/ideas/campaigns/{campaign}/", api=False),
    Endpoint("page campaign grouped", "get", "/ideas/campaigns/{campaign}/?group=1", api=False),
    Endpoint("page report", "get", "/ideas/campaigns/{campaign}/report/", api=False),
    Endpoint("page report xlsx", "get", "/ideas/campaigns/{campaign}/report/?format=xlsx", api=False),
    Endpoint("page plan pdf", "get", "/ideas/campaigns/{campaign}/report/?format=pdf", api=False),
    Endpoint("page plan docx", "get", "/ideas/campaigns/{campaign}/report/?format=docx", api=False),
    Endpoint("page poster", "get", "/ideas/campaigns/{campaign}/poster/{compound}.pdf", api=False),
    Endpoint("page idea", "get", "/ideas/ideas/{idea}/", api=False),
    Endpoint("page correct form", "get", "/ideas/suggestions/{suggestion}/correct/", api=False),
    Endpoint("page import form", "get", "/ideas/campaigns/{campaign}/import/", api=False),
    Endpoint("page settings", "get", "/ideas/campaigns/{campaign}/settings/", api=False),
    Endpoint("api campaign", "get", "/api/ideas/campaigns/{campaign}/", api=True),
    Endpoint("api campaign history", "get", "/api/ideas/campaigns/{campaign}/history/", api=True),
    Endpoint("api suggestion", "get", "/api/ideas/suggestions/{suggestion}/", api=True),
    Endpoint("api idea", "get", "/api/ideas/ideas/{idea}/", api=True),
    Endpoint("api idea history", "get", "/api/ideas/ideas/{idea}/history/", api=True),
]
WRITES = [
    Endpoint("page enter suggestion", "post", "/ideas/campaigns/{campaign}/", api=False,
             data={"compound": "{compound}", "channel": "visit", "text": "越权录入的建议内容"}),
    Endpoint("page categorise", "post", "/ideas/campaigns/{campaign}/", api=False,
             data={"categorise": "{suggestion}", "category": "安全"}),
    Endpoint("page create idea", "post", "/ideas/campaigns/{campaign}/", api=False,
             data={"create_idea": "1", "title": "越权金点子", "suggestion": "{suggestion}"}),
    Endpoint("page correct", "post", "/ideas/suggestions/{suggestion}/correct/", api=False,
             data={"text": "越权更正的建议内容"}),
    Endpoint("page import", "post", "/ideas/campaigns/{campaign}/import/", api=False,
             data={"file": lambda: SimpleUploadedFile("群聊.csv", "内容\n越权导入的建议内容\n".encode()),
                   "compound": "{compound}", "channel": "wechat", "confirm": "1"}),
    Endpoint("page new campaign", "post", "/ideas/campaigns/new/", api=False,
             data={"unit": "{unit}", "title": "越权征集", "starts_on": "2021-04-01", "ends_on": "2021-04-30",
                   "compounds": ["{compound}"], "categories": "其他", "criteria": "可行性 1"}),
    Endpoint("page settings save", "post", "/ideas/campaigns/{campaign}/settings/", api=False,
             data={"verb": "save", "title": "越权改名", "starts_on": "2020-05-06", "ends_on": "2020-05-31",
                   "compounds": ["{compound}"], "categories": "其他", "criteria": "可行性 1"}),
    Endpoint("page close campaign", "post", "/ideas/campaigns/{campaign}/settings/", api=False,
             data={"verb": "move", "status": "closed", "reason": "越权"}),
    Endpoint("page add work group", "post", "/ideas/campaigns/{campaign}/settings/", api=False,
             data={"verb": "group_create", "name": "越权工作组", "compounds": ["{compound}"]}),
    Endpoint("page evaluate", "post", "/ideas/ideas/{idea}/", api=False,
             data={"verb": "evaluate", **{f"score_{k}": v for k, v in SCORES.items()}}),
    Endpoint("page adopt", "post", "/ideas/ideas/{idea}/", api=False, data={"verb": "adopted", "reason": "越权"}),
    Endpoint("page decline", "post", "/ideas/ideas/{idea}/", api=False, data={"verb": "declined", "reason": "越权"}),
    Endpoint("page take out", "post", "/ideas/ideas/{idea}/", api=False,
             data={"verb": "unmerge", "suggestion": "{merged}"}),
    Endpoint("page draft bulletin", "post", "/ideas/ideas/{idea}/", api=False, data={"verb": "draft"}),
    Endpoint("api enter suggestion", "post", "/api/ideas/campaigns/{campaign}/suggestions/", api=True,
             data={"compound": "{compound}", "channel": "visit", "text": "越权录入的建议内容"}),
    Endpoint("api new campaign", "post", "/api/ideas/campaigns/", api=True,
             data={"owner_unit": "{unit}", "title": "越权征集", "starts_on": "2021-04-01", "ends_on": "2021-04-30",
                   "compounds": ["{compound}"]}),
    Endpoint("api close campaign", "post", "/api/ideas/campaigns/{campaign}/move/", api=True,
             data={"status": "closed", "reason": "越权"}),
    Endpoint("api create idea", "post", "/api/ideas/ideas/", api=True,
             data={"campaign": "{campaign}", "title": "越权金点子", "suggestions": ["{suggestion}"]}),
    Endpoint("api merge", "post", "/api/ideas/ideas/{idea}/merge/", api=True, data={"suggestions": ["{suggestion}"]}),
    Endpoint("api evaluate", "post", "/api/ideas/ideas/{idea}/evaluate/", api=True, data={"scores": SCORES}),
    Endpoint("api decide", "post", "/api/ideas/ideas/{idea}/decide/", api=True,
             data={"decision": "adopted", "reason": "越权"}),
]
DECIDING = [e for e in WRITES if e.name in ("page adopt", "page decline", "api decide")]


def _campaign(world, unit, compound, code, worker):
    campaign = services.campaign_create(actor=None, owner_unit=unit, title=f"金点子征集{code}", code=code,
                                        starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                        compounds=[compound])
    loose = services.suggestion_submit(actor=None, campaign=campaign, compound=compound, text="楼道灯坏了没人修",
                                       channel="visit", name="王五", phone="13812345678")
    merged = services.suggestion_submit(actor=None, campaign=campaign, compound=compound, text="车棚漏雨了",
                                        channel="phone")
    idea = services.idea_create(actor=world.user(worker), campaign=campaign, title="车棚修缮", suggestions=[merged])
    return {"campaign": campaign.pk, "compound": compound.pk, "suggestion": loose.pk, "merged": merged.pk,
            "idea": idea.pk, "unit": unit.pk}


@pytest.fixture
def targets(world):
    cache.clear()
    return {"foreign": _campaign(world, world.unit_b, world.compound_b, "matrix-b", "reporter_b"),
            "own": _campaign(world, world.unit_a, world.compound_a, "matrix-a", "admin_a")}


def _call(user, endpoint, ids):
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return call(client, endpoint, ids)


def _state():
    """Everything a write could change: audit rows and the ideas tables."""
    return (AuditEvent.objects.count(), Suggestion.objects.count(), Idea.objects.count(),
            Evaluation.objects.count(), sorted(Suggestion.objects.values_list("pk", "idea_id", "category")),
            sorted(Idea.objects.values_list("pk", "status", "title")),
            sorted(Campaign.objects.values_list("pk", "status", "title")), WorkGroup.objects.count())


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("endpoint", READS, ids=lambda e: e.name)
def test_reading_another_streets_campaign_answers_404(world, targets, role, endpoint):
    response = _call(world.user(f"{role}_a"), endpoint, targets["foreign"])
    assert response.status_code == 404


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("endpoint", WRITES, ids=lambda e: e.name)
def test_changing_another_streets_campaign_is_refused_and_writes_nothing(world, targets, role, endpoint):
    before = _state()
    response = _call(world.user(f"{role}_a"), endpoint, targets["foreign"])
    assert response.status_code in (403, 404)
    assert _state() == before


@pytest.mark.parametrize("endpoint", WRITES, ids=lambda e: e.name)
def test_a_leader_changes_nothing_in_the_own_street(world, targets, endpoint):
    before = _state()
    response = _call(world.user("leader_a"), endpoint, targets["own"])
    assert response.status_code == 403
    assert _state() == before


@pytest.mark.parametrize("role", [Role.REPORTER, Role.WORK_GROUP, Role.EDITOR, Role.LEADER])
@pytest.mark.parametrize("endpoint", DECIDING, ids=lambda e: e.name)
def test_only_administrators_and_supervisors_decide(world, targets, role, endpoint):
    before = _state()
    response = _call(world.user(f"{role}_a"), endpoint, targets["own"])
    assert response.status_code == 403
    assert _state() == before


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SUPERVISOR])
def test_administrators_and_supervisors_of_the_street_decide(world, targets, role):
    response = _call(world.user(f"{role}_a"), DECIDING[-1], targets["own"])
    assert response.status_code == 200, response.content[:300]
    assert Idea.objects.get(pk=targets["own"]["idea"]).status == "adopted"


@pytest.mark.parametrize("endpoint", READS, ids=lambda e: e.name)
def test_anonymous_visitors_reach_no_staff_endpoint(world, targets, endpoint):
    response = _call(None, endpoint, targets["own"])
    assert response.status_code in (302, 401, 403)
    assert "王五" not in response.content.decode("utf-8", "replace")


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("url", ["/api/ideas/campaigns/", "/api/ideas/suggestions/", "/api/ideas/ideas/"])
def test_lists_never_contain_another_streets_objects(world, targets, role, url):
    client = APIClient()
    client.force_login(world.user(f"{role}_a"))
    rows = client.get(url + "?page_size=500").json()["results"]
    foreign = {"/api/ideas/campaigns/": {targets["foreign"]["campaign"]},
               "/api/ideas/suggestions/": {targets["foreign"]["suggestion"], targets["foreign"]["merged"]},
               "/api/ideas/ideas/": {targets["foreign"]["idea"]}}[url]
    if role != Role.COMMUNITY_WORKER:  # a community's worker sees the street's campaigns only through a work group
        assert rows, "the own street's objects are listed"
    assert not {row["id"] for row in rows} & foreign
