"""Recovering the structure of an issue from pdftotext lines: items, headlines, bodies, sources, distribution.

pdftotext keeps no fonts, indents or paragraph marks, so structure is read from what survives: where lines
end (a short line ends a paragraph or is a centred headline), punctuation (a headline has no clause
punctuation; an item ends with its unit in brackets after a full stop) and the spaces an author typed
between a bold lead sentence and the body.  Every function here is pure and never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import (
    CLAUSE_PUNCT,
    CLOSING,
    OPENING,
    TERMINAL,
    clean_spaces,
    display_width,
    is_ascii_alnum,
    is_bare_number,
    is_ideograph,
    is_page_marker,
    join_lines,
    normalise_line,
    remove_safe_spaces,
    unstretch,
)

#: A line this many half-em units narrower than a full line ends a paragraph or is set apart (a centred title).
SHORT_MARGIN = 7
#: A first line indented by two characters is this much narrower than a full line.
INDENT = 4


@dataclass
class Line:
    """One non-empty output line of pdftotext, with what is known about its surroundings."""

    text: str
    blank_before: bool = False
    page_break_before: bool = False
    width: float | None = None

    def __post_init__(self) -> None:
        if self.width is None:
            self.width = line_width(self.text)


def line_width(text: str) -> float:
    """Printed width of a line in half-em units, counting each pdftotext space as half a unit (a gap such as
    the quarter-em that office suites put between Chinese and digits)."""
    return display_width(text) + text.count(" ") / 2


# Lines ------------------------------------------------------------------------------------------------------------


def prepare_lines(text: str) -> list[Line]:
    """Split pdftotext output into non-empty lines without page markers or running headers.

    Form feeds mark page breaks; “— 1 —”-style markers are dropped anywhere, a bare number only at the top or
    bottom of a page; a short line repeated at the top of two or more pages (a running header) is dropped
    after its first occurrence.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pages: list[list[str]] = [[]]
    for raw in text.split("\n"):
        pieces = raw.split("\f")
        for n, piece in enumerate(pieces):
            if n:
                pages.append([])
            pages[-1].append(normalise_line(piece))

    # bare page numbers at the edges of a page
    for page in pages:
        filled = [i for i, line in enumerate(page) if line]
        for i in filled[:1] + filled[-1:]:
            if is_bare_number(page[i]) and len(pages) > 1:
                page[i] = ""

    # running headers: the same short first line on several pages after the first
    first_lines = {}
    for number, page in enumerate(pages):
        first = next((line for line in page if line and not is_page_marker(line)), None)
        if number and first and len(first) <= 30:
            first_lines.setdefault(first, []).append(number)
    headers = {line for line, numbers in first_lines.items() if len(numbers) >= 2}

    lines: list[Line] = []
    for number, page in enumerate(pages):
        blank = False
        page_start = number > 0
        seen_header = False
        for line in page:
            if not line or is_page_marker(line):
                blank = True
                continue
            if line in headers and not seen_header:
                seen_header = True
                continue
            lines.append(Line(line, blank_before=blank or page_start, page_break_before=page_start))
            blank = page_start = False
    return lines


def full_width(lines: list[Line]) -> float:
    """The width of a full line of body text: the 85th percentile of line widths, leaving out lines that
    pdftotext exploded into single characters (a stretched line) and lines too short to matter."""
    widths = sorted(
        (line.width for line in lines if line.width >= 20 and line.text.count(" ") <= len(line.text) / 4),
        reverse=True,
    )
    if not widths:
        return 56
    return widths[int(len(widths) * 0.15)]


def is_short(line: Line, width: float) -> bool:
    """True for a line clearly narrower than a full line: a paragraph's last line or a centred title."""
    return line.width < width - SHORT_MARGIN


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence: 。！？… possibly followed by closing quotes or brackets."""
    text = text.rstrip()
    while text and text[-1] in CLOSING:
        text = text[:-1]
    return bool(text) and text[-1] in TERMINAL


def merge_fragments(lines: list[Line], width: float) -> list[Line]:
    """Put back together printed lines that pdftotext cut in two at a wide gap.

    A justified line whose typed space was stretched (a bold lead sentence, a full-width space, a tab) comes
    out as a short line, a blank line and a short fragment.  Both parts fitting in one full line, with blank
    lines around the fragment, marks such a cut; the parts are joined with one space, which is what the gap was.
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        after = lines[i + 2] if i + 2 < len(lines) else None
        if (
            nxt is not None
            and nxt.blank_before
            and not nxt.page_break_before
            and (after is None or after.blank_before)
            and is_short(line, width)
            and is_short(nxt, width)
            and line.width + nxt.width <= width + 2
            and not ends_sentence(line.text)
            and not line.text.endswith(("）", ")"))
            and not ends_sentence(nxt.text)
        ):
            merged = Line(line.text + " " + nxt.text, blank_before=line.blank_before,
                          page_break_before=line.page_break_before)
            out.append(merged)
            i += 2
            continue
        out.append(line)
        i += 1
    return out


_RE_SECTION = re.compile(
    r"^(?:[【〖\[［][^】〗\]］，。]{1,20}[】〗\]］]|[◆◇★☆●○■□▲△※]+\s*[^，。；]{1,20}?\s*[◆◇★☆●○■□▲△※]*)$"
)
_RE_TOC = re.compile(r"^(?:本期要目|本期导读|本期目录|目\s*录|要\s*目)\s*[:：]?$")


def drop_furniture(lines: list[Line]) -> list[Line]:
    """Remove section headings (【工作动态】, ◆基层动态◆) and a table of contents (本期要目 …)."""
    out: list[Line] = []
    toc_entries: list[str] | None = None
    for line in lines:
        text = line.text
        if _RE_TOC.match(text):
            toc_entries = []
            continue
        if toc_entries is not None:
            key = re.sub(r"\s", "", re.sub(r"[\s.·…]+[0-9]*$", "", text))
            first = toc_entries[0] if toc_entries else None
            if not re.search("[，。；]", text) and not (first and re.sub(r"\s", "", text).startswith(first)):
                toc_entries.append(key)
                continue
            toc_entries = None
        if _RE_SECTION.match(text) and not re.search(r"^[【\[][^】\]]*[】\]].{1,}", text):
            continue
        out.append(line)
    return out


def drop_running_headers(lines: list[Line], series: str | None) -> list[Line]:
    """Remove the series name repeated at the top of later pages (上街信息, 上街信息 第44期) as a page header."""
    if not series:
        return lines
    name = re.escape(re.sub(r"\s", "", series))
    pattern = re.compile(
        rf"^《?{name}》?(?:[0-9]{{4}}年)?(?:第[0-9０-９一二三四五六七八九十百]+期)?(?:[（(]总第[0-9]+期[）)])?$"
    )
    return [line for line in lines if not (line.page_break_before and pattern.match(re.sub(r"\s", "", line.text)))]


# Distribution block (版记) ----------------------------------------------------------------------------------------

_RE_DISTRIBUTION = re.compile(
    r"^(?:(?:抄\s*报|抄\s*送|报\s*送|主\s*送|分\s*送|呈\s*报|呈\s*送|报|送|发|印\s*发|呈)\s*[:：]"
    r"|[（(]?\s*共\s*印\s*[0-9０-９]+\s*份\s*[）)]?$"
    r"|(?:责任编辑|编\s*辑|校\s*对|审\s*核|签\s*发|主\s*编|核\s*稿|联系电话|电\s*话|邮\s*箱)\s*[:：]"
    r"|[^，。；]{2,40}[0-9０-９一二三四五六七八九十〇]\s*日\s*印\s*发\s*$)"
)


def find_distribution(lines: list[Line]) -> int:
    """Index of the first line of the distribution block (报：/送：/发：/抄送：/印发/共印 N 份) at the end.

    Returns len(lines) when there is none.  An anchor line counts only when what follows it is mostly more
    anchors (a wrapped line or a split office/date line may sit between them), so a body line that happens to
    start with “发：” in the middle of the issue is left alone.
    """
    anchors = [i for i, line in enumerate(lines) if i > 0 and _RE_DISTRIBUTION.match(line.text)]
    for n, i in enumerate(anchors):
        following = len(lines) - i
        anchored = len(anchors) - n
        if following - anchored <= 2 * anchored + 1:
            return i
    return len(lines)


def clean_distribution(lines: list[Line], width: float) -> list[str]:
    """The distribution block as cleaned lines, a wrapped line joined to the line it continues."""
    entries: list[str] = []
    for n, line in enumerate(lines):
        text = line.text
        previous = lines[n - 1] if n else None
        if (
            entries
            and not _RE_DISTRIBUTION.match(text)
            and previous is not None
            and not is_short(previous, width)
            and not ends_sentence(previous.text)
        ):
            entries[-1] = join_lines([entries[-1], text])
        else:
            entries.append(text)
    return [clean_spaces(entry, headline=True) for entry in entries]


# Sources ------------------------------------------------------------------------------------------------------------

_RE_SOURCE_AFFIX = re.compile(r"^(?:供稿|来源|稿源|信息来源|报送单位|供稿单位)\s*[:：]\s*|\s*供稿$")
_RE_NOT_A_SOURCE = re.compile(
    r"^(?:[一二三四五六七八九十0-9０-９]{1,3}|完|待续|未完待续|续|图|略|下转.*|上接.*|附.*|注.*)$"
)


def source_of(content: str) -> str | None:
    """The unit named inside a closing bracket, or None if the bracket holds something else.

    A unit name is 2–40 characters of Chinese without clause punctuation; several units may be separated by
    spaces or 、; a nested bracket is allowed (区委组织部（区委党校）); 供稿/来源： wrappers are removed.
    """
    text = clean_spaces(content.replace("\n", ""), headline=True)
    text = _RE_SOURCE_AFFIX.sub("", text).strip()
    squeezed = re.sub(r"\s", "", text)
    if not 2 <= len(squeezed) <= 40 or _RE_NOT_A_SOURCE.match(squeezed):
        return None
    if re.search("[，。；！？：:,;]", squeezed) or not any(is_ideograph(char) for char in squeezed):
        return None
    return text


def find_sources(stream: str) -> list[tuple[int, int, str]]:
    """Find the (unit) that ends an item in the lines of an issue joined by newlines.

    Returns (index of the opening bracket, index after the closing bracket, unit) for each bracket that closes
    at a line end, follows the end of a sentence and names a unit.  The bracket may be split over lines
    (“（区\\n委社治委）”), as happens at line and page breaks.
    """
    found: list[tuple[int, int, str]] = []
    for match in re.finditer(r"[）)] *(?=\n|$)", stream):
        close = match.start()
        depth, j = 0, close
        while j >= 0 and close - j <= 80:
            char = stream[j]
            if char in "）)":
                depth += 1
            elif char in "（(":
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        else:
            continue
        if j < 0 or depth != 0:
            continue
        unit = source_of(stream[j + 1 : close])
        if unit is None:
            continue
        k = j - 1
        while k >= 0 and stream[k] in " \n":
            k -= 1
        before = stream[k] if k >= 0 else ""
        if not (before in TERMINAL or (before in CLOSING and ends_sentence(stream[: k + 1])) or before in "”’"):
            continue
        found.append((j, close + 1, unit))
    return found


# Headlines ----------------------------------------------------------------------------------------------------------

_RE_ZONE_END = re.compile(r"[，。；]")
_RE_SENTENCE_END = re.compile(r"[。；]")
_RE_DATE_START = re.compile(
    r"^(?:[0-9]{4}年度?)?(?:[0-9]{1,2}(?:[至到—\-~～][0-9]{1,2})?月份?)?"
    r"(?:[0-9]{1,2}[日号]?(?:[至到—\-~～](?:[0-9]{1,2}月)?[0-9]{1,2}[日号])?)?"
    r"(?:[至到](?:[0-9]{4}年)?[0-9]{1,2}月(?:[0-9]{1,2}[日号])?)?"
    r"(?:上旬|中旬|下旬|初|底|中|以来|期间|上午|下午|晚上|晚|中午|凌晨|前后|前|后|起|至今|夜间)*[，,]"
)
_PAIRS = ("“”", "‘’", "（）", "《》", "「」", "『』", "【】", "〈〉", "()")
_RE_SUBHEADING = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[、．.](?![0-9])"
    r"|[（(][0-9]{1,2}[）)]|第[一二三四五六七八九十]+(?:部分|章|节))"
)

_RE_LIST_START = re.compile(r"[0-9]{1,2}[.．、](?![0-9])|[\u2460-\u2473]")

STRONG = ("phrase", "date", "list", "break_short")


@dataclass
class Split:
    """Where a headline ends: ``position`` in the joined text, how it was recognised and, for a line end,
    the width of the line it ends."""

    position: int
    kind: str
    line_width: float = 0


def is_subheading(text: str) -> bool:
    """True for a numbered subheading inside an article (一、 （一） 1、 （1）), never an item headline."""
    return bool(_RE_SUBHEADING.match(text))


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def _starts_with_date(text: str) -> bool:
    text = re.sub(r"[ \n]", "", text)
    match = _RE_DATE_START.match(text)
    return bool(match) and bool(re.search("[0-9]", match.group(0))) and bool(re.search("[年月日号]", match.group(0)))


def headline_candidates(joined: str, short_breaks: dict[int, float], *, sentence: bool = False) -> list[Split]:
    """Every place where a headline could end in the opening text of an item.

    ``joined`` is the item's first lines, safe spaces removed, joined by newlines; ``short_breaks`` maps the
    positions of newlines that end a short line to that line's width.  Only places before the first clause
    punctuation count (a headline has no ，。；) — or, with ``sentence``, before the end of the first sentence,
    for the rare headline with a comma in it — and only where the headline part has balanced quotes and
    brackets.
    """
    end = (_RE_SENTENCE_END if sentence else _RE_ZONE_END).search(joined)
    zone_end = end.start() if end else len(joined)
    out: list[Split] = []
    for p in range(1, min(zone_end, len(joined) - 1)):
        char = joined[p]
        if char not in " \n":
            continue
        left, right = joined[p - 1], joined[p + 1]
        head = joined[:p]
        if len(re.sub(r"\s", "", head)) < 4 or not _balanced(head) or right in CLOSING + CLAUSE_PUNCT:
            continue
        if head[-1] in OPENING or head[-1] in "、：:" or right in " \n":
            continue
        if char == "\n":
            if p in short_breaks:
                out.append(Split(p, "break_short", short_breaks[p]))
            else:
                # a line end followed by the date that opens a body (…作风建设大会⏎2月12日，) is as good as a space
                out.append(Split(p, "date" if _starts_with_date(joined[p + 1 :]) else "break"))
            continue
        left_ok = is_ideograph(left) or left in CLOSING or left in "？！%％"
        if left_ok and _RE_LIST_START.match(joined, p + 1):
            # a body opening with its first numbered point (…治理攻坚 1.加强… / …攻坚 ①…)
            out.append(Split(p, "list"))
        elif left_ok and (is_ideograph(right) or right in OPENING):
            out.append(Split(p, "phrase"))
        elif left_ok and right.isdigit():
            # the second half of a range (6月8日至 12日) never starts a body
            dated = _starts_with_date(joined[p + 1 :]) and left not in "至到—~～"
            out.append(Split(p, "date" if dated else "digit"))
        elif (left_ok and is_ascii_alnum(right)) or (
            is_ascii_alnum(left) and (is_ideograph(right) or right in OPENING)
        ):
            out.append(Split(p, "latin"))
    return out


def choose_split(joined: str, candidates: list[Split], width: float) -> Split | None:
    """Pick the headline end among the candidates, or None when there is no trustworthy one.

    The rightmost typed space or short-line end before the first clause wins (a title may itself hold
    spaces: 弘扬劳动精神 争当出彩先锋 …).  The place before it wins instead when only one or two characters
    lie between them (“工作 今年 6月以来，”, “建设 一是⏎实施”), or when the winner ends a line that is only a
    little short and a typed space on that line comes first (a bold lead sentence on a first line that some
    producers set narrower).  Without any, a space before a number or Latin word is taken, the rightmost (a
    headline may hold numbers: 退税超 3亿元 3个工作组…); failing that, the first plain line end (a title that
    fills its line exactly).
    """
    strong = [c for c in candidates if c.kind in STRONG]
    if strong:
        chosen = strong[-1]
        if len(strong) > 1:
            previous = strong[-2]
            between = joined[previous.position + 1 : chosen.position]
            gap = re.sub(r"\s", "", between)
            same_line = "\n" not in between and joined[previous.position] == " "
            if len(gap) <= 2 and (chosen.kind != "break_short" or same_line):
                chosen = previous
            elif chosen.kind == "break_short" and same_line and chosen.line_width >= 0.75 * width:
                chosen = previous
        return chosen
    medium = [c for c in candidates if c.kind in ("digit", "latin")]
    if medium:
        return medium[-1]
    breaks = [c for c in candidates if c.kind == "break"]
    return breaks[0] if breaks else None


@dataclass
class HeadlineSplit:
    """An item's headline and the lines of its body (the first possibly shortened)."""

    headline: str | None
    body: list[Line]
    kind: str | None


def split_headline(lines: list[Line], width: float, *, strong_only: bool = False) -> HeadlineSplit:
    """Tell an item's headline from its body.

    The headline either runs into the body on the same line, separated by a typed space (a bold lead
    sentence), or stands on its own line(s) above it.  Returns headline None (and the lines unchanged) when no
    split is found; with ``strong_only`` only a typed space or a short line end counts (used to decide whether
    a line starts a new item at all).
    """
    window = lines[:4]
    parts = [remove_safe_spaces(line.text) for line in window]
    joined = ""
    short_breaks: dict[int, float] = {}
    offsets = []
    for i, part in enumerate(parts):
        if i:
            if is_short(window[i - 1], width):
                short_breaks[len(joined)] = window[i - 1].width
            joined += "\n"
        offsets.append(len(joined))
        joined += part
    candidates = headline_candidates(joined, short_breaks)
    if not candidates:
        # a headline with a comma in it (抓党建，促发展 …): look up to the first full stop, typed spaces only
        candidates = [c for c in headline_candidates(joined, short_breaks, sentence=True) if c.kind in STRONG]
        candidates = candidates[:1]
    if strong_only:
        candidates = [c for c in candidates if c.kind in STRONG]
    chosen = choose_split(joined, candidates, width)
    if chosen is None:
        return HeadlineSplit(None, list(lines), None)
    index = joined[: chosen.position].count("\n")
    column = chosen.position - offsets[index]
    if chosen.kind.startswith("break"):
        head_parts = parts[: index + 1]
        body = list(lines[index + 1 :])
    else:
        head_parts = parts[:index] + [parts[index][:column]]
        rest = parts[index][column + 1 :]
        original = lines[index]
        first = Line(rest, blank_before=original.blank_before, page_break_before=original.page_break_before,
                     width=original.width)
        body = [first, *lines[index + 1 :]]
    headline = clean_spaces(join_lines(head_parts), headline=True)
    return HeadlineSplit(headline, body, chosen.kind)


# Items ----------------------------------------------------------------------------------------------------------------


def _has_clause_punct(text: str) -> bool:
    return bool(re.search("[，。；！？]", text))


def starts_item(lines: list[Line], j: int, width: float) -> bool:
    """True when line j begins a new item although the previous item named no source.

    The previous line must end a sentence, and line j must be a headline: either one to three short lines
    without clause punctuation set apart above a body, or a bold lead sentence followed by a typed space.
    Numbered subheadings (一、 （二）) never start an item.
    """
    if j <= 0 or j >= len(lines) or not ends_sentence(lines[j - 1].text):
        return False
    text = lines[j].text
    if is_subheading(text):
        return False
    for k in range(1, 4):
        run = lines[j : j + k]
        if len(run) < k or j + k >= len(lines):
            break
        if any(_has_clause_punct(line.text) or line.text.endswith(("：", "、", ":")) for line in run):
            break
        if is_short(run[-1], width) and sum(display_width(line.text) for line in run) >= 8:
            return True
    split = split_headline(lines[j : j + 4], width, strong_only=True)
    return split.headline is not None and split.kind in ("phrase", "date", "list")


def item_starts(lines: list[Line], width: float) -> list[int]:
    """Indexes of the lines that begin items within a stretch of lines that names no source in between."""
    starts = [0] if lines else []
    for j in range(1, len(lines)):
        if starts_item(lines, j, width):
            starts.append(j)
    return starts


def paragraph_break_after(lines: list[Line], i: int, width: float) -> bool:
    """True when a paragraph ends after line i of a body.

    That is: a short line ending a sentence (or a colon); a numbered subheading; a sentence end followed by
    a subheading; or a sentence end on a slightly narrow line followed by a line just as narrow, which is
    what an indented first line looks like (a mid-paragraph line is narrow only when the next one starts
    with an opening quote pushed over from it).
    """
    line = lines[i]
    text = line.text
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and is_subheading(nxt.text) and (ends_sentence(text) or is_short(line, width)):
        return True
    if is_subheading(text) and is_short(line, width) and not (nxt is not None and _pushed_down(nxt.text)):
        return True
    if is_short(line, width) and (ends_sentence(text) or text.endswith(("：", ":"))):
        return True
    if (
        nxt is not None
        and ends_sentence(text)
        and line.width <= width - INDENT
        and nxt.width <= width - INDENT + 1
        and not nxt.text.startswith(tuple(OPENING))
    ):
        return True
    after = lines[i + 2] if i + 2 < len(lines) else None
    return (
        nxt is not None
        and after is not None
        and ends_sentence(text)
        and width - INDENT - 2 < nxt.width <= width - INDENT + 0.5
        and not _pushed_down(after.text)
        and not nxt.text.startswith(tuple(OPENING))
    )


def _pushed_down(text: str) -> bool:
    """True when a line starts with characters pushed down from the line before it (a character with the
    closing punctuation that may not start a line, or an opening quote that may not end one), which is why
    that line came out narrow."""
    head = re.sub(r"^[0-9A-Za-z.%]+\s*", "0", text)
    return bool(head) and (head[0] in OPENING or (len(head) > 1 and head[1] in OPENING + CLOSING + CLAUSE_PUNCT))


def body_text(lines: list[Line], width: float) -> str:
    """The clean body of an item: lines joined, paragraphs separated by a newline, stray spaces removed."""
    paragraphs: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        paragraphs[-1].append(unstretch(line.text))
        if i + 1 < len(lines) and paragraph_break_after(lines, i, width):
            paragraphs.append([])
    cleaned = (clean_spaces(join_lines(paragraph)) for paragraph in paragraphs)
    return "\n".join(text for text in cleaned if text)
