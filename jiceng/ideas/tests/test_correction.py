"""Correcting a suggestion makes a new version; the words first heard stay on record and the receipt keeps working."""

import datetime as dt

import pytest

from jiceng.core.errors import DomainError, PermissionDenied
from jiceng.core.models import AuditEvent
from jiceng.ideas import selectors, services
from jiceng.ideas.models import Suggestion
from jiceng.org.choices import Role
from jiceng.org.services import membership_grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard(world):
    membership_grant(actor=None, user=world.user("reporter_a"), unit=world.unit_a, role=Role.WORK_GROUP)
    campaign = services.campaign_create(actor=None, owner_unit=world.unit_a, title="金点子征集", code="gyl-fix",
                                        starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                        compounds=[world.compound_a])
    suggestion = services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign,
                                            compound=world.compound_a, text="楼到灯坏了", channel="phone",
                                            name="王五", phone="13812345678")
    services.suggestion_categorise(actor=world.user("reporter_a"), suggestion=suggestion, category="基础设施")
    idea = services.idea_create(actor=world.user("reporter_a"), campaign=campaign, title="楼道照明",
                                suggestions=[suggestion])
    return campaign, Suggestion.objects.get(pk=suggestion.pk), idea


def test_a_correction_is_a_new_version_that_takes_over_the_idea(world, heard):
    campaign, first, idea = heard
    correction = services.suggestion_correct(actor=world.user("reporter_a"), suggestion=first, text="楼道灯坏了")
    first.refresh_from_db()
    assert first.text == "楼到灯坏了" and first.idea_id is None
    assert correction.supersedes_id == first.pk and correction.idea_id == idea.pk
    assert correction.category == "基础设施" and correction.phone == "13812345678"
    assert [s.pk for s in selectors.suggestions_of(campaign)] == [correction.pk]
    assert selectors.ideas_of(campaign).get().residents == 1
    assert [v.text for v in selectors.suggestion_versions(correction)] == ["楼到灯坏了", "楼道灯坏了"]
    assert [v.pk for v in selectors.suggestion_versions(first)] == [first.pk, correction.pk]
    event = AuditEvent.objects.filter(action="ideas.suggestion.corrected").get()
    assert event.changes["text"] == ["楼到灯坏了", "楼道灯坏了"] and event.payload == {"correction": correction.pk}


def test_the_residents_receipt_follows_the_newest_version(world, heard):
    _campaign, first, idea = heard
    services.suggestion_correct(actor=world.user("reporter_a"), suggestion=first, text="楼道灯坏了")
    status = selectors.public_status(first.receipt)
    assert status.receipt == first.receipt and status.idea_title == idea.title and status.stage == "merged"


def test_only_the_newest_version_and_only_new_words(world, heard):
    _campaign, first, _idea = heard
    actor = world.user("reporter_a")
    with pytest.raises(DomainError, match="相同|same"):
        services.suggestion_correct(actor=actor, suggestion=first, text=" 楼到灯坏了 ")
    services.suggestion_correct(actor=actor, suggestion=first, text="楼道灯坏了")
    before = Suggestion.objects.count()
    with pytest.raises(DomainError) as refused:
        services.suggestion_correct(actor=actor, suggestion=first, text="楼道里的灯坏了")
    assert refused.value.code == "superseded"
    with pytest.raises(DomainError) as short:
        services.suggestion_correct(actor=actor, suggestion=Suggestion.objects.latest("pk"), text="灯")
    assert short.value.code == "too_short"
    assert Suggestion.objects.count() == before


def test_a_leader_cannot_correct(world, heard):
    _campaign, first, _idea = heard
    with pytest.raises(PermissionDenied):
        services.suggestion_correct(actor=world.user("leader_a"), suggestion=first, text="楼道灯坏了")
    assert not Suggestion.objects.filter(supersedes=first).exists()


def test_the_correction_page(client, world, heard):
    campaign, first, _idea = heard
    client.force_login(world.user("reporter_a"))
    page = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert f"/ideas/suggestions/{first.pk}/correct/" in page
    form = client.get(f"/ideas/suggestions/{first.pk}/correct/")
    assert form.status_code == 200 and "楼到灯坏了" in form.content.decode()
    same = client.post(f"/ideas/suggestions/{first.pk}/correct/", {"text": "楼到灯坏了"})
    assert same.status_code == 400 and "相同" in same.content.decode()
    done = client.post(f"/ideas/suggestions/{first.pk}/correct/", {"text": "楼道灯坏了"})
    assert done.status_code == 302
    correction = Suggestion.objects.get(supersedes=first)
    page = client.get(f"/ideas/campaigns/{campaign.pk}/").content.decode()
    assert "楼道灯坏了" in page and "楼到灯坏了" not in page and "已更正" in page
    old = client.get(f"/ideas/suggestions/{first.pk}/correct/").content.decode()
    assert f"/ideas/suggestions/{correction.pk}/correct/" in old and "<textarea" not in old
