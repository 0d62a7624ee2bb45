"""Pure rules of the ideas app (no ORM)."""

import datetime as dt
import re

#: Times as chat exports and spreadsheets write them: 2020-05-07 20:01(:33), 2020/5/7 20:01, 2020.5.7,
#: 2020年5月7日 20:01, 5月7日 20:01 and 5-7 20:01 (no year: the campaign's), 20200507 201500; a date alone is midnight.
_RE_TIME = re.compile(
    r"^(?:(?P<year>\d{4})\s*[-/.年]\s*)?(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*[日号]?"
    r"(?:[\sT]*(?:(?P<half>上午|下午|晚上|早上|中午|凌晨))?\s*(?P<hour>\d{1,2})\s*[:：时点]\s*(?P<minute>\d{1,2})?\s*分?"
    r"(?:\s*[:：]\s*(?P<second>\d{1,2})(?:\.\d+)?)?)?\s*$"
)
_RE_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})(?:\s*(?P<hour>\d{2})(?P<minute>\d{2})"
                         r"(?P<second>\d{2})?)?$")
#: Excel's serial day numbers count from 1899-12-30 (the 1900 leap-year bug included); 20000–80000 is 1954–2119.
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_RE_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")


def parse_said_at(value: str, *, default_year: int) -> dt.datetime | None:
    """A naive local datetime from how a chat export or a spreadsheet writes a message's time; None for blank.

    A time without a year takes ``default_year`` (the campaign's); 下午/晚上 move 1–11 o'clock to the afternoon.
    Raises ValueError for anything else, or for a date or time that does not exist (2月30日, 25:00).
    """
    value = (value or "").strip()
    if not value:
        return None
    if _RE_SERIAL.match(value) and 20000 <= float(value) <= 80000:
        return (_EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(microsecond=0)
    match = _RE_TIME.match(value) or _RE_COMPACT.match(value)
    if not match:
        raise ValueError(value)
    parts = match.groupdict()
    hour = int(parts.get("hour") or 0)
    if parts.get("half") in ("下午", "晚上") and 1 <= hour <= 11:
        hour += 12
    return dt.datetime(int(parts.get("year") or default_year), int(parts["month"]), int(parts["day"]), hour,
                       int(parts.get("minute") or 0), int(parts.get("second") or 0))


#: What a chat export holds besides residents' words: placeholders for pictures, voice, stickers, files…, and the
#: group's system lines (joins, recalls, pats).
_RE_PLACEHOLDER = re.compile(r"^[\[【](?:图片|照片|语音|视频|表情|动画表情|文件|链接|位置|红包|转账|聊天记录"
                             r"|小程序|名片|音乐|视频号|直播|通话|语音通话|视频通话|拍一拍)[\]】].{0,20}$")
_RE_SYSTEM = re.compile(r"(?:撤回了一条消息|加入了群聊|移出了群聊|退出了群聊|拍了拍|修改群名为|开启了群聊邀请确认"
                        r"|成为新群主|以上是打招呼的内容|You recalled a message|joined the group chat)")
#: A notice is one bare line; a resident who mentions a recalled message writes a sentence.
_RE_SENTENCE = re.compile(r"[，。？！,?!；;]")
#: The message types of an export's type column that are words (anything else is a picture, a sticker…).
TEXT_TYPES = frozenset({"", "文本", "文字", "文本消息", "text", "txt", "1"})


def chat_noise(text: str, kind: str = "") -> str | None:
    """Why a chat export's row is not a resident's words (None when it is): a picture or voice message, a sticker,
    a recalled message, someone joining the group."""
    kind = (kind or "").strip().lower()
    if kind not in TEXT_TYPES:
        return kind
    text = (text or "").strip()
    if _RE_PLACEHOLDER.match(text):
        return text.split("]")[0].split("】")[0].strip("[【")
    if len(text) <= 40 and _RE_SYSTEM.search(text) and not _RE_SENTENCE.search(text):
        return "system"
    return None


def weighted_mean(score_sets: list[dict], criteria: list[dict]) -> float | None:
    """Mean over evaluators of Σ weight × score / Σ weight; None when nobody scored yet."""
    if not score_sets:
        return None
    total_weight = sum(float(c.get("weight", 1)) for c in criteria) or 1.0
    per_evaluator = [sum(float(c.get("weight", 1)) * float(s.get(c["key"], 0)) for c in criteria) / total_weight
                     for s in score_sets]
    return round(sum(per_evaluator) / len(per_evaluator), 2)


def funnel(*, suggestions: int, ideas: int, adopted: int, done: int) -> list[tuple[str, int]]:
    """The stages of a campaign, from what residents said to projects completed."""
    return [("suggestions", suggestions), ("ideas", ideas), ("adopted", adopted), ("done", done)]
