"""The document service: real PDF and Word files, read back with poppler and python-docx."""

import dataclasses
import http.server
import io
import re
import shutil
import subprocess
import threading
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from docx import Document as read_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from jiceng.core.documents import (
    Heading,
    OfficialDocument,
    Paragraph,
    Table,
    docx_font_name,
    format_date,
    html_to_pdf,
    render_docx,
    render_html,
    render_pdf,
    resolve_fonts,
)
from jiceng.core.errors import DomainError

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
HAS_NOTO = (NOTO_DIR / "NotoSerifCJK-Regular.ttc").is_file()
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")
pytestmark = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed")

BODY = "为深入贯彻落实区委关于“美丽人居”建设的决策部署，各街道、镇认真组织实施，现将2020年第二季度进度通报如下。"
MARKUP_TITLE = "关于<script>alert(1)</script>和</p>的通报"


def quarterly_notice(**changes) -> OfficialDocument:
    """The ledger's quarterly notice, long enough for at least three A4 pages."""
    blocks = []
    for number in ("一", "二", "三"):
        blocks += [Heading(1, f"{number}、总体情况"), Heading(2, "（一）推进情况")]
        blocks += [Paragraph(BODY * 3) for _ in range(4)]
        if number == "二":
            blocks.append(
                Table(
                    headers=["单位", "计划任务", "已完成", "完成率"],
                    rows=[["济源路街道", 12, 9, "75%"], ["中心路街道", 10, 10, "100%"], ["峡窝镇", 8, None, "0%"]],
                    widths=[3, 2, 2, 2],
                )
            )
    notice = OfficialDocument(
        issuer="中共上街区委社会治理委员会",
        doc_number="上社治〔2020〕3号",
        title="关于2020年第二季度“美丽人居”建设进度的通报",
        recipients="各街道办事处、镇人民政府：",
        blocks=blocks,
        signature="中共上街区委社会治理委员会",
        date=date(2020, 6, 8),
        distribution=[("抄送", "区委办公室、区政府办公室。"), ("印发", "中共上街区委社会治理委员会办公室")],
    )
    return dataclasses.replace(notice, **changes)


def poppler(tool: str, path: Path, *args: str) -> str:
    """Run a poppler tool on a PDF and return what it prints (pdftotext is told to print, not write a file)."""
    command = [tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table as rows of {column: value}, cut at the column rules it prints under the header."""
    header, rule, *lines = poppler("pdffonts", path).splitlines()
    spans = [match.span() for match in re.finditer(r"-+", rule)]
    names = [header[start:end].strip() or f"column{index}" for index, (start, end) in enumerate(spans)]
    spans[-1] = (spans[-1][0], None)
    return [{name: line[start:end].strip() for name, (start, end) in zip(names, spans, strict=True)} for line in lines]


def squeeze(text: str) -> str:
    """Text without whitespace, so words pdftotext wrapped over two lines still match."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def notice_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "notice.pdf"
    path.write_bytes(render_pdf(quarterly_notice()))
    return path


@pytest.fixture(scope="module")
def notice_text(notice_pdf) -> str:
    return poppler("pdftotext", notice_pdf, "-enc", "UTF-8")


@pytest.fixture(scope="module")
def notice_docx():
    return read_docx(io.BytesIO(render_docx(quarterly_notice())))


# PDF


def test_the_notice_fills_at_least_three_pages(notice_pdf):
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", notice_pdf)).group(1))

    assert pages >= 3


def test_the_pdf_prints_the_title(notice_text):
    assert "关于2020年第二季度“美丽人居”建设进度的通报" in squeeze(notice_text)


def test_the_pdf_prints_the_headings(notice_text):
    assert "一、总体情况" in notice_text and "（一）推进情况" in notice_text


def test_the_pdf_prints_the_table_cells(notice_text):
    assert "济源路街道" in notice_text and "100%" in notice_text


def test_the_pdf_numbers_pages_with_dashes(notice_text):
    assert "— 1 —" in notice_text and "— 2 —" in notice_text


def test_the_pdf_writes_the_date_without_leading_zeros(notice_text):
    assert "2020年6月8日" in notice_text


def test_odd_page_numbers_sit_right_and_even_ones_left(notice_pdf):
    def number_x(page: int) -> float:
        boxes = poppler("pdftotext", notice_pdf, "-bbox", "-f", str(page), "-l", str(page))
        return float(re.search(rf'<word xMin="([\d.]+)"[^>]*>{page}</word>', boxes).group(1))

    middle = 595.28 / 2
    assert number_x(1) > middle and number_x(2) < middle


def test_the_pdf_uses_every_role_font_it_needs(notice_pdf):
    names = {font["name"].split("+")[-1] for font in pdf_fonts(notice_pdf)}

    assert {"jiceng-fang", "jiceng-xbs", "jiceng-hei", "jiceng-kai", "jiceng-song"} <= names


def test_the_pdf_embeds_all_its_fonts(notice_pdf):
    fonts = pdf_fonts(notice_pdf)

    assert fonts and all(font["emb"] == "yes" for font in fonts), fonts


def test_the_pdf_has_no_type_3_fonts(notice_pdf):
    assert not [font for font in pdf_fonts(notice_pdf) if font["type"].startswith("Type 3")]


def test_markup_in_user_text_prints_literally(tmp_path):
    path = tmp_path / "markup.pdf"
    path.write_bytes(render_pdf(OfficialDocument(title=MARKUP_TITLE, blocks=[Paragraph("<b>粗</b> & <i>")])))

    text = squeeze(poppler("pdftotext", path, "-enc", "UTF-8"))

    assert MARKUP_TITLE in text and "<b>粗</b>&<i>" in text


def test_the_html_escapes_markup_in_user_text():
    html = render_html(OfficialDocument(title=MARKUP_TITLE, blocks=[Heading(1, "</h2><script>x()</script>")]))

    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_an_a3_landscape_document_has_a3_landscape_pages(tmp_path):
    path = tmp_path / "a3.pdf"
    path.write_bytes(render_pdf(quarterly_notice(page="A3-landscape")))

    assert re.search(r"Page size:\s+1190\.55 x 841\.89 pts", poppler("pdfinfo", path))


def test_an_a4_document_has_a4_portrait_pages(notice_pdf):
    assert re.search(r"Page size:\s+595\.2\d* x 841\.89 pts", poppler("pdfinfo", notice_pdf))


def test_documents_never_fetch_from_the_network():
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}"
        html_to_pdf(f'<html lang="zh-CN"><head><link rel="stylesheet" href="{url}/a.css"></head>'
                    f'<body><img src="{url}/x.png"><p>正文</p></body></html>')
    finally:
        server.shutdown()
        server.server_close()

    assert requests == []


def test_documents_do_not_read_files_outside_the_allowed_folders(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "notes.css").write_text("p::after { content: 'LEAKED'; }")
    html = f'<html lang="zh-CN"><head><link rel="stylesheet" href="{(secret / "notes.css").as_uri()}"></head>'
    path = tmp_path / "local.pdf"
    path.write_bytes(html_to_pdf(html + "<body><p>正文</p></body></html>"))

    assert "LEAKED" not in poppler("pdftotext", path, "-enc", "UTF-8")


def test_an_unknown_page_format_is_refused():
    with pytest.raises(ValueError, match="A5"):
        OfficialDocument(title="通报", page="A5")


def test_a_table_row_with_the_wrong_number_of_cells_is_refused():
    with pytest.raises(ValueError, match="row 1"):
        Table(headers=["单位", "完成率"], rows=[["济源路街道"]])


def test_dates_are_written_with_arabic_numerals_and_no_leading_zeros():
    assert format_date(date(2020, 6, 8)) == "2020年6月8日"


# DOCX


def body_texts(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def test_the_docx_holds_the_title_and_recipients(notice_docx):
    texts = body_texts(notice_docx)

    assert "关于2020年第二季度“美丽人居”建设进度的通报" in texts and "各街道办事处、镇人民政府：" in texts


def test_the_docx_holds_the_body_paragraphs(notice_docx):
    assert body_texts(notice_docx).count(BODY * 3) == 12


def test_the_docx_holds_the_headings_in_their_fonts(notice_docx):
    heading = next(p for p in notice_docx.paragraphs if p.text == "一、总体情况")

    assert heading.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == docx_font_name("hei")


def test_the_docx_holds_the_table_cells(notice_docx):
    table = notice_docx.tables[0]

    assert [cell.text for cell in table.rows[1].cells] == ["济源路街道", "12", "9", "75%"]


def test_the_docx_repeats_the_table_header_on_each_page(notice_docx):
    assert notice_docx.tables[0].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_body_runs_name_the_east_asian_font(notice_docx):
    body = next(p for p in notice_docx.paragraphs if p.text == BODY * 3)

    assert body.runs[0]._element.rPr.rFonts.get(qn("w:eastAsia")) == docx_font_name("fang") == "仿宋_GB2312"


def test_body_paragraphs_are_16_points_with_a_two_character_indent(notice_docx):
    body = next(p for p in notice_docx.paragraphs if p.text == BODY * 3)
    indent = body._p.pPr.ind

    assert body.runs[0].font.size.pt == 16 and indent.get(qn("w:firstLineChars")) == "200"


def test_the_docx_has_the_gbt_9704_margins(notice_docx):
    section = notice_docx.sections[0]
    margins = [section.top_margin, section.bottom_margin, section.left_margin, section.right_margin]

    assert [round(margin.mm) for margin in margins] == [37, 35, 28, 26]


def test_the_docx_page_is_a4(notice_docx):
    section = notice_docx.sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_docx_footers_hold_a_page_field(notice_docx):
    section = notice_docx.sections[0]

    for footer in (section.footer, section.even_page_footer):
        instructions = [element.text.strip() for element in footer._element.iter(qn("w:instrText"))]
        assert instructions == ["PAGE"] and footer.paragraphs[0].text == "— 1 —"


def test_odd_page_numbers_are_right_aligned_and_even_ones_left(notice_docx):
    section = notice_docx.sections[0]

    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]

    assert (odd.alignment, even.alignment) == (WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT)


def test_the_docx_sets_different_odd_and_even_footers(notice_docx):
    assert notice_docx.settings.element.find(qn("w:evenAndOddHeaders")) is not None


def test_the_docx_keeps_markup_in_user_text_literally():
    document = read_docx(io.BytesIO(render_docx(OfficialDocument(title=MARKUP_TITLE))))

    assert MARKUP_TITLE in body_texts(document)


def test_the_docx_writes_the_signature_date_in_full(notice_docx):
    assert "2020年6月8日" in body_texts(notice_docx)


def test_an_a3_landscape_docx_is_landscape():
    document = read_docx(io.BytesIO(render_docx(quarterly_notice(page="A3-landscape"))))
    section = document.sections[0]

    assert (round(section.page_width.mm), round(section.page_height.mm)) == (420, 297)


def test_the_docx_font_names_follow_the_setting(settings):
    settings.JICENG_DOCX_FONT_NAMES = {"fang": "仿宋"}

    assert docx_font_name("fang") == "仿宋" and docx_font_name("hei") == "黑体"


# Fonts


@pytest.mark.skipif(
    not (Path(django_settings.BASE_DIR) / "var" / "fonts" / "FandolFang-Regular.otf").is_file(),
    reason="the Fandol fonts are not in var/fonts (run `make fonts`)",
)
def test_fandol_fills_the_roles_when_make_fonts_has_run():
    fonts = resolve_fonts()

    assert fonts["fang"].path.name == "FandolFang-Regular.otf" and fonts["xbs"].path.name == "FandolSong-Bold.otf"


@pytest.mark.skipif(not HAS_NOTO, reason="fonts-noto-cjk is not installed")
def test_noto_stands_in_when_the_font_folders_hold_no_fandol(settings, tmp_path):
    settings.JICENG_FONT_DIRS = [tmp_path, Path("/usr/share/fonts")]

    fonts = resolve_fonts()

    assert {role: font.path.name for role, font in fonts.items() if role in ("fang", "hei", "xbs")} == {
        "fang": "NotoSerifCJK-Regular.ttc",
        "hei": "NotoSansCJK-Regular.ttc",
        "xbs": "NotoSerifCJK-Bold.ttc",
    }


@pytest.mark.skipif(not HAS_NOTO, reason="fonts-noto-cjk is not installed")
def test_a_pdf_printed_with_noto_embeds_it(settings, tmp_path):
    settings.JICENG_FONT_DIRS = [tmp_path / "empty", NOTO_DIR]
    path = tmp_path / "noto.pdf"
    path.write_bytes(render_pdf(OfficialDocument(title="通报", blocks=[Heading(1, "一、总体"), Paragraph("正文")])))

    fonts = poppler("pdffonts", path)

    assert "jiceng-fang" in fonts and "jiceng-xbs" in fonts and "Type 3" not in fonts


def test_a_font_file_named_in_settings_fills_its_role(settings):
    kai = resolve_fonts()["kai"].path
    settings.JICENG_FONTS = {"fang": str(kai)}

    font = resolve_fonts()["fang"]

    assert (font.path, font.source) == (kai, "setting")


def test_a_missing_font_file_named_in_settings_is_an_error(settings, tmp_path):
    settings.JICENG_FONTS = {"fang": str(tmp_path / "仿宋_GB2312.ttf")}

    with pytest.raises(DomainError) as error:
        resolve_fonts()

    assert error.value.code == "font_file_missing"


def test_an_unknown_role_in_the_font_setting_is_an_error(settings):
    settings.JICENG_FONTS = {"fangsong": "/srv/fonts/fs.ttf"}

    with pytest.raises(DomainError) as error:
        resolve_fonts()

    assert error.value.code == "font_role_unknown"


def test_no_chinese_font_at_all_is_a_clear_error(settings, tmp_path):
    settings.JICENG_FONT_DIRS = [tmp_path]
    settings.JICENG_FONTS = {}

    with pytest.raises(DomainError) as error:
        resolve_fonts()

    assert error.value.code == "fonts_missing" and str(tmp_path) in str(error.value.message)


def test_printing_without_any_chinese_font_raises_the_same_error(settings, tmp_path):
    settings.JICENG_FONT_DIRS = [tmp_path]

    with pytest.raises(DomainError, match=re.escape(str(tmp_path))):
        render_pdf(OfficialDocument(title="通报"))
