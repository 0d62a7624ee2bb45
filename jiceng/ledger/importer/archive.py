"""Checks on the uploaded bytes before any spreadsheet library touches them.

An XLSX workbook is a zip archive of XML parts.  Everything that can go wrong with an upload is refused here
from the bytes and the zip directory alone: files of another kind (old .xls, CSV, Word, executables),
truncated or damaged archives, encrypted workbooks, zip bombs (total size and compression ratio read from
the directory, before anything is inflated) and XML parts that declare a DTD (entity-expansion attacks).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from django.utils.translation import gettext as _

from .errors import LedgerFileError

#: Largest upload accepted, in bytes.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Largest total size of the archive's parts once inflated, read from the zip directory.
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
#: Largest inflation ratio of one part (real sheets inflate 5–20 times; zip bombs a thousand).
MAX_COMPRESSION_RATIO = 100
#: Parts smaller than this are not held to the ratio (tiny parts have meaningless ratios).
RATIO_CHECK_MIN_BYTES = 1024 * 1024
#: Most parts an archive may hold.
MAX_ZIP_ENTRIES = 2000
#: Bytes of each XML part read to find its prologue (where a DTD would have to be).
XML_PROLOGUE_BYTES = 64 * 1024

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")

_RE_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_RE_ELEMENT = re.compile(rb"<[A-Za-z_]")


def _refuse(reason: str, message: str) -> LedgerFileError:
    return LedgerFileError(message, reason=reason)


def check_archive(data: bytes) -> None:
    """Refuse bytes that are not a safe XLSX workbook; return quietly when they are.

    Raises ``LedgerFileError`` (reason ``empty``, ``too_large``, ``legacy_xls``, ``encrypted``, ``not_xlsx``,
    ``damaged``, ``zip_bomb`` or ``unsafe_xml``) with a Chinese message saying what the file is and what to do.
    """
    if not data:
        raise _refuse("empty", _("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise _refuse("too_large", _("The file is too large (%(size)s MB; at most %(limit)s MB).") % {
            "size": round(len(data) / 1024 / 1024, 1), "limit": MAX_FILE_BYTES // 1024 // 1024})
    if data.startswith(OLE2_SIGNATURE):
        raise _classify_ole2(data)
    if not data.startswith(ZIP_SIGNATURES):
        raise _classify_other(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _damaged() from None
    with archive:
        entries = archive.infolist()
        _check_directory(entries)
        _check_kind({entry.filename for entry in entries})
        _check_xml_prologues(archive, entries)


def _damaged() -> LedgerFileError:
    return _refuse("damaged", _(
        "The file is damaged or incomplete (perhaps the upload was cut short); open it in Excel, save it "
        "again and upload it once more."))


def _encrypted() -> LedgerFileError:
    return _refuse("encrypted", _(
        "The workbook is protected by a password; remove the password in Excel and upload it again."))


def _not_xlsx() -> LedgerFileError:
    return _refuse("not_xlsx", _(
        "The file is not an Excel workbook (.xlsx); open the ledger in Excel and save it as .xlsx."))


def _classify_ole2(data: bytes) -> LedgerFileError:
    """An OLE2 compound file is an encrypted OOXML workbook, an old .xls workbook or another Office file."""
    if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
        return _encrypted()
    if "WordDocument".encode("utf-16-le") in data:
        return _refuse("not_xlsx", _(
            "The file is a Word document, not an Excel workbook; upload the ledger saved as .xlsx."))
    return _refuse("legacy_xls", _(
        "The file is an old Excel 97-2003 workbook (.xls); open it in Excel, save it as .xlsx and upload "
        "it again."))


def _classify_other(data: bytes) -> LedgerFileError:
    """Name the kind of a file that is not a zip archive at all."""
    if data.startswith(b"MZ") or data.startswith(b"\x7fELF"):
        return _refuse("not_xlsx", _("The file is a program, not an Excel workbook."))
    if data.startswith(b"%PDF"):
        return _refuse("not_xlsx", _("The file is a PDF, not an Excel workbook; upload the ledger as .xlsx."))
    head = data[:4096].lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    if head.startswith(b"<"):
        return _refuse("not_xlsx", _(
            "The file is a web page or XML file saved with an Excel name, not a real .xlsx workbook; open "
            "it in Excel and save it as .xlsx."))
    if _looks_like_text(data[:4096]):
        return _refuse("not_xlsx", _(
            "The file is a text or CSV file, not an Excel workbook; open it in Excel and save it as .xlsx."))
    return _not_xlsx()


def _looks_like_text(head: bytes) -> bool:
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\r\n")
        return controls <= len(text) // 100
    return False


def _check_directory(entries: list[zipfile.ZipInfo]) -> None:
    """Refuse zip bombs and encrypted or exotic entries from the directory alone (nothing is inflated)."""
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _refuse("zip_bomb", _("The file holds too many parts (%(count)s) to be a ledger workbook.") % {
            "count": len(entries)})
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise _encrypted()
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged()
        total += entry.file_size
        if entry.file_size >= RATIO_CHECK_MIN_BYTES:
            ratio = entry.file_size / max(entry.compress_size, 1)
            if ratio > MAX_COMPRESSION_RATIO:
                raise _refuse("zip_bomb", _(
                    "The file is refused: one of its parts would inflate %(ratio)s times, which only a "
                    "malicious file does.") % {"ratio": int(ratio)})
    if total > MAX_UNCOMPRESSED_BYTES:
        raise _refuse("zip_bomb", _(
            "The file is refused: unpacked it would take %(size)s MB (at most %(limit)s MB).") % {
            "size": total // 1024 // 1024, "limit": MAX_UNCOMPRESSED_BYTES // 1024 // 1024})


def _check_kind(names: set[str]) -> None:
    """Tell a workbook from the other zip-based formats (Word, PowerPoint, .xlsb, OpenDocument)."""
    if "word/document.xml" in names:
        raise _refuse("not_xlsx", _(
            "The file is a Word document, not an Excel workbook; upload the ledger saved as .xlsx."))
    if "ppt/presentation.xml" in names:
        raise _refuse("not_xlsx", _("The file is a PowerPoint presentation, not an Excel workbook."))
    if "xl/workbook.bin" in names:
        raise _refuse("not_xlsx", _(
            "The file is a binary Excel workbook (.xlsb); open it in Excel, save it as .xlsx and upload it "
            "again."))
    if "mimetype" in names and "content.xml" in names:
        raise _refuse("not_xlsx", _(
            "The file is an OpenDocument spreadsheet; save it as an Excel workbook (.xlsx) and upload it again."))
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        raise _not_xlsx()


def _check_xml_prologues(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Refuse XML parts that declare a DTD or entities; real workbooks never do.

    Only each part's prologue is inflated (at most ``XML_PROLOGUE_BYTES``): a DTD must come before the
    root element, so a prologue longer than that is itself refused.
    """
    for entry in entries:
        if not entry.filename.lower().endswith((".xml", ".rels", ".vml")) or entry.file_size == 0:
            continue
        try:
            with archive.open(entry) as part:
                head = part.read(XML_PROLOGUE_BYTES)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise _damaged() from None
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="replace").encode("utf-8")
        cut_short = entry.file_size > XML_PROLOGUE_BYTES
        head = _RE_COMMENT.sub(b"", head)
        root = _RE_ELEMENT.search(head)
        open_comment = head.find(b"<!--")
        hidden_prologue = cut_short and (root is None or -1 < open_comment < root.start())
        if b"<!DOCTYPE" in head or b"<!ENTITY" in head or hidden_prologue:
            raise _refuse("unsafe_xml", _(
                "The file is refused: it contains XML declarations that real Excel files never have."))
