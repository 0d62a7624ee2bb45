"""Pure rules that read one cell of a ledger: text, month labels, progress and dates as offices write them.

Nothing here knows about sheets or rows.  Each parser takes a cell value (``str``, ``int``, ``float``,
``datetime``/``date``, ``bool`` or ``None``) and returns a plain Python value, or raises ``CellValueError``
with a stable ``code`` and a Chinese message that the reader places at the cell's row and column.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from .errors import CellValueError

PLAN = "plan"
ACTUAL = "actual"

#: Years a ledger date or month may carry; anything outside is treated as a typing mistake.
MIN_YEAR = 1990
MAX_YEAR = 2100

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUMBER = "[一二三四五六七八九十]{1,3}"

_RE_SPACE = re.compile(r"\s+")
_CJK_TEXT = "\u3400-\u9fff\uff00-\uffef（）【】《》“”、，。：；"
_RE_CJK_GAP = re.compile(rf"(?<=[{_CJK_TEXT}])\s+(?=[{_CJK_TEXT}])")
_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")

#: Cell texts that mean "nothing reported" in a progress cell.
NO_REPORT = frozenset({"", "-", "--", "—", "——", "/", "\\", "无", "暂无", "未填报", "未报", "空"})
#: Cell texts that mean "done" (100 %).
DONE_WORDS = frozenset({
    "完成", "已完成", "全部完成", "完工", "已完工", "竣工", "已竣工", "办结", "已办结", "完成100%", "已完成100%",
    "√", "✓", "✔",
})
#: Cell texts that mean "not started" (0 %).
NOT_STARTED_WORDS = frozenset({"未开工", "未启动", "未开始", "尚未开工", "尚未启动", "尚未开始"})
#: Date-cell texts that mean "no fixed date" (ongoing work); read as no date.
ONGOING_WORDS = frozenset({"长期", "持续", "常态化", "长期坚持", "持续推进", "长期推进", "常年", "全年持续", "待定"})
#: Texts meaning "the same as the row above" (ditto marks).
DITTO_WORDS = frozenset({"同上", "〃", "\"", "”", "“", "同前", "ditto"})

_PROGRESS_NUMBER = re.compile(r"^(?:已经|已|累计)?(?:完成|达到|达)?([+-]?\d+(?:\.\d+)?|[+-]?\.\d+)(%)?$")


# Text ------------------------------------------------------------------------------------------------------------

def normalise(text: str) -> str:
    """Fold a text for matching: NFKC (full-width digits, letters and ％ become ASCII) and no whitespace at all."""
    return _RE_SPACE.sub("", unicodedata.normalize("NFKC", text))


def display_text(value) -> str:
    """Render a cell value as the user sees it, for labels and messages (whitespace runs become one space)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _RE_SPACE.sub(" ", str(value)).strip()


def clean_text(value) -> str:
    """Text of a cell for names, units and notes: trimmed, whitespace runs made one space, none between Chinese."""
    if value.__class__ is str:
        return _clean_str(value)
    return _RE_CJK_GAP.sub("", display_text(value))


@functools.lru_cache(maxsize=8192)
def _clean_str(value: str) -> str:
    return _RE_CJK_GAP.sub("", _RE_SPACE.sub(" ", value).strip())


def strip_brackets(text: str) -> str:
    """Drop bracketed asides such as “（个）” or “(必填)” from a header or unit text."""
    return _BRACKETED.sub("", text)


def cn_number(text: str) -> int | None:
    """Value of a small Chinese numeral (一 … 九十九) or ASCII digits; None when it is neither."""
    if text.isdigit():
        return int(text)
    if not text or any(char not in CN_DIGITS and char != "十" for char in text):
        return None
    if "十" not in text:
        return CN_DIGITS[text] if len(text) == 1 else None
    tens, _sep, units = text.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def is_ditto(value) -> bool:
    """True for a ditto mark (同上, 〃): the cell repeats the value of the row above."""
    return isinstance(value, str) and normalise(value) in DITTO_WORDS


# Plan / actual -----------------------------------------------------------------------------------------------------

def progress_kind(text) -> str | None:
    """Whether a header label means planned (``"plan"``) or actual (``"actual"``) progress, or neither (None).

    “计划”, “计划进度”, “目标”, “序时进度” are plans; “实际”, “完成进度”, “实际进度”, “完成情况”, “进展” are actuals.
    Long texts (titles, notes) are neither.
    """
    if not isinstance(text, str):
        return None
    folded = strip_brackets(normalise(text))
    folded = re.sub(r"\d{4}年度?", "", folded)
    if not folded or len(folded) > 12:
        return None
    if any(word in folded for word in ("计划", "目标", "序时", "应完成", "节点")):
        return PLAN
    if any(word in folded for word in ("实际", "完成", "进展", "进度", "实绩", "累计")):
        return ACTUAL
    return None


# Month labels ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MonthLabel:
    """A month named in a header: year (None when the label has none), month 1–12, and plan/actual if stated.

    ``maybe_october`` is set for a number such as 2020.1, which Excel also produces when someone types 2020.10.
    """

    year: int | None
    month: int
    kind: str | None = None
    maybe_october: bool = False


_MONTH_CN = re.compile(rf"^(?:(?P<y>\d{{4}}|\d{{2}})年度?)?(?P<m>\d{{1,2}}|{_CN_NUMBER}|元)月份?(?P<rest>.*)$")
_MONTH_DOTTED = re.compile(r"^(?P<y>\d{4})[./\-_](?P<m>\d{1,2})(?:月份?)?(?P<rest>.*)$")
_MONTH_PREFIXED = re.compile(r"^(?P<kind>计划|实际|目标|完成)[:：\-_]?(?P<label>.+)$")


def _month_rest_kind(rest: str) -> tuple[bool, str | None]:
    """Read what follows a month in a label: (is it acceptable, plan/actual)."""
    rest = re.sub(r"^(?:底|末|止)", "", rest.lstrip("-_:："))
    if re.fullmatch(r"[（(][^（()）]*[)）]", rest):
        rest = rest[1:-1]  # 6月（计划）
    rest = strip_brackets(rest)  # 6月完成进度（%）
    if not rest:
        return True, None
    if rest[0].isdigit() or rest[0] in "./日号" or len(rest) > 6:
        return False, None
    kind = progress_kind(rest)
    return kind is not None, kind


def parse_month(value) -> MonthLabel | None:
    """Read a month header: “6月”, “2020年6月”, “2020.6”, “2020-06”, “六月”, “6月计划”, a date cell …

    Returns None when the value is not a month label (a field name, a full date such as 2020.6.8, a title).
    A trailing plan/actual word (“6月计划”, “2020年6月完成进度”) is returned as ``kind``.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.date):
        return MonthLabel(value.year, value.month)
    if isinstance(value, float):
        text = repr(value)
        match = re.fullmatch(r"(\d{4})\.(\d{1,2})", text)
        if not match:
            return None
        year, month = int(match.group(1)), int(match.group(2))
        if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
            return None
        return MonthLabel(year, month, maybe_october=match.group(2) == "1")
    if not isinstance(value, str):
        return None
    return _parse_month_text(value)


@functools.lru_cache(maxsize=4096)
def _parse_month_text(value: str) -> MonthLabel | None:
    text = re.sub(r"^(?:截至|截止到|截止|至)", "", normalise(value))
    if not text or len(text) > 20:
        return None
    prefixed = _MONTH_PREFIXED.match(text)
    if prefixed and not _MONTH_CN.match(text):
        inner = parse_month(prefixed.group("label"))
        if inner is None or inner.kind is not None:
            return None
        return MonthLabel(inner.year, inner.month, progress_kind(prefixed.group("kind")), inner.maybe_october)
    for pattern in (_MONTH_CN, _MONTH_DOTTED):
        match = pattern.match(text)
        if not match:
            continue
        month = 1 if match.group("m") == "元" else cn_number(match.group("m"))
        if month is None or not 1 <= month <= 12:
            return None
        ok, kind = _month_rest_kind(match.group("rest"))
        if not ok:
            return None
        year = match.group("y")
        if year is None:
            return MonthLabel(None, month, kind)
        year = int(year) + (2000 if len(year) == 2 else 0)
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        return MonthLabel(year, month, kind)
    return None


def month_key(year: int, month: int) -> str:
    """The key used in ``ProjectRow.monthly``: ``"2020-06"``."""
    return f"{year:04d}-{month:02d}"


# Progress ----------------------------------------------------------------------------------------------------------

def _shown(value, percent_format: bool = False) -> str:
    if percent_format and isinstance(value, int | float) and not isinstance(value, bool):
        return display_text(round(value * 100, 6)) + "%"
    return display_text(value)


def parse_progress(value, *, kind: str = ACTUAL, percent_format: bool = False, fraction_scale: bool = False):
    """Read a progress cell as a fraction 0–1, or None when nothing is reported.

    Accepts 80%, “80％”, 0.8, 80, “80”, “完成”/“已完成” (= 1), “未开工” (= 0); blank, “-”, “/” and “无” are
    no report.  A bare number up to 1 is a fraction, above 1 a percentage; when the sheet writes fractions
    (``fraction_scale``) a number between 1 and 2 is read as a fraction above 100 %.  ``percent_format``
    says the cell is formatted as a percentage, so its number is already a fraction.

    Raises ``CellValueError`` with code ``progress_over_100``, ``progress_negative`` or ``progress_not_number``
    (the message names the plan or the actual according to ``kind``).
    """
    if value is None:
        return None
    if value.__class__ is float and 0 <= value <= 1 and not percent_format:
        return round(value, 6)
    if isinstance(value, bool) or isinstance(value, dt.date | dt.time | dt.timedelta):
        raise _progress_text_error(value, kind)
    had_percent = percent_format
    if isinstance(value, str):
        text = normalise(value)
        if text and text[-1] in ")）":
            text = strip_brackets(text) or text  # 50%（滞后）
        if text in NO_REPORT:
            return None
        if text in DONE_WORDS:
            return 1.0
        if text in NOT_STARTED_WORDS:
            return 0.0
        match = _PROGRESS_NUMBER.match(text)
        if not match:
            raise _progress_text_error(value, kind)
        number = float(match.group(1))
        if match.group(2):
            number /= 100
            had_percent = True
    elif isinstance(value, int | float):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            raise _progress_text_error(value, kind)
    else:
        raise _progress_text_error(value, kind)

    if number < 0:
        raise CellValueError(
            "progress_negative",
            _("Progress cannot be negative: %(value)s") % {"value": _shown(value, percent_format)},
        )
    if not had_percent and number > 1:
        if number > 100 or (fraction_scale and number < 2):
            raise _over_100(value, percent_format)
        number /= 100
    if number > 1 + 1e-9:
        raise _over_100(value, percent_format)
    return round(min(number, 1.0), 6)


def _over_100(value, percent_format: bool) -> CellValueError:
    return CellValueError(
        "progress_over_100",
        _("Progress cannot exceed 100%%: %(value)s") % {"value": _shown(value, percent_format)},
    )


def _progress_text_error(value, kind: str) -> CellValueError:
    if kind == PLAN:
        message = _("The planned progress is written as text (“%(value)s”); enter a percentage such as 80%%.")
    else:
        message = _("The progress “%(value)s” is not a percentage; enter a percentage such as 80%% or “完成”.")
    return CellValueError("progress_not_number", message % {"value": display_text(value)})


# Dates -------------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LedgerDate:
    """A planned date as the ledger gives it: to the month (day None) or to the day.

    ``explicit_year`` is False when the year came from the context (a title, the header, today).
    """

    year: int
    month: int
    day: int | None = None
    explicit_year: bool = True

    def isoformat(self) -> str:
        """``"2020-03"`` for a month, ``"2020-03-15"`` for a day."""
        if self.day is None:
            return month_key(self.year, self.month)
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def sort_key(self) -> tuple[int, int, int]:
        """Order for comparing a start with an end; a month-only date compares as the whole month."""
        return (self.year, self.month, self.day or 0)


_DATE_FULL = re.compile(r"^(?P<y>\d{4}|\d{2})(?:年|[./\-])(?P<m>\d{1,2})(?:月|[./\-])(?P<d>\d{1,2})(?:日|号)?$")
_DATE_MONTH_DAY = re.compile(
    rf"^(?:(?P<y>\d{{4}}|\d{{2}})年)?(?P<m>\d{{1,2}}|{_CN_NUMBER})月(?P<d>\d{{1,2}})(?:日|号)$"
)
_DATE_SLASH_MONTH_DAY = re.compile(r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})$")
_DATE_DOTTED_MONTH = re.compile(r"^(?P<y>\d{4})[./\-](?P<m>\d{1,2})(?:月份?)?$")
_DATE_MONTH = re.compile(
    rf"^(?:(?P<y>\d{{4}}|\d{{2}})年)?(?P<m>\d{{1,2}}|{_CN_NUMBER}|元)月份?"
    r"(?:底|末|初|上旬|中旬|下旬|中|前后|左右)?$"
)
_DATE_YEAR_PART = re.compile(
    r"^(?:(?P<y>\d{4})年?度?)?(?P<part>年底|年末|年内|年度内|全年|本年|年中|上半年|下半年|年初|底|末|内|"
    r"(?:第?[一二三四1234]季度(?:末|底|内)?))?$"
)
_QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DATE_TAIL = re.compile(r"(?:之前|以前|前|完成|止|为止|截止)+$")
_DATE_HEAD = re.compile(r"^(?:截至|截止到|截止|到|于|在)")
_DATE_TIME = re.compile(r"[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")


def _year(text: str | None, default: int | None) -> tuple[int, bool]:
    if text is None:
        if default is None:
            raise CellValueError("date_no_year", _("The date has no year and none could be inferred."))
        return default, False
    year = int(text) + (2000 if len(text) == 2 else 0)
    return year, True


def _checked(value, year: int, month: int, day: int | None, explicit: bool) -> LedgerDate:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise _invalid_date(value)
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise _invalid_date(value) from None
    return LedgerDate(year, month, day, explicit)


def _invalid_date(value) -> CellValueError:
    message = _("The date “%(value)s” does not exist.")
    return CellValueError("date_invalid", message % {"value": display_text(value)})


def _unrecognised_date(value) -> CellValueError:
    return CellValueError(
        "date_unrecognised",
        _("The date “%(value)s” is not recognised; write it as 2020年6月 or 2020年6月8日.") % {
            "value": display_text(value)},
    )


def excel_serial_date(serial: float) -> dt.datetime:
    """Turn an Excel serial day number (1900 system) into a datetime.

    Raises ``ValueError`` when the number is outside Excel's date range.
    """
    from openpyxl.utils.datetime import from_excel

    result = from_excel(serial)
    if not isinstance(result, dt.datetime):
        raise ValueError(serial)
    return result


def parse_date(value, *, year: int | None = None, end: bool = False, precision: str | None = None):
    """Read a planned start or end: “2020年6月”, “2020年6月8日”, “2020.6”, “2020-06”, “2020/6/8”, “6月”, “6月底”,
    “年底”, “二季度末”, a date cell, or a number such as 2020.6, 20200608 or an Excel serial.

    ``year`` supplies the year of texts that have none (“6月底”); ``end`` says whether a year or a quarter
    stands for its last month (a planned end) or its first (a planned start); ``precision`` ``"month"``
    drops the day of a date cell formatted to show only the month.  Returns a ``LedgerDate``, or None for a
    blank cell or a word for “ongoing” (长期, 持续).

    Raises ``CellValueError`` with code ``date_unrecognised``, ``date_invalid`` or ``date_no_year``.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise _unrecognised_date(value)
    if isinstance(value, dt.datetime | dt.date):
        day = None if precision == "month" else value.day
        return _checked(value, value.year, value.month, day, True)
    if isinstance(value, int | float):
        return _parse_number_date(value, year=year, end=end, precision=precision)
    if not isinstance(value, str):
        raise _unrecognised_date(value)

    text = normalise(_DATE_TIME.sub("", unicodedata.normalize("NFKC", value).strip()))
    if text in ("", "-", "—", "/", "无"):
        return None
    if text.isdigit() and len(text) in (6, 8):
        return _parse_number_date(int(text), year=year, end=end, precision=precision)
    if text in ONGOING_WORDS:
        return None
    text = _DATE_HEAD.sub("", _DATE_TAIL.sub("", text)) or text
    if text in ONGOING_WORDS:
        return None

    match = _DATE_FULL.match(text)
    if match:
        y, explicit = _year(match.group("y"), year)
        return _checked(value, y, int(match.group("m")), int(match.group("d")), explicit)
    match = _DATE_SLASH_MONTH_DAY.match(text)
    if match:
        y, explicit = _year(None, year)
        return _checked(value, y, int(match.group("m")), int(match.group("d")), explicit)
    match = _DATE_MONTH_DAY.match(text)
    if match:
        month = cn_number(match.group("m"))
        y, explicit = _year(match.group("y"), year)
        return _checked(value, y, month if month is not None else 0, int(match.group("d")), explicit)
    match = _DATE_DOTTED_MONTH.match(text) or _DATE_MONTH.match(text)
    if match:
        raw_month = match.group("m")
        month = 1 if raw_month == "元" else cn_number(raw_month)
        y, explicit = _year(match.group("y"), year)
        return _checked(value, y, month if month is not None else 0, None, explicit)
    match = _DATE_YEAR_PART.match(text)
    if match and (match.group("y") or match.group("part")):
        y, explicit = _year(match.group("y"), year)
        month = _month_of_part(match.group("part"), end=end)
        return _checked(value, y, month, None, explicit)
    raise _unrecognised_date(value)


def _month_of_part(part: str | None, *, end: bool) -> int:
    """The month a part of a year stands for: its last month for an end, its first for a start."""
    if part in (None, "全年", "本年", "年内", "年度内", "内"):
        return 12 if end else 1
    if part in ("年底", "年末", "底", "末"):
        return 12
    if part == "年初":
        return 1
    if part in ("年中", "上半年"):
        return 6 if end or part == "年中" else 1
    if part == "下半年":
        return 12 if end else 7
    quarter = _QUARTERS[part.lstrip("第")[0]]
    if part.endswith(("末", "底")) or end:
        return quarter * 3
    return quarter * 3 - 2


def _parse_number_date(value, *, year: int | None, end: bool, precision: str | None) -> LedgerDate:
    if value != value or value in (float("inf"), float("-inf")):
        raise _unrecognised_date(value)
    if isinstance(value, float) and not value.is_integer():
        if 1 <= value < 13:
            # 6.15 = 6月15日 and 6.5 = 6月5日 are too ambiguous to guess.
            raise _unrecognised_date(value)
        text = repr(value)
        match = re.fullmatch(r"(\d{4})\.(\d{1,2})", text)
        if match:
            return _checked(value, int(match.group(1)), int(match.group(2)), None, True)
        match = re.fullmatch(r"(\d{4})\.(\d{1,2})(\d{2})", text)
        if match:  # 2020.0608 is how a yyyy.mmdd number survives
            return _checked(value, int(match.group(1)), int(match.group(2)), int(match.group(3)), True)
        if 20000 <= value < 80000:
            return parse_date(excel_serial_date(value), precision=precision)
        raise _unrecognised_date(value)
    number = int(value)
    if 19000101 <= number <= 21001231:
        return _checked(value, number // 10000, number // 100 % 100, number % 100, True)
    if 190001 <= number <= 210012:
        return _checked(value, number // 100, number % 100, None, True)
    if MIN_YEAR <= number <= MAX_YEAR:
        return _checked(value, number, 12 if end else 1, None, True)
    if 1 <= number <= 12 and year is not None:
        return _checked(value, year, number, None, False)
    if 20000 <= number < 80000:
        return parse_date(excel_serial_date(number), precision=precision)
    raise _unrecognised_date(value)


_PERIOD_SPLIT = re.compile(r"至|到|~|—+|–|-{1,2}|－")


def parse_period(value, *, year: int | None = None):
    """Read a planned period (起止时间) such as “2020年3月-12月”, “2020.3—2020.12” or “3月至6月底”.

    Returns (start, end) as ``LedgerDate`` or None; the end inherits the start's year when it has none, and
    a single date is read as the end.  Raises ``CellValueError`` like ``parse_date``.
    """
    if value is None:
        return None, None
    if not isinstance(value, str):
        return None, parse_date(value, year=year, end=True)
    text = normalise(value)
    if text in ONGOING_WORDS or text in ("", "-", "—", "/"):
        return None, None
    for match in _PERIOD_SPLIT.finditer(text):
        left, right = text[: match.start()], text[match.end():]
        if not left or not right:
            continue
        try:
            start = parse_date(left, year=year, end=False)
            start_year = start.year if start is not None else year
            end = parse_date(right, year=start_year, end=True)
        except CellValueError:
            continue
        if start is None or end is None:
            continue
        if not end.explicit_year and end.sort_key()[:2] < start.sort_key()[:2]:
            end = LedgerDate(end.year + 1, end.month, end.day, False)
        return start, end
    return None, parse_date(value, year=year, end=True)


# Quantities --------------------------------------------------------------------------------------------------------

_QUANTITY = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|个|家|处|所|条|项|户|人|名|次|场|座|栋|套|间|台|辆|"
                       r"公里|千米|米|平方米|平米|亩|万元|元|km|m)?(?![\d年月日号.])")


def parse_quantity(value) -> Decimal | None:
    """The measurable quantity of an annual target: 59 from “全区59个社区”, 0.8 from “完成80%”, or a number cell.

    A number followed by 年/月/日 (a date) is not a quantity.  Returns None when the text has no number.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            number = Decimal(display_text(value))
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    if not isinstance(value, str):
        return None
    return _quantity_of_text(value)


@functools.lru_cache(maxsize=4096)
def _quantity_of_text(value: str) -> Decimal | None:
    text = unicodedata.normalize("NFKC", value)
    for match in _QUANTITY.finditer(text):
        number = Decimal(match.group(1))
        if match.group(2) == "%":
            number = number / 100
        return Decimal(int(number)) if number == number.to_integral_value() else number
    return None
