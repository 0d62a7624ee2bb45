"""Read residents' suggestions from a CSV file as staff export it from Excel, WPS or a chat-group tool.

Accepted: UTF-8 (with or without the BOM Excel writes) and GBK/GB18030 (what Excel and WPS write on Chinese
Windows); comma, tab or semicolon separated; a header row naming the columns ``id`` and ``text`` (also 编号/序号 and
内容/建议) and optionally ``compound`` (also 楼院/小区).  Everything else is refused with a message in Chinese.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

COLUMN_NAMES = {
    "id": ("id", "编号", "序号", "建议编号"),
    "text": ("text", "内容", "建议", "建议内容", "文本"),
    "compound": ("compound", "楼院", "小区", "院落"),
}
_SIGNATURES = (b"PK\x03\x04", b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0")
_RE_CANONICAL_INT = re.compile(r"-?(0|[1-9][0-9]*)")


class SuggestionFileError(ValueError):
    """The file cannot be read as a table of suggestions; the message (in the active language) says why."""


@dataclass(frozen=True)
class SuggestionFile:
    """The suggestions of a file: ids (ints when every id is a plain integer, else strings), texts, compounds."""

    ids: tuple[int | str, ...]
    texts: tuple[str, ...]
    compounds: tuple[str, ...] | None

    def items(self) -> list[tuple]:
        """(id, text) or (id, text, compound) tuples, as ``group_suggestions`` takes them."""
        if self.compounds is None:
            return list(zip(self.ids, self.texts, strict=True))
        return list(zip(self.ids, self.texts, self.compounds, strict=True))


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), else GB18030, which covers GBK.

    Raises SuggestionFileError for an empty file, a binary file (a spreadsheet, an image) or text in neither encoding.
    """
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        raise SuggestionFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SuggestionFileError(_("This is an Excel or WPS workbook, not a CSV file: save it as CSV (UTF-8) first."))
    if data.startswith(_SIGNATURES) or b"\x00" in data:
        raise SuggestionFileError(_("This is not a CSV text file."))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\r\n")
        if controls > max(2, len(text) // 100):
            break
        return text
    raise SuggestionFileError(_("This is not a CSV text file."))


def _delimiter(header_line: str) -> str:
    counts = {delimiter: header_line.count(delimiter) for delimiter in (",", "\t", ";")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_suggestions(data: bytes) -> SuggestionFile:
    """Parse the bytes of a CSV file into suggestions.

    Raises SuggestionFileError for: an empty or binary file, a file without the ``id`` or ``text`` column, a file
    with a header and no suggestion, a row without an id, a duplicate id, and text that is not valid CSV.
    """
    text = decode(data)
    lines = text.splitlines()
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0] if lines else "")))
    except csv.Error as error:
        raise SuggestionFileError(_("The file is not valid CSV: %(error)s") % {"error": error}) from error
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise SuggestionFileError(_("The file is empty."))
    header = [unicodedata.normalize("NFKC", cell).strip().lower() for cell in rows[0]]
    position = {}
    for column, names in COLUMN_NAMES.items():
        for name in names:
            if name in header:
                position[column] = header.index(name)
                break
    missing = [column for column in ("id", "text") if column not in position]
    if missing:
        raise SuggestionFileError(
            _("The file has no %(columns)s column; the first row must name the columns, e.g. id,text,compound.")
            % {"columns": " / ".join(missing)})
    body = rows[1:]
    if not body:
        raise SuggestionFileError(_("The file has a header row but no suggestions."))

    def cell(row: list[str], column: str) -> str:
        index = position.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    ids: list[str] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(body, start=2):
        ident = cell(row, "id")
        if not ident:
            raise SuggestionFileError(_("Row %(row)d has no id.") % {"row": number})
        if ident in seen:
            raise SuggestionFileError(_("The id %(id)s appears twice (rows %(first)d and %(second)d).")
                                      % {"id": ident, "first": seen[ident], "second": number})
        seen[ident] = number
        ids.append(ident)
    all_integers = all(_RE_CANONICAL_INT.fullmatch(ident) for ident in ids)
    return SuggestionFile(
        ids=tuple(int(ident) for ident in ids) if all_integers else tuple(ids),
        texts=tuple(cell(row, "text") for row in body),
        compounds=tuple(cell(row, "compound") for row in body) if "compound" in position else None,
    )
