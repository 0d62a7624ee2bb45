import io

import pytest
from openpyxl import load_workbook

from jiceng.org import services
from jiceng.org.choices import DivisionKind as K
from jiceng.org.tests.factories import XSS


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.user("district_admin"))
    return client


@pytest.mark.django_db
def test_the_tree_shows_the_users_street_and_not_the_others(client, world):
    client.force_login(world.user("reporter_a"))
    html = client.get("/org/").content.decode()
    assert "工业路街道" in html
    assert "峡窝镇" not in html


@pytest.mark.django_db
def test_a_user_without_membership_sees_an_empty_state(client, world):
    client.force_login(world.user("nobody"))
    response = client.get("/org/")
    assert 'data-testid="empty-state"' in response.content.decode()


@pytest.mark.django_db
def test_the_tree_expands_a_node_through_an_htmx_fragment(client, world):
    client.force_login(world.user("reporter_a"))
    response = client.get(f"/org/divisions/{world.community_a.pk}/children/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "红旗花园小区" in html


@pytest.mark.django_db
def test_markup_in_names_is_shown_as_text_on_every_org_page(admin_client, world):
    for url in ["/org/", f"/org/divisions/{world.compound_a.pk}/", f"/org/divisions/{world.community_a.pk}/",
                "/org/compounds/", "/org/units/", f"/org/units/{world.committee_a.pk}/"]:
        html = admin_client.get(url).content.decode()
        assert XSS not in html, url


@pytest.mark.django_db
def test_a_compound_page_shows_its_history(admin_client, world):
    services.division_update(actor=None, division=world.compound_a, name="原铝厂家属院（新）")
    html = admin_client.get(f"/org/divisions/{world.compound_a.pk}/").content.decode()
    assert 'data-testid="history"' in html
    assert "org.division.updated" in html
    assert "原铝厂家属院（新）" in html


@pytest.mark.django_db
def test_the_compound_list_filters_by_street_and_unmanaged(admin_client, world):
    response = admin_client.get("/org/compounds/", {"street": world.street_a.pk, "unmanaged": "true"})
    names = [c.name for c in response.context["page_obj"]]
    assert names == [world.compound_a.name]


@pytest.mark.django_db
def test_the_compound_list_sorts_by_name_both_ways(admin_client, world):
    up = [c.name for c in admin_client.get("/org/compounds/", {"ordering": "name"}).context["page_obj"]]
    down = [c.name for c in admin_client.get("/org/compounds/", {"ordering": "-name"}).context["page_obj"]]
    assert up == sorted(up) and down == list(reversed(up))


@pytest.mark.django_db
def test_an_invalid_filter_shows_nothing_rather_than_everything(admin_client, world):
    response = admin_client.get("/org/compounds/", {"street": "abc"})
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == []


@pytest.mark.django_db
def test_the_compound_list_answers_htmx_with_the_table_only(admin_client, world):
    html = admin_client.get("/org/compounds/", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in html and 'data-testid="compound-table"' in html


@pytest.mark.django_db
def test_the_compound_export_is_a_real_workbook_with_the_filtered_rows(client, world):
    client.force_login(world.user("reporter_a"))
    response = client.get("/org/compounds/", {"format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("街道（镇）", "社区（村）", "楼院", "无主管")
    compounds = {row[2] for row in rows[1:]}
    assert compounds == {world.compound_a.name, world.managed_a.name}


@pytest.mark.django_db
def test_the_export_neutralises_names_that_look_like_formulas(admin_client, world):
    services.division_create(actor=None, parent=world.community_a, name="=HYPERLINK(\"http://x\")",
                             kind=K.COMPOUND)
    sheet = load_workbook(io.BytesIO(admin_client.get("/org/compounds/", {"format": "xlsx"}).content)).active
    cells = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "'=HYPERLINK(\"http://x\")" in cells


@pytest.mark.django_db
def test_the_compound_list_runs_a_constant_number_of_queries(admin_client, world, django_assert_max_num_queries):
    for i in range(60):
        services.division_create(actor=None, parent=world.community_b, name=f"楼院{i}", kind=K.COMPOUND,
                                 unmanaged=i % 2 == 0)
    admin_client.get("/")  # the first request after sign-in renews the session
    with django_assert_max_num_queries(10):
        response = admin_client.get("/org/compounds/")
    assert len(response.context["page_obj"]) == 50


@pytest.mark.django_db
def test_the_unit_list_runs_a_constant_number_of_queries(admin_client, world, django_assert_max_num_queries):
    from jiceng.org.choices import UnitKind

    for i in range(30):
        services.unit_create(actor=None, name=f"测试单位{i}", division=world.street_b, kind=UnitKind.DEPARTMENT)
    admin_client.get("/")
    with django_assert_max_num_queries(10):
        admin_client.get("/org/units/")


@pytest.mark.django_db
def test_a_division_page_runs_a_constant_number_of_queries(admin_client, world, django_assert_max_num_queries):
    for i in range(40):
        services.division_create(actor=None, parent=world.community_a, name=f"楼院{i}", kind=K.COMPOUND)
    admin_client.get("/")
    with django_assert_max_num_queries(12):
        admin_client.get(f"/org/divisions/{world.community_a.pk}/")


@pytest.mark.django_db
def test_an_admin_adds_a_compound_through_the_form(admin_client, world):
    response = admin_client.post(f"/org/divisions/{world.community_a.pk}/add/",
                                 {"name": "新建楼院", "kind": "compound", "unmanaged": "on"})
    assert response.status_code == 302
    assert world.community_a.children.filter(name="新建楼院", unmanaged=True).exists()


@pytest.mark.django_db
def test_the_add_form_shows_a_chinese_error_for_a_bad_code(admin_client, world):
    response = admin_client.post(f"/org/divisions/{world.community_a.pk}/add/",
                                 {"name": "新建楼院", "kind": "compound", "code": "abc"})
    assert response.status_code == 400
    assert "6、9 或 12 位数字" in response.content.decode()
    assert not world.community_a.children.filter(name="新建楼院").exists()


@pytest.mark.django_db
def test_archiving_a_community_with_compounds_explains_why_not(admin_client, world):
    response = admin_client.post(f"/org/divisions/{world.community_a.pk}/archive/", follow=True)
    assert "请先归档其下级区划" in response.content.decode()


@pytest.mark.django_db
def test_a_leader_sees_no_edit_buttons(client, world):
    client.force_login(world.user("district_leader"))
    html = client.get(f"/org/divisions/{world.community_a.pk}/").content.decode()
    assert "/edit/" not in html and "/archive/" not in html and "/add/" not in html
