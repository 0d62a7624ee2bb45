"""XLSX exports for every list: one sheet, a bold frozen header, sensible widths, no formula injection.

User text that a spreadsheet would run as a formula (starting with = + - @ or a
control character) is written as text with a leading apostrophe-equivalent:
openpyxl stores it as a plain string cell and we prefix it with a quote mark so
WPS/Excel never evaluate it.
"""

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable
    width: int = 14


def safe_cell(value):
    """A value as an inert cell: text that looks like a formula gets a leading quote; times lose their zone."""
    if isinstance(value, str):
        if value.startswith(_FORMULA_TRIGGERS):
            return "'" + value
        return value
    if isinstance(value, datetime) and value.tzinfo is not None:
        from django.utils import timezone

        return timezone.localtime(value).replace(tzinfo=None)
    if value is None or isinstance(value, int | float | date | datetime):
        return value
    return safe_cell(str(value))


def xlsx_bytes(*, title: str, columns: list[Column], rows: Iterable, sheet_title: str | None = None) -> bytes:
    """Write rows (any objects) through the columns' value functions into an XLSX file, returned as bytes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=(sheet_title or title)[:31])
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    from openpyxl.cell import WriteOnlyCell

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
