"""An official document (公文) as data, printed to PDF or Word by the same model.

A module builds an `OfficialDocument` from its own records (the ledger's quarterly notice, the battle-map
sheet) and calls `render_pdf` or `render_docx`; neither renderer knows any module. All text is plain text:
the PDF template escapes it, python-docx writes it as text, so markup in a title prints literally.
"""

import datetime
from dataclasses import dataclass, field
from typing import ClassVar

from .pdf import MM_TO_PT, page_format, render_document_pdf

ISSUER_MAX_FONT_PT = 52


@dataclass(frozen=True)
class Heading:
    """A structural heading: level 1 "一、" (黑体), 2 "（一）" (楷体), 3 "1." and 4 "（1）" (仿宋).

    The numbering is part of the text. Raises ValueError for a level outside 1-4.
    """

    level: int
    text: str
    kind: ClassVar[str] = "heading"

    def __post_init__(self):
        if self.level not in (1, 2, 3, 4):
            raise ValueError(f"heading level must be 1 to 4, not {self.level!r}")


@dataclass(frozen=True)
class Paragraph:
    """One body paragraph, 仿宋 3号, its first line indented two characters."""

    text: str
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Table:
    """A table with a header row that repeats on each page.

    ``widths`` are relative column widths (any positive numbers, one per column) or None for equal columns.
    Cells may be any value; None prints empty. Raises ValueError when a row or ``widths`` has the wrong
    length or a width is not positive.
    """

    headers: list[str]
    rows: list[list]
    widths: list[float] | None = None
    kind: ClassVar[str] = "table"

    def __post_init__(self):
        columns = len(self.headers)
        if columns == 0:
            raise ValueError("a table needs at least one column")
        for number, row in enumerate(self.rows, start=1):
            if len(row) != columns:
                raise ValueError(f"row {number} has {len(row)} cells; the table has {columns} columns")
        if self.widths is not None:
            if len(self.widths) != columns:
                raise ValueError(f"{len(self.widths)} widths given for {columns} columns")
            if any(width <= 0 for width in self.widths):
                raise ValueError("column widths must be positive")

    @property
    def fractions(self) -> list[float]:
        """Each column's share of the table width, summing to 1."""
        widths = self.widths or [1] * len(self.headers)
        total = float(sum(widths))
        return [width / total for width in widths]

    @property
    def percents(self) -> list[str]:
        return [f"{fraction * 100:.3f}" for fraction in self.fractions]

    @property
    def text_rows(self) -> list[list[str]]:
        """The rows as printed text."""
        return [["" if cell is None else str(cell) for cell in row] for row in self.rows]


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class OfficialDocument:
    """A 公文 laid out by GB/T 9704: 版头 (issuer, number, red rule), title, recipients, body, signature and
    date, 版记 (distribution lines such as ("抄送", "区委办公室。")).

    ``page`` is "A4" or "A3-landscape" (wide tables). Raises ValueError for an unknown page format or a block
    that is not a Heading, Paragraph or Table.
    """

    title: str
    blocks: list[Block] = field(default_factory=list)
    issuer: str = ""
    doc_number: str = ""
    recipients: str = ""
    signature: str = ""
    date: datetime.date | None = None
    distribution: list[tuple[str, str]] = field(default_factory=list)
    page: str = "A4"

    def __post_init__(self):
        page_format(self.page)
        for block in self.blocks:
            if not isinstance(block, Heading | Paragraph | Table):
                raise ValueError(f"a block must be a Heading, Paragraph or Table, not {type(block).__name__}")

    @property
    def date_text(self) -> str:
        return format_date(self.date) if self.date else ""


def format_date(value: datetime.date) -> str:
    """A date as GB/T 9704 writes it: Arabic numerals, no leading zeros — 2020年6月8日.

    The format is fixed by the standard for Chinese documents, so it does not follow the UI language.
    """
    return f"{value.year}年{value.month}月{value.day}日"


def text_width_em(text: str) -> float:
    """The width of a line of text in characters of its font size: CJK, full-width forms and CJK fonts' quotes
    and dashes count 1; Latin letters, digits and half-width forms count ½."""
    return sum(0.5 if ord(char) < 0x2000 or 0xFF61 <= ord(char) <= 0xFFDC else 1.0 for char in text)


def signature_indents(signature: str, date_text: str) -> tuple[float, float]:
    """Right indents (in characters) of the signature line and the date line under it, by GB/T 9704 §7.3.5.2.

    The signature ends two characters from the right and the date starts two characters right of the
    signature's first character; when the date would then run past the two-character margin, the date
    ends two characters from the right and the signature moves left instead.
    """
    sign_width, date_width = text_width_em(signature), text_width_em(date_text)
    if not signature:
        return 0.0, 2.0
    if not date_text:
        return 2.0, 0.0
    start = max(sign_width + 2, date_width + 4)  # the signature's first character, counted from the right edge
    return start - sign_width, start - 2 - date_width


def issuer_font_pt(issuer: str, page: str = "A4") -> float:
    """The size of the issuer mark: as large as fits the text block on one line, at most 52 pt.

    Raises ValueError for an unknown page format.
    """
    width_pt = page_format(page).text_width_mm * MM_TO_PT
    width_em = max(text_width_em(issuer), 1.0)
    return round(min(ISSUER_MAX_FONT_PT, width_pt * 0.95 / width_em), 1)


def render_html(doc: OfficialDocument) -> str:
    """The document as the HTML that `render_pdf` prints (for previews and debugging).

    Raises DomainError when no Chinese font is found (the stylesheet measures the page-number font).
    """
    from .pdf import render_document_html

    return render_document_html("core/documents/official.html", _context(doc), page=doc.page)


def render_pdf(doc: OfficialDocument) -> bytes:
    """Print the document to PDF bytes (fonts embedded). Raises DomainError when no Chinese font is found."""
    return render_document_pdf("core/documents/official.html", _context(doc), page=doc.page)


def render_docx(doc: OfficialDocument) -> bytes:
    """Write the document as a Word file (.docx) for offices that edit it further in Word or WPS.

    Needs no font files: Word files name their fonts (see `docx.docx_font_name`). Raises nothing of its own.
    """
    from . import docx as word

    document = word.new_document(page=doc.page)
    if doc.issuer:
        word.add_issuer(document, doc.issuer, size_pt=issuer_font_pt(doc.issuer, doc.page))
        if doc.doc_number:
            word.add_doc_number(document, doc.doc_number)
        word.add_red_rule(document)
    word.add_title(document, doc.title, first=not doc.issuer)
    if doc.recipients:
        word.add_recipients(document, doc.recipients)
    for block in doc.blocks:
        if isinstance(block, Heading):
            word.add_heading(document, block.level, block.text)
        elif isinstance(block, Paragraph):
            word.add_paragraph(document, block.text)
        else:
            word.add_table(document, block.headers, block.text_rows, widths=block.fractions)
    if doc.signature or doc.date:
        word.add_signature(document, doc.signature, doc.date_text)
    if doc.distribution:
        word.add_distribution(document, doc.distribution)
    return word.document_bytes(document)


def _context(doc: OfficialDocument) -> dict:
    signature_right, date_right = signature_indents(doc.signature, doc.date_text)
    return {
        "doc": doc,
        "title": doc.title,
        "issuer_font_pt": f"{issuer_font_pt(doc.issuer, doc.page):.1f}" if doc.issuer else "",
        "signature_right_em": f"{signature_right:.2f}",
        "date_right_em": f"{date_right:.2f}",
    }
