"""Import of existing bulletin issues from PDF or from text extracted from PDF (pure Python, no models).

``parse_text(text)`` reads pdftotext output into a ``ParsedIssue`` (series, number, office, date, items,
warnings); ``extract_pdf_text(data)`` gets that text from PDF bytes or raises ``BulletinImportError``.
"""

from .errors import BulletinImportError
from .parser import ParsedIssue, ParsedItem, parse_text
from .pdf import extract_pdf_text

__all__ = ["BulletinImportError", "ParsedIssue", "ParsedItem", "extract_pdf_text", "parse_text"]
