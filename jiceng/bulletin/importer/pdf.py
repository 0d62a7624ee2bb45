"""``extract_pdf_text``: the text layer of a PDF, through poppler's pdftotext, or a Chinese error."""

from __future__ import annotations

import shutil
import subprocess

from django.utils.translation import gettext as _

from .errors import BulletinImportError

#: Largest PDF accepted, in bytes (bulletins are a few pages; scans of years of issues are not imported here).
MAX_PDF_BYTES = 20 * 1024 * 1024
#: Seconds pdftotext may run before the import is refused.
PDFTOTEXT_TIMEOUT = 30
#: Pages read at most; a bulletin issue has a handful.
MAX_PAGES = 200


def extract_pdf_text(data: bytes, *, max_bytes: int = MAX_PDF_BYTES, timeout: float = PDFTOTEXT_TIMEOUT) -> str:
    """Run ``pdftotext -enc UTF-8 - -`` on the bytes of a PDF and return its text (pages end with form feeds).

    Raises BulletinImportError, with a Chinese message and a specific ``code``, when the data is empty
    (``empty_file``), larger than ``max_bytes`` (``file_too_large``), not a PDF (``not_a_pdf``), truncated or
    damaged (``damaged_pdf``), needs a password (``encrypted_pdf``), has no text layer because it is a scan
    (``no_text_layer``), takes longer than ``timeout`` seconds (``extraction_timeout``), or when pdftotext is
    not installed (``pdftotext_missing``).
    """
    if not data:
        raise BulletinImportError(_("The file is empty."), code="empty_file")
    if len(data) > max_bytes:
        raise BulletinImportError(
            _("The PDF is too large (%(size)s MB; at most %(limit)s MB).")
            % {"size": round(len(data) / 1048576, 1), "limit": round(max_bytes / 1048576, 1)},
            code="file_too_large",
        )
    if b"%PDF-" not in data[:1024]:
        raise BulletinImportError(_("The file is not a PDF."), code="not_a_pdf")
    if b"%%EOF" not in data[-2048:]:
        # poppler would rebuild a cut-off file and quietly return its first pages only
        raise BulletinImportError(_("The PDF is damaged or incomplete and cannot be read."), code="damaged_pdf")
    binary = shutil.which("pdftotext")
    if not binary:
        raise BulletinImportError(
            _("The PDF text extractor (pdftotext from poppler-utils) is not installed on the server."),
            code="pdftotext_missing",
        )
    try:
        result = subprocess.run(  # noqa: S603 - fixed argument list, the PDF goes through stdin
            [binary, "-enc", "UTF-8", "-l", str(MAX_PAGES), "-", "-"],
            input=data,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BulletinImportError(_("Extracting the text of the PDF took too long."),
                                  code="extraction_timeout") from exc
    if result.returncode != 0:
        stderr = result.stderr.decode("utf-8", "replace").lower()
        if "password" in stderr or "encrypt" in stderr:
            raise BulletinImportError(_("The PDF is password-protected; please upload an unprotected copy."),
                                      code="encrypted_pdf")
        raise BulletinImportError(_("The PDF is damaged or incomplete and cannot be read."), code="damaged_pdf")
    text = result.stdout.decode("utf-8", "replace")
    if not text.replace("\f", "").strip():
        raise BulletinImportError(
            _("The PDF has no text layer (it is probably a scanned image), so no text can be extracted."),
            code="no_text_layer",
        )
    return text
