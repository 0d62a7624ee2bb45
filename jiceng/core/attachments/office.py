"""Word, Excel and PowerPoint documents (OOXML: docx, xlsx, pptx), checked as the zip archives they are.

A document is accepted when it is a complete zip (every member's checksum is
verified by reading it), holds [Content_Types].xml declaring the main part of
a docx, xlsx or pptx and that part itself, has no encrypted member and no
macros, and unpacks to a bounded size at a believable compression ratio (zip
bombs are refused before anything is decompressed: the sizes a zip declares
bound what Python's zipfile will produce, and a member that lies fails its
checksum). Nothing is extracted to disk and no XML parser runs on the content.
"""

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .errors import AttachmentRejected
from .kinds import format_size

DEFAULT_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200  # unpacked size / file size, for the whole archive and for any member over 1 MB
MAX_MEMBERS = 10_000
MAX_CONTENT_TYPES_BYTES = 1024 * 1024
RATIO_CHECK_MIN_BYTES = 1024 * 1024
READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class OfficeType:
    main_content_type: str
    content_type: str
    extension: str


OFFICE_TYPES = (
    OfficeType("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    OfficeType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    OfficeType("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
               "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
)

_OVERRIDE_RE = re.compile(rb"<(?:\w+:)?Override\b([^>]*)>")
_ATTRIBUTE_RE = re.compile(rb"""\b(PartName|ContentType)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _damaged() -> AttachmentRejected:
    return AttachmentRejected(
        _("The document is damaged or is not a real Word, Excel or PowerPoint file."), code="attachment_damaged")


def _bomb() -> AttachmentRejected:
    return AttachmentRejected(
        _("The document unpacks to an unreasonable size (a possible zip bomb) and is refused."),
        code="attachment_zip_bomb")


def _overrides(content_types: bytes) -> dict[str, str]:
    """PartName → ContentType of the Override entries of [Content_Types].xml (part names without the leading /)."""
    result = {}
    for element in _OVERRIDE_RE.finditer(content_types):
        attributes = {m.group(1): (m.group(2) if m.group(2) is not None else m.group(3))
                      for m in _ATTRIBUTE_RE.finditer(element.group(1))}
        part, content_type = attributes.get(b"PartName"), attributes.get(b"ContentType")
        if part and content_type:
            result[part.decode("utf-8", "replace").lstrip("/")] = content_type.decode("utf-8", "replace").strip()
    return result


def _check_sizes(infos: list[zipfile.ZipInfo], archive_size: int) -> None:
    max_unpacked = getattr(settings, "JICENG_OFFICE_MAX_UNPACKED_BYTES", DEFAULT_MAX_UNPACKED_BYTES)
    if len(infos) > MAX_MEMBERS:
        raise _bomb()
    total = sum(info.file_size for info in infos)
    if total > max_unpacked:
        raise AttachmentRejected(
            _("The document unpacks to more than %(limit)s and is refused.") % {"limit": format_size(max_unpacked)},
            code="attachment_zip_bomb")
    if total > MAX_RATIO * max(archive_size, 1):
        raise _bomb()
    for info in infos:
        if info.file_size > RATIO_CHECK_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb()


def _read_all(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Decompress every member, chunk by chunk, so that zipfile checks each one's CRC (and declared size)."""
    for info in infos:
        if info.is_dir():
            continue
        with archive.open(info) as member:
            while member.read(READ_CHUNK):
                pass


def check_office(data: bytes) -> OfficeType:
    """The type of an OOXML document given as bytes; raises AttachmentRejected for anything else.

    Codes: attachment_damaged (not a complete zip, no [Content_Types].xml, no
    docx/xlsx/pptx main part — a plain zip or a template is refused so),
    attachment_macros, attachment_encrypted, attachment_zip_bomb.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if any(info.flag_bits & 0x1 for info in infos):
                raise AttachmentRejected(
                    _("The document is password-protected. Remove the password and upload it again."),
                    code="attachment_encrypted")
            _check_sizes(infos, len(data))
            names = {info.filename for info in infos}
            content_types_info = next((i for i in infos if i.filename == "[Content_Types].xml"), None)
            if content_types_info is None or content_types_info.file_size > MAX_CONTENT_TYPES_BYTES:
                raise _damaged()
            overrides = _overrides(archive.read(content_types_info))
            if any(name.lower().endswith("vbaproject.bin") for name in names) or any(
                    "macroenabled" in content_type.lower() for content_type in overrides.values()):
                raise AttachmentRejected(
                    _("Documents with macros are not accepted. Save it as .docx, .xlsx or .pptx and upload it again."),
                    code="attachment_macros")
            found = [
                office_type for office_type in OFFICE_TYPES
                if any(ct == office_type.main_content_type and part in names for part, ct in overrides.items())
            ]
            if len(found) != 1:
                raise _damaged()
            _read_all(archive, infos)
    except AttachmentRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError, OSError, EOFError, ValueError,
            RuntimeError) as exc:
        # RuntimeError: zipfile's "encrypted member" refusal; NotImplementedError: an unknown compression method.
        raise _damaged() from exc
    return found[0]
