"""PDF documents: a real header at the start and a complete end, so that truncated uploads are refused."""

import re

from django.utils.translation import gettext_lazy as _

from .errors import AttachmentRejected

CONTENT_TYPE = "application/pdf"
EXTENSION = "pdf"
TAIL_BYTES = 2048

_HEADER_RE = re.compile(rb"%PDF-[12]\.\d")
_END_RE = re.compile(rb"startxref\s*(\d+)\s*%%EOF")


def check_pdf(data: bytes) -> None:
    """Accept a PDF that starts with its %PDF-1.x / 2.x header and has startxref and %%EOF in its last 2 KB.

    The cross-reference offset must point inside the file. Raises
    AttachmentRejected (attachment_damaged) otherwise: a file cut off while
    uploading loses its end and is refused here.
    """
    if not _HEADER_RE.match(data):
        raise _damaged()
    tail = data[-TAIL_BYTES:]
    ends = list(_END_RE.finditer(tail))
    if not ends:
        raise _damaged()
    offset = int(ends[-1].group(1))
    if not 0 < offset < len(data):
        raise _damaged()


def _damaged() -> AttachmentRejected:
    return AttachmentRejected(
        _("The PDF is damaged or incomplete (it may have been cut off while uploading)."), code="attachment_damaged")
