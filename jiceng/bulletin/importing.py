"""From an uploaded or given file to a parsed issue: PDF through its text layer, text in any usual encoding."""

from .importer import BulletinImportError, extract_pdf_text, parse_text

__all__ = ["BulletinImportError", "decode_text", "parse_upload"]

MAX_TEXT_BYTES = 5 * 1024 * 1024


def decode_text(data: bytes) -> str:
    """Text files come as UTF-8 (with or without BOM) or, from older Windows machines, GB18030/GBK."""
    from django.utils.translation import gettext as _

    if b"\x00" in data[:4096]:
        raise BulletinImportError(_("This file is neither a PDF nor a text file."), code="not_text")
    if len(data) > MAX_TEXT_BYTES:
        raise BulletinImportError(_("The text file is larger than 5 MB."), code="too_large")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BulletinImportError(_("The text is in an unknown encoding; save it as UTF-8."), code="encoding")


def parse_upload(data: bytes, name: str = "", *, return_text: bool = False):
    """Parse a bulletin from file bytes (PDF recognised by content, not by name).

    Returns the ParsedIssue, or (text, ParsedIssue) with return_text. Raises BulletinImportError.
    """
    text = extract_pdf_text(data) if data[:1024].lstrip().startswith(b"%PDF") else decode_text(data)
    parsed = parse_text(text)
    return (text, parsed) if return_text else parsed
