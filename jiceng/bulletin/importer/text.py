"""Pure rules that undo what PDF typesetting and pdftotext do to Chinese text.

Each function takes and returns plain strings (or lists of them), knows nothing of bulletins as a whole and
never raises on odd input.  The structure-level code in ``structure.py`` decides *where* these rules apply.
"""

from __future__ import annotations

import re
import unicodedata

# Character classes -----------------------------------------------------------------------------------------------

#: CJK ideographs (BMP blocks, extension A, compatibility) and the ideographic zero 〇.
IDEOGRAPH = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007"
OPENING = "“‘（《〈【〔「『［｛〖"
CLOSING = "”’）》〉】〕」』］｝〗"
#: Sentence and clause punctuation that never has a space before it in Chinese text.
CLAUSE_PUNCT = "，。、；：？！…—·～"
CJK_PUNCT = OPENING + CLOSING + CLAUSE_PUNCT + "％"
TERMINAL = "。！？…"
SPACES = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"

_RE_IDEOGRAPH = re.compile(f"[{IDEOGRAPH}]")
_RE_SPACES = re.compile(f"[{SPACES}]+")
_RE_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def is_ideograph(char: str) -> bool:
    """True for one CJK ideograph (including 〇)."""
    return bool(char) and bool(_RE_IDEOGRAPH.fullmatch(char))


def is_cjk(char: str) -> bool:
    """True for a CJK ideograph or a full-width Chinese punctuation mark."""
    return is_ideograph(char) or (bool(char) and char in CJK_PUNCT)


def is_ascii_alnum(char: str) -> bool:
    """True for ASCII letters and digits (the characters that form Latin words and Arabic numbers)."""
    return bool(char) and char.isascii() and char.isalnum()


def display_width(text: str) -> int:
    """Width of a line in half-em units (CJK characters 2, ASCII 1); spaces are not counted.

    pdftotext turns gaps into spaces, so spaces say nothing reliable about how full a printed line is.
    """
    width = 0
    for char in text:
        if char.isspace():
            continue
        if ord(char) >= 0x2E80 or char in "“”‘’—…·" or unicodedata.east_asian_width(char) in "WF":
            width += 2
        else:
            width += 1
    return width


# Whitespace ------------------------------------------------------------------------------------------------------


_RE_RADICALS = re.compile("[\u2f00-\u2fdf\uf900-\ufaff]")


def normalise_line(line: str) -> str:
    """Clean one pdftotext line: every kind of space (full-width, no-break, tab) becomes one ASCII space,
    invisible characters go, the line is stripped, and Kangxi radicals or compatibility ideographs that some
    fonts map their glyphs to (⼯ U+2F2F for 工) become the ordinary ideographs.

    pdftotext starts lines after a page break with a space, and WPS indents paragraphs with U+3000.
    """
    line = _RE_INVISIBLE.sub("", line)
    line = _RE_RADICALS.sub(lambda match: unicodedata.normalize("NFKC", match.group(0)), line)
    return _RE_SPACES.sub(" ", line).strip()


# Page markers ------------------------------------------------------------------------------------------------------

_DASH = "\\-－—–―‒─~～﹣·•"
_RE_PAGE_MARKER = re.compile(
    rf"""^(?:
        [{_DASH}]{{1,2}}\s*[0-9０-９]{{1,3}}\s*[{_DASH}]{{1,2}}      # — 1 —  - 2 -  －3－
      | 第\s*[0-9０-９]{{1,3}}\s*页(?:\s*[,，/、]?\s*共\s*[0-9０-９]{{1,3}}\s*页)?   # 第 1 页 共 3 页
      | [0-9０-９]{{1,3}}\s*/\s*[0-9０-９]{{1,3}}                      # 1/3
      | (?:page|Page|PAGE)\s*[0-9]{{1,3}}(?:\s*of\s*[0-9]{{1,3}})?
    )$""",
    re.VERBOSE,
)
_RE_BARE_NUMBER = re.compile(r"^[0-9０-９]{1,3}$")


def is_page_marker(line: str) -> bool:
    """True for a line that is only a page number such as “— 1 —”, “- 2 -”, “－3－”, “第 1 页” or “1/3”.

    A bare number (“3”) is ambiguous and is handled by the caller, which knows whether it sits at a page edge.
    """
    return bool(_RE_PAGE_MARKER.match(line.strip()))


def is_bare_number(line: str) -> bool:
    """True for a line that holds only a short number (a page number without dashes, if at a page edge)."""
    return bool(_RE_BARE_NUMBER.match(line.strip()))


# Spaces inside text ---------------------------------------------------------------------------------------------

_RE_DATE_GAPS = re.compile(
    r"(?<=[0-9])\s+(?=[年月日号时点分秒])|(?<=[0-9][年月])\s+(?=[0-9])"
    r"|(?<=[0-9][至到—~～])\s+(?=[0-9])|(?<=[年月日号][至到—~～])\s+(?=[0-9])"
)
_RE_DIGIT_CJK = re.compile(rf"(?<=[0-9])\s+(?=[{IDEOGRAPH}{CJK_PUNCT}])|(?<=[%％])\s+(?=[{CJK_PUNCT}])")
_RE_AFTER_OPENING = re.compile(rf"(?<=[{OPENING}])\s+")
_RE_BEFORE_CLOSING = re.compile(rf"\s+(?=[{CLOSING}，。、；：…％%])")
_RE_NUMBER_GAPS = re.compile(r"(?<=[0-9])\s+(?=[.．:：%％‰℃])|(?<=[0-9][.．:：])\s+(?=[0-9])")


def _opens_body(char: str, following: str) -> bool:
    """A lone character before a number (标准 自 2022 年…) belongs to the number: it is a word such as 自/于/在
    opening a body after a typed space, and the number's gap is pdftotext's, not letter spacing."""
    return is_ideograph(char) and following[:1].isdigit()


def _single_token_runs(text: str) -> str:
    """Join letter-spaced text: single characters separated by single spaces (中 共 上 街 区), and a lone
    character between longer words (王 伟、张三丰).  A lone character at either end of the text is left
    alone: it may be the start of a phrase cut by a line end (“弘扬劳动精神 争⏎当出彩先锋”)."""
    tokens = text.split(" ")
    if len(tokens) < 2:
        return text
    last = len(tokens) - 1
    out: list[str] = [tokens[0]]
    for n in range(1, len(tokens)):
        previous, token = tokens[n - 1], tokens[n]
        glue = " "
        if len(previous) == 1 and len(token) == 1 and not (is_ascii_alnum(previous) and is_ascii_alnum(token)):
            glue = ""
        elif (n - 1 > 0 and len(previous) == 1 and is_cjk(previous) and token[:1] and is_cjk(token[0])) or (
            n < last and len(token) == 1 and is_cjk(token) and previous[-1:] and is_cjk(previous[-1])
            and not _opens_body(token, tokens[n + 1])
        ):
            glue = ""
        out.append(glue + token)
    return "".join(out)


def remove_safe_spaces(text: str) -> str:
    """Remove the spaces that can never be meant, before headline and body are told apart.

    These are: letter spacing (中 共 上 街 → 中共上街), gaps inside dates and numbers (6 月 4 日, 2020 年,
    12 : 30, 80 %), a gap after a number before Chinese text (126 家 → 126家), after an opening bracket or quote and
    before a closing one or before clause punctuation.  A space *before* a number, after a closing quote or a
    per cent sign (office suites put no gap there), or between two Chinese phrases may separate a headline
    from its body, so it is left for the caller.
    """
    text = _RE_SPACES.sub(" ", text).strip()
    for _ in range(4):  # lookbehinds see the text before each pass: 6 月 4 日 needs two
        before = text
        for pattern in (_RE_DATE_GAPS, _RE_NUMBER_GAPS, _RE_DIGIT_CJK):
            text = pattern.sub("", text)
        if text == before:
            break
    text = _RE_AFTER_OPENING.sub("", text)
    text = _RE_BEFORE_CLOSING.sub("", text)
    return _single_token_runs(text)


def _ideograph_run(text: str, index: int, step: int) -> int:
    """Length of the run of ideographs starting at text[index] and going in direction step."""
    length = 0
    while 0 <= index < len(text) and is_ideograph(text[index]):
        length += 1
        index += step
    return length


def _keep_space(text: str, index: int, *, headline: bool) -> bool:
    left, right = text[index - 1 : index], text[index + 1 : index + 2]
    if left and right and left.isascii() and right.isascii():
        return True  # between Latin words, numbers and ASCII symbols: Wi-Fi 6, C++ 11
    if is_ideograph(left) and is_ideograph(right):
        # phrases (弘扬劳动精神 争当出彩先锋) are kept; a lone character is letter spacing
        return _ideograph_run(text, index - 1, -1) >= 2 and _ideograph_run(text, index + 1, 1) >= 2
    if headline:
        # phrase boundaries in titles: 济源路街道 “红色物业”…, “先手棋” 一是…
        left_ok = is_ideograph(left) or left in CLOSING or left in "？！"
        right_ok = is_ideograph(right) or right in OPENING
        return left_ok and right_ok
    return False


_RE_STRETCH_MARK = re.compile(rf"[，。、；：！？]\s+(?=[{IDEOGRAPH}])")
_RE_CJK_GAP = re.compile(rf"(?<=[{IDEOGRAPH}{CJK_PUNCT}])\s+(?=[{IDEOGRAPH}{CJK_PUNCT}])")


def unstretch(line: str) -> str:
    """Undo a justified line that the office suite stretched so far that pdftotext cut it into words
    (经营 单位 1126 家， 发现 隐患 …): such a line has a gap after clause punctuation, which nobody types, or
    gaps between Chinese words all along it.  Then no gap between Chinese characters on it is meant."""
    gaps = len(_RE_CJK_GAP.findall(line))
    if _RE_STRETCH_MARK.search(line.strip()) or gaps >= 4:
        return _RE_CJK_GAP.sub("", line)
    return line


def clean_spaces(text: str, *, headline: bool = False) -> str:
    """Remove every space that pdftotext or autospacing introduced, keeping the ones an author typed.

    Kept: spaces between Latin words and numbers (Wi-Fi 6, iPhone 12), between two Chinese phrases of at
    least two characters (inside quotes in a body, between the phrases of a title), and in headlines also
    between a phrase and a quotation (济源路街道 “红色物业”).  Removed: spaces between Chinese and digits or
    Latin letters (公司 6万 → 公司6万, 文化 IP → 文化IP), next to Chinese punctuation, and letter spacing.
    """
    text = remove_safe_spaces(text)
    if " " not in text:
        return text
    out = []
    for index, char in enumerate(text):
        if char == " " and not _keep_space(text, index, headline=headline):
            continue
        out.append(char)
    return "".join(out).strip()


# Joining lines ------------------------------------------------------------------------------------------------------


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines of one paragraph: Chinese needs no space at a line end, Latin words do."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and is_ascii_alnum(out[-1]) and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out


# Small helpers used by the masthead and structure code ----------------------------------------------------------

CHINESE_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                  "八": 8, "九": 9}
CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_chinese_number(text: str) -> int | None:
    """Read an issue number written in Arabic, full-width or Chinese numerals (44, ４４, 四十四, 一〇五, 一百零五).

    Returns None when the text is not a number.
    """
    text = unicodedata.normalize("NFKC", text.strip())
    if text.isdigit():
        return int(text)
    if not text or any(char not in CHINESE_DIGITS and char not in CHINESE_UNITS for char in text):
        return None
    if not any(char in CHINESE_UNITS for char in text):
        return int("".join(str(CHINESE_DIGITS[char]) for char in text))  # 一〇五 read digit by digit
    total, current = 0, 0
    for char in text:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        else:
            total += (current or 1) * CHINESE_UNITS[char]
            current = 0
    return total + current
