import datetime
import io
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from jiceng.bulletin import services
from jiceng.bulletin.choices import SubmissionStatus
from jiceng.org.tests.factories import XSS

from .factories import submitted

pytestmark = pytest.mark.django_db


def _login(client, user):
    client.force_login(user)
    client.get("/")
    return client


def test_a_reporter_submits_through_the_page(client, bw):
    _login(client, bw.reporter_b)
    response = client.post("/bulletin/submissions/new/", {"series": bw.series.pk, "unit": bw.org.unit_b.pk,
                                                          "headline": "峡窝镇开展夜市巡查", "body": "正文。",
                                                          "submit": "1"})
    assert response.status_code == 302
    submission = bw.series.submissions.get()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_the_form_refuses_a_unit_the_reporter_does_not_belong_to(client, bw):
    _login(client, bw.reporter_b)
    response = client.post("/bulletin/submissions/new/", {"series": bw.series.pk, "unit": bw.org.unit_a.pk,
                                                          "headline": "越权", "body": "正文"})
    assert response.status_code == 400
    assert not bw.series.submissions.exists()


def test_a_leader_has_no_submission_form(client, bw):
    _login(client, bw.org.user("district_leader"))
    assert client.get("/bulletin/submissions/new/").status_code == 403


def test_another_units_submission_is_not_found(client, bw):
    submission = submitted(bw)
    _login(client, bw.reporter_a)
    assert client.get(f"/bulletin/submissions/{submission.pk}/").status_code == 404
    assert client.post(f"/bulletin/submissions/{submission.pk}/submit/").status_code == 403


def test_a_draft_stays_invisible_to_the_editors(client, bw):
    draft = services.submission_create(actor=bw.reporter_b, series=bw.series, unit=bw.org.unit_b, headline="草稿",
                                       body="x")
    _login(client, bw.editor)
    assert client.get(f"/bulletin/submissions/{draft.pk}/").status_code == 404


def test_the_editor_returns_a_submission_with_a_reason(client, bw):
    submission = submitted(bw)
    _login(client, bw.editor)
    client.post(f"/bulletin/submissions/{submission.pk}/return/", {"reason": "请补充数据"})
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED and submission.return_reason == "请补充数据"


def test_a_refused_action_shows_a_chinese_message(client, bw):
    submission = submitted(bw)
    _login(client, bw.editor)
    response = client.post(f"/bulletin/submissions/{submission.pk}/return/", {"reason": ""}, follow=True)
    assert "请说明需要修改的内容" in response.content.decode()


def test_pages_escape_markup_in_headlines(client, bw):
    submission = submitted(bw)
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    services.submission_adopt(actor=bw.editor, submission=submission, issue=issue)
    _login(client, bw.editor)
    for url in ["/bulletin/", "/bulletin/submissions/", f"/bulletin/submissions/{submission.pk}/",
                f"/bulletin/issues/{issue.pk}/", "/bulletin/issues/"]:
        assert XSS not in client.get(url).content.decode(), url


def test_the_submission_list_runs_a_constant_number_of_queries(client, bw, django_assert_max_num_queries):
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    for i in range(30):
        s = submitted(bw, headline=f"信息{i}")
        if i % 3 == 0:
            services.submission_adopt(actor=bw.editor, submission=s, issue=issue)
    _login(client, bw.editor)
    with django_assert_max_num_queries(10):
        response = client.get("/bulletin/submissions/")
    assert len(response.context["page_obj"]) == 30


def test_the_issue_list_runs_a_constant_number_of_queries(client, bw, django_assert_max_num_queries):
    for day in range(1, 25):
        issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, day))
        services.item_add(actor=bw.editor, issue=issue, headline="头条", body="正文", is_lead=True)
    _login(client, bw.reporter_a)
    with django_assert_max_num_queries(10):
        client.get("/bulletin/issues/")


def test_a_draft_issue_is_visible_only_to_its_editors(client, bw):
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    _login(client, bw.reporter_b)
    assert client.get(f"/bulletin/issues/{issue.pk}/").status_code == 404
    assert client.get(f"/bulletin/issues/{issue.pk}/download.pdf").status_code == 404


def test_the_submission_export_is_a_workbook(client, bw):
    submitted(bw, headline="=HYPERLINK(\"http://x\")")
    _login(client, bw.editor)
    response = client.get("/bulletin/submissions/", {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(2, 3).value.startswith("'=")


def _published(bw):
    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2020, 6, 8))
    services.item_add(actor=bw.editor, issue=issue, headline="我区召开推进会", body="6月4日，我区召开推进会。",
                      is_lead=True)
    services.submission_adopt(actor=bw.editor, submission=submitted(bw, headline="峡窝镇下好夜间经济“先手棋”",
                                                                    body="一是打造招牌。"), issue=issue)
    return services.issue_publish(actor=bw.editor, issue=issue)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by make setup")
def test_the_issue_pdf_reads_back_with_masthead_source_and_page_number(client, bw, tmp_path):
    issue = _published(bw)
    _login(client, bw.reporter_a)
    response = client.get(f"/bulletin/issues/{issue.pk}/download.pdf")
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "issue.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,  # noqa: S603,S607
                          check=True).stdout
    assert "测试信息" in text and "第1期" in text.replace(" ", "") and "中共测试区委办公室" in text
    assert "2020年6月8日" in text
    assert "（峡窝镇）" in text and "— 1 —" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("yes" == row[-5] for row in rows)


def test_the_issue_docx_holds_masthead_and_items(client, bw):
    from docx import Document

    issue = _published(bw)
    _login(client, bw.reporter_a)
    response = client.get(f"/bulletin/issues/{issue.pk}/download.docx")
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "测试信息" in text and "第 1 期" in text and "峡窝镇下好夜间经济“先手棋”" in text and "（峡窝镇）" in text


def test_the_statistics_page_ranks_units_and_exports(client, bw):
    _published(bw)
    _login(client, bw.editor)
    response = client.get("/bulletin/statistics/", {"series": bw.series.pk, "start": "2020-01-01",
                                                    "end": "2026-12-31"})
    rows = response.context["rows"]
    assert rows[0].unit == bw.org.unit_b and rows[0].adopted == 1
    xlsx = client.get("/bulletin/statistics/", {"series": bw.series.pk, "start": "2020-01-01", "end": "2026-12-31",
                                                "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet.cell(2, 2).value == "峡窝镇"
    pdf = client.get("/bulletin/statistics/", {"series": bw.series.pk, "start": "2020-01-01", "end": "2026-12-31",
                                               "format": "pdf"})
    assert pdf.content.startswith(b"%PDF")


def test_statistics_refuse_a_period_that_ends_before_it_starts(client, bw):
    _login(client, bw.editor)
    response = client.get("/bulletin/statistics/", {"series": bw.series.pk, "start": "2020-12-01",
                                                    "end": "2020-01-01"})
    assert "结束日期早于开始日期" in response.content.decode()


def test_published_items_are_found_by_a_two_character_word(client, bw, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _published(bw)
    _login(client, bw.reporter_a)
    html = client.get("/core/search/", {"q": "夜间"}).content.decode()
    assert "<mark>夜间</mark>" in html


def test_an_operator_changes_a_scoring_rule_in_the_admin_and_it_is_audited(client, bw):
    from jiceng.bulletin.choices import ScoreKey
    from jiceng.core.models import AuditEvent
    from jiceng.org.tests.factories import UserFactory

    operator = UserFactory(username="ops", is_superuser=True, is_staff=True)
    client.force_login(operator)
    url = f"/admin/bulletin/series/{bw.series.pk}/change/"
    form = client.get(url).context["adminform"].form
    inline = client.get(url).context["inline_admin_formsets"][0].formset
    data = {"_save": "1", **{k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}}
    count = str(len(inline.forms))
    data.update({f"{inline.prefix}-TOTAL_FORMS": count, f"{inline.prefix}-INITIAL_FORMS": count,
                 f"{inline.prefix}-MIN_NUM_FORMS": "0", f"{inline.prefix}-MAX_NUM_FORMS": "1000"})
    for index, rule_form in enumerate(inline.forms):
        rule = rule_form.instance
        data[f"{inline.prefix}-{index}-id"] = str(rule.pk)
        data[f"{inline.prefix}-{index}-series"] = str(bw.series.pk)
        data[f"{inline.prefix}-{index}-points"] = "8" if rule.key == ScoreKey.ADOPTED_LEAD else str(rule.points)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert bw.series.scoring_rules.get(key=ScoreKey.ADOPTED_LEAD).points == 8
    assert AuditEvent.objects.filter(action="bulletin.scoring_rule.set").count() == 1
