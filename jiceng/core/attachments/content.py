"""What a file really is, judged by its content alone: the pure checks behind attachment_create.

`inspect_upload(data, ...)` returns what to store (an image re-encoded
without metadata, a PDF or an Office document as uploaded) or raises
AttachmentRejected. It touches neither the database nor the storage.
"""

import io
import re
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ..models import Attachment
from . import images, office, pdf
from .errors import AttachmentRejected
from .kinds import IMAGE, OFFICE, PDF, accepted_list, format_size

HEAD_BYTES = 1024
CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Markup a browser would render or run, looked for where browsers sniff: the first kilobyte.
_WEB_CONTENT_RE = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|script|svg|iframe|object|embed|meta|a\s+href)[\s/>]", re.IGNORECASE)



@dataclass(frozen=True)
class Inspected:
    """What to store for an accepted file."""

    kind: str
    content_type: str
    extension: str
    content: bytes
    thumbnail: bytes | None = None
    width: int | None = None
    height: int | None = None


def sniff(data: bytes) -> str | None:
    """The format a file's signature announces: jpeg, png, gif, webp, pdf, zip, cfb (old Office), or None."""
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(CFB_SIGNATURE):
        return "cfb"
    return None


KIND_OF_FORMAT = {"jpeg": IMAGE, "png": IMAGE, "gif": IMAGE, "webp": IMAGE, "pdf": PDF, "zip": OFFICE, "cfb": OFFICE}


def _polyglot() -> AttachmentRejected:
    return AttachmentRejected(
        _("The file is at the same time a file of another type (it may hide other content) and is refused."),
        code="attachment_polyglot")


def _check_not_two_things(data: bytes, detected: str) -> None:
    """Refuse a file that is also web content, a PDF, or a zip archive besides what its signature says."""
    head = data[:HEAD_BYTES]
    if _WEB_CONTENT_RE.search(head):
        raise AttachmentRejected(_("The file contains web page code and is refused."), code="attachment_web_content")
    if detected != "pdf" and b"%PDF-" in head:
        # PDF readers look for the header anywhere in the first kilobyte.
        raise _polyglot()
    if detected != "zip" and zipfile.is_zipfile(io.BytesIO(data)):
        # A zip is read from its end: an image or a PDF with an archive appended opens as both.
        raise _polyglot()


def inspect_upload(data: bytes, *, allowed_kinds, limits: dict[str, int], max_pixels: int) -> Inspected:
    """Decide from the bytes alone whether a file may be attached, and what to store.

    `allowed_kinds` is a subset of ("image", "pdf", "office"); `limits` maps a
    kind to its maximum size in bytes; `max_pixels` bounds an image's width ×
    height. Raises AttachmentRejected with the reason (see its codes).
    """
    allowed = tuple(kind for kind in (IMAGE, PDF, OFFICE) if kind in allowed_kinds)
    if not data:
        raise AttachmentRejected(_("The file is empty."), code="attachment_empty")
    detected = sniff(data)
    if detected is None:
        raise AttachmentRejected(
            _("This type of file is not accepted. Accepted: %(kinds)s.") % {"kinds": accepted_list(allowed)},
            code="attachment_type")
    kind = KIND_OF_FORMAT[detected]
    label = Attachment.Kind(kind).label
    if kind not in allowed:
        raise AttachmentRejected(
            _("Files of this kind (%(kind)s) cannot be attached here. Accepted: %(kinds)s.")
            % {"kind": label, "kinds": accepted_list(allowed)},
            code="attachment_kind_not_allowed")
    limit = limits[kind]
    if len(data) > limit:
        raise AttachmentRejected(
            _("The file is too large: at most %(limit)s is accepted for this kind of file (%(kind)s).")
            % {"kind": label, "limit": format_size(limit)},
            code="attachment_too_large")
    if detected == "cfb":
        raise AttachmentRejected(
            _("Old Office files (.doc, .xls, .ppt) and password-protected documents are not accepted. Save the file "
              "as .docx, .xlsx or .pptx without a password and upload it again."),
            code="attachment_old_office")
    _check_not_two_things(data, detected)
    if kind == IMAGE:
        image = images.clean_image(data, detected, max_pixels=max_pixels)
        return Inspected(kind=kind, content_type=image.content_type, extension=image.extension,
                         content=image.content, thumbnail=image.thumbnail, width=image.width, height=image.height)
    if kind == PDF:
        pdf.check_pdf(data)
        return Inspected(kind=kind, content_type=pdf.CONTENT_TYPE, extension=pdf.EXTENSION, content=data)
    office_type = office.check_office(data)
    return Inspected(kind=kind, content_type=office_type.content_type, extension=office_type.extension, content=data)
