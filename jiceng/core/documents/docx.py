"""Word (.docx) primitives for official documents, with python-docx: the GB/T 9704 page, Chinese fonts set
the way Word and WPS read them, and the parts of a 公文.

A module builds a document with `new_document` and the ``add_*`` functions, or lets
`official.render_docx` do it from an `OfficialDocument`. Fonts are named, not embedded: Word files are
edited on office machines that have 仿宋_GB2312, 方正小标宋简体 and the like, so each role maps to the
name offices use. An installation can change the names with
``settings.JICENG_DOCX_FONT_NAMES = {"fang": "仿宋", ...}`` (read at call time).
"""

import io
import math
from collections.abc import Iterable, Sequence

from django.conf import settings
from docx import Document as new_word_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .fonts import ROLES
from .pdf import BODY_FONT_PT, CHARS_PER_LINE, LINE_PITCH_PT, MM_TO_PT, PAGE_NUMBER_FONT_PT, page_format

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DEFAULT_DOCX_FONT_NAMES = {
    "fang": "仿宋_GB2312",
    "song": "宋体",
    "song_bold": "宋体",
    "hei": "黑体",
    "hei_bold": "黑体",
    "kai": "楷体_GB2312",
    "xbs": "方正小标宋简体",
}
_BOLD_ROLES = {"song_bold", "hei_bold"}
RED = RGBColor(0xE6, 0x00, 0x00)
TABLE_FONT_PT = 12
DISTRIBUTION_FONT_PT = 14
_HEADING_ROLES = {1: "hei", 2: "kai", 3: "fang", 4: "fang"}

# Child order the OOXML schema requires (Word refuses files whose property elements are out of order).
_P_PR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
_TBL_PR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
    "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription",
)
_R_PR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
)
_TR_PR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
    "tblCellSpacing", "jc", "hidden",
)


def _put(parent, element, order: tuple[str, ...]) -> None:
    """Insert a property element where the schema wants it, replacing one with the same tag."""
    for existing in parent.findall(element.tag):
        parent.remove(existing)
    position = order.index(element.tag.rsplit("}", 1)[1])
    later = {qn(f"w:{name}") for name in order[position + 1 :]}
    for index, child in enumerate(parent):
        if child.tag in later:
            parent.insert(index, element)
            return
    parent.append(element)


def _element(tag: str, **attributes: str):
    element = OxmlElement(f"w:{tag}")
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def docx_font_name(role: str) -> str:
    """The font name a role is written with in Word files. Raises ValueError for an unknown role."""
    if role not in ROLES:
        raise ValueError(f"unknown font role {role!r}; roles are {', '.join(ROLES)}")
    overrides = getattr(settings, "JICENG_DOCX_FONT_NAMES", None) or {}
    return overrides.get(role) or DEFAULT_DOCX_FONT_NAMES[role]


def _set_fonts(r_pr, name: str) -> None:
    """Name one font for every script of a run-properties element, East Asian included."""
    r_fonts = r_pr.get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        r_fonts.attrib.pop(qn(f"w:{attribute}"), None)  # a theme font would override the explicit name
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        r_fonts.set(qn(f"w:{attribute}"), name)
    # Quotes and dashes are ambiguous-width: the hint makes Word use the East-Asian font (full width) for them.
    r_fonts.set(qn("w:hint"), "eastAsia")


def set_run_font(run: Run, role: str, *, size_pt: float = BODY_FONT_PT, color: RGBColor | None = None) -> Run:
    """Set a run in a role's font (w:eastAsia included) at a size; bold roles are bold. Returns the run."""
    _set_fonts(run._element.get_or_add_rPr(), docx_font_name(role))
    run.font.size = Pt(size_pt)
    run.font.bold = role in _BOLD_ROLES or None
    if color is not None:
        run.font.color.rgb = color
    return run


def _paragraph(
    document_or_cell,
    text: str,
    role: str,
    *,
    size_pt: float = BODY_FONT_PT,
    align=WD_ALIGN_PARAGRAPH.JUSTIFY,
    line_pt: float | None = LINE_PITCH_PT,
    before_pt: float = 0,
    color: RGBColor | None = None,
) -> Paragraph:
    paragraph = document_or_cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before_pt)
    fmt.space_after = Pt(0)
    if line_pt is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line_pt)
    if text:
        set_run_font(paragraph.add_run(text), role, size_pt=size_pt, color=color)
    return paragraph


def _indent_chars(paragraph: Paragraph, *, first_line: float = 0, left: float = 0, right: float = 0,
                  size_pt: float = BODY_FONT_PT) -> None:
    """Indents in characters: w:*Chars (what Word and WPS show and keep) plus the same in twips for others."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    for name, chars in (("firstLine", first_line), ("left", left), ("right", right)):
        if chars:
            ind.set(qn(f"w:{name}"), str(round(chars * size_pt * 20)))
            ind.set(qn(f"w:{name}Chars"), str(round(chars * 100)))


def _no_grid_snap(paragraph: Paragraph) -> None:
    _put(paragraph._p.get_or_add_pPr(), _element("snapToGrid", val="0"), _P_PR_ORDER)


def _page_number_footer(footer, *, odd: bool) -> None:
    """ "— N —" in 4号 宋体 with a PAGE field: right-aligned one character in (odd) or left (even)."""
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.paragraph_format.line_spacing = Pt(PAGE_NUMBER_FONT_PT)
    paragraph.paragraph_format.space_after = Pt(0)
    if odd:
        _indent_chars(paragraph, right=1, size_pt=PAGE_NUMBER_FONT_PT)
    else:
        _indent_chars(paragraph, left=1, size_pt=PAGE_NUMBER_FONT_PT)
    set_run_font(paragraph.add_run("— "), "song", size_pt=PAGE_NUMBER_FONT_PT)
    add_field(paragraph, "PAGE", placeholder="1", role="song", size_pt=PAGE_NUMBER_FONT_PT)
    set_run_font(paragraph.add_run(" —"), "song", size_pt=PAGE_NUMBER_FONT_PT)


def add_field(paragraph: Paragraph, instruction: str, *, placeholder: str = "", role: str = "song",
              size_pt: float = BODY_FONT_PT) -> None:
    """Append a Word field (PAGE, NUMPAGES, ...) to a paragraph; Word fills it in when it lays the page out."""

    def field_run(kind: str | None = None, text: str | None = None, instr: str | None = None):
        run = set_run_font(paragraph.add_run(), role, size_pt=size_pt)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        if instr:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instr} "
            run._r.append(element)
        if text:
            run.add_text(text)

    field_run("begin")
    field_run(instr=instruction)
    field_run("separate")
    field_run(text=placeholder)
    field_run("end")


def new_document(*, page: str = "A4", title: str = "") -> Document:
    """A blank Word document on the GB/T 9704 page: margins, 22 lines of 28 characters, 仿宋 3号 defaults, "— N —" page
    numbers (odd pages right, even pages left; settings ``w:evenAndOddHeaders``).

    ``page`` is "A4" or "A3-landscape". Raises ValueError for another page format.
    """
    fmt = page_format(page)
    document = new_word_document()
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = ""
    properties.comments = properties.keywords = properties.subject = ""

    _set_defaults(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if fmt.width_mm > fmt.height_mm else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(fmt.width_mm), Mm(fmt.height_mm)
    section.top_margin, section.bottom_margin = Mm(fmt.margin_top_mm), Mm(fmt.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(fmt.margin_left_mm), Mm(fmt.margin_right_mm)
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    # The number's dash sits 7 mm below the text block; the footer distance is to the bottom of its line.
    section.footer_distance = Mm(fmt.margin_bottom_mm - 7) - Pt(PAGE_NUMBER_FONT_PT / 2)
    _set_grid(section)

    document.settings.odd_and_even_pages_header_footer = True
    _page_number_footer(section.footer, odd=True)
    _page_number_footer(section.even_page_footer, odd=False)
    # python-docx's template starts with no paragraph; the body is built by the add_* functions.
    return document


def _set_defaults(document: Document) -> None:
    """Document defaults: 仿宋 16 pt in every script, Chinese language, no spacing after paragraphs."""
    styles = document.styles.element
    r_pr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(r_pr, docx_font_name("fang"))
    for tag in ("w:sz", "w:szCs"):
        r_pr.find(qn(tag)).set(qn("w:val"), str(BODY_FONT_PT * 2))
    lang = r_pr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    normal = document.styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), docx_font_name("fang"))
    normal.font.size = Pt(BODY_FONT_PT)
    # Tracking that fits 28 characters of 16 pt into the 156 mm line, in twentieths of a point (floored).
    pitch_pt = page_format("A4").text_width_mm * MM_TO_PT / CHARS_PER_LINE
    tracking = math.floor((pitch_pt - BODY_FONT_PT) * 20)
    _put(normal.element.get_or_add_rPr(), _element("spacing", val=str(tracking)), _R_PR_ORDER)
    # No extra space between Chinese and Latin text or digits: the PDF has none, and the signature and date
    # indents assume half-width digits.
    p_pr = normal.element.get_or_add_pPr()
    _put(p_pr, _element("autoSpaceDE", val="0"), _P_PR_ORDER)
    _put(p_pr, _element("autoSpaceDN", val="0"), _P_PR_ORDER)
    # Keep full-width punctuation full width (no compression when justifying).
    control = document.settings.element.find(qn("w:characterSpacingControl"))
    if control is None:
        control = OxmlElement("w:characterSpacingControl")
        document.settings.element.append(control)
    control.set(qn("w:val"), "doNotCompress")


def _set_grid(section) -> None:
    """Word's line grid: 28.95 pt lines, 22 to the A4 text block.

    Not a character grid: Word and WPS read w:charSpace as intended, but LibreOffice puts each 16 pt character
    into two cells of a grid narrower than 16 pt (14 characters a line). The 28-a-line pitch comes from the
    Normal style's character spacing instead (`_set_defaults`), which every program honours.
    """
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:  # python-docx's template has one; it is the last child of sectPr
        grid = _element("docGrid")
        section._sectPr.append(grid)
    for name in list(grid.attrib):
        del grid.attrib[name]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH_PT * 20)))


def add_issuer(document: Document, issuer: str, *, size_pt: float = 42) -> Paragraph:
    """The issuing-organ mark (发文机关标志): red 小标宋, centred, its top 35 mm below the text block's top."""
    paragraph = _paragraph(
        document, issuer, "xbs", size_pt=size_pt, align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=size_pt * 1.2,
        before_pt=35 * 72 / 25.4 - size_pt * 0.1, color=RED,
    )
    _no_grid_snap(paragraph)
    return paragraph


def add_doc_number(document: Document, doc_number: str) -> Paragraph:
    """The document number (发文字号, e.g. 上社治〔2020〕3号): 仿宋, centred, two lines under the issuer."""
    return _paragraph(document, doc_number, "fang", align=WD_ALIGN_PARAGRAPH.CENTER, before_pt=2 * LINE_PITCH_PT)


def add_red_rule(document: Document, *, width_pt: float = 2) -> Paragraph:
    """The red separator line, as wide as the text block, 4 mm under the paragraph before it."""
    paragraph = _paragraph(document, "", "fang", line_pt=4 * 72 / 25.4)
    _no_grid_snap(paragraph)
    borders = _element("pBdr")
    # w:sz is in eighths of a point.
    borders.append(_element("bottom", val="single", sz=str(round(width_pt * 8)), space="0", color=str(RED)))
    _put(paragraph._p.get_or_add_pPr(), borders, _P_PR_ORDER)
    return paragraph


def add_title(document: Document, title: str, *, first: bool = False) -> Paragraph:
    """The title: 2号 (22 pt) 小标宋, centred, two blank lines under the red rule (none when ``first``)."""
    paragraph = _paragraph(
        document, title, "xbs", size_pt=22, align=WD_ALIGN_PARAGRAPH.CENTER, line_pt=35,
        before_pt=0 if first else 2 * LINE_PITCH_PT,
    )
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def add_recipients(document: Document, recipients: str) -> Paragraph:
    """The addressees (主送机关, e.g. 各街道办事处：): one blank line under the title, flush left."""
    return _paragraph(document, recipients, "fang", before_pt=LINE_PITCH_PT)


def add_heading(document: Document, level: int, text: str) -> Paragraph:
    """A heading: level 1 "一、" 黑体, 2 "（一）" 楷体, 3 and 4 仿宋; indented two characters like the text.

    Raises ValueError for a level outside 1-4.
    """
    if level not in _HEADING_ROLES:
        raise ValueError(f"heading level must be 1 to 4, not {level!r}")
    paragraph = _paragraph(document, text, _HEADING_ROLES[level])
    _indent_chars(paragraph, first_line=2)
    paragraph.paragraph_format.keep_with_next = True
    # The outline level shows the heading in Word's navigation pane without Word's own heading styles.
    _put(paragraph._p.get_or_add_pPr(), _element("outlineLvl", val=str(level - 1)), _P_PR_ORDER)
    return paragraph


def add_paragraph(document: Document, text: str) -> Paragraph:
    """A body paragraph: 仿宋 3号, justified, first line indented two characters, 28.95 pt lines."""
    paragraph = _paragraph(document, text, "fang")
    _indent_chars(paragraph, first_line=2)
    return paragraph


def _text_width(document: Document) -> int:
    section = document.sections[-1]
    return section.page_width - section.left_margin - section.right_margin


def _set_cell_margins(table, *, left_pt: float, right_pt: float) -> None:
    margins = _element("tblCellMar")
    for side, value in (("left", left_pt), ("right", right_pt)):
        margins.append(_element(side, w=str(round(value * 20)), type="dxa"))
    _put(table._tbl.tblPr, margins, _TBL_PR_ORDER)


def add_table(document: Document, headers: Sequence[str], rows: Iterable[Sequence], *,
              widths: Sequence[float] | None = None, font_pt: float = TABLE_FONT_PT):
    """A bordered table as wide as the text block: header row in 黑体 (repeated on each page), cells in 仿宋.

    ``widths`` are relative column widths (None: equal). Cells print ``str(value)``; None prints empty.
    Raises ValueError when ``widths`` does not have one entry per column.
    """
    rows = [list(row) for row in rows]
    columns = len(headers)
    widths = list(widths) if widths is not None else [1] * columns
    if len(widths) != columns:
        raise ValueError(f"{len(widths)} widths given for {columns} columns")
    total = _text_width(document)
    column_widths = [int(total * width / sum(widths)) for width in widths]

    spacer = _paragraph(document, "", "fang", line_pt=LINE_PITCH_PT / 2)
    _no_grid_snap(spacer)
    table = document.add_table(rows=1 + len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_cell_margins(table, left_pt=4, right_pt=4)
    for index, width in enumerate(column_widths):
        table.columns[index].width = width
    _put(table.rows[0]._tr.get_or_add_trPr(), _element("tblHeader", val="true"), _TR_PR_ORDER)
    for row_index, values in enumerate([list(headers), *rows]):
        row = table.rows[row_index]
        _put(row._tr.get_or_add_trPr(), _element("cantSplit", val="true"), _TR_PR_ORDER)
        for column_index, value in enumerate(values):
            cell = row.cells[column_index]
            cell.width = column_widths[column_index]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(font_pt * 1.4)
            fmt.space_after = Pt(0)
            _no_grid_snap(paragraph)
            text = "" if value is None else str(value)
            if text:
                set_run_font(paragraph.add_run(text), "hei" if row_index == 0 else "fang", size_pt=font_pt)
    spacer = _paragraph(document, "", "fang", line_pt=LINE_PITCH_PT / 2)
    _no_grid_snap(spacer)
    return table


def add_signature(document: Document, signature: str, date_text: str) -> list[Paragraph]:
    """署名 and 成文日期 one blank line under the text, right-aligned by GB/T 9704 (see `signature_indents`)."""
    from .official import signature_indents

    signature_right, date_right = signature_indents(signature, date_text)
    paragraphs = []
    before = LINE_PITCH_PT
    for text, right in ((signature, signature_right), (date_text, date_right)):
        if not text:
            continue
        paragraph = _paragraph(document, text, "fang", align=WD_ALIGN_PARAGRAPH.RIGHT, before_pt=before)
        _indent_chars(paragraph, right=right)
        paragraph.paragraph_format.keep_with_next = text == signature and bool(date_text)
        paragraphs.append(paragraph)
        before = 0
    return paragraphs


def add_distribution(document: Document, lines: Sequence[tuple[str, str]]):
    """版记 (抄送, 印发, ...): 4号 仿宋 rows between rules as wide as the text block — the first and last
    0.35 mm, those between 0.25 mm — in a table floated to the bottom of the last page's text block."""
    table = document.add_table(rows=len(lines), cols=2)
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    position = _element(
        "tblpPr", leftFromText="0", rightFromText="0", topFromText="0", bottomFromText="0",
        vertAnchor="margin", horzAnchor="margin", tblpXSpec="center", tblpYSpec="bottom",
    )
    _put(tbl_pr, position, _TBL_PR_ORDER)
    _put(tbl_pr, _element("tblOverlap", val="never"), _TBL_PR_ORDER)
    borders = _element("tblBorders")
    # 0.35 mm ≈ 1 pt = 8 eighths of a point; 0.25 mm ≈ 0.75 pt = 6 eighths.
    for side, size in (("top", 8), ("left", 0), ("bottom", 8), ("right", 0), ("insideH", 6), ("insideV", 0)):
        if size:
            borders.append(_element(side, val="single", sz=str(size), space="0", color="000000"))
        else:
            borders.append(_element(side, val="nil"))
    _put(tbl_pr, borders, _TBL_PR_ORDER)
    _set_cell_margins(table, left_pt=0, right_pt=0)

    total = _text_width(document)
    label_width = Pt(DISTRIBUTION_FONT_PT * (1 + max((len(label) + 1 for label, _ in lines), default=0)))
    table.columns[0].width, table.columns[1].width = label_width, total - label_width
    for row, (label, text) in zip(table.rows, lines, strict=True):
        for cell, value, width in ((row.cells[0], f"{label}：" if label else "", label_width),
                                   (row.cells[1], text, total - label_width)):
            cell.width = width
            paragraph = cell.paragraphs[0]
            fmt = paragraph.paragraph_format
            fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(LINE_PITCH_PT)
            fmt.space_after = Pt(0)
            if cell is row.cells[0]:
                _indent_chars(paragraph, left=1, size_pt=DISTRIBUTION_FONT_PT)
            else:
                _indent_chars(paragraph, right=1, size_pt=DISTRIBUTION_FONT_PT)
            if value:
                set_run_font(paragraph.add_run(value), "fang", size_pt=DISTRIBUTION_FONT_PT)
    # Word wants a paragraph after a table at the end of the body; keep it one point high.
    end = _paragraph(document, "", "fang", line_pt=1)
    _no_grid_snap(end)
    return table


def document_bytes(document: Document) -> bytes:
    """The Word file as bytes (to send with `DOCX_CONTENT_TYPE` or store as an attachment)."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
