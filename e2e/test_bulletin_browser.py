import subprocess

import pytest
from playwright.sync_api import expect

from e2e.conftest import login
from jiceng.bulletin.tests.factories import build_bulletin_world
from jiceng.org.tests.factories import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_a_reporter_submits_an_editor_adopts_publishes_and_prints(browser, live_server, world, tmp_path):
    build_bulletin_world(world)

    reporter = browser.new_context(base_url=live_server.url, locale="zh-CN").new_page()
    login(reporter, "reporter_b", PASSWORD)
    reporter.goto("/bulletin/")
    reporter.get_by_test_id("new-submission").click()
    reporter.get_by_label("标题").fill("峡窝镇夜市开市首周客流超三万人次")
    reporter.get_by_label("正文").fill("6月12日，峡窝镇特色夜市正式开市，首周接待群众三万余人次。")
    reporter.get_by_test_id("submit-now").click()
    expect(reporter.get_by_test_id("status")).to_have_text("已报送")
    reporter.context.close()

    editor = browser.new_context(base_url=live_server.url, locale="zh-CN", accept_downloads=True).new_page()
    login(editor, "district_editor", PASSWORD)
    editor.goto("/bulletin/issues/")
    editor.get_by_test_id("new-issue").click()
    editor.get_by_role("button", name="保存").click()
    expect(editor.get_by_test_id("issue-status")).to_have_text("编辑中")
    editor.goto("/bulletin/")
    editor.get_by_role("link", name="峡窝镇夜市开市首周客流超三万人次").click()
    editor.locator("#id_body").fill("6月12日，峡窝镇特色夜市正式开市。开市首周，累计接待群众三万余人次。")
    editor.get_by_test_id("save-edit").click()
    expect(editor.get_by_test_id("edited-body")).to_contain_text("累计接待群众")
    editor.get_by_test_id("adopt").click()
    expect(editor.get_by_test_id("status")).to_have_text("已采用")
    editor.get_by_test_id("printed-in").click()
    editor.get_by_test_id("publish").click()
    expect(editor.get_by_test_id("issue-status")).to_have_text("已印发")
    with editor.expect_download() as download_info:
        editor.get_by_test_id("download-pdf").click()
    pdf = tmp_path / "issue.pdf"
    download_info.value.save_as(pdf)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,  # noqa: S603,S607
                          check=True).stdout
    assert "测试信息" in text and "（峡窝镇）" in text and "— 1 —" in text
    assert "累计接待群众" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    editor.context.close()
