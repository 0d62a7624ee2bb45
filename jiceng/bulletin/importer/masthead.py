"""Reading the masthead (报头): series name, issue number, issuing office and date.

The masthead is the first few lines of an issue: the series name in large type, the issue number (第 44 期,
2021年第7期, 第12期（总第156期）, 增刊第2期, 第三期), and the editing office with the date, on one line or two.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .text import IDEOGRAPH, clean_spaces, display_width, parse_chinese_number

_NUM = "0-9０-９零〇○一二三四五六七八九十百两"
_RE_NUMBER = re.compile(rf"(?:(?P<year>[0-9]{{4}})年)?(?P<supplement>增刊)?(?<!总)第(?P<number>[{_NUM}]{{1,6}})期")
_RE_SUPPLEMENT = re.compile(r"[（(]?增刊[）)]?(?:[（(]?(?P<number>[0-9０-９]{1,4})[）)]?)?")
_RE_TOTAL = re.compile(rf"总第(?P<total>[{_NUM}]{{1,6}})期")

_ZH_DIGIT = "〇○零一二三四五六七八九十"


def _spaced(pattern: str) -> str:
    """Allow spaces between every element of a pattern given as a list of pieces separated by '|'."""
    return r"\s*".join(pattern.split("|"))


_RE_DATE_ARABIC = re.compile(
    _spaced(r"(?P<y>[12][0-9]{3})|(?P<s1>[年.．/\-])|(?P<m>[0-9]{1,2})|(?P<s2>[月.．/\-])|(?P<d>[0-9]{1,2})")
    + r"(?:\s*[日号])?(?![0-9])"
)
_RE_DATE_ZH = re.compile(
    r"(?P<y>(?:[〇○零一二三四五六七八九]\s*){4})年\s*(?P<m>(?:[一二三四五六七八九十]\s*){1,2})月\s*"
    r"(?P<d>(?:[一二三四五六七八九十]\s*){1,3})日"
)

_RE_NOISE = re.compile(
    r"^(?:内部资料|内部刊物|内部参阅|注意保存|妥善保存|内部资料\s*注意保存|秘密|机密|绝密|特急|加急|平急"
    r"|[★☆※]+.*|密级.*|编号[:：].*|签发[:：].*|主编[:：].*|[（(][^（）()]{0,20}[）)])$"
)
_RE_OFFICE_LIKE = re.compile(
    rf"[{IDEOGRAPH}]{{2,}}(?:办公室|委员会|人民政府|政府|办事处|办|局|委|部|中心|处|科|所|站|院|室|组|队|团|社区|街道|镇|乡|会)"
    r"(?:\s*(?:编印|编发|主办|编))?$"
)
_RE_OFFICE_AFFIX = re.compile(r"^(?:主办|编印|编发|主办单位|编印单位)\s*[:：]\s*|\s*(?:编印|编发|主办|编)$")
_RE_SERIES_WORD = re.compile(
    r"信息|简报|动态|专报|快报|通讯|要情|情况|参阅|通报|周报|月报|旬报|工作|专刊|增刊|内参|摘报"
)


@dataclass
class Masthead:
    """What the masthead says, and how many lines it took."""

    series: str | None = None
    number: int | None = None
    total_number: int | None = None
    supplement: bool = False
    office: str | None = None
    date: datetime.date | None = None
    date_text: str | None = None
    lines_used: int = 0
    unknown: list[str] = field(default_factory=list)


def parse_date(text: str) -> tuple[datetime.date | None, str | None, tuple[int, int] | None]:
    """Find a full date (2020年6月8日, 2020 年 6 月 8 日, 二〇二〇年六月八日, 2020.6.8, 2020-06-08) in text.

    Returns (date or None if the numbers make no date, the matched text, its span); (None, None, None) when
    no date is written at all.
    """
    match = _RE_DATE_ZH.search(text)
    if match:
        year = "".join(str(parse_chinese_number(char)) for char in re.sub(r"\s", "", match["y"]))
        month = parse_chinese_number(re.sub(r"\s", "", match["m"]))
        day = parse_chinese_number(re.sub(r"\s", "", match["d"]))
        return _make_date(int(year), month, day), match.group(0), match.span()
    for match in _RE_DATE_ARABIC.finditer(text):
        s1, s2 = match["s1"], match["s2"]
        if (s1 == "年") != (s2 == "月") or (s1 != "年" and s1 != s2):
            continue  # 2020年6.8 or 2020.6-8 are not dates
        if s1 == "年" and not re.search(r"[日号]\s*$", match.group(0)):
            continue  # 2020年6月8 without 日 is more likely a wrapped sentence than a masthead date
        return _make_date(int(match["y"]), int(match["m"]), int(match["d"])), match.group(0), match.span()
    return None, None, None


def _make_date(year: int, month: int | None, day: int | None) -> datetime.date | None:
    try:
        return datetime.date(year, month or 0, day or 0)
    except ValueError:
        return None


def clean_name(text: str) -> str:
    """Clean a series or office name: letter spacing removed, 《》 and affixes such as 编印 stripped."""
    text = clean_spaces(text, headline=True)
    text = re.sub(r"^[《〈]\s*|\s*[》〉]$", "", text)
    return text.strip()


def _office(text: str) -> str | None:
    text = _RE_OFFICE_AFFIX.sub("", clean_name(text)).strip(" ：:，,")
    return text or None


def _is_body_line(line: str) -> bool:
    return bool(re.search("[，。；！？]", line)) or display_width(line) > 70


def parse_masthead(lines: list[str]) -> Masthead:
    """Read the masthead from the first lines of an issue (page markers already removed).

    Never raises; what is not found stays None and the caller warns.  Lines in the masthead zone that are
    neither series, number, office, date nor known furniture (内部资料, ★, 签发：) are listed in ``unknown``.
    """
    head = Masthead()
    zone: list[str] = []
    for line in lines[:12]:
        if _is_body_line(line):
            break
        zone.append(line)
    squeezed = [re.sub(r"\s+", "", line) for line in zone]

    number_at = next((i for i, s in enumerate(squeezed) if _RE_NUMBER.search(s)), None)
    if number_at is None:
        number_at = next((i for i, s in enumerate(squeezed) if _RE_TOTAL.search(s)), None)
    if number_at is None:
        number_at = next((i for i, s in enumerate(squeezed) if _RE_SUPPLEMENT.search(s)), None)
    date_at = None
    for i, line in enumerate(zone):
        date, date_text, _ = parse_date(line)
        if date_text:
            head.date, head.date_text, date_at = date, date_text, i
            break
    used: set[int] = set()

    if number_at is not None:
        used.add(number_at)
        squeezed_line = squeezed[number_at]
        match = _RE_NUMBER.search(squeezed_line)
        total = _RE_TOTAL.search(squeezed_line)
        if total:
            head.total_number = parse_chinese_number(total["total"])
        supplement = _RE_SUPPLEMENT.search(squeezed_line)
        if match:
            head.number = parse_chinese_number(match["number"])
            head.supplement = bool(match["supplement"])
            before = squeezed_line[: match.start()]
        elif supplement:
            head.number = parse_chinese_number(supplement["number"]) if supplement["number"] else None
            head.supplement = True
            before = squeezed_line[: supplement.start()]
        else:
            before = squeezed_line[: total.start()] if total else ""
        before = re.sub(r"[（(]+$", "", before)
        if before and not head.series:
            head.series = clean_name(before)
        if head.number is None and head.total_number is not None and not head.supplement:
            head.number = head.total_number
        # A line of its own saying 增刊 next to the number line.
        for i in (number_at - 1, number_at + 1):
            if 0 <= i < len(squeezed) and re.fullmatch(r"[（(]?[增特]刊[）)]?", squeezed[i]):
                head.supplement = head.supplement or "增" in squeezed[i]  # 特刊: a special issue, same series
                used.add(i)

    end_anchor = max(x for x in (number_at, date_at, -1) if x is not None)
    series_end = number_at if number_at is not None else (date_at if date_at is not None else None)
    if series_end is None and zone and _RE_SERIES_WORD.search(squeezed[0]) and len(squeezed[0]) <= 20:
        series_end = 1
        end_anchor = max(end_anchor, 0)
    if series_end is not None and not head.series:
        parts = []
        for i in range(series_end):
            if i in used or _RE_NOISE.match(squeezed[i]):
                continue
            if date_at is not None and i == date_at:
                continue
            if number_at is None and _RE_OFFICE_LIKE.search(squeezed[i]) and parts:
                break
            parts.append(zone[i])
            used.add(i)
        if parts:
            series = clean_name("".join(parts) if len(parts) > 1 else parts[0])
            series = re.sub(r"[（(]?增刊[）)]?$", "", series).strip()
            if series != clean_name("".join(parts)):
                head.supplement = True
            head.series = series or None

    if date_at is not None:
        used.add(date_at)
        rest = zone[date_at]
        _, date_text, span = parse_date(rest)
        rest = rest[: span[0]] + " " + rest[span[1] :] if span else rest
        if date_at == number_at:
            # drop everything up to the issue number (the series) and the number itself
            rest = re.sub(
                rf"^.*?(?:(?:[0-9]{{4}}\s*年)?\s*(?:增刊)?\s*第\s*[{_NUM}\s]+期|增刊)|总第\s*[{_NUM}\s]+期|[（()）]",
                " ",
                rest,
            )
        rest = re.sub(r"印发$", "", rest.strip())
        head.office = _office(rest) if rest.strip() else None
        if not head.office:
            for i in (date_at - 1, date_at + 1):
                if not (0 <= i < len(zone)) or i in used or _RE_NOISE.match(squeezed[i]):
                    continue
                if i == date_at + 1 and not _RE_OFFICE_LIKE.search(squeezed[i]):
                    continue
                if number_at is not None and i < number_at:
                    continue
                head.office = _office(zone[i])
                used.add(i)
                end_anchor = max(end_anchor, i)
                break
    elif number_at is not None:
        for i in (number_at + 1, number_at + 2):
            if i < len(zone) and _RE_OFFICE_LIKE.search(squeezed[i]) and display_width(squeezed[i]) <= 40:
                head.office = _office(zone[i])
                used.add(i)
                end_anchor = max(end_anchor, i)
                break

    head.lines_used = end_anchor + 1
    for i in range(head.lines_used):
        if i not in used and not _RE_NOISE.match(squeezed[i]):
            head.unknown.append(zone[i])
    return head
