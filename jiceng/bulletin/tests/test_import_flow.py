"""The importer behind the command and the upload page, and the round trip through our own PDF."""

import io
import json
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from jiceng.bulletin import render, selectors
from jiceng.bulletin.models import Issue, Item
from jiceng.core.models import AuditEvent

SEED = Path(__file__).resolve().parents[1] / "demo" / "seed_44.txt"
SHARED_SEED = Path(__file__).resolve().parents[4] / "shared" / "seed" / "000_e96fc6a9e15b0a79.txt"
needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by make setup")


def test_the_packaged_seed_is_the_shared_one():
    if SHARED_SEED.exists():
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def _json(*args):
    out = io.StringIO()
    call_command("bulletin_import", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_the_command_reads_the_seed_exactly():
    data = _json(str(SEED), "--dry-run")
    assert (data["series"], data["number"], data["office"], data["date"]) == ("上街信息", 44, "中共上街区委办公室",
                                                                             "2020-06-08")
    assert [(i["headline"], i["source"]) for i in data["items"]] == [
        ("弘扬劳动精神 争当出彩先锋 郑州圆方集团宣讲团走进上街区", None),
        ("峡窝镇下好夜间经济“先手棋”", "峡窝镇"),
        ("区委社治委挂图作战推进“美丽人居”建设", "区委社治委"),
        ("工业路街道征集无主管楼院治理提升“金点子”", "工业路街道"),
        ("济源路街道推进新时代文明实践站建设", "济源路街道"),
    ]
    bodies = [i["body"] for i in data["items"]]
    assert bodies[0].startswith("6月4日，我区举办“弘扬劳动精神 争当出彩先锋”宣讲报告会。")
    assert "公司6万员工" in bodies[0] and "126家医院" in bodies[0] and "实现了零感染的战绩" in bodies[0]
    assert bodies[1].endswith("及时协调垃圾清运公司或相关村、社区做好垃圾的清扫、清运和处置。")
    assert "对全区59个城乡社区开展" in bodies[2] and bodies[2].endswith("现已完成80%。")
    assert bodies[4].endswith("共建成新时代文明活动所1个、站9个。")
    assert data["warnings"] == []
    assert not Issue.objects.exists()


@pytest.mark.django_db
def test_importing_writes_a_published_issue_with_sources_matched_to_units(world):
    from jiceng.org import services as org_services
    from jiceng.org.choices import UnitKind

    org_services.unit_update(actor=None, unit=world.unit_b, short_name="峡窝镇")
    org_services.unit_create(actor=None, name="中共上街区委办公室", kind=UnitKind.PARTY_OFFICE,
                             division=world.district)
    call_command("bulletin_import", str(SEED), stdout=io.StringIO())
    issue = Issue.objects.get()
    assert (issue.series.name, issue.number, issue.year, issue.status, issue.imported) == ("上街信息", 44, 2020,
                                                                                          "published", True)
    items = list(selectors.items_of(issue))
    assert [i.position for i in items] == [1, 2, 3, 4, 5] and items[0].is_lead
    assert items[1].source_unit == world.unit_b and items[2].source_unit is None
    assert items[2].source_label == "区委社治委"
    assert AuditEvent.objects.filter(action="bulletin.item.imported").count() == 5


@pytest.mark.django_db
def test_importing_the_same_issue_twice_is_refused_and_writes_nothing(world):
    call_command("bulletin_import", str(SEED), stdout=io.StringIO())
    before = (Item.objects.count(), AuditEvent.objects.count())
    with pytest.raises(CommandError, match="已在档案中"):
        call_command("bulletin_import", str(SEED), stdout=io.StringIO())
    assert (Item.objects.count(), AuditEvent.objects.count()) == before


@pytest.mark.django_db
@pytest.mark.parametrize(("content", "message"), [
    (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "PDF"),
    (b"\x00\x01\x02binary junk" * 50, "既不是 PDF"),
    (b"", "必须识别出刊物名称"),
])
def test_bad_files_are_refused_with_a_chinese_message(tmp_path, content, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("bulletin_import", str(path), stdout=io.StringIO())
    assert not Issue.objects.exists()


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="nonexistent"):
        call_command("bulletin_import", "/nonexistent.txt", stdout=io.StringIO())


@needs_poppler
@pytest.mark.django_db
def test_round_trip_seed_to_pdf_to_text_gives_the_same_items(world, tmp_path):
    first = _json(str(SEED), "--dry-run")
    call_command("bulletin_import", str(SEED), stdout=io.StringIO())
    issue = Issue.objects.get()
    pdf = tmp_path / "44.pdf"
    pdf.write_bytes(render.render_pdf(render.issue_view(issue, selectors.items_of(issue))))
    again = _json(str(pdf), "--dry-run")
    assert again["items"] == first["items"]
    assert (again["series"], again["number"], again["office"], again["date"]) == (
        first["series"], first["number"], first["office"], first["date"])


@needs_poppler
@pytest.mark.django_db
def test_round_trip_of_an_issue_compiled_in_jiceng(bw, tmp_path):
    import datetime

    from jiceng.bulletin import services

    issue = services.issue_create(actor=bw.editor, series=bw.series, date=datetime.date(2021, 3, 5))
    services.item_add(actor=bw.editor, issue=issue, headline="我区召开 2021 年基层治理工作会议",
                      body="3月4日，我区召开2021年基层治理工作会议，总结2020年工作，部署2021年重点任务。\n"
                           "会议强调，要坚持党建引领，推进“美丽人居”建设提质增效。", is_lead=True)
    for n, (unit, headline) in enumerate([(bw.org.unit_b, "峡窝镇启动春季人居环境整治"),
                                          (bw.org.unit_a, "工业路街道举办“学雷锋”志愿服务活动")]):
        submission = services.submission_create(actor=bw.reporter_b if n == 0 else bw.reporter_a, series=bw.series,
                                                unit=unit, headline=headline,
                                                body=f"近日，{unit.short_name}组织干部群众120余人开展活动，"
                                                     "清理卫生死角35处，发放宣传资料800余份。")
        services.submission_submit(actor=submission.author, submission=submission)
        services.submission_adopt(actor=bw.editor, submission=submission, issue=issue)
    services.issue_publish(actor=bw.editor, issue=issue)
    pdf = tmp_path / "issue.pdf"
    pdf.write_bytes(render.render_pdf(render.issue_view(issue, selectors.items_of(issue))))
    data = _json(str(pdf), "--dry-run")
    assert (data["series"], data["number"], data["date"]) == ("测试信息", 1, "2021-03-05")
    assert [(i["headline"], i["source"]) for i in data["items"]] == [
        ("我区召开2021年基层治理工作会议", None), ("峡窝镇启动春季人居环境整治", "峡窝镇"),
        ("工业路街道举办“学雷锋”志愿服务活动", "工业路街道")]


@pytest.mark.django_db
def test_the_upload_page_previews_then_imports(client, world):
    client.force_login(world.user("district_editor"))
    with SEED.open("rb") as handle:
        response = client.post("/bulletin/import/", {"file": handle})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="import-preview"' in html and "峡窝镇下好夜间经济“先手棋”" in html
    assert not Issue.objects.exists()
    response = client.post("/bulletin/import/", {"confirm": "1"})
    assert response.status_code == 302 and Issue.objects.get().number == 44


@pytest.mark.django_db
def test_the_upload_page_refuses_a_renamed_binary(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.user("district_editor"))
    upload = SimpleUploadedFile("old.pdf", b"MZ\x90\x00\x03" + bytes(400), content_type="application/pdf")
    response = client.post("/bulletin/import/", {"file": upload})
    assert response.status_code == 400
    assert 'data-testid="import-error"' in response.content.decode()


@pytest.mark.django_db
def test_a_reporter_cannot_import(client, world):
    client.force_login(world.user("reporter_a"))
    assert client.get("/bulletin/import/").status_code == 403
