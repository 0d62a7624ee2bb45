"""Workbooks for the importer tests, built with openpyxl the way offices lay out their ledgers.

``xlsx(rows, merges=..., formats=...)`` writes one sheet from a list of rows; the helpers below then alter
the archive the way real or hostile files differ from what openpyxl writes (cached formula values,
Chinese builtin date formats, a lying dimension, a DTD, encrypted entries, a zip bomb).
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from openpyxl import Workbook


def xlsx(rows, *, merges=(), formats=None, title="台账", extra_sheets=(), hidden_first=None) -> bytes:
    """An XLSX with one sheet holding ``rows`` (lists of values, None for blank), merged ranges and formats.

    ``formats`` maps an A1 reference to a number format; ``extra_sheets`` is a list of (title, rows) written
    after the ledger; ``hidden_first`` puts a hidden sheet with those rows before it.
    """
    workbook = Workbook()
    sheet = workbook.active
    if hidden_first is not None:
        sheet.title = "隐藏"
        sheet.sheet_state = "hidden"
        for row in hidden_first:
            sheet.append(list(row))
        sheet = workbook.create_sheet(title)
    else:
        sheet.title = title
    for row_index, row in enumerate(rows, start=1):
        for col_index, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row_index, col_index, value)
    for ref in merges:
        sheet.merge_cells(ref)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    for extra_title, extra_rows in extra_sheets:
        extra = workbook.create_sheet(extra_title)
        for row in extra_rows:
            extra.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, part: str, change) -> bytes:
    """A copy of an XLSX archive with one part's text replaced by ``change(text)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                changed = change(content.decode("utf-8")).encode("utf-8")
                assert changed != content, f"{part} unchanged"
                content = changed
            target.writestr(info.filename, content)
    return buffer.getvalue()


SHEET1 = "xl/worksheets/sheet1.xml"


def cache_formula_values(data: bytes, values: dict[str, str], part: str = SHEET1) -> bytes:
    """Give formula cells the cached value Excel would have saved (openpyxl writes formulas without one).

    A value starting with # is cached as an Excel error (t="e"), a non-number as a string (t="str").
    """

    def change(text: str) -> str:
        for ref, value in values.items():
            if value.startswith("#"):
                cell_type = ' t="e"'
            elif re.fullmatch(r"-?\d+(\.\d+)?", value):
                cell_type = ""
            else:
                cell_type = ' t="str"'
            pattern = rf'<c r="{ref}"([^>]*?)(?: t="\w+")?([^>]*)>(<f>.*?</f>)(?:<v>.*?</v>|<v\s*/>)?</c>'
            replacement = rf'<c r="{ref}"\1\2{cell_type}>\3<v>{value}</v></c>'
            text, count = re.subn(pattern, replacement, text)
            assert count == 1, (ref, text)
        return text

    return rewrite(data, part, change)


def builtin_number_format(data: bytes, format_code: str, builtin_id: int) -> bytes:
    """Replace a custom number format by a builtin id, as Chinese Excel writes “yyyy年m月” (57) or “m月d日” (58)."""

    def change(text: str) -> str:
        escaped = re.escape(format_code.replace('"', "&quot;"))
        match = re.search(rf'<numFmt numFmtId="(\d+)" formatCode="{escaped}"\s*/>', text)
        assert match, text
        text = text.replace(match.group(0), "")
        return text.replace(f'numFmtId="{match.group(1)}"', f'numFmtId="{builtin_id}"')

    return rewrite(data, "xl/styles.xml", change)


def shared_strings(data: bytes) -> bytes:
    """Move every inline string of the first sheet into a shared-string table, as Excel and WPS save text.

    openpyxl writes text as inline strings; real files keep it in ``xl/sharedStrings.xml``.
    """
    source = zipfile.ZipFile(io.BytesIO(data))
    table: list[str] = []
    index: dict[str, int] = {}

    def share(match: re.Match) -> str:
        ref, attributes, text = match.groups()
        if text not in index:
            index[text] = len(table)
            table.append(text)
        return f'<c r="{ref}"{attributes} t="s"><v>{index[text]}</v></c>'

    sheet = source.read(SHEET1).decode("utf-8")
    sheet = re.sub(r'<c r="(\w+)" t="inlineStr"([^>]*)><is><t[^>]*>(.*?)</t></is></c>', share, sheet)
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
    strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
               f'spreadsheetml/2006/main" count="{len(table)}" uniqueCount="{len(table)}">{items}</sst>')
    types = source.read("[Content_Types].xml").decode("utf-8").replace(
        "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = source.read("xl/_rels/workbook.xml.rels").decode("utf-8").replace(
        "</Relationships>", '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/'
                            '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            replacement = {SHEET1: sheet, "[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels}
            target.writestr(info.filename, replacement.get(info.filename, content))
        target.writestr("xl/sharedStrings.xml", strings)
    return buffer.getvalue()


def encrypt_flags(data: bytes) -> bytes:
    """Mark every entry of a zip as encrypted (the general-purpose flag bit 0), as password-zipped files are."""
    raw = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := raw.find(signature, start)) != -1:
            flags = struct.unpack_from("<H", raw, found + offset)[0]
            struct.pack_into("<H", raw, found + offset, flags | 0x1)
            start = found + 4
    return bytes(raw)


def zip_with(parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of the given parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def ole2_file(stream_names: list[str]) -> bytes:
    """Bytes that start like an OLE2 compound file and name the given streams (enough for detection)."""
    body = b"".join(name.encode("utf-16-le") + b"\x00" * 8 for name in stream_names)
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + body + b"\x00" * 1024
