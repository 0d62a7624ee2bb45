"""Public intake (challenge, honeypot, replay, rate limits), receipts and status without personal data, and the
staff flow: enter, merge, evaluate, decide, adopt into a ledger project."""

import datetime as dt
import secrets
import time

import pytest
from django.core import signing
from django.db import connection

from jiceng.core.crypto import mask_phone
from jiceng.ideas import intake, selectors, services
from jiceng.ideas.models import Suggestion
from jiceng.org.tests.factories import XSS

pytestmark = pytest.mark.django_db


def _token(code, a=3, b=4, age=10, nonce=None):
    return signing.dumps({"c": code, "a": a, "b": b, "t": time.time() - age, "n": nonce or secrets.token_hex(8)},
                         salt=intake.SALT)


def _post(client, campaign, compound, **overrides):
    data = {"text": f"楼道灯坏了好几个月了{XSS}", "name": "张三", "phone": "13812345678", "answer": "7",
            "token": _token(campaign.code), "website": ""}
    data.update(overrides)
    return client.post(f"/p/ideas/{campaign.code}/{compound.pk}/", data)


def test_a_resident_submits_without_an_account_and_gets_a_receipt(client, world, campaign):
    assert client.get(f"/p/ideas/{campaign.code}/{world.compound_a.pk}/").status_code == 200
    response = _post(client, campaign, world.compound_a)
    assert response.status_code == 302
    suggestion = Suggestion.objects.get()
    assert suggestion.channel == "online" and response["Location"].endswith(f"/receipt/{suggestion.receipt}/")


def test_the_phone_is_encrypted_at_rest(client, world, campaign):
    _post(client, campaign, world.compound_a)
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, name FROM ideas_suggestion")
        phone, name = cursor.fetchone()
    assert "13812345678" not in phone and "张三" not in name
    assert Suggestion.objects.get().phone == "13812345678"


@pytest.mark.parametrize(("overrides", "message"), [
    ({"answer": "8"}, "算式"),
    ({"website": "http://spam"}, "无法提交"),
    ({"token": "forged"}, "无法提交"),
])
def test_the_challenge_refuses_bots_and_writes_nothing(client, world, campaign, overrides, message):
    response = _post(client, campaign, world.compound_a, **overrides)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_form_sent_faster_than_a_person_can_is_refused(client, world, campaign):
    response = _post(client, campaign, world.compound_a, token=_token(campaign.code, age=0))
    assert response.status_code == 400 and not Suggestion.objects.exists()


def test_a_replayed_form_is_refused(client, world, campaign):
    token = _token(campaign.code, nonce="fixednonce")
    assert _post(client, campaign, world.compound_a, token=token).status_code == 302
    assert _post(client, campaign, world.compound_a, token=token).status_code == 400
    assert Suggestion.objects.count() == 1


def test_a_token_of_another_campaign_is_refused(client, world, campaign):
    response = _post(client, campaign, world.compound_a, token=_token("other"))
    assert response.status_code == 400


def test_the_rate_limit_answers_429(client, world, campaign, settings):
    settings.JICENG_IDEAS_RATE = (100, 2)
    codes = [_post(client, campaign, world.compound_a).status_code for _ in range(3)]
    assert codes == [302, 302, 429] and Suggestion.objects.count() == 2


def test_a_compound_outside_the_campaign_is_not_found(client, world, campaign):
    assert client.get(f"/p/ideas/{campaign.code}/{world.compound_b.pk}/").status_code == 404


def test_the_status_page_never_shows_personal_data(client, world, campaign):
    _post(client, campaign, world.compound_a)
    receipt = Suggestion.objects.get().receipt
    html = client.get("/p/ideas/status/", {"receipt": receipt}).content.decode()
    assert receipt in html and "张三" not in html and "138" not in html and "楼道灯" not in html


def test_an_unknown_receipt_is_a_clear_404(client, db):
    response = client.get("/p/ideas/status/", {"receipt": "NOPE1234"})
    assert response.status_code == 404 and "没有" in response.content.decode()


def test_staff_see_masked_contacts_and_escaped_words(client, world, campaign):
    _post(client, campaign, world.compound_a)
    client.force_login(world.user("reporter_a"))
    html = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert mask_phone("13812345678") in html and "13812345678" not in html and XSS not in html


def test_another_street_cannot_open_the_campaign(client, world, campaign):
    client.force_login(world.user("reporter_b"))
    assert client.get(f"/ideas/campaigns/{campaign.pk}/").status_code == 404


def test_the_campaign_page_runs_a_constant_number_of_queries(client, world, campaign, django_assert_max_num_queries):
    for i in range(30):
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text=f"院里路灯不亮第{i}次", channel="visit", phone="13900001111")
    client.force_login(world.user("reporter_a"))
    client.get("/")
    with django_assert_max_num_queries(10):
        client.get(f"/ideas/campaigns/{campaign.pk}/")


def test_the_grouping_page_runs_a_constant_number_of_queries(client, world, campaign, django_assert_max_num_queries):
    for i in range(30):
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text=f"院里路灯不亮第{i}次", channel="visit")
    client.force_login(world.user("reporter_a"))
    client.get("/")
    with django_assert_max_num_queries(10):
        response = client.get(f"/ideas/campaigns/{campaign.pk}/?group=1")
    assert sum(len(group) for group in response.context["groups"]) == 30
    assert response.content.decode().count('data-testid="check-suggestion"') == 30


@pytest.mark.parametrize("query", ["", "?compound={compound}", "?unmerged=1", "?group=1",
                                   "?group=1&breadth=broad&compound={compound}", "?page=2"])
def test_the_campaign_page_stays_within_ten_queries_with_adopted_ideas_and_filters(
        client, world, campaign, query, django_assert_max_num_queries):
    from jiceng.ledger.models import Project

    suggestions = [services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign,
                                              compound=world.compound_a, text=f"院里第{i}处路灯不亮", channel="visit")
                   for i in range(60)]
    for number in range(3):
        idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title=f"路灯{number}",
                                    suggestions=suggestions[number * 2:number * 2 + 2])
        services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason="可行")
    Project.objects.filter(pk=idea.project_id_ref).update(status="completed")  # as if its reports had finished it
    client.force_login(world.user("reporter_a"))
    client.get("/")
    with django_assert_max_num_queries(10):
        response = client.get(f"/ideas/campaigns/{campaign.pk}/" + query.format(compound=world.compound_a.pk))
    assert response.status_code == 200
    assert response.context["funnel"]["stages"] == [("suggestions", 60), ("ideas", 3), ("adopted", 3), ("done", 1)]


def _grouped(client, campaign, **params):
    """The suggested groups on the campaign page, as sets of texts."""
    response = client.get(f"/ideas/campaigns/{campaign.pk}/", {"group": "1", **params})
    assert response.status_code == 200
    return {frozenset(s.text for s in group) for group in response.context["groups"]}, response


def test_staff_choose_how_broad_the_suggested_groups_are(client, world, campaign):
    texts = ["电动自行车充电设施不足，存在飞线充电现象", "楼道里停电动车还充电，消防隐患很大",
             "楼梯台阶太滑了，建议贴防滑条", "门口铺个防滑垫吧，太滑了"]
    for text in texts:
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text=text, channel="visit")
    client.force_login(world.user("reporter_a"))
    charging, slippery = frozenset(texts[:2]), frozenset(texts[2:])
    assert _grouped(client, campaign, breadth="narrow")[0] == set()
    assert _grouped(client, campaign)[0] == {slippery}
    assert _grouped(client, campaign, breadth="normal")[0] == {slippery}
    assert _grouped(client, campaign, breadth="broad")[0] == {charging, slippery}
    groups, response = _grouped(client, campaign, breadth="<script>")  # anything else is the normal breadth
    assert groups == {slippery} and b"<script>" not in response.content


def test_with_a_compound_chosen_only_what_was_said_there_is_grouped(client, world, campaign):
    both = services.campaign_create(actor=None, owner_unit=world.unit_a, title="两个院的征集", code="gyl-two",
                                    starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                    compounds=[world.compound_a, world.managed_a])
    for compound in (world.compound_a, world.managed_a):
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=both, compound=compound,
                                   text="楼道灯坏了好几个月了", channel="visit")
    client.force_login(world.user("reporter_a"))
    assert len(_grouped(client, both)[0]) == 1
    groups, response = _grouped(client, both, compound=str(world.compound_a.pk))
    assert groups == set()
    assert response.context["grouped"] and 'data-testid="no-groups"' in response.content.decode()


def _suggestions(world, campaign, n=3):
    return [services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                       text=text, channel="visit")
            for text in ["楼道灯坏了", "3号楼楼道的灯不亮", "楼道太黑了晚上摔跤"][:n]]


def test_merging_links_and_unmerging_undoes_without_deleting(world, campaign):
    first, second, third = _suggestions(world, campaign)
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明改造",
                                suggestions=[first, second])
    services.idea_merge(actor=world.user("reporter_a"), idea=idea, suggestions=[third])
    assert idea.suggestions.count() == 3
    services.idea_unmerge(actor=world.user("reporter_a"), suggestion=third)
    assert idea.suggestions.count() == 2 and Suggestion.objects.count() == 3


def test_a_decision_needs_a_reason_and_a_decider(world, campaign):
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明改造",
                                suggestions=_suggestions(world, campaign))
    from jiceng.core.errors import DomainError, PermissionDenied

    with pytest.raises(PermissionDenied):
        services.idea_decide(actor=world.user("reporter_a"), idea=idea, decision="adopted", reason="好")
    with pytest.raises(PermissionDenied):
        services.idea_decide(actor=world.user("district_leader"), idea=idea, decision="adopted", reason="好")
    with pytest.raises(DomainError):
        services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason=" ")


def test_adopting_creates_a_linked_ledger_project_and_the_resident_sees_it(client, world, campaign):
    _post(client, campaign, world.compound_a)
    resident = Suggestion.objects.get()
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明改造",
                                suggestions=[resident, *_suggestions(world, campaign, 2)])
    services.evaluation_submit(actor=world.user("reporter_a"), idea=idea,
                               scores={"feasibility": 9, "demand": 10, "cost": 7, "urgency": 8})
    assert services.weighted_score(idea) == pytest.approx(8.85)
    services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason="可行性强")
    from jiceng.ledger.models import Project

    project = Project.objects.get(pk=idea.project_id_ref)
    assert project.unit == world.unit_a and f"/ideas/ideas/{idea.pk}/" in project.note
    status = selectors.public_status(resident.receipt)
    assert (status.stage, status.idea_title, status.progress) == ("adopted", "楼道照明改造", 0.0)
    html = client.get("/p/ideas/status/", {"receipt": resident.receipt}).content.decode()
    assert "已采纳" in html and "楼道照明改造" in html


def test_scores_outside_0_to_10_are_refused(world, campaign):
    from jiceng.core.errors import DomainError

    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="x",
                                suggestions=_suggestions(world, campaign, 1))
    with pytest.raises(DomainError):
        services.evaluation_submit(actor=world.user("reporter_a"), idea=idea,
                                   scores={"feasibility": 11, "demand": 1, "cost": 1, "urgency": 1})


def test_the_poster_is_a_pdf_with_the_qr_code(client, world, campaign):
    client.force_login(world.user("reporter_a"))
    response = client.get(f"/ideas/campaigns/{campaign.pk}/poster/{world.compound_a.pk}.pdf")
    assert response.content.startswith(b"%PDF") and response["Content-Type"] == "application/pdf"


def test_the_demo_rebuilds_the_seeds_27_ideas_and_25_adopted(db):
    from django.core.management import call_command

    from jiceng.ideas.models import Campaign

    call_command("load_demo", verbosity=0)
    campaign = Campaign.objects.get(code="gongyelu-2020")
    funnel = dict(selectors.funnel(campaign)["stages"])
    assert funnel["ideas"] == 27 and funnel["adopted"] == 25 and 140 <= funnel["suggestions"] <= 170
    assert campaign.work_groups.count() == 7 and campaign.compounds.count() == 7
    assert set(campaign.suggestions.values_list("channel", flat=True)) == {"visit", "wechat", "phone", "meeting"}


def test_an_adopted_idea_is_drafted_into_the_bulletin_in_one_click(client, world, campaign):
    from jiceng.bulletin import services as bulletin
    from jiceng.bulletin.models import Submission

    bulletin.series_create(actor=None, name="测试信息", office=world.district_unit)
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明改造",
                                suggestions=_suggestions(world, campaign))
    services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason="可行性强")
    client.force_login(world.user("reporter_a"))
    assert client.post(f"/ideas/ideas/{idea.pk}/", {"verb": "draft"}).status_code == 302
    submission = Submission.objects.get()
    assert "楼道照明改造" in submission.headline and submission.unit == world.unit_a
    assert submission.origin_type == "ideas.idea"


def test_staff_confirm_a_suggested_category(client, world, campaign):
    suggestion = _suggestions(world, campaign, 1)[0]
    client.force_login(world.user("reporter_a"))
    client.post(f"/ideas/campaigns/{campaign.pk}/", {"categorise": suggestion.pk, "category": "基础设施"})
    suggestion.refresh_from_db()
    assert suggestion.category == "基础设施"
    response = client.post(f"/ideas/campaigns/{campaign.pk}/", {"categorise": suggestion.pk, "category": "乱写"},
                           follow=True)
    assert "请选择本次征集的分类之一" in response.content.decode()


def test_staff_merge_by_hand_what_the_machine_did_not_group(client, world, campaign):
    reporter = world.user("reporter_a")
    light, other, late = (services.suggestion_submit(actor=reporter, campaign=campaign, compound=world.compound_a,
                                                     text=text, channel="visit")
                          for text in ["楼道灯坏了好几个月了", "晚上上楼黑灯瞎火的，老人摔了一跤", "下水道又堵了"])
    idea = services.idea_create(actor=reporter, campaign=campaign, title="楼道照明改造", suggestions=[light])
    client.force_login(reporter)
    page = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert page.count('data-testid="check-suggestion"') == 2  # only what is not merged yet
    url = f"/ideas/campaigns/{campaign.pk}/"
    response = client.post(url, {"merge_into": "1", "idea": idea.pk, "suggestion": [other.pk],
                                 "next": f"{url}?compound={world.compound_a.pk}"})
    assert response.status_code == 302 and response["Location"] == f"{url}?compound={world.compound_a.pk}"
    assert set(idea.suggestions.all()) == {light, other}
    evil = client.post(url, {"merge_into": "1", "idea": idea.pk, "suggestion": [late.pk], "next": "https://evil.example/"})
    assert evil["Location"] == url and Suggestion.objects.get(pk=late.pk).idea == idea  # merged; never sent away
    services.idea_decide(actor=world.user("admin_a"), idea=idea, decision="adopted", reason="可行")
    other_idea = services.idea_create(actor=reporter, campaign=campaign, title="另一个")
    before = sorted(Suggestion.objects.values_list("pk", "idea_id"))
    response = client.post(url, {"merge_into": "1", "idea": other_idea.pk, "suggestion": [light.pk]})
    assert sorted(Suggestion.objects.values_list("pk", "idea_id")) == before  # an adopted idea keeps its residents
    assert "已评定" in client.get(response["Location"]).content.decode()
    foreign = services.campaign_create(actor=None, owner_unit=world.unit_b, title="别处", code="elsewhere",
                                       starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                       compounds=[world.compound_b])
    stranger = services.idea_create(actor=world.user("reporter_b"), campaign=foreign, title="别处的金点子")
    assert client.post(url, {"merge_into": "1", "idea": stranger.pk, "suggestion": [late.pk]}).status_code == 404
    assert sorted(Suggestion.objects.values_list("pk", "idea_id")) == before


def test_an_old_version_of_a_corrected_suggestion_is_not_merged(world, campaign):
    from jiceng.core.errors import DomainError

    reporter = world.user("reporter_a")
    first = services.suggestion_submit(actor=reporter, campaign=campaign, compound=world.compound_a,
                                       text="楼到灯坏了", channel="phone")
    newer = services.suggestion_correct(actor=reporter, suggestion=first, text="楼道灯坏了")
    with pytest.raises(DomainError, match="最新版本"):
        services.idea_create(actor=reporter, campaign=campaign, title="楼道照明", suggestions=[first])
    assert not selectors.ideas_of(campaign).exists()
    idea = services.idea_create(actor=reporter, campaign=campaign, title="楼道照明", suggestions=[newer])
    assert list(idea.suggestions.all()) == [newer]


def test_the_campaign_page_leads_to_its_report_and_public_board(client, world, campaign):
    client.force_login(world.user("reporter_a"))
    html = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert f'href="/ideas/campaigns/{campaign.pk}/report/"' in html
    assert f'href="/p/ideas/{campaign.code}/adopted/"' in html
    assert client.get(f"/ideas/campaigns/{campaign.pk}/report/").status_code == 200
    assert client.get(f"/p/ideas/{campaign.code}/adopted/").status_code == 200
