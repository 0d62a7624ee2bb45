"""Reading one worksheet into a sparse grid of cell values, with its merged ranges, never evaluating formulas.

openpyxl streams the sheet in read-only mode with ``data_only=True``, so a formula cell yields the value
Excel cached when it last saved the file.  The parser is extended only to remember *that* a cell holds a
formula, so that a formula without a cached value is reported rather than read as a blank; the formula
text itself is never used.  Merged ranges come from the same streaming pass (they follow the cell data in
the sheet XML), so no second, non-read-only load is needed.

This module relies on openpyxl 3.1's ``WorkSheetParser`` and the read-only workbook's style tables; the
project pins openpyxl below 3.2.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries
from openpyxl.worksheet._reader import FORMULA_TAG, INLINE_STRING, VALUE_TAG, WorkSheetParser, _cast_number
from openpyxl.xml.constants import SHEET_MAIN_NS

from .errors import LedgerFileError
from .values import excel_serial_date

#: Most rows a ledger sheet may declare or hold.
MAX_ROWS = 50_000
#: Most columns a ledger sheet may declare or hold.
MAX_COLUMNS = 500
#: Most non-empty cells a sheet may hold (bounds the memory a hostile but well-compressed sheet can take).
MAX_CELLS = 1_500_000
#: Most cells that merged ranges may cover (after clipping them to the cells in use).
MAX_MERGED_CELLS = 1_000_000

#: Number formats built into Chinese Excel that openpyxl does not know: id -> "day" or "month" precision.
CJK_DATE_FORMATS = {27: "month", 28: "day", 29: "day", 30: "day", 31: "day", 36: "month",
                    50: "month", 51: "day", 52: "month", 53: "day", 54: "day", 57: "month", 58: "day"}

NORMAL = ""
FORMULA_WITHOUT_VALUE = "formula"
ERROR_VALUE = "error"

_RE_FORMAT_NOISE = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


class Cell(NamedTuple):
    """One non-empty cell: its value (as Excel cached it), style index and state.

    ``state`` is ``""`` for an ordinary value, ``"formula"`` for a formula with no cached value (``value``
    is None) and ``"error"`` for an Excel error value such as ``#REF!`` (``value`` is its text).
    """

    value: object
    style: int = 0
    state: str = NORMAL


@dataclass
class Grid:
    """A worksheet as read: sparse rows of cells, merged ranges, and what each style index means."""

    title: str
    rows: dict[int, dict[int, Cell]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_row, min_col, max_row, max_col)
    percent_styles: frozenset[int] = frozenset()
    month_styles: frozenset[int] = frozenset()
    max_row: int = 0
    max_col: int = 0

    def covered(self) -> dict[tuple[int, int], tuple[int, int]]:
        """Map every cell inside a merged range (other than its top-left) to that top-left cell."""
        result: dict[tuple[int, int], tuple[int, int]] = {}
        for min_row, min_col, max_row, max_col in self.merges:
            for row in range(min_row, max_row + 1):
                for col in range(min_col, max_col + 1):
                    if (row, col) != (min_row, min_col):
                        result[(row, col)] = (min_row, min_col)
        return result


_TEXT_TAG = f"{{{SHEET_MAIN_NS}}}t"


class _GridParser(WorkSheetParser):
    """openpyxl's streaming sheet parser, in data-only mode, turning each row straight into grid cells.

    Formula cells keep the value Excel cached; a formula without one becomes a ``"formula"`` cell instead
    of a blank, and the formula text is never read.  The common cells (a shared string, a plain number, a
    simple inline string) take a short path; dates, booleans, errors, rich text and formulas go through
    openpyxl's own ``parse_cell``.
    """

    def __init__(self, *args, title: str, cjk_dates: frozenset[int], **kwargs):
        super().__init__(*args, **kwargs)
        self._title = title
        self._cjk_dates = cjk_dates
        self._column_numbers: dict[str, int] = {}

    def parse_row(self, row):
        """Return (row number, {column: Cell}) for one ``<row>`` element, without empty cells."""
        number = row.get("r")
        if number is not None:
            try:
                self.row_counter = int(number)
            except ValueError:
                self.row_counter = int(float(number))
        else:
            self.row_counter += 1
        if self.row_counter > MAX_ROWS:
            raise too_many_rows(self.row_counter, self._title)
        self.col_counter = 0
        cells: dict[int, Cell] = {}
        date_formats, shared, columns = self.date_formats, self.shared_strings, self._column_numbers
        for element in row:
            get = element.get
            data_type = get("t", "n")
            coordinate = get("r")
            if coordinate is not None and data_type in ("s", "n") and element.find(FORMULA_TAG) is None:
                style = get("s")
                style_id = int(style) if style else 0
                if data_type == "s" or style_id not in date_formats:
                    letters = coordinate.rstrip("0123456789")
                    column = columns.get(letters) or self._column_number(letters)
                    self.col_counter = column
                    raw = element.findtext(VALUE_TAG)
                    if not raw:
                        continue
                    if data_type == "s":
                        value = shared[int(raw)]
                        if not value.strip():
                            continue
                    else:
                        value = _cast_number(raw)
                        if style_id in self._cjk_dates:
                            value = _serial_date(value)
                    if column > MAX_COLUMNS:
                        raise too_many_columns(column, self._title)
                    cells[column] = Cell(value, style_id)
                    continue
            if data_type == "inlineStr" and coordinate is not None and element.find(FORMULA_TAG) is None:
                text = _simple_inline_text(element)
                if text is not None:
                    letters = coordinate.rstrip("0123456789")
                    column = columns.get(letters) or self._column_number(letters)
                    self.col_counter = column
                    if text.strip():
                        if column > MAX_COLUMNS:
                            raise too_many_columns(column, self._title)
                        style = get("s")
                        cells[column] = Cell(text, int(style) if style else 0)
                    continue
            self._add_slow(cells, element)
        return self.row_counter, cells

    def _column_number(self, letters: str) -> int:
        number = self._column_numbers[letters] = column_index_from_string(letters)
        return number

    def _add_slow(self, cells: dict[int, Cell], element) -> None:
        """Read an unusual cell through openpyxl (dates, booleans, errors, inline and rich text, formulas)."""
        formula = element.find(FORMULA_TAG) is not None
        item = self.parse_cell(element)
        value = item["value"]
        if not formula and (value is None or (isinstance(value, str) and not value.strip())):
            return
        column = item["column"]
        if column > MAX_COLUMNS:
            raise too_many_columns(column, self._title)
        style = item["style_id"] or 0
        if item["data_type"] == "e":
            cells[column] = Cell(value, style, ERROR_VALUE)
        elif value is None:
            cells[column] = Cell(None, style, FORMULA_WITHOUT_VALUE)
        else:
            if style in self._cjk_dates and isinstance(value, int | float) and not isinstance(value, bool):
                value = _serial_date(value)
            elif isinstance(value, dt.time | dt.timedelta):
                value = str(value)
            elif not isinstance(value, str | int | float | bool | dt.date):
                value = str(value)  # rich text
            cells[column] = Cell(value, style)


def _simple_inline_text(element) -> str | None:
    """The text of ``<is><t>…</t></is>`` (how openpyxl writes text), or None for rich or phonetic text."""
    inline = element.find(INLINE_STRING)
    if inline is None or len(inline) != 1 or inline[0].tag != _TEXT_TAG:
        return None
    return inline[0].text or ""


def _serial_date(value):
    """A number shown with a Chinese builtin date format is an Excel date; keep the number if it cannot be one."""
    try:
        return excel_serial_date(value)
    except (ValueError, OverflowError):
        return value


def too_many_rows(count: int, title: str) -> LedgerFileError:
    """The error for a sheet with more rows than a ledger can have."""
    return LedgerFileError(_(
        "The sheet “%(sheet)s” is too large: it has or declares %(count)s rows (at most %(limit)s). Delete the "
        "empty rows below the table and upload it again.") % {"sheet": title, "count": count, "limit": MAX_ROWS},
        reason="too_many_rows")


def too_many_columns(count: int, title: str) -> LedgerFileError:
    """The error for a sheet with more columns than a ledger can have."""
    return LedgerFileError(_(
        "The sheet “%(sheet)s” is too wide: it has or declares %(count)s columns (at most %(limit)s). Delete "
        "the empty columns to the right of the table and upload it again.") % {
        "sheet": title, "count": count, "limit": MAX_COLUMNS}, reason="too_many_columns")


def open_workbook(data: bytes):
    """Open checked XLSX bytes with openpyxl in read-only, data-only mode.

    Raises ``LedgerFileError`` (reason ``damaged``) when openpyxl cannot make sense of the workbook.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds of error on malformed parts
        raise LedgerFileError(_(
            "The workbook could not be opened: its content is damaged or not produced by a spreadsheet "
            "program. Open it in Excel, save it again and upload it once more."), reason="damaged") from error


def _style_tables(workbook) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
    """Style indexes whose number format is a percentage, a date shown to the month, and a Chinese builtin date."""
    percent, month, cjk_dates = set(), set(), set()
    custom = list(workbook._number_formats)
    for index, style in enumerate(workbook._cell_styles):
        format_id = style.numFmtId
        if format_id in CJK_DATE_FORMATS:
            cjk_dates.add(index)
            if CJK_DATE_FORMATS[format_id] == "month":
                month.add(index)
            continue
        code = BUILTIN_FORMATS.get(format_id)
        if code is None and format_id >= 164 and format_id - 164 < len(custom):
            code = custom[format_id - 164]
        if not code:
            continue
        bare = _RE_FORMAT_NOISE.sub("", code).lower()
        if "%" in bare:
            percent.add(index)
        elif is_date_format(code) and "d" not in bare and "y" in bare:
            month.add(index)
    return frozenset(percent), frozenset(month), frozenset(cjk_dates)


def visible_sheet_titles(workbook) -> list[str]:
    """Titles of the workbook's visible worksheets, in workbook order."""
    return [sheet.title for sheet in workbook.worksheets if getattr(sheet, "sheet_state", "visible") == "visible"]


def read_grid(workbook, title: str) -> Grid:
    """Read the worksheet ``title`` of a workbook opened by ``open_workbook`` into a ``Grid``.

    Raises ``LedgerFileError`` when the sheet declares or holds more than ``MAX_ROWS`` rows or
    ``MAX_COLUMNS`` columns, when its merged ranges are absurd, or when its XML is damaged.
    """
    sheet = workbook[title]
    declared_rows, declared_cols = sheet.max_row or 0, sheet.max_column or 0
    if declared_rows > MAX_ROWS:
        raise too_many_rows(declared_rows, title)
    if declared_cols > MAX_COLUMNS:
        raise too_many_columns(declared_cols, title)
    percent, month, cjk_dates = _style_tables(workbook)
    rows: dict[int, dict[int, Cell]] = {}
    try:
        with sheet._get_source() as source, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parser = _GridParser(
                source, sheet._shared_strings, data_only=True, epoch=workbook.epoch,
                date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats,
                title=title, cjk_dates=cjk_dates,
            )
            count = 0
            for index, cells in parser.parse():
                if cells:
                    rows[index] = cells
                    count += len(cells)
                    if count > MAX_CELLS:
                        raise LedgerFileError(_(
                            "The sheet “%(sheet)s” holds more than %(limit)s filled cells, far more than a ledger; "
                            "split it and upload the parts.") % {"sheet": title, "limit": MAX_CELLS},
                            reason="too_many_cells")
            merged = parser.merged_cells
    except LedgerFileError:
        raise
    except Exception as error:  # damaged XML, bad shared-string indexes, impossible coordinates ...
        raise LedgerFileError(_(
            "The sheet “%(sheet)s” is damaged and cannot be read. Open the file in Excel, save it again and "
            "upload it once more.") % {"sheet": title}, reason="damaged") from error

    max_row = max(rows, default=0)
    max_col = max((max(cells) for cells in rows.values()), default=0)
    merges = _clip_merges(merged, max_row, max_col, title)
    return Grid(title=title, rows=rows, merges=merges, percent_styles=percent, month_styles=month,
                max_row=max_row, max_col=max_col)


def _clip_merges(merged, max_row: int, max_col: int, title: str) -> list[tuple[int, int, int, int]]:
    """Merged ranges clipped to the cells in use (a title merged across a whole row covers only the table)."""
    if not merged:
        return []
    result = []
    area = 0
    for merge in merged.mergeCell:
        try:
            min_col, min_row, end_col, end_row = range_boundaries(merge.ref)
        except (TypeError, ValueError):
            continue
        if min_row is None or min_col is None or min_row > max_row or min_col > max_col:
            continue
        end_row, end_col = min(end_row or max_row, max_row), min(end_col or max_col, max_col)
        if (end_row, end_col) == (min_row, min_col):
            continue
        area += (end_row - min_row + 1) * (end_col - min_col + 1)
        if area > MAX_MERGED_CELLS:
            raise LedgerFileError(_(
                "The sheet “%(sheet)s” has merged ranges that are far too large; unmerge the empty area and "
                "upload it again.") % {"sheet": title}, reason="too_many_merged_cells")
        result.append((min_row, min_col, end_row, end_col))
    result.sort()
    return result


def cell_ref(row: int, column: int) -> str:
    """The A1 reference of a cell."""
    return f"{get_column_letter(column)}{row}"
