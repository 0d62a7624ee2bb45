import datetime as dt

import pytest
from playwright.sync_api import expect

from e2e.conftest import login
from jiceng.ideas import services
from jiceng.org.choices import Role
from jiceng.org.services import membership_grant
from jiceng.org.tests.factories import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_a_resident_suggests_by_phone_staff_merge_evaluate_adopt_and_the_resident_sees_it(browser, live_server,
                                                                                          world):
    membership_grant(actor=None, user=world.user("reporter_a"), unit=world.unit_a, role=Role.WORK_GROUP)
    campaign = services.campaign_create(actor=None, owner_unit=world.unit_a, title="无主管楼院金点子征集",
                                        code="gyl-e2e", starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                        compounds=[world.compound_a])
    for text in ["3号楼楼道的灯不亮", "楼道灯坏了晚上摸黑"]:
        services.suggestion_submit(actor=world.user("reporter_a"), campaign=campaign, compound=world.compound_a,
                                   text=text, channel="visit")

    phone = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True).new_page()
    phone.goto(f"/p/ideas/{campaign.code}/{world.compound_a.pk}/")
    phone.get_by_label("您的建议").fill("楼道里的灯坏了好久了，晚上上楼看不见")
    phone.get_by_label("手机号（选填，仅用于工作人员回访）").fill("13812345678")
    question = phone.locator("label[for=id_answer]").inner_text()
    a, b = [int(ch) for ch in question if ch.isdigit()][:2]
    phone.get_by_label(question).fill(str(a + b))
    phone.wait_for_timeout(3200)  # a person takes a few seconds; the page refuses faster forms
    phone.get_by_test_id("send-suggestion").click()
    receipt = phone.get_by_test_id("receipt").inner_text().strip()
    assert len(receipt) == 8

    staff = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    login(staff, "reporter_a", PASSWORD)
    staff.goto(f"/ideas/campaigns/{campaign.pk}/")
    staff.get_by_test_id("suggest-groups").click()
    for box in staff.locator("input[name=suggestion]").all():
        box.check()
    staff.locator("#groups-title").fill("楼道照明改造")
    staff.get_by_test_id("groups-create-idea").click()
    expect(staff.get_by_test_id("object-title")).to_have_text("楼道照明改造")
    for key, value in (("feasibility", "9"), ("demand", "10"), ("cost", "7"), ("urgency", "8")):
        staff.locator(f"#score_{key}").fill(value)
    staff.get_by_test_id("evaluate").click()
    expect(staff.get_by_test_id("idea-status")).to_have_text("评定中")

    street = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    login(street, "admin_a", PASSWORD)
    street.goto(staff.url)
    street.get_by_test_id("decision-reason").fill("可行性强，群众需求迫切，纳入治理提升方案。")
    street.get_by_test_id("adopt-idea").click()
    expect(street.get_by_test_id("idea-status")).to_have_text("已采纳")

    phone.goto(f"/p/ideas/status/?receipt={receipt}")
    expect(phone.get_by_test_id("stage")).to_contain_text("已采纳")
    expect(phone.get_by_test_id("status-card")).to_contain_text("楼道照明改造")
    expect(phone.get_by_test_id("project-progress")).to_be_visible()
    assert "13812345678" not in phone.content()


@pytest.mark.django_db(transaction=True)
def test_staff_import_a_chat_group_export_after_a_dry_run(browser, live_server, world, tmp_path):
    from openpyxl import Workbook

    from jiceng.ideas.models import Suggestion

    membership_grant(actor=None, user=world.user("reporter_a"), unit=world.unit_a, role=Role.WORK_GROUP)
    campaign = services.campaign_create(actor=None, owner_unit=world.unit_a, title="无主管楼院金点子征集",
                                        code="gyl-e2e-import", starts_on=dt.date(2020, 5, 6),
                                        ends_on=dt.date(2020, 5, 31), compounds=[world.compound_a])
    book = Workbook()
    for row in (["原铝厂家属院居民群"], ["发送时间", "发言人", "发言内容", "手机"],
                [dt.datetime(2020, 5, 7, 20, 1), "老王", "楼道灯坏了好几个月了", "13812345678"],
                [dt.datetime(2020, 5, 7, 20, 2), "李姐", "[图片]", ""],
                [dt.datetime(2020, 5, 7, 20, 6), "赵叔", "院里停车太乱了", ""]):
        book.active.append(row)
    export = tmp_path / "群聊导出.xlsx"
    book.save(export)

    staff = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    login(staff, "reporter_a", PASSWORD)
    staff.goto(f"/ideas/campaigns/{campaign.pk}/")
    staff.get_by_test_id("import-link").click()
    staff.get_by_label("群聊导出或表格（.xlsx 或 .csv）").set_input_files(str(export))
    staff.get_by_label("未写楼院的行归入").select_option(str(world.compound_a.pk))
    staff.get_by_test_id("import-preview").click()
    result = staff.get_by_test_id("import-result")
    expect(result).to_contain_text("将录入 2 条建议")
    expect(result).to_contain_text("2020-05-07 20:01")
    assert "13812345678" not in staff.content() and not Suggestion.objects.exists()

    staff.get_by_label("群聊导出或表格（.xlsx 或 .csv）").set_input_files(str(export))
    staff.get_by_test_id("import-confirm").click()
    expect(staff.get_by_test_id("suggestions")).to_contain_text("院里停车太乱了")
    expect(staff.locator(".alert-success, .toast, [role=alert]").first).to_contain_text("已导入 2 条建议")
    assert Suggestion.objects.filter(campaign=campaign).count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_street_administrator_starts_a_campaign_and_sets_up_a_work_group(browser, live_server, world):
    from jiceng.ideas.models import Campaign

    admin = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    login(admin, "admin_a", PASSWORD)
    admin.goto("/ideas/")
    admin.get_by_test_id("new-campaign").click()
    if admin.locator("select[name=unit]").count():  # the administrator runs several units: choose the street's
        admin.locator("select[name=unit]").select_option(str(world.unit_a.pk))
        admin.get_by_role("button", name="下一步").click()
    admin.get_by_label("标题").fill("2021年无主管楼院金点子征集")
    admin.get_by_label("开始日期").fill("2021-04-01")
    admin.get_by_label("结束日期").fill("2021-03-01")  # a slip: before the start
    admin.get_by_label("红旗花园小区").check()
    admin.get_by_test_id("save-campaign").click()
    expect(admin.get_by_test_id("field-error").first).to_contain_text("结束日期不能早于开始日期")
    assert not Campaign.objects.exists()
    admin.get_by_label("结束日期").fill("2021-04-30")
    admin.get_by_label("红旗花园小区").check()
    admin.get_by_test_id("save-campaign").click()
    expect(admin.get_by_test_id("object-title")).to_contain_text("2021年无主管楼院金点子征集")
    form = admin.get_by_test_id("work-group-form")
    form.get_by_label("名称").fill("第一工作组")
    form.get_by_label("红旗花园小区").check()
    form.get_by_test_id("add-work-group").click()
    expect(admin.get_by_test_id("work-group")).to_contain_text("第一工作组")
    admin.get_by_placeholder("原因（选填）").first.fill("征集期满")
    admin.get_by_test_id("move-closed").click()
    expect(admin.get_by_test_id("campaign-status")).to_have_text("已截止")
    expect(admin.get_by_test_id("history")).to_contain_text("征集期满")
    campaign = Campaign.objects.get()
    assert campaign.status == "closed" and campaign.work_groups.get().name == "第一工作组"
