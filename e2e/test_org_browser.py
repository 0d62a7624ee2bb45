import re

import pytest
from playwright.sync_api import expect

from e2e.conftest import login
from jiceng.org import services
from jiceng.org.tests.factories import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_a_reporter_logs_in_opens_a_compound_and_sees_its_history(page, world):
    services.division_update(actor=world.user("district_admin"), division=world.compound_a, name="原铝厂三号家属院")
    login(page, "reporter_a", PASSWORD)
    expect(page.get_by_text("我的待办")).to_be_visible()
    page.get_by_role("link", name="楼院").first.click()
    expect(page.get_by_test_id("compound-table")).to_be_visible()
    expect(page.get_by_role("link", name="马固村老院")).to_have_count(0)
    page.get_by_role("link", name="原铝厂三号家属院").click()
    expect(page.get_by_test_id("object-title")).to_contain_text("原铝厂三号家属院")
    page.get_by_test_id("history-tab").click()
    history = page.get_by_test_id("history")
    expect(history).to_be_visible()
    expect(history).to_contain_text("修改区划")  # the action in words; its code stays in the event
    expect(history).to_contain_text("原铝厂三号家属院")


@pytest.mark.django_db(transaction=True)
def test_the_compound_filter_narrows_the_table_without_a_full_reload(page, world):
    login(page, "district_admin", PASSWORD)
    page.goto("/org/compounds/")
    expect(page.get_by_test_id("compound-table").locator("tbody tr")).to_have_count(3)
    page.get_by_label("街道（镇）").select_option(label="峡窝镇")
    expect(page.get_by_test_id("compound-table").locator("tbody tr")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"street="))


@pytest.mark.django_db(transaction=True)
def test_a_wrong_password_is_explained_in_chinese(page, world):
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill("reporter_a")
    page.get_by_label("密码").fill("wrong-password")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("login-error")).to_contain_text("用户名或密码错误")


@pytest.mark.django_db(transaction=True)
def test_the_tree_expands_a_street_in_place(page, world):
    login(page, "district_admin", PASSWORD)
    page.goto("/org/")
    page.get_by_test_id(f"expand-{world.street_a.pk}").click()
    page.get_by_test_id(f"expand-{world.community_a.pk}").click()
    expect(page.get_by_role("link", name="红旗花园小区")).to_be_visible()
