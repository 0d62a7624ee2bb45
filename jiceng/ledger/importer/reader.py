"""``read_ledger``: from the bytes of an office's XLSX ledger (台账) to validated project rows and located errors.

The sheet is read once into a sparse grid (``grid.py``), its header found by content (``headers.py``), then
every row below it is classified — blank, subtotal (合计/小计), note (注：…), footer (填报人：…), section title
(一、基础设施类, which becomes the category of the rows under it), a repeated header, or a project — and
each project cell is parsed with the pure rules of ``values.py``.  Every bad cell is reported with its
sheet, Excel row and header text; a project with any bad cell is left out of ``projects``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl.utils.cell import get_column_letter

from . import headers as h
from .archive import check_archive
from .errors import CellValueError, LedgerFileError
from .grid import (
    ERROR_VALUE,
    FORMULA_WITHOUT_VALUE,
    Cell,
    Grid,
    cell_ref,
    open_workbook,
    read_grid,
    visible_sheet_titles,
)
from .results import CellError, LedgerRead, ProjectRow, SkippedRow
from .values import (
    ACTUAL,
    PLAN,
    LedgerDate,
    clean_text,
    display_text,
    is_ditto,
    normalise,
    parse_date,
    parse_month,
    parse_period,
    parse_progress,
    parse_quantity,
    progress_kind,
    strip_brackets,
)

UnitResolver = Callable[[str], "str | None"]

#: Progress numbers looked at to tell whether a sheet writes fractions (0.8) or percentages (80).
_SCALE_SAMPLE = 2000
#: Most distinct cell values remembered per sheet when parsing progress and dates.
_CACHE_SIZE = 50_000
_DITTO_FIELDS = (h.UNIT, h.PERSON, h.CATEGORY, h.PLANNED_START, h.PLANNED_END, h.PERIOD, h.TARGET)
_SUBTOTAL_WORDS = ("合计", "小计", "总计", "共计")
_FOOTER = re.compile(r"^(?:填报人|填表人|制表人|审核人|审核|统计人|单位负责人|主要负责人|分管领导|负责人|"
                     r"联系人|联系电话|电话|填报日期|报送日期|填表日期|制表日期|日期|单位盖章|盖章|填报单位)[:(]")
_NOTE = re.compile(r"^(?:注|备注|说明|填表说明|填报说明|附注|注意事项|注意)(?:[:\d①②③④⑤、.]|$)|^[※*]")
_CN_ORDINAL = "[一二三四五六七八九十]+"
_SECTION_LEVEL1 = re.compile(
    rf"^(?:{_CN_ORDINAL}[、.．]|第[一二三四五六七八九十\d]+(?:部分|类|篇|板块)[:：、.．\s]?)\s*(?P<title>.+)$"
)
_SECTION_LEVEL2 = re.compile(rf"^[（(]{_CN_ORDINAL}[)）][、.．]?\s*(?P<title>.+)$")
#: A short title merged across the table without numbering (“基础设施类（12个）”), not a bracketed remark.
_PLAIN_SECTION = re.compile(r"^[^（(【\[\s※*][^，。；,;!！?？]{0,19}$")
#: A table title repeated on a printed page (“2020年美丽人居建设项目推进台账”, “续表”).
_TITLE = re.compile(r"(?:台账|汇总表|推进表|情况表|一览表|统计表|明细表|清单|计划表|续表)(?:\(.*\))?$")
_SECTION_ARABIC = re.compile(r"^\d{1,2}[、.．]\s*(?P<title>[^\d\s].*)$")
_SEQ_ORDINAL = re.compile(rf"^[（(]?(?P<n>{_CN_ORDINAL})[)）、.．]?$")
_COUNT_SUFFIX = re.compile(r"[（(][^（()）]*\d[^（()）]*[)）]$|[（(]共?[一二三四五六七八九十]+[个项处][)）]$")


@dataclass
class _Draft:
    """A project being read: the parsed values and the errors of its row(s)."""

    row: int
    name: str
    name_anchor: int | None
    cells: dict[str, Cell | None] = field(default_factory=dict)
    bad_fields: set[str] = field(default_factory=set)
    result: dict[str, object] = field(default_factory=dict)
    monthly: dict[str, dict[str, float | None]] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    row_kinds: set[str] = field(default_factory=set)
    invalid: bool = False


class _SheetReader:
    """Reads one sheet; holds the grid, the header and the running context (section, previous row)."""

    def __init__(self, grid: Grid, *, unit_resolver: UnitResolver | None, today: dt.date):
        self.grid = grid
        self.unit_resolver = unit_resolver
        self.today = today
        self.errors: list[CellError] = []
        self.skipped: list[SkippedRow] = []
        self.warnings: list[str] = []
        self._unit_cache: dict[str, str | None] = {}
        self._progress_cache: dict[tuple, tuple] = {}
        self._date_cache: dict[tuple, tuple] = {}
        self._covered = grid.covered()
        self._covered_rows: dict[int, list[tuple[int, int, int]]] = {}
        for (row, col), (anchor_row, anchor_col) in self._covered.items():
            self._covered_rows.setdefault(row, []).append((col, anchor_row, anchor_col))

    # Cell access ---------------------------------------------------------------------------------------------

    def _cell(self, row: int, col: int) -> Cell | None:
        cells = self.grid.rows.get(row)
        return cells.get(col) if cells else None

    def value_at(self, row: int, col: int):
        """A cell's value with merged ranges filled in (for the header)."""
        cell = self._cell(row, col)
        if cell is None and (row, col) in self._covered:
            cell = self._cell(*self._covered[(row, col)])
        return cell.value if cell is not None and not cell.state else None

    def own_at(self, row: int, col: int):
        """A cell's own value, or that of a range merged across its row, but not one merged from above."""
        cell = self._cell(row, col)
        if cell is None and (row, col) in self._covered:
            anchor = self._covered[(row, col)]
            if anchor[0] == row:
                cell = self._cell(*anchor)
        return cell.value if cell is not None and not cell.state else None

    # The whole sheet -------------------------------------------------------------------------------------------

    def find_header(self) -> h.Header | None:
        """The header of the sheet, or None when the sheet is not a ledger table."""
        return h.find_header(self.value_at, self.own_at, self.grid.max_row, self.grid.max_col,
                             today_year=self.today.year, continues_left=self._continues_left)

    def _continues_left(self, row: int, col: int) -> bool:
        anchor = self._covered.get((row, col))
        return self._cell(row, col) is None and anchor is not None and anchor[1] < col

    def read(self, header: h.Header) -> LedgerRead:
        """Read every row below the header into projects, errors and skipped rows."""
        self.header = header
        self.warnings.extend(header.warnings)
        self.columns = header.columns
        self.months = header.month_columns
        labelled = [col for col, column in self.columns.items() if column.label]
        self.table_left, self.table_right = min(labelled), max(labelled)
        self.col_of = {column.field: col for col, column in sorted(self.columns.items(), reverse=True)
                       if column.field not in (None, h.IGNORED, h.MONTH)}
        self.data_start = header.data_start
        self.last_row = self._last_content_row()
        self._find_kind_column()
        self._check_required_columns()
        self.fraction_scale = self._sheet_writes_fractions()
        self.wide_rows = self._wide_rows()
        self._warn_about_columns()
        self._month_specs = [(column.index, column.month, column.kind) for column in self.months]
        self._imported_cols = {col for col, column in self.columns.items()
                               if column.field not in (None, h.IGNORED, h.SEQ)}

        drafts: list[_Draft] = []
        section: str = ""
        section_level = 0
        previous: _Draft | None = None
        blank_run: list[int] = []
        self.last_cells: dict[str, Cell] = {}
        for row in range(self.data_start, self.last_row + 1):
            view = self._row_view(row)
            if not view:
                blank_run.append(row)
                continue
            for blank in blank_run:
                self.skipped.append(SkippedRow(blank, _("blank row")))
            blank_run = []
            verdict, detail = self._classify(row, view)
            if verdict == "section":
                title, level = detail
                if level <= 1 or not section or section_level >= level:
                    section, section_level = title, level
                self.skipped.append(SkippedRow(row, _("section title: %(title)s") % {"title": title}))
                previous = None
                continue
            if verdict == "skip":
                self.skipped.append(SkippedRow(row, detail))
                previous = None
                continue
            draft = self._read_row(row, view)
            if previous is not None and self._continues(previous, draft):
                self._merge(previous, draft)
                continue
            self._validate(draft, section)
            self._finish_errors(draft)
            drafts.append(draft)
            previous = draft

        self._check_duplicates(drafts)
        complete = h.UNIT in self.col_of
        projects = [self._project(draft) for draft in drafts if not draft.invalid and complete]
        self.errors.sort(key=lambda error: (error.row, error.column_index, error.code))
        return LedgerRead(projects=projects, errors=self.errors, skipped_rows=self.skipped, sheet=self.grid.title,
                          warnings=self.warnings)

    def _last_content_row(self) -> int:
        return max(max(self.grid.rows, default=0), max(self._covered_rows, default=0))

    def _find_kind_column(self) -> None:
        """A column whose cells say 计划 or 实际 makes each row a plan row or an actual row (months as columns)."""
        if not self.months or all(column.kind for column in self.months):
            return
        for col, column in sorted(self.columns.items()):
            if column.field not in (None, h.IGNORED, h.CATEGORY, h.NOTE):
                continue
            kinds, others = 0, 0
            for row in range(self.data_start, self.last_row + 1):
                value = self.own_at(row, col)
                if value is None:
                    continue
                if isinstance(value, str) and len(normalise(value)) <= 6 and progress_kind(value):
                    kinds += 1
                else:
                    others += 1
            if kinds >= 2 and kinds >= 4 * others:
                for field_name in (h.CATEGORY, h.NOTE):
                    if self.col_of.get(field_name) == col:
                        del self.col_of[field_name]
                column.field = h.KIND
                self.col_of[h.KIND] = col
                return

    def _check_required_columns(self) -> None:
        """Without a unit column no row can become a project; the error sits on the header row."""
        if h.UNIT not in self.col_of:
            self.errors.append(CellError(
                self.grid.title, self.header.first_row, _("responsible unit"),
                _("The table has no responsible-unit column (责任单位)."), code="unit_column_missing",
                cell=cell_ref(self.header.first_row, 1)))

    def _sheet_writes_fractions(self) -> bool:
        """Whether the sheet's bare progress numbers are fractions (0.8) rather than percentages (80)."""
        fractions = percents = 0
        month_cols = [column.index for column in self.months]
        percent_styles = self.grid.percent_styles
        for row in range(self.data_start, self.last_row + 1):
            cells = self.grid.rows.get(row)
            if not cells:
                continue
            for col in month_cols:
                cell = cells.get(col)
                if cell is None or cell.value.__class__ not in (int, float) or cell.style in percent_styles:
                    continue
                if 0 < cell.value < 1:
                    fractions += 1
                elif 1 < cell.value <= 100:
                    percents += 1
            if fractions + percents >= _SCALE_SAMPLE:
                break
        return fractions > 0 and fractions >= percents

    def _wide_rows(self) -> set[int]:
        """Rows with a range merged across most of the table (titles, notes, section rows)."""
        width = self.table_right - self.table_left + 1
        threshold = max(3, math.ceil(width / 2))
        rows: set[int] = set()
        for min_row, min_col, max_row, max_col in self.grid.merges:
            if max_row >= self.data_start and max_col - min_col + 1 >= threshold:
                rows.update(range(max(min_row, self.data_start), max_row + 1))
        return rows

    def _warn_about_columns(self) -> None:
        unlabelled_months = []
        for col in sorted(self.columns):
            column = self.columns[col]
            if not column.label or column.field == h.KIND or (column.merged_on and column.field == h.IGNORED):
                continue
            if column.duplicate_of is not None:
                self.warnings.append(_("The column “%(label)s” repeats the column “%(first)s” and was ignored.") % {
                    "label": column.label, "first": column.duplicate_of})
            elif column.field is None:
                self.warnings.append(_("The column “%(label)s” was not recognised and was ignored.") % {
                    "label": column.label})
            elif column.field == h.IGNORED:
                self.warnings.append(_("The column “%(label)s” is not imported.") % {"label": column.label})
            elif column.field == h.MONTH and column.kind is None and h.KIND not in self.col_of:
                column.kind = ACTUAL
                unlabelled_months.append(column.label)
        if unlabelled_months:
            self.warnings.append(_(
                "The month columns %(labels)s do not say whether they hold the plan or the actual; they were read "
                "as the actual progress.") % {"labels": "、".join(f"“{label}”" for label in unlabelled_months)})

    # One row ---------------------------------------------------------------------------------------------------

    def _row_view(self, row: int) -> dict[int, tuple[Cell, int | None]]:
        """The row's non-empty cells: each with the row it was filled from when a range is merged from above."""
        view: dict[int, tuple[Cell, int | None]] = {}
        cells = self.grid.rows.get(row)
        if cells:
            for col, cell in cells.items():
                view[col] = (cell, None)
        for col, anchor_row, anchor_col in self._covered_rows.get(row, ()):
            if col in view or anchor_col != col or anchor_row >= row or anchor_row < self.data_start:
                continue
            anchor = self._cell(anchor_row, anchor_col)
            if anchor is not None:
                view[col] = (anchor, anchor_row)
        return view

    def _text(self, view, field_name: str) -> str:
        col = self.col_of.get(field_name)
        if col is None or col not in view:
            return ""
        cell = view[col][0]
        return "" if cell.state else clean_text(cell.value)

    def _classify(self, row: int, view) -> tuple[str, object]:
        """Say what a non-blank row is: ("section", (title, level)), ("skip", why) or ("project", None)."""
        ordered = [(col, view[col][0]) for col in sorted(view) if not view[col][0].state]
        first = next((clean_text(cell.value) for col, cell in ordered if isinstance(cell.value, str)), "")
        first_folded = normalise(first)
        seq, name, unit = self._text(view, h.SEQ), self._text(view, h.NAME), self._text(view, h.UNIT)
        has_months = any(column.index in view for column in self.months)

        for text in (seq, name, first):
            folded = normalise(text)
            if folded and (folded in ("累计", "平均") or folded.startswith(_SUBTOTAL_WORDS)
                           or folded.endswith(_SUBTOTAL_WORDS)):
                return "skip", _("subtotal or total row")
        if _FOOTER.match(first_folded):
            return "skip", _("signature or footer row")
        lone = (len(ordered) == 1 and len(view) == 1) or (row in self.wide_rows and not (name and unit))
        if lone and _TITLE.search(first_folded):
            return "skip", _("title row")
        if lone and "盖章" in first_folded:
            return "skip", _("signature or footer row")
        if lone and (first_folded.endswith(("。", ".")) or len(first_folded) > 40):
            return "skip", _("note row")  # a sentence, not a project name
        if _NOTE.match(first_folded) and (lone or (not unit and not has_months)):
            return "skip", _("note row")

        ordinal = _SEQ_ORDINAL.match(normalise(seq)) if seq else None
        if ordinal and name and not unit:
            return "section", (self._section_title(name), 1)
        if first and (lone or not unit):
            for level, pattern in ((1, _SECTION_LEVEL1), (2, _SECTION_LEVEL2), (1, _SECTION_ARABIC)):
                match = pattern.match(first)
                if match and (lone or (not has_months and (pattern is not _SECTION_ARABIC or not name))
                              or (len(ordered) <= 2 and pattern is not _SECTION_ARABIC)):
                    return "section", (self._section_title(match.group("title")), level)
        if self._is_repeated_header(row, view):
            return "skip", _("repeated header row")
        if row in self.wide_rows and not (name and unit):
            if _PLAIN_SECTION.match(first) and len(ordered) == 1:
                return "section", (self._section_title(first), 1)
            return "skip", _("text row merged across the table")
        if not any(col in self._imported_cols for col in view):
            for col in view:
                column = self.columns.get(col)
                if column is None or not column.label:
                    self._warn_headerless(col)
            return "skip", _("no content to import")
        return "project", None

    def _warn_headerless(self, col: int) -> None:
        message = _("Column %(letter)s has content but no header; it was ignored.") % {
            "letter": get_column_letter(col)}
        if message not in self.warnings:
            self.warnings.append(message)

    def _section_title(self, text: str) -> str:
        text = text.strip(" :：、.．")
        return _COUNT_SUFFIX.sub("", text).strip() or text

    def _is_repeated_header(self, row: int, view) -> bool:
        """A copy of the header further down (printed pages repeat it), or of its 计划/实际 row."""
        name_col = self.col_of.get(h.NAME)
        name = view[name_col][0].value if name_col in view else None
        if name is None and len(view) >= 2:
            return all(isinstance(cell.value, str) and (progress_kind(cell.value) or parse_month(cell.value))
                       for cell, _filled in view.values())
        if not isinstance(name, str) or display_text(name) not in self.columns[name_col].levels:
            return False
        matches = 0
        for col, (cell, _filled) in view.items():
            column = self.columns.get(col)
            if column is None or not isinstance(cell.value, str):
                continue
            text = display_text(cell.value)
            if text in column.levels:
                matches += 1
        return matches >= 2 and matches >= len(view) // 2

    def _error(self, draft: _Draft, row: int, col: int, code: str, message: str) -> None:
        column = self.columns.get(col)
        label = column.label if column and column.label else cell_ref(row, col)
        draft.errors.append(CellError(self.grid.title, row, label, message, code=code, cell=cell_ref(row, col),
                                      column_index=col))

    def _cell_of(self, draft: _Draft, row: int, view, field_name: str, *, ditto: bool = False) -> Cell | None:
        """The cell of a field, or None; reports formulas without values and Excel error values.

        A ditto mark (同上) is replaced by the cell of the same field in the project above.
        """
        col = self.col_of.get(field_name)
        if col is None or col not in view:
            return None
        cell = view[col][0]
        if cell.state == FORMULA_WITHOUT_VALUE:
            self._error(draft, row, col, "formula_not_calculated", _formula_message())
            draft.bad_fields.add(field_name)
            return None
        if cell.state == ERROR_VALUE:
            self._error(draft, row, col, "error_value", _error_value_message(cell.value))
            draft.bad_fields.add(field_name)
            return None
        if ditto and is_ditto(cell.value):
            return self.last_cells.get(field_name)
        return cell

    def _read_row(self, row: int, view) -> _Draft:
        """Parse the cells of one project row (the project-level checks come in ``_validate``)."""
        name_col = self.col_of.get(h.NAME)
        name_anchor = view[name_col][1] if name_col in view else None
        draft = _Draft(row=row, name="", name_anchor=name_anchor, rows=[row])
        name_cell = self._cell_of(draft, row, view, h.NAME)
        draft.name = clean_text(name_cell.value) if name_cell else ""
        kind_col = self.col_of.get(h.KIND)
        row_kind = None
        if kind_col is not None and kind_col in view:
            row_kind = progress_kind(view[kind_col][0].value)
            if row_kind:
                draft.row_kinds.add(row_kind)
        for field_name in _DITTO_FIELDS:
            draft.cells[field_name] = self._cell_of(draft, row, view, field_name, ditto=True)
        for field_name in (h.NOTE, h.QUANTITY):
            draft.cells[field_name] = self._cell_of(draft, row, view, field_name)
        self._read_months(draft, row, view, row_kind)
        return draft

    def _read_months(self, draft: _Draft, row: int, view, row_kind: str | None) -> None:
        """Parse the row's month cells into ``draft.monthly``; bad cells become errors."""
        percent_styles = self.grid.percent_styles
        cache = self._progress_cache
        monthly = draft.monthly
        for col, month, column_kind in self._month_specs:
            entry = view.get(col)
            if entry is None:
                continue
            cell = entry[0]
            if cell.state:
                if cell.state == FORMULA_WITHOUT_VALUE:
                    self._error(draft, row, col, "formula_not_calculated", _formula_message())
                else:
                    self._error(draft, row, col, "error_value", _error_value_message(cell.value))
                continue
            kind = column_kind or row_kind or ACTUAL
            value = cell.value
            percent = cell.style in percent_styles
            if value.__class__ is float and 0 <= value <= 1 and not percent:
                progress = round(value, 6)  # the common case, as parse_progress would read it
            else:
                key = (value.__class__, value, kind, percent)
                outcome = cache.get(key)
                if outcome is None:
                    try:
                        outcome = (parse_progress(value, kind=kind, percent_format=percent,
                                                  fraction_scale=self.fraction_scale), None)
                    except CellValueError as error:
                        outcome = (None, error)
                    if len(cache) < _CACHE_SIZE:
                        cache[key] = outcome
                progress, error = outcome
                if error is not None:
                    self._error(draft, row, col, error.code, error.message)
                    continue
                if progress is None:
                    continue
            slot = monthly.get(month)
            if slot is None:
                slot = monthly[month] = {PLAN: None, ACTUAL: None}
            if slot[kind] is None:
                slot[kind] = progress

    def _continues(self, previous: _Draft, draft: _Draft) -> bool:
        """Whether a row carries more of the project above (its name merged over both, or a 计划/实际 pair)."""
        if draft.name_anchor is not None and draft.name_anchor in previous.rows:
            return True
        if draft.row_kinds and not (draft.row_kinds & previous.row_kinds) and previous.row_kinds:
            return not draft.name or normalise(draft.name) == normalise(previous.name)
        return False

    def _merge(self, previous: _Draft, draft: _Draft) -> None:
        previous.rows.append(draft.row)
        previous.row_kinds |= draft.row_kinds
        previous.errors.extend(draft.errors)
        for month, values in draft.monthly.items():
            slot = previous.monthly.setdefault(month, {PLAN: None, ACTUAL: None})
            for kind, progress in values.items():
                if slot[kind] is None:
                    slot[kind] = progress
        self._finish_errors(previous)

    def _finish_errors(self, draft: _Draft) -> None:
        """Publish a draft's errors (once) and mark it invalid if it has any."""
        if draft.errors:
            draft.invalid = True
            self.errors.extend(draft.errors)
            draft.errors = []

    # Validation of a whole project ---------------------------------------------------------------------------

    def _value(self, draft: _Draft, field_name: str):
        cell = draft.cells.get(field_name)
        return cell.value if cell is not None else None

    def _precision(self, draft: _Draft, field_name: str) -> str | None:
        cell = draft.cells.get(field_name)
        return "month" if cell is not None and cell.style in self.grid.month_styles else None

    def _validate(self, draft: _Draft, section: str) -> None:
        """Check a project row as a whole: name, unit, dates, target; fill ``draft.result``."""
        row = draft.row
        if not draft.name and h.NAME not in draft.bad_fields:
            self._error(draft, row, self.col_of[h.NAME], "name_missing", _("The project name is empty."))

        unit = ""
        if h.UNIT in self.col_of and h.UNIT not in draft.bad_fields:
            unit_text = clean_text(self._value(draft, h.UNIT))
            if not unit_text:
                self._error(draft, row, self.col_of[h.UNIT], "unit_missing", _("The responsible unit is empty."))
            else:
                unit = self._resolve_unit(draft, unit_text) or ""

        start, end = self._dates(draft)
        target = clean_text(self._value(draft, h.TARGET))
        quantity = None
        quantity_value = self._value(draft, h.QUANTITY)
        if quantity_value is not None:
            quantity = parse_quantity(quantity_value)
            if quantity is None:
                self._error(draft, row, self.col_of[h.QUANTITY], "quantity_not_number", _(
                    "The target quantity “%(value)s” is not a number.") % {"value": display_text(quantity_value)})
        elif target:
            quantity = parse_quantity(target)

        draft.result = {
            "unit": unit,
            "person": clean_text(self._value(draft, h.PERSON)),
            "planned_start": start.isoformat() if start else None,
            "planned_end": end.isoformat() if end else None,
            "target": target,
            "target_quantity": quantity,
            "category": clean_text(self._value(draft, h.CATEGORY)) or section,
            "note": clean_text(self._value(draft, h.NOTE)),
        }
        for field_name in _DITTO_FIELDS:
            if draft.cells.get(field_name) is not None:
                self.last_cells[field_name] = draft.cells[field_name]

    def _resolve_unit(self, draft: _Draft, text: str) -> str | None:
        """The unit's full name from the resolver (or the text without one); reports unknown units."""
        if self.unit_resolver is None:
            return text
        compact = re.sub(r"\s+", "", text)
        resolved = self._lookup_unit(compact)
        if resolved is None and strip_brackets(compact) not in ("", compact):
            resolved = self._lookup_unit(strip_brackets(compact))  # 区委社治委（牵头）
        if resolved is None:
            parts = [part for part in re.split(r"[、，,；;/\n]+", compact) if part]
            if len(parts) > 1:
                resolved = self._lookup_unit(parts[0])
                if resolved is not None:
                    self.warnings.append(_(
                        "Row %(row)s names several units (“%(text)s”); the first, %(unit)s, was taken as the "
                        "responsible unit.") % {"row": draft.row, "text": text, "unit": resolved})
                    return resolved
            self._error(draft, draft.row, self.col_of[h.UNIT], "unit_unknown", _(
                "The unit “%(unit)s” does not exist.") % {"unit": text})
        return resolved

    def _lookup_unit(self, text: str) -> str | None:
        if text not in self._unit_cache:
            self._unit_cache[text] = self.unit_resolver(text)
        return self._unit_cache[text]

    def _dates(self, draft: _Draft) -> tuple[LedgerDate | None, LedgerDate | None]:
        """Planned start and end from their columns or from a period column; reports bad and reversed dates."""
        year = self.header.year
        start = end = None
        end_field = h.PLANNED_END
        period = self._value(draft, h.PERIOD)
        if period is not None:
            try:
                start, end = parse_period(period, year=year)
                end_field = h.PERIOD
            except CellValueError as error:
                self._error(draft, draft.row, self.col_of[h.PERIOD], error.code, error.message)
        bad = False
        for field_name, is_end in ((h.PLANNED_START, False), (h.PLANNED_END, True)):
            value = self._value(draft, field_name)
            if value is None:
                continue
            key = (value.__class__, value, year, is_end, self._precision(draft, field_name))
            outcome = self._date_cache.get(key)
            if outcome is None:
                try:
                    outcome = (parse_date(value, year=year, end=is_end, precision=key[4]), None)
                except CellValueError as error:
                    outcome = (None, error)
                    try:  # a period (2020年3月-6月) written where only its start or end belongs
                        period_start, period_end = parse_period(value, year=year)
                    except CellValueError:
                        period_start = period_end = None
                    if period_start is not None and period_end is not None:
                        outcome = (period_end if is_end else period_start, None)
                if len(self._date_cache) < _CACHE_SIZE:
                    self._date_cache[key] = outcome
            parsed, error = outcome
            if error is not None:
                self._error(draft, draft.row, self.col_of[field_name], error.code, error.message)
                bad = True
                continue
            if is_end:
                end, end_field = parsed, h.PLANNED_END
            else:
                start = parsed
        if start is not None and end is not None and not bad:
            if not end.explicit_year and (end.year, end.month) < (start.year, start.month):
                end = LedgerDate(end.year + 1, end.month, end.day, False)
            if _before(end, start):
                self._error(draft, draft.row, self.col_of[end_field], "end_before_start", _(
                    "The planned end (%(end)s) is before the planned start (%(start)s).") % {
                    "end": end.isoformat(), "start": start.isoformat()})
        return start, end

    def _check_duplicates(self, drafts: list[_Draft]) -> None:
        seen: dict[str, int] = {}
        name_col = self.col_of.get(h.NAME, 0)
        for draft in drafts:
            key = normalise(draft.name)
            if not key:
                continue
            if key in seen:
                self._error(draft, draft.row, name_col, "duplicate_name", _(
                    "The project name repeats the one in row %(row)s.") % {"row": seen[key]})
                self._finish_errors(draft)
            else:
                seen[key] = draft.row

    def _project(self, draft: _Draft) -> ProjectRow:
        monthly = {month: dict(values) for month, values in sorted(draft.monthly.items())
                   if values[PLAN] is not None or values[ACTUAL] is not None}
        return ProjectRow(sheet=self.grid.title, row=draft.row, name=draft.name, monthly=monthly,
                          rows=tuple(draft.rows), **draft.result)


def _before(end: LedgerDate, start: LedgerDate) -> bool:
    """Whether a planned end falls before a planned start (a month-only date stands for the whole month)."""
    if end.day is None or start.day is None:
        return (end.year, end.month) < (start.year, start.month)
    return end.sort_key() < start.sort_key()


def read_ledger(data: bytes, *, unit_resolver: UnitResolver | None = None, today: dt.date | None = None,
                sheet: str | None = None) -> LedgerRead:
    """Read an office's XLSX ledger into validated project rows, every bad cell located, and skipped rows.

    ``unit_resolver`` turns the unit text of a row (full or short name) into the unit's full name, or None
    when there is no such unit (reported as “单位不存在”); without it the text is kept.  ``today`` gives the
    year of a ledger that names none (default: today).  ``sheet`` picks a worksheet; by default the first
    visible sheet that has a ledger header is read.  Formulas are never evaluated: a formula cell is read
    as the value Excel cached, and one without a cached value is an error at that cell.

    Raises ``LedgerFileError`` when the file is not a readable, safe XLSX workbook or holds no ledger table.
    """
    today = today or dt.date.today()
    check_archive(data)
    workbook = open_workbook(data)
    try:
        titles = visible_sheet_titles(workbook)
        if sheet is not None:
            if sheet not in workbook.sheetnames:
                raise LedgerFileError(_("The workbook has no sheet named “%(sheet)s”.") % {"sheet": sheet},
                                      reason="no_sheet")
            titles = [sheet]
        if not titles:
            raise LedgerFileError(_("The workbook has no visible worksheet."), reason="no_sheet")
        for title in titles:
            reader = _SheetReader(read_grid(workbook, title), unit_resolver=unit_resolver, today=today)
            header = reader.find_header()
            if header is None:
                continue
            result = reader.read(header)
            others = [other for other in visible_sheet_titles(workbook) if other != title]
            if others:
                result.warnings.insert(0, _(
                    "Only the sheet “%(sheet)s” was read; the workbook also has: %(others)s.") % {
                    "sheet": title, "others": "、".join(others)})
            return result
    finally:
        workbook.close()
    raise LedgerFileError(_(
        "No ledger table was found: the header must name the project (项目名称 or 工作任务) and at least one "
        "other column such as 责任单位, within the first %(rows)s rows.") % {"rows": h.MAX_HEADER_SCAN_ROWS},
        reason="no_header")


def _formula_message() -> str:
    return _("The formula has not been calculated (the file holds no result for it); paste it as a value.")


def _error_value_message(value) -> str:
    return _("The cell holds the Excel error %(value)s; correct the formula or paste a value.") % {
        "value": display_text(value)}
