"""Finding the header of a ledger table and saying what each column holds.

Offices lay out their ledgers freely: a merged title and a subtitle above the table, one to four header
rows, months merged over a 计划/实际 pair or written as “6月计划”, synonyms for every field, columns in any
order.  The header is found by its content (a row naming the project column and at least one other known
column), never by its position.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .values import (
    ACTUAL,
    MonthLabel,
    display_text,
    month_key,
    normalise,
    parse_month,
    progress_kind,
    strip_brackets,
)

#: How far down the sheet the header is looked for.
MAX_HEADER_SCAN_ROWS = 40
#: Most rows a header may span.
MAX_HEADER_ROWS = 4

SEQ = "seq"
NAME = "name"
UNIT = "unit"
PERSON = "person"
PLANNED_START = "planned_start"
PLANNED_END = "planned_end"
PERIOD = "period"
TARGET = "target"
QUANTITY = "quantity"
CATEGORY = "category"
NOTE = "note"
MONTH = "month"
KIND = "kind"
IGNORED = "ignored"

#: Header texts of each field, most specific first.  Matching folds width and whitespace and drops
#: bracketed asides, so “项 目 名 称”, “项目名称（必填）” and “项目名称：” all match “项目名称”.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    SEQ: ("序号", "编号", "序", "项目编号", "NO", "No", "No."),
    NAME: ("项目名称", "工作任务", "任务名称", "项目（任务）名称", "项目/任务", "项目任务", "任务内容", "具体任务",
           "重点任务", "重点工作", "工作事项", "工作项目", "建设项目", "项目内容", "工作内容", "事项", "任务", "项目",
           "名称", "项目名"),
    UNIT: ("责任单位", "牵头单位", "承办单位", "主责单位", "实施单位", "责任部门", "牵头部门", "承办部门", "主办单位",
           "牵头责任单位", "主体责任单位", "责任主体", "实施主体", "建设单位", "单位"),
    PERSON: ("责任人", "联系人", "负责人", "具体责任人", "具体负责人", "项目负责人", "经办人", "联络员"),
    PLANNED_START: ("计划开始", "计划开始时间", "开始时间", "计划开工", "计划开工时间", "开工时间", "启动时间",
                    "起始时间", "开始日期", "计划开始日期", "计划启动时间"),
    PLANNED_END: ("计划完成", "计划完成时间", "完成时限", "完成时间", "计划竣工", "计划竣工时间", "竣工时间",
                  "截止时间", "时限要求", "完成期限", "办结时限", "结束时间", "计划结束时间", "计划完成日期",
                  "完成日期", "完成时限要求", "时限"),
    PERIOD: ("起止时间", "实施期限", "建设周期", "计划时间", "实施时间", "建设期限", "建设年限", "起止日期", "工期",
             "时间安排", "计划起止时间"),
    TARGET: ("年度目标", "年度目标任务", "目标任务", "工作目标", "建设内容及目标", "工作内容及目标", "年度建设目标",
             "建设内容", "建设规模及内容", "主要内容", "目标要求", "年度计划", "年度任务", "预期目标", "目标"),
    QUANTITY: ("目标数量", "计划数量", "目标值", "量化指标", "任务数", "数量", "规模"),
    CATEGORY: ("类别", "项目类别", "项目类型", "类型", "分类", "所属类别", "板块"),
    NOTE: ("备注", "说明", "附注"),
    IGNORED: ("配合单位", "协办单位", "配合部门", "责任领导", "分管领导", "牵头领导", "联系电话", "电话", "手机",
              "联系方式", "地点", "建设地点", "项目地点", "实施地点", "位置", "总投资", "投资", "投资额", "计划投资",
              "年度投资", "资金来源", "进展情况", "当前进展", "存在问题", "问题", "下步计划", "下一步计划", "完成情况",
              "推进情况", "形象进度", "督查情况", "整改措施", "累计完成"),
}

_EXACT: dict[str, str] = {}
_BY_LENGTH: list[tuple[str, str]] = []
for _field, _names in FIELD_SYNONYMS.items():
    for _name in _names:
        _key = normalise(_name).upper()
        _EXACT.setdefault(_key, _field)
        _BY_LENGTH.append((_key, _field))
_BY_LENGTH.sort(key=lambda pair: -len(pair[0]))

_START_WORDS = ("开始", "起", "开工", "启动", "开始时间", "起始")
_END_WORDS = ("完成", "结束", "止", "竣工", "完成时间", "截止", "办结")
_TIME_PARENT = re.compile(r"时间|时限|日期|期限|节点|周期|工期")
_YEAR = re.compile(r"((?:19|20)\d{2})(?:\s*[-—~至到]\s*(?:19|20)\d{2})?\s*年")


def _fold(text: str) -> str:
    return strip_brackets(normalise(text)).strip("*＊:：.、").upper()


def header_rank(text, field_name: str) -> int:
    """How specific a header text is for its field (0 = the first synonym); used to choose between two columns
    naming the same field (“年度目标” wins over “建设内容”, “责任人” over “联系人”)."""
    folded = _fold(text) if isinstance(text, str) else ""
    names = [normalise(name).upper() for name in FIELD_SYNONYMS.get(field_name, ())]
    for rank, name in enumerate(names):
        if folded == name:
            return rank
    for rank, name in enumerate(names):
        if name in folded:
            return len(names) + rank
    return 2 * len(names)


def match_header(text) -> str | None:
    """The field a header text names (``"name"``, ``"unit"``, ``"planned_end"`` … or ``"ignored"`` for a
    known column that is not imported), or None for an unknown text.

    Exact synonyms win; otherwise the longest synonym contained in a short text, preferring one at the end
    (in Chinese the head noun comes last: “工作任务完成时限” is a deadline).
    """
    if not isinstance(text, str):
        return None
    return _match_folded(_fold(text))


@functools.lru_cache(maxsize=4096)
def _match_folded(folded: str) -> str | None:
    if not folded or ":" in folded:  # “项目名称：填写全称” explains a field, it does not head a column
        return None
    if folded in _EXACT:
        return _EXACT[folded]
    if len(folded) > 16:
        return None
    best: tuple[int, int, str] | None = None
    for name, field_name in _BY_LENGTH:
        if len(name) < 2 or name not in folded or len(folded) > len(name) + 6:
            continue
        score = (int(folded.endswith(name)), len(name), field_name)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


@dataclass
class Column:
    """One column of the table: its header text as shown, and what it holds.

    ``field`` is a field name, ``"month"`` (with ``month`` and ``kind``), ``"kind"`` (a column saying
    whether a row is the plan or the actual), ``"ignored"`` or None (unknown).
    """

    index: int
    label: str
    levels: tuple[str, ...] = ()
    field: str | None = None
    rank: int = 0
    duplicate_of: str | None = None
    merged_on: bool = False  # its header is only the continuation of a range merged from the left
    month: str | None = None
    kind: str | None = None
    month_label: MonthLabel | None = None


@dataclass
class Header:
    """Where the header is and what it says."""

    first_row: int
    last_row: int
    columns: dict[int, Column]
    year: int
    numbering_row: int | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def data_start(self) -> int:
        """First row below the header (and below a row of column numbers, if any)."""
        return (self.numbering_row or self.last_row) + 1

    @property
    def month_columns(self) -> list[Column]:
        """Month columns in sheet order."""
        return [column for column in self.columns.values() if column.field == MONTH]


ValueAt = Callable[[int, int], object]


def _is_number_like(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and normalise(value).replace(".", "", 1).isdigit()


_UNIT_LABEL = re.compile(r"^[(（]?(?:%|个|万元|元|次|人|户|处|项|家|平方米|m2|㎡)[)）]?$")


def _label_like(value) -> bool:
    """A cell of a lower header row: a month, a plan/actual word, a field name, start/end or a unit such as (%)."""
    if parse_month(value) is not None:
        return True
    if not isinstance(value, str):
        return False
    folded = normalise(value)
    return (progress_kind(value) is not None or match_header(value) is not None
            or strip_brackets(folded) in _START_WORDS + _END_WORDS or bool(_UNIT_LABEL.match(folded)))


def _row_values(value_at: ValueAt, row: int, max_col: int) -> list[object]:
    return [value_at(row, col) for col in range(1, max_col + 1)]


def _is_header_row(values: list[object]) -> bool:
    fields = {match_header(value) for value in values if isinstance(value, str)} - {None, IGNORED}
    months = sum(1 for value in values if parse_month(value) is not None)
    return NAME in fields and (len(fields) >= 2 or months >= 1)


_COLUMN_LETTERS = frozenset({"甲", "乙", "丙", "丁", "戊", "A", "B", "C", "D", "E"})


def _is_numbering_row(values: list[object]) -> bool:
    """A row numbering the columns under the header (“1 2 3 …”, or “甲 乙 1 2 …” as on official forms)."""
    present = [value for value in values if value is not None]
    numbers = [value for value in present
               if not (isinstance(value, str) and normalise(value).upper() in _COLUMN_LETTERS)]
    if len(present) < 3 or len(numbers) < 2 or not all(_is_number_like(value) for value in numbers):
        return False
    as_floats = [float(normalise(value)) if isinstance(value, str) else float(value) for value in numbers]
    return all(later > earlier for earlier, later in zip(as_floats, as_floats[1:], strict=False))


def _month_number(value) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not float(value).is_integer():
        return None
    return int(value) if 1 <= value <= 12 else None


def _is_month_number_row(values: list[object], above: list[object]) -> bool:
    """A row of bare month numbers (1 … 12) under a header group such as “月份” or “2020年各月进度”."""
    present = [(value, over) for value, over in zip(values, above, strict=True) if value is not None]
    return len(present) >= 2 and all(
        _month_number(value) is not None and isinstance(over, str) and "月" in over for value, over in present)


def find_header(value_at: ValueAt, own_at: ValueAt, max_row: int, max_col: int, *, today_year: int,
                continues_left: Callable[[int, int], bool] | None = None) -> Header | None:
    """Find the header of the table and map its columns, or return None when the sheet has no ledger header.

    ``value_at(row, col)`` gives a cell's value with merged ranges filled in (a month merged over two
    columns is read in both); ``own_at`` gives the value written in that row (including a range merged
    across it, not one merged down from above); ``continues_left(row, col)`` says whether a cell is the
    continuation of a range merged from its left.
    """
    first = None
    for row in range(1, min(max_row, MAX_HEADER_SCAN_ROWS) + 1):
        if _is_header_row(_row_values(value_at, row, max_col)):
            first = row
            break
    if first is None:
        return None

    # A row of months just above the field names belongs to the header (months over 计划/实际).
    top = first
    while top > 1 and first - top < MAX_HEADER_ROWS - 1:
        above = _row_values(value_at, top - 1, max_col)
        if not any(parse_month(value) is not None for value in above):
            break
        top -= 1

    last = first
    numbering_row = None
    while last - top < MAX_HEADER_ROWS - 1 and last < max_row:
        own = _row_values(own_at, last + 1, max_col)
        present = [value for value in own if value is not None]
        if _is_month_number_row(own, _row_values(value_at, last, max_col)):
            last += 1
            continue
        if _is_numbering_row(own):
            numbering_row = last + 1
            break
        if not present or not all(_label_like(value) for value in present):
            break
        last += 1

    header_rows = range(top, last + 1)
    title_year = _title_year(value_at, top, max_col)
    columns: dict[int, Column] = {}
    for col in range(1, max_col + 1):
        raw_levels = [value_at(row, col) for row in header_rows]
        levels: list[str] = []
        for value in raw_levels:
            text = _header_text(value)
            if text and (not levels or levels[-1] != text):
                levels.append(text)
        merged_on = continues_left is not None and all(continues_left(row, col) for row in header_rows)
        columns[col] = Column(index=col, label=" ".join(levels), levels=tuple(levels), merged_on=merged_on)
        _classify_column(columns[col], raw_levels)

    warnings: list[str] = []
    _inherit_months(columns)
    year = _assign_years(columns, title_year, today_year, warnings)
    _drop_duplicates(columns)
    return Header(first_row=top, last_row=last, columns=columns, year=year, numbering_row=numbering_row,
                  warnings=warnings)


def _header_text(value) -> str:
    """A header cell as the user sees it; a date cell shows as Chinese Excel shows months (2020年6月)."""
    if isinstance(value, dt.date):
        if value.day == 1:
            return f"{value.year}年{value.month}月"
        return f"{value.year}年{value.month}月{value.day}日"
    return display_text(value)


def _title_year(value_at: ValueAt, top: int, max_col: int) -> int | None:
    """The year named above the table (“2020年美丽人居建设项目推进台账”, “填报时间：2020年6月30日”)."""
    for row in range(1, top):
        for col in range(1, max_col + 1):
            value = value_at(row, col)
            if isinstance(value, str):
                match = _YEAR.search(normalise(value))
                if match:
                    return int(match.group(1))
    return None


def _classify_column(column: Column, raw_levels: list[object]) -> None:
    """Decide what one column holds from its header levels (top to bottom)."""
    month: MonthLabel | None = None
    kind = None
    under_month_group = any(isinstance(value, str) and "月" in value for value in raw_levels)
    for value in raw_levels:
        label = parse_month(value)
        if label is None and under_month_group and _month_number(value) is not None:
            label = MonthLabel(None, _month_number(value))
        if label is not None:
            month = label
            if label.kind:
                kind = label.kind
            continue
        level_kind = progress_kind(value) if isinstance(value, str) else None
        if level_kind:
            kind = level_kind
    if month is not None:
        bottom = raw_levels[-1]
        if (isinstance(bottom, str) and parse_month(bottom) is None and progress_kind(bottom) is None
                and not (under_month_group and _month_number(bottom) is not None)):
            # Under a month but not a plan or an actual (存在问题, 备注): not a progress column.
            column.field = IGNORED
            return
        column.field = MONTH
        column.month_label = month
        column.kind = kind
        return
    levels = [normalise(level) for level in column.levels]
    if not levels:
        return
    if len(levels) >= 2 and _TIME_PARENT.search(levels[-2]):
        bottom = strip_brackets(levels[-1])
        if bottom in _START_WORDS or match_header(bottom) == PLANNED_START:
            column.field = PLANNED_START
            return
        if bottom in _END_WORDS or match_header(bottom) == PLANNED_END:
            column.field = PLANNED_END
            return
    for text in (levels[-1], "".join(levels), levels[0]):
        found = match_header(text)
        if found:
            column.field = found
            column.rank = header_rank(text, found)
            return
    # A plan/actual word under something that is not a month: remembered for _inherit_months.
    column.kind = progress_kind(levels[-1])


def _inherit_months(columns: dict[int, Column]) -> None:
    """A 计划/实际 column whose month was typed only over its neighbour (not merged) takes that month."""
    ordered = sorted(columns)
    for position, col in enumerate(ordered):
        column = columns[col]
        if column.field is not None or column.kind is None or position == 0:
            continue
        left = columns[ordered[position - 1]]
        if left.field == MONTH and left.kind and left.kind != column.kind and left.month_label is not None:
            column.field = MONTH
            column.month_label = left.month_label
            column.label = f"{left.levels[0]} {column.label}" if left.levels else column.label


def _assign_years(columns: dict[int, Column], title_year: int | None, today_year: int, warnings: list[str]) -> int:
    """Give every month column a year and return the ledger's year (for dates written without one).

    A month without a year takes the year of its header group (“2020年推进计划”), else of the month before
    it, rolling over when the months start again (11月, 12月, 1月); the first takes the year of the title,
    of the first month that has one, or today's year (with a warning).
    """
    months = [columns[col] for col in sorted(columns) if columns[col].field == MONTH]
    group_years: dict[int, int | None] = {}
    for column in months:
        group_years[column.index] = None
        for level in column.levels:
            if parse_month(level) is None:
                match = _YEAR.search(normalise(level))
                if match:
                    group_years[column.index] = int(match.group(1))
    explicit = [column.month_label.year or group_years[column.index] for column in months]
    explicit = [year for year in explicit if year]
    ledger_year = title_year or (explicit[0] if explicit else None)
    if ledger_year is None:
        # Months that start again (11月, 12月, 1月) end in this year, not the next.
        rollovers = sum(1 for left, right in zip(months, months[1:], strict=False)
                        if right.month_label.month < left.month_label.month)
        ledger_year = today_year - rollovers
        if months:
            warnings.append(_("The ledger does not say which year it covers; the months are read as %(year)s.") % {
                "year": ledger_year})
    last: tuple[int, int] | None = None
    last_source: object = None
    for column in months:
        label = column.month_label
        month = label.month
        group_year = group_years[column.index]
        if label.year is not None:
            year, source = label.year, "label"
            if label.maybe_october and last is not None and last[0] == year and last[1] in (9, 10):
                month = 10
        else:
            source = ("group", group_year)
            if last is not None and last_source == source:
                year = last[0] + (1 if month < last[1] else 0)
            elif group_year is not None:
                year = group_year
            elif last is not None:
                year = last[0] + (1 if month < last[1] else 0)
            else:
                year = ledger_year
        last, last_source = (year, month), source
        column.month = month_key(year, month)
    return ledger_year


def _drop_duplicates(columns: dict[int, Column]) -> None:
    """Keep one column per field (the most specific header, then the first) and per month and plan/actual;
    the others are ignored and remember which column they repeat."""
    kept: dict[object, Column] = {}
    for col in sorted(columns):
        column = columns[col]
        if column.field in (None, IGNORED):
            continue
        key = (column.month, column.kind or ACTUAL) if column.field == MONTH else column.field
        if key not in kept or column.rank < kept[key].rank:
            kept[key] = column
    for col in sorted(columns):
        column = columns[col]
        if column.field in (None, IGNORED):
            continue
        key = (column.month, column.kind or ACTUAL) if column.field == MONTH else column.field
        if kept[key] is not column:
            column.duplicate_of = kept[key].label
            column.field = IGNORED
