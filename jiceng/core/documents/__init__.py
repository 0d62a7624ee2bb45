"""Printed documents: Chinese fonts, PDF (WeasyPrint) and Word (python-docx) on the GB/T 9704 page.

Modules print an `OfficialDocument` with `render_pdf` / `render_docx`, or build a layout of their own on
``core/documents/base.html`` + `document_css` + `html_to_pdf`, or on the ``docx`` primitives.
See docs/dev/documents.md.
"""

from .docx import DOCX_CONTENT_TYPE, docx_font_name, new_document
from .fonts import ROLES, FontFile, css_family, font_file, resolve_fonts
from .official import (
    Heading,
    OfficialDocument,
    Paragraph,
    Table,
    format_date,
    render_docx,
    render_html,
    render_pdf,
)
from .pdf import (
    PAGE_FORMATS,
    PDF_CONTENT_TYPE,
    PageFormat,
    document_css,
    font_face_css,
    html_to_pdf,
    page_format,
    render_document_html,
    render_document_pdf,
)

__all__ = [
    "DOCX_CONTENT_TYPE",
    "PAGE_FORMATS",
    "PDF_CONTENT_TYPE",
    "ROLES",
    "FontFile",
    "Heading",
    "OfficialDocument",
    "PageFormat",
    "Paragraph",
    "Table",
    "css_family",
    "document_css",
    "docx_font_name",
    "font_face_css",
    "font_file",
    "format_date",
    "html_to_pdf",
    "new_document",
    "page_format",
    "render_document_html",
    "render_document_pdf",
    "render_docx",
    "render_html",
    "render_pdf",
    "resolve_fonts",
]
