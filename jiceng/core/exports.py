"""XLSX exports for every list: one sheet, a bold frozen header, sensible widths, no formula injection.

User text that a spreadsheet would run as a formula (starting with = + - @, their
full-width forms, or a tab or line break) is written as text with a leading quote
mark: openpyxl stores it as a plain string cell (never a formula), and the quote
keeps WPS/Excel from evaluating it if the text is copied or saved as CSV.
Control characters that XLSX cannot hold are dropped rather than failing the export.
"""

import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable
    width: int = 14


_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def safe_cell(value):
    """A value as an inert cell: text that looks like a formula gets a leading quote, control characters XLSX
    cannot store are dropped, aware datetimes are written in local time; numbers, dates and None pass through."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if value.startswith(_FORMULA_TRIGGERS):
            return "'" + value
        return value
    if isinstance(value, datetime) and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    if value is None or isinstance(value, int | float | Decimal | date | datetime | time):
        return value
    return safe_cell(str(value))


def clean_sheet_title(title: str) -> str:
    """A title Excel accepts for a sheet: no \\ / * ? : [ ], not starting or ending with a quote, 1-31 characters."""
    cleaned = _SHEET_TITLE_FORBIDDEN.sub("_", str(title))[:31].strip("'").strip()
    return cleaned or "Sheet1"


def xlsx_bytes(*, title: str, columns: list[Column], rows: Iterable, sheet_title: str | None = None) -> bytes:
    """Write rows (any objects) through the columns' value functions into an XLSX file, returned as bytes.

    The sheet is named ``sheet_title`` or ``title``, cleaned of the characters Excel forbids in sheet names.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=clean_sheet_title(sheet_title or title))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width

    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=safe_cell(column.header))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        sheet.append([safe_cell(column.value(row)) for column in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
