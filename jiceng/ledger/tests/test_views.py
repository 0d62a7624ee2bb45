import datetime as dt
import io
import json
import shutil
import subprocess

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from jiceng.ledger import services
from jiceng.ledger.models import Project
from jiceng.org.tests.factories import XSS

from .builders import xlsx
from .factories import TODAY, photo, report

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by make setup")


def _login(client, user):
    client.force_login(user)
    client.get("/")
    return client


def test_the_battle_map_shows_cells_and_escapes_names(client, lw):
    report(lw, lw.project_a, 1, 0.1)
    _login(client, lw.supervisor)
    html = client.get(f"/ledger/programmes/{lw.programme.pk}/map/").content.decode()
    assert 'data-testid="battle-map"' in html and "10%" in html and XSS not in html


def test_a_street_reporter_sees_only_its_projects_on_the_map(client, lw):
    _login(client, lw.reporter_a)
    html = client.get(f"/ledger/programmes/{lw.programme.pk}/map/").content.decode()
    assert "峡窝镇夜市建设" not in html
    assert client.get(f"/ledger/projects/{lw.project_b.pk}/").status_code == 404


def test_the_battle_map_runs_a_constant_number_of_queries(client, lw, django_assert_max_num_queries):
    for i in range(30):
        project = services.project_create(actor=None, programme=lw.programme, name=f"项目{i}",
                                          unit=lw.org.unit_b if i % 2 else lw.org.unit_a,
                                          planned_start=dt.date(2020, 1, 1), planned_end=dt.date(2020, 12, 31),
                                          today=TODAY)
        report(lw, project, 1, 0.1, user=lw.reporter_b if i % 2 else lw.reporter_a)
    _login(client, lw.supervisor)
    with django_assert_max_num_queries(10):
        response = client.get(f"/ledger/programmes/{lw.programme.pk}/map/")
    assert response.context["count"] == 32


@needs_poppler
def test_the_battle_map_prints_on_one_a3_landscape_sheet(client, lw, tmp_path):
    report(lw, lw.project_a, 1, 0.1)
    _login(client, lw.supervisor)
    response = client.get(f"/ledger/programmes/{lw.programme.pk}/map/", {"format": "pdf"})
    path = tmp_path / "map.pdf"
    path.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    assert "Pages:           1" in info and "1190.55 x 841.89" in info  # A3 landscape in points
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,  # noqa: S603,S607
                          check=True).stdout
    assert "挂图作战图" in text and "峡窝镇夜市建设" in text


def test_the_ledger_export_has_the_office_layout(client, lw):
    report(lw, lw.project_a, 2, 0.2)
    _login(client, lw.supervisor)
    sheet = load_workbook(io.BytesIO(client.get(f"/ledger/programmes/{lw.programme.pk}/map/",
                                                {"format": "xlsx"}).content)).active
    assert "台账" in sheet.cell(1, 1).value and "A1" in {str(r).split(":")[0] for r in sheet.merged_cells.ranges}
    assert sheet.cell(2, 9).value == "2020年1月"
    assert (sheet.cell(3, 9).value, sheet.cell(3, 10).value) == ("计划", "实际")
    names = [sheet.cell(r, 2).value for r in range(4, sheet.max_row + 1)]
    assert "峡窝镇夜市建设" in names and any(n.startswith("'") is False for n in names)


def test_a_reporter_files_from_a_phone_with_a_photo(client, lw):
    _login(client, lw.reporter_b)
    response = client.post(f"/ledger/projects/{lw.project_b.pk}/report/",
                           {"month": "2020-06-01", "actual": "35", "narrative": "完成摊位规划", "photos": [photo()]})
    assert response.status_code == 302
    assert float(lw.project_b.reports.get().actual) == pytest.approx(0.35)


def test_the_report_form_explains_a_refusal_in_chinese(client, lw):
    report(lw, lw.project_b, 3, 0.5)
    _login(client, lw.reporter_b)
    response = client.post(f"/ledger/projects/{lw.project_b.pk}/report/", {"month": "2020-04-01", "actual": "20"})
    assert response.status_code == 400 and "累计" in response.content.decode()


def test_another_units_report_page_is_forbidden(client, lw):
    _login(client, lw.reporter_a)
    assert client.get(f"/ledger/projects/{lw.project_b.pk}/report/").status_code == 403


def test_the_inbox_lists_what_to_report(client, lw):
    _login(client, lw.reporter_b)
    html = client.get("/ledger/inbox/").content.decode()
    assert "峡窝镇夜市建设" in html


def _notice(lw):
    for month, value in enumerate([0.0, 0.0, 0.02, 0.03, 0.05, 0.05], start=1):
        report(lw, lw.project_b, month, value)
    return services.notice_draft(actor=lw.supervisor, programme=lw.programme, year=2020, quarter=2,
                                 date=dt.date(2020, 7, 6), doc_number="上社治〔2020〕9号", today=TODAY)


@needs_poppler
def test_the_notice_pdf_reads_back_with_title_projects_and_page_number(client, lw, tmp_path):
    notice = _notice(lw)
    _login(client, lw.reporter_a)
    response = client.get(f"/ledger/notices/{notice.pk}/", {"format": "pdf"})
    path = tmp_path / "notice.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,  # noqa: S603,S607
                          check=True).stdout
    flat = text.replace("\n", "")
    assert "第二季度" in flat and "峡窝镇夜市建设" in flat and "— 1 —" in text and "中共测试区委办公室" in flat
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout  # noqa: S603,S607
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])


def test_the_notice_docx_reads_back(client, lw):
    from docx import Document

    notice = _notice(lw)
    _login(client, lw.supervisor)
    document = Document(io.BytesIO(client.get(f"/ledger/notices/{notice.pk}/", {"format": "docx"}).content))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert notice.title in text and "峡窝镇夜市建设" in text


@needs_poppler
def test_the_notice_command_prints_the_quarter(lw, tmp_path):
    _notice(lw)
    out = tmp_path / "q2.pdf"
    call_command("ledger_notice", "--programme", lw.programme.name, "--quarter", "2020Q2", "--out", str(out),
                 stdout=io.StringIO())
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(out), "-"], capture_output=True, text=True,  # noqa: S603,S607
                          check=True).stdout
    assert "峡窝镇夜市建设" in text.replace("\n", "")


def _ledger_file(unit_name="峡窝镇", progress="60%"):
    rows = [["2020年美丽人居建设项目推进台账"], ["序号", "项目名称", "责任单位", "责任人", "计划开始", "计划完成",
                                               "年度目标", "1月", None, "2月", None],
            [None, None, None, None, None, None, None, "计划", "实际", "计划", "实际"],
            [1, "峡窝镇夜市建设", unit_name, "张三", "2020年1月", "2020年12月", "建成夜市1处", "10%", "5%", "20%",
             progress],
            [2, "新项目", "工业路街道", "李四", "2020.3", "2020.12", "完成", None, None, None, None],
            ["合计", None, None, None, None, None, None, None, None, None, None]]
    merges = ["A1:K1", "H2:I2", "J2:K2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3"]
    return xlsx(rows, merges=merges)


def test_the_import_command_reads_writes_and_is_idempotent(lw, tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(_ledger_file())
    out = io.StringIO()
    call_command("ledger_import", str(path), "--programme", lw.programme.name, "--json", stdout=out)
    first = json.loads(out.getvalue())
    assert (first["created"], first["updated"], first["unchanged"]) == (1, 1, 0)
    assert float(lw.project_b.reports.get(month=dt.date(2020, 2, 1)).actual) == pytest.approx(0.6)
    out = io.StringIO()
    call_command("ledger_import", str(path), "--programme", lw.programme.name, "--json", stdout=out)
    again = json.loads(out.getvalue())
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)


def test_the_dry_run_lists_what_it_read_and_writes_nothing(lw, tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(_ledger_file())
    out = io.StringIO()
    call_command("ledger_import", str(path), "--programme", lw.programme.name, "--dry-run", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["projects"][0]["monthly"]["2020-02"] == {"plan": 0.2, "actual": 0.6}
    assert data["projects"][1]["planned_start"] == "2020-03"
    assert not Project.objects.filter(name="新项目").exists()


def test_a_bad_ledger_reports_row_and_column_and_writes_nothing(lw, tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(_ledger_file(unit_name="不存在的单位", progress="150%"))
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ledger_import", str(path), "--programme", lw.programme.name, "--json", stdout=out)
    data = json.loads(out.getvalue())
    located = {(e["row"], e["column"]) for e in data["errors"]}
    assert (4, "责任单位") in located and any(row == 4 and "2月" in column for row, column in located)
    assert not Project.objects.filter(name="新项目").exists()


def test_skipping_bad_rows_imports_the_rest(lw, tmp_path):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(_ledger_file(unit_name="不存在的单位"))
    out = io.StringIO()
    call_command("ledger_import", str(path), "--programme", lw.programme.name, "--skip-bad-rows", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["created"] == 1 and [s["row"] for s in data["skipped_rows"] if s["row"] == 4] == [4]


def test_a_hostile_file_is_refused_in_chinese(lw, tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(b"MZ\x90\x00" + bytes(500))
    with pytest.raises(CommandError, match="不是|程序"):
        call_command("ledger_import", str(path), "--programme", lw.programme.name, stdout=io.StringIO())


def test_the_import_page_shows_a_dry_run(client, lw):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _login(client, lw.supervisor)
    upload = SimpleUploadedFile("台账.xlsx", _ledger_file(), content_type="application/octet-stream")
    response = client.post(f"/ledger/programmes/{lw.programme.pk}/import/", {"file": upload, "preview": "1"})
    assert response.status_code == 200 and 'data-testid="import-result"' in response.content.decode()
    assert not Project.objects.filter(name="新项目").exists()


def test_the_spot_check_page_shows_what_is_left_to_visit_this_quarter(client, lw):
    from django.utils import timezone

    services.inspection_record(actor=lw.supervisor, project=lw.project_a, kind="quarterly",
                               date=timezone.localdate())
    _login(client, lw.supervisor)
    response = client.get(f"/ledger/programmes/{lw.programme.pk}/draw/")
    coverage = response.context["coverage"]
    assert (coverage["visited"], coverage["total"]) == (1, 2)
    assert [p.pk for p in coverage["unvisited"]] == [lw.project_b.pk]


def test_a_notice_is_drafted_into_the_bulletin_in_one_click(client, lw):
    from jiceng.bulletin import services as bulletin
    from jiceng.bulletin.models import Submission

    bulletin.series_create(actor=None, name="测试信息", office=lw.org.district_unit)
    notice = _notice(lw)
    _login(client, lw.supervisor)
    assert 'data-testid="draft-bulletin"' in client.get(f"/ledger/notices/{notice.pk}/").content.decode()
    response = client.post(f"/ledger/notices/{notice.pk}/draft/")
    submission = Submission.objects.get()
    assert response.status_code == 302 and submission.headline == notice.title
    assert submission.unit == lw.org.district_unit and submission.origin_type == "ledger.notice"
    assert "峡窝镇夜市建设" in submission.body and submission.status == "draft"


def test_a_reporter_of_a_street_cannot_draft_the_districts_notice(client, lw):
    from jiceng.bulletin import services as bulletin

    bulletin.series_create(actor=None, name="测试信息", office=lw.org.district_unit)
    notice = _notice(lw)
    _login(client, lw.reporter_a)
    assert client.post(f"/ledger/notices/{notice.pk}/draft/").status_code == 403
