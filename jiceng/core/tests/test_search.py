import pytest

from jiceng.core import search
from jiceng.core.models import SearchEntry
from jiceng.org import services
from jiceng.org.choices import DivisionKind as K


def test_two_character_words_are_indexed_even_inside_longer_words():
    tokens = search.tokens_for("小区停车场收费不合理")
    assert " 停车 " in tokens and " 收费 " in tokens and " 小区 " in tokens


def test_query_terms_segment_long_chinese_queries():
    assert set(search.query_terms("楼道灯坏了没人修")) >= {"楼道", "没人"}


def test_highlight_escapes_markup_and_marks_the_words():
    html = search.highlight("<b>停车</b>难", ["停车"])
    assert html == "&lt;b&gt;<mark>停车</mark>&lt;/b&gt;难"


def test_highlight_cuts_a_snippet_around_the_first_hit():
    text = "甲" * 300 + "停车" + "乙" * 300
    snippet = search.highlight(text, ["停车"], limit=60)
    assert "<mark>停车</mark>" in snippet and snippet.startswith("…") and len(snippet) < 120


@pytest.mark.django_db
def test_audited_changes_are_indexed_after_commit(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.division_create(actor=None, parent=world.community_a, name="停车场家属院", kind=K.COMPOUND)
    assert SearchEntry.objects.filter(title="停车场家属院").exists()


@pytest.mark.django_db
def test_a_two_character_word_finds_a_compound(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.division_create(actor=None, parent=world.community_a, name="停车场家属院", kind=K.COMPOUND)
    page = search.search_page(world.user("reporter_a"), "停车")
    assert [hit.title for hit in page] == ["<mark>停车</mark>场家属院"]


@pytest.mark.django_db
def test_search_respects_scope(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.division_create(actor=None, parent=world.community_b, name="停车场老院", kind=K.COMPOUND)
    assert list(search.search_page(world.user("reporter_a"), "停车")) == []
    assert len(search.search_page(world.user("reporter_b"), "停车")) == 1


@pytest.mark.django_db
def test_archived_records_leave_the_index(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.division_archive(actor=None, division=world.managed_a)
    assert not SearchEntry.objects.filter(object_id=str(world.managed_a.pk), object_type="org.division").exists()


@pytest.mark.django_db
def test_the_search_page_shows_highlighted_hits_and_an_empty_state(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.division_create(actor=None, parent=world.community_a, name="停车场家属院", kind=K.COMPOUND)
    client.force_login(world.user("reporter_a"))
    html = client.get("/core/search/", {"q": "停车"}).content.decode()
    assert "<mark>停车</mark>场家属院" in html
    assert 'data-testid="empty-state"' in client.get("/core/search/", {"q": "不存在的词语"}).content.decode()
