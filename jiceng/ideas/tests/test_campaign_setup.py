"""Starting and running a campaign from the screens: who may, what is checked, what cannot be undone by accident
(compounds with suggestions, categories in use, criteria already scored), work groups, opening and closing."""

import datetime as dt

import pytest

from jiceng.core.errors import DomainError, InvalidTransition
from jiceng.core.models import AuditEvent
from jiceng.ideas import permissions, services
from jiceng.ideas.models import Campaign, WorkGroup
from jiceng.org.choices import Role
from jiceng.org.services import membership_grant

pytestmark = pytest.mark.django_db

NEW = "/ideas/campaigns/new/"


def _data(world, **overrides):
    data = {"unit": world.unit_a.pk, "title": "2021年无主管楼院金点子征集", "starts_on": "2021-04-01",
            "ends_on": "2021-04-30", "compounds": [world.compound_a.pk, world.managed_a.pk],
            "categories": "基础设施\n停车交通，环境卫生\n基础设施",
            "criteria": "可行性 40%\n群众需求 30\n成本：15\n安全", "public_intake": "on"}
    data.update(overrides)
    return data


def _count():
    return Campaign.objects.count(), AuditEvent.objects.count()


def test_an_administrator_starts_a_campaign_from_the_screen(client, world):
    client.force_login(world.user("admin_a"))
    page = client.get(NEW)
    assert page.status_code == 200 and "基础设施" in page.content.decode()  # the default categories, to edit
    response = client.post(NEW, _data(world))
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/ideas/campaigns/{campaign.pk}/settings/"
    assert campaign.owner_unit == world.unit_a and campaign.status == "open" and campaign.public_intake
    assert campaign.code.startswith("202104-") and len(campaign.code) == 12
    assert set(campaign.compounds.all()) == {world.compound_a, world.managed_a}
    assert campaign.categories == ["基础设施", "停车交通", "环境卫生"]
    assert campaign.criteria == [{"key": "feasibility", "label": "可行性", "weight": 40.0},
                                 {"key": "demand", "label": "群众需求", "weight": 30.0},
                                 {"key": "cost", "label": "成本", "weight": 15.0},
                                 {"key": "c1", "label": "安全", "weight": 1.0}]
    event = AuditEvent.objects.get(action="ideas.campaign.created")
    assert event.actor == world.user("admin_a")
    assert client.get(f"/p/ideas/{campaign.code}/{world.compound_a.pk}/").status_code == 200  # the residents' page


@pytest.mark.parametrize(("overrides", "field", "says"), [
    ({"ends_on": "2021-03-01"}, "ends_on", "结束"),
    ({"compounds": []}, "compounds", ""),
    ({"categories": " \n，"}, "categories", "类别"),
    ({"criteria": "可行性 0"}, "criteria", "权重"),
    ({"criteria": "可行性 3\n可行性 2"}, "criteria", "名称"),
    ({"title": ""}, "title", ""),
    ({"starts_on": "2021-02-30"}, "starts_on", ""),
])
def test_a_bad_campaign_is_refused_field_by_field_in_chinese_and_nothing_is_written(client, world, overrides,
                                                                                     field, says):
    client.force_login(world.user("admin_a"))
    before = _count()
    response = client.post(NEW, _data(world, **overrides))
    assert response.status_code == 400 and _count() == before
    errors = response.context["form"].errors[field]
    assert errors and says in " ".join(errors) and all(any("\u4e00" <= ch <= "\u9fff" for ch in e) for e in errors)


def test_another_streets_compound_or_unit_cannot_be_slipped_in(client, world):
    client.force_login(world.user("admin_a"))
    before = _count()
    assert client.post(NEW, _data(world, compounds=[world.compound_b.pk])).status_code == 400
    assert client.post(NEW, _data(world, unit=world.unit_b.pk)).status_code == 403
    assert client.get(NEW, {"unit": world.unit_b.pk}).context["unit"] is None  # not offered: the choice again
    assert _count() == before
    with pytest.raises(DomainError):  # the service checks it too, for the API and commands
        services.campaign_create(actor=world.user("admin_a"), owner_unit=world.unit_a, title="x",
                                 starts_on=dt.date(2021, 4, 1), ends_on=dt.date(2021, 4, 30),
                                 compounds=[world.compound_b])


@pytest.mark.parametrize("role", [Role.REPORTER, Role.WORK_GROUP, Role.EDITOR, Role.LEADER, Role.COMMUNITY_WORKER])
def test_only_administrators_and_supervisors_start_campaigns(client, world, role):
    client.force_login(world.user(f"{role}_a"))
    before = _count()
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, _data(world)).status_code == 403
    assert _count() == before
    assert "新建征集活动" not in client.get("/ideas/").content.decode()


@pytest.fixture
def campaign(world):
    return services.campaign_create(actor=world.user("admin_a"), owner_unit=world.unit_a, title="金点子征集",
                                    starts_on=dt.date(2021, 4, 1), ends_on=dt.date(2021, 4, 30),
                                    compounds=[world.compound_a, world.managed_a])


def _settings(client, campaign, **data):
    return client.post(f"/ideas/campaigns/{campaign.pk}/settings/", data)


def _save(world, campaign, **overrides):
    data = {"verb": "save", "title": campaign.title, "starts_on": "2021-04-01", "ends_on": "2021-04-30",
            "compounds": [world.compound_a.pk, world.managed_a.pk], "categories": "\n".join(campaign.categories),
            "criteria": "可行性 0.4\n群众需求 0.3\n成本 0.15\n紧迫性 0.15", "public_intake": "on"}
    data.update(overrides)
    return data


def test_the_settings_change_the_campaign_with_history(client, world, campaign):
    client.force_login(world.user("admin_a"))
    response = _settings(client, campaign, **_save(world, campaign, title="金点子征集（延期）", ends_on="2021-05-15",
                                                    compounds=[world.compound_a.pk]))
    assert response.status_code == 302
    campaign.refresh_from_db()
    assert campaign.title == "金点子征集（延期）" and campaign.ends_on == dt.date(2021, 5, 15)
    assert list(campaign.compounds.all()) == [world.compound_a]
    page = client.get(f"/ideas/campaigns/{campaign.pk}/settings/").content.decode()
    assert "金点子征集（延期）" in page and 'data-testid="history"' in page
    saving_again = _settings(client, campaign, **_save(world, campaign, title="金点子征集（延期）",
                                                        ends_on="2021-05-15", compounds=[world.compound_a.pk]))
    assert saving_again.status_code == 302
    assert AuditEvent.objects.filter(action="ideas.campaign.updated").count() == 1  # nothing changed: no event


def test_what_residents_said_and_staff_scored_is_protected(client, world, campaign):
    admin = world.user("admin_a")
    said = services.suggestion_submit(actor=admin, campaign=campaign, compound=world.managed_a,
                                      text="院里路灯不亮好久了", channel="visit")
    services.suggestion_categorise(actor=admin, suggestion=said, category="基础设施")
    client.force_login(admin)
    before = (campaign.categories, list(campaign.compounds.all()), AuditEvent.objects.count())
    response = _settings(client, campaign, **_save(world, campaign, compounds=[world.compound_a.pk]))
    assert response.status_code == 400 and "已有居民" in " ".join(response.context["form"].errors["compounds"])
    kept = [c for c in campaign.categories if c != "基础设施"]
    response = _settings(client, campaign, **_save(world, campaign, categories="\n".join(kept)))
    assert response.status_code == 400 and "categories" in response.context["form"].errors
    idea = services.idea_create(actor=admin, campaign=campaign, title="路灯", suggestions=[said])
    services.evaluation_submit(actor=admin, idea=idea, scores={"feasibility": 8, "demand": 8, "cost": 6,
                                                               "urgency": 7})
    before = (campaign.categories, list(campaign.compounds.all()), AuditEvent.objects.count())
    response = _settings(client, campaign, **_save(world, campaign, criteria="可行性 0.5\n群众需求 0.5"))
    assert response.status_code == 400 and "评分" in " ".join(response.context["form"].errors["criteria"])
    campaign.refresh_from_db()
    assert (campaign.categories, list(campaign.compounds.all()), AuditEvent.objects.count()) == before
    # a weight written differently is the same criteria
    assert _settings(client, campaign, **_save(world, campaign, criteria="可行性 0.40\n群众需求 0.3\n成本 0.15\n"
                                                                         "紧迫性 0.15")).status_code == 302


def test_closing_stops_the_residents_page_and_reopening_starts_it_again(client, world, campaign):
    client.force_login(world.user("admin_a"))
    intake = f"/p/ideas/{campaign.code}/{world.compound_a.pk}/"
    assert _settings(client, campaign, verb="move", status="closed", reason="征集期满").status_code == 302
    campaign.refresh_from_db()
    assert campaign.status == "closed"
    event = AuditEvent.objects.get(action="ideas.campaign.closed")
    assert event.payload["reason"] == "征集期满"
    assert "征集期满" in client.get(f"/ideas/campaigns/{campaign.pk}/settings/").content.decode()
    with pytest.raises(DomainError):
        services.suggestion_submit(actor=None, campaign=campaign, compound=world.compound_a, public=True,
                                   text="楼道灯坏了好久了", channel="online")
    closed_page = client.get(intake).content.decode()
    assert 'data-testid="intake-closed"' in closed_page and 'name="text"' not in closed_page
    with pytest.raises(InvalidTransition):
        services.campaign_move(actor=world.user("admin_a"), campaign=campaign, status="draft")
    _settings(client, campaign, verb="move", status="open")
    campaign.refresh_from_db()
    assert campaign.status == "open" and 'name="text"' in client.get(intake).content.decode()
    _settings(client, campaign, verb="move", status="nonsense")
    campaign.refresh_from_db()
    assert campaign.status == "open"


def test_work_groups_are_set_up_and_their_members_can_work(client, world, campaign):
    outsider = world.user("reporter_b")
    member = world.user("reporter_a")
    assert not permissions.can_work(outsider, campaign)
    client.force_login(world.user("admin_a"))
    response = _settings(client, campaign, verb="group_create", name="第一工作组", compounds=[world.compound_a.pk],
                         members=[member.pk])
    assert response.status_code == 302
    group = WorkGroup.objects.get()
    assert list(group.members.all()) == [member] and list(group.compounds.all()) == [world.compound_a]
    before = AuditEvent.objects.count()
    forged = _settings(client, campaign, verb="group_update", group=group.pk, name="第一工作组",
                       compounds=[world.compound_a.pk], members=[outsider.pk])  # staff of another street
    assert forged.status_code == 400 and AuditEvent.objects.count() == before
    outside = _settings(client, campaign, verb="group_update", group=group.pk, name="第一工作组",
                        compounds=[world.compound_b.pk], members=[member.pk])
    assert outside.status_code == 400 and AuditEvent.objects.count() == before
    renamed = _settings(client, campaign, verb="group_update", group=group.pk, name="一组",
                        compounds=[world.compound_a.pk, world.managed_a.pk], members=[member.pk])
    assert renamed.status_code == 302
    group.refresh_from_db()
    assert group.name == "一组" and group.compounds.count() == 2
    assert AuditEvent.objects.filter(action="ideas.work_group.updated").count() == 1


@pytest.mark.parametrize("role", [Role.REPORTER, Role.WORK_GROUP, Role.EDITOR, Role.LEADER])
def test_only_administrators_and_supervisors_change_the_settings(client, world, campaign, role):
    membership_grant(actor=None, user=world.user("reporter_a"), unit=world.unit_a, role=Role.WORK_GROUP)
    client.force_login(world.user(f"{role}_a"))
    before = (AuditEvent.objects.count(), Campaign.objects.values_list("title", "status").get())
    assert client.get(f"/ideas/campaigns/{campaign.pk}/settings/").status_code == 403
    for data in (_save(world, campaign, title="越权"), {"verb": "move", "status": "closed"},
                 {"verb": "group_create", "name": "越权组", "compounds": [world.compound_a.pk]}):
        assert _settings(client, campaign, **data).status_code == 403
    assert (AuditEvent.objects.count(), Campaign.objects.values_list("title", "status").get()) == before


def test_the_settings_page_runs_a_constant_number_of_queries(client, world, campaign, django_assert_max_num_queries):
    admin = world.user("admin_a")
    for number in range(6):
        services.work_group_create(actor=admin, campaign=campaign, name=f"第{number}工作组",
                                   compounds=[world.compound_a], members=[world.user("reporter_a")])
    client.force_login(admin)
    client.get("/")
    with django_assert_max_num_queries(10):
        response = client.get(f"/ideas/campaigns/{campaign.pk}/settings/")
    assert response.content.decode().count('data-testid="work-group"') == 6


# the API


def _api(user):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_login(user)
    return api


def _body(world, **overrides):
    body = {"owner_unit": world.unit_a.pk, "title": "2021年金点子征集", "starts_on": "2021-04-01",
            "ends_on": "2021-04-30", "compounds": [world.compound_a.pk]}
    body.update(overrides)
    return body


def test_the_api_starts_and_closes_a_campaign(world):
    api = _api(world.user("admin_a"))
    created = api.post("/api/ideas/campaigns/", _body(world, categories=["停车", "照明"],
                                                       criteria=[{"key": "f", "label": "可行性", "weight": 2}]),
                       format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["categories"] == ["停车", "照明"] and body["status"] == "open" and body["code"].startswith("202104-")
    moved = api.post(f"/api/ideas/campaigns/{body['id']}/move/", {"status": "closed", "reason": "期满"}, format="json")
    assert moved.status_code == 200 and moved.json()["status"] == "closed"
    history = api.get(f"/api/ideas/campaigns/{body['id']}/history/").json()
    assert [e["action"] for e in history["results"]] == ["ideas.campaign.closed", "ideas.campaign.created"]
    again = api.post(f"/api/ideas/campaigns/{body['id']}/move/", {"status": "closed"}, format="json")
    assert again.status_code in (400, 409) and Campaign.objects.get().status == "closed"


@pytest.mark.parametrize(("user", "overrides", "code"), [
    ("reporter_a", {}, 403),
    ("leader_a", {}, 403),
    ("admin_a", {"owner_unit": "unit_b"}, 403),
    ("admin_a", {"compounds": ["compound_b"]}, 400),
    ("admin_a", {"compounds": []}, 400),
    ("admin_a", {"ends_on": "2021-03-01"}, 400),
    ("admin_a", {"criteria": [{"key": "1x", "label": "可行性", "weight": 1}]}, 400),
    ("admin_a", {"criteria": [{"key": "f", "label": "可行性", "weight": 0}]}, 400),
])
def test_the_api_refuses_a_campaign_it_should_not_start_and_writes_nothing(world, user, overrides, code):
    resolved = {key: (getattr(world, value).pk if isinstance(value, str) and hasattr(world, value) else
                      [getattr(world, v).pk for v in value] if isinstance(value, list) and value and
                      isinstance(value[0], str) else value) for key, value in overrides.items()}
    before = _count()
    response = _api(world.user(user)).post("/api/ideas/campaigns/", _body(world, **resolved), format="json")
    assert response.status_code == code and _count() == before
