import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from e2e.conftest import login
from jiceng.ledger.tests.factories import build_ledger_world
from jiceng.org.tests.factories import PASSWORD


def _june_cell(page, project_name):
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=project_name))
    return row.locator("td").nth(6)  # the name, then January … June


@pytest.mark.django_db(transaction=True)
def test_a_late_report_changes_the_map_then_a_notice_opens_a_rectification_that_is_closed(browser, live_server,
                                                                                           world, tmp_path):
    lw = build_ledger_world(world)
    photo = tmp_path / "现场.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (80, 60), (30, 120, 30)).save(buffer, "JPEG")
    photo.write_bytes(buffer.getvalue())

    supervisor = browser.new_context(base_url=live_server.url, locale="zh-CN", accept_downloads=True).new_page()
    login(supervisor, "district_supervisor", PASSWORD)
    supervisor.goto(f"/ledger/programmes/{lw.programme.pk}/map/")
    expect(_june_cell(supervisor, "峡窝镇夜市建设")).to_have_attribute("data-light", "red")

    phone = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True).new_page()
    login(phone, "reporter_b", PASSWORD)
    phone.goto(f"/ledger/projects/{lw.project_b.pk}/")
    phone.get_by_test_id("file-report").click()
    phone.get_by_label("月份").select_option("2020-06-01")
    phone.get_by_label("累计完成进度（%）").fill("55")
    phone.get_by_label("本月完成情况").fill("完成摊位规划和商户招募。")
    phone.get_by_label("现场照片").set_input_files(str(photo))
    phone.get_by_test_id("submit-report").click()
    expect(phone.get_by_test_id("object-title")).to_have_text("峡窝镇夜市建设")
    expect(phone.locator("img.report-thumb")).to_have_count(1)

    supervisor.reload()
    expect(_june_cell(supervisor, "峡窝镇夜市建设")).not_to_have_attribute("data-light", "red")
    expect(_june_cell(supervisor, "峡窝镇夜市建设")).to_have_text("55%")

    supervisor.goto(f"/ledger/programmes/{lw.programme.pk}/notices/")
    supervisor.get_by_label("年份").fill("2020")
    supervisor.get_by_label("季度").select_option("2")
    supervisor.get_by_label("日期").fill("2020-07-06")
    supervisor.get_by_role("button", name="保存").click()
    expect(supervisor.get_by_test_id("object-title")).to_contain_text("第二季度")
    supervisor.get_by_test_id("issue-notice").click()
    expect(supervisor.get_by_test_id("notice-status")).to_have_text("已印发")

    phone.goto(f"/ledger/projects/{lw.project_a.pk}/")  # 工业路's project is not xiawo's
    assert "404" in phone.title() or phone.get_by_text("未找到").count() > 0
    login_a = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    login(login_a, "reporter_a", PASSWORD)
    login_a.goto(f"/ledger/projects/{lw.project_a.pk}/")
    login_a.get_by_test_id("rect-tab").click()
    login_a.get_by_test_id("rect-answer").fill("已制定整改方案，7月底前开工。")
    login_a.get_by_test_id("rect-respond").click()
    login_a.get_by_test_id("rect-tab").click()
    expect(login_a.get_by_test_id("rect-status")).to_have_text("已反馈")

    supervisor.goto(f"/ledger/projects/{lw.project_a.pk}/")
    supervisor.get_by_test_id("rect-tab").click()
    supervisor.get_by_test_id("rect-close").click()
    supervisor.get_by_test_id("rect-tab").click()
    expect(supervisor.get_by_test_id("rect-status")).to_have_text("已销号")
