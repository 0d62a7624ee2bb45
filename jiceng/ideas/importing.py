"""Import of a chat-group export (微信群, as CSV or XLSX) or a spreadsheet of suggestions heard at meetings.

Columns are found by their header, which may stand below a title line or two: the message (内容/消息/发言内容/
建议/text, required), and optionally the compound (楼院/小区/compound), the sender (昵称/发言人/姓名/name), a phone
(电话/手机/phone), the channel (渠道), the time it was said (时间/发送时间/日期) and the message type (类型: 文本,
图片…). Pictures, voice messages, stickers and the group's notices (someone joined, a message recalled) are skipped
with the reason, and so is a message already recorded (the same words, compound and time: an export imported twice,
or two exports that overlap). A dry run lists what each row would become and every error with its row; nothing is
written unless every row is good or the user chose to skip the bad ones. Formulas are never evaluated; files that
are not tables are refused.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core.crypto import normalize_mobile, validate_mobile
from jiceng.core.errors import DomainError, error_text

from . import rules, services
from .choices import Channel
from .grouping.csvfile import decode
from .models import Suggestion

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
#: The header row is looked for among the first rows (chat tools and staff put a title line above it).
HEADER_ROWS = 10
HEADERS = {
    "text": ("内容", "消息", "消息内容", "消息正文", "发言内容", "聊天内容", "建议", "建议内容", "意见", "意见建议",
             "留言", "留言内容", "诉求", "诉求内容", "反映内容", "问题描述", "text", "message", "content"),
    "compound": ("楼院", "小区", "院落", "小区名称", "楼院名称", "所在小区", "所在楼院", "compound"),
    "name": ("昵称", "群昵称", "微信昵称", "发言人", "发送人", "发送者", "发件人", "群成员", "姓名", "居民姓名",
             "联系人", "name", "sender"),
    "phone": ("电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "phone", "mobile"),
    "channel": ("渠道", "来源", "channel"),
    "time": ("时间", "发送时间", "发言时间", "消息时间", "留言时间", "日期", "日期时间", "time", "date", "datetime"),
    "kind": ("类型", "消息类型", "type"),
}
CHANNEL_WORDS = {"走访": Channel.VISIT, "微信": Channel.WECHAT, "微信群": Channel.WECHAT, "电话": Channel.PHONE,
                 "征集会": Channel.MEETING, "室外征集会": Channel.MEETING, "线上": Channel.ONLINE}
#: One word for each channel, as the sheet to fill in offers them in its drop-down list.
TEMPLATE_CHANNELS = ("走访", "微信群", "电话", "室外征集会", "线上")


class ImportFileError(DomainError):
    code = "import_file"


@dataclass
class ImportResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    created: int = 0
    written: bool = False


def _check_zip(data: bytes) -> None:
    """Refuse zip bombs before openpyxl inflates anything: total size and ratio from the zip directory."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except zipfile.BadZipFile as error:
        raise ImportFileError(_("The workbook could not be read; save it again as .xlsx or .csv.")) from error
    total = sum(i.file_size for i in infos)
    if len(infos) > 2000 or total > 100 * 1024 * 1024 or any(
            i.compress_size and i.file_size / i.compress_size > 200 for i in infos):
        raise ImportFileError(_("The workbook is refused: unpacked it would be far too large."))


def _cells(row) -> list[str]:
    return ["" if value is None else str(value).strip() for value in row[:20]]


def _find_header(rows) -> tuple[int, dict[str, int]] | None:
    """(the index of the header row among the first HEADER_ROWS rows, its columns), or None when none names a
    message column."""
    for index, row in enumerate(rows[:HEADER_ROWS]):
        if columns := _columns(row):
            return index, columns
    return None


#: What office systems save as ".xls" is often a web page holding a table (Excel and WPS open it as a workbook).
_RE_HTML_TABLE = re.compile(r"<\s*(?:html|table)\b", re.IGNORECASE)


class _TableRows(HTMLParser):
    """The text of every table row of a web page, cell by cell (nested markup flattened, scripts ignored)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self._end_cell()
            self.cell = []
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_data(self, data):
        if self.cell is not None and not self.skip:
            self.cell.append(data.replace("\n", " "))

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def _end_cell(self):
        if self.cell is not None and self.row is not None:
            # white space inside a line folds as a browser shows it; a <br> stays a line break
            lines = (" ".join(line.split()) for line in "".join(self.cell).split("\n"))
            self.row.append("\n".join(line for line in lines if line))
        self.cell = None

    def _end_row(self):
        self._end_cell()
        if self.row is not None and len(self.rows) <= MAX_ROWS + HEADER_ROWS:
            self.rows.append(self.row[:20])
        self.row = None


def _html_rows(text: str) -> list[list[str]]:
    parser = _TableRows()
    parser.feed(text)
    parser.close()
    parser._end_row()
    if not any(any(row) for row in parser.rows):
        raise ImportFileError(_("This web page holds no table of messages; save it from Excel or WPS as .xlsx or "
                                ".csv."))
    return parser.rows


def _table(data: bytes) -> list[list[str]]:
    """The rows of the table that holds the messages: the first sheet of a workbook whose first rows name a
    message column (a cover or summary sheet before it is passed over), or a CSV file read with the separator
    (comma, tab or semicolon) under which such a header appears."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    if data[:4] == b"PK\x03\x04":
        _check_zip(data)
        from openpyxl import load_workbook

        try:
            sheets = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets
            for sheet in sheets:
                if _find_header([_cells(row) for row in sheet.iter_rows(values_only=True, max_row=HEADER_ROWS)]):
                    break
            else:
                sheet = sheets[0]
            return [_cells(row) for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + HEADER_ROWS + 1)]
        except ImportFileError:
            raise
        except Exception as error:
            raise ImportFileError(_("The workbook could not be read; save it again as .xlsx or .csv.")) from error
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ImportFileError(_("This is an old .xls workbook: in Excel or WPS save it as .xlsx or .csv, then import "
                                "that."))
    try:
        text = decode(data)
    except ValueError as error:
        raise ImportFileError(str(error)) from error
    if text.lstrip("\ufeff \t\r\n").startswith("<") and _RE_HTML_TABLE.search(text[:5000]):
        return _html_rows(text)
    head = "\n".join(text.splitlines()[:HEADER_ROWS])

    def head_rows(delimiter):
        return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(head), delimiter=delimiter)]

    delimiter = next((d for d in (",", "\t", ";") if _find_header(head_rows(d))), ",")
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [[cell.strip() for cell in row] for _, row in zip(range(MAX_ROWS + HEADER_ROWS + 1), rows, strict=False)]


_HEADER_NAMES = {key: {name.lower() for name in names} for key, names in HEADERS.items()}


def _columns(header: list[str]) -> dict[str, int]:
    """{column key: index} for a header row; empty when it names no message column."""
    found = {}
    for index, label in enumerate(header):
        clean = "".join(label.split()).lower().rstrip(":：*")
        for key, names in _HEADER_NAMES.items():
            if key not in found and clean in names:
                found[key] = index
                break
    return found if "text" in found else {}


def _recorded(campaign) -> dict[tuple, str | int]:
    """What the campaign already holds, keyed as a row is: (compound id, words with white space folded, time said),
    each with its receipt (one query)."""
    return {(compound_id, " ".join(text.split()), said_at): receipt
            for compound_id, text, said_at, receipt in Suggestion.objects.filter(campaign=campaign)
            .values_list("compound_id", "text", "said_at", "receipt")}


def import_suggestions(*, actor, campaign, data: bytes, default_compound=None, channel: str = Channel.WECHAT,
                       dry_run: bool = False, skip_bad_rows: bool = False) -> ImportResult:
    """Read the file, check every row, and (unless a dry run) write the good rows through suggestion_submit."""
    table = [row for row in _table(data)]
    if not any(any(cell for cell in row) for row in table):
        raise ImportFileError(_("The file is empty."))
    found = _find_header(table)
    if found is None:
        raise ImportFileError(_("No column of messages was found: name one 内容, 消息 or 建议."))
    header, columns = found
    compounds = {c.name: c for c in campaign.compounds.all()}
    recorded = _recorded(campaign)
    result = ImportResult()
    for number, row in enumerate(table[header + 1:], start=header + 2):
        def cell(key, row=row):
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        text = cell("text")
        if not text:
            result.skipped.append({"row": number, "why": _("empty message")})
            continue
        noise = rules.chat_noise(text, cell("kind"))
        if noise is not None:
            result.skipped.append({"row": number, "why": _("a group notice, not a resident's words")
                                   if noise == "system" else _("not words (%(kind)s)") % {"kind": noise}})
            continue
        compound = compounds.get(cell("compound")) if cell("compound") else default_compound
        problems = []
        said_at = None
        if cell("time"):
            try:
                said_at = rules.parse_said_at(cell("time"), default_year=campaign.starts_on.year)
            except ValueError:
                problems.append(_("the time “%(value)s” cannot be read (write it as 2020-05-07 20:15)") % {
                    "value": cell("time")[:40]})
            else:
                said_at = timezone.make_aware(said_at)
                if said_at > timezone.now():
                    problems.append(_("the time “%(value)s” is in the future") % {"value": cell("time")[:40]})
        if compound is None:
            problems.append(_("the compound “%(name)s” is not part of the campaign") % {"name": cell("compound")}
                            if cell("compound") else _("no compound given and none chosen for the file"))
        if len(text) > 1000:
            problems.append(_("the message is longer than 1,000 characters"))
        if cell("phone"):
            try:
                validate_mobile(normalize_mobile(cell("phone")))
            except ValidationError:
                problems.append(_("the phone “%(phone)s” is not a mainland mobile number") % {"phone": cell("phone")})
        row_channel = CHANNEL_WORDS.get(cell("channel"), channel)
        if problems:
            result.errors.append({"row": number, "message": "；".join(problems)})
            continue
        key = (compound.pk, " ".join(text.split()), said_at)
        if key in recorded:
            earlier = recorded[key]
            result.skipped.append({"row": number, "why": _("already recorded (receipt %(receipt)s)") % {
                "receipt": earlier} if isinstance(earlier, str) else _("the same message as row %(row)s") % {
                "row": earlier}})
            continue
        recorded[key] = number
        result.rows.append({"row": number, "text": text, "compound": compound.name, "channel": row_channel,
                            "name": cell("name"), "phone": cell("phone"),
                            "said_at": timezone.localtime(said_at).strftime("%Y-%m-%d %H:%M") if said_at else "",
                            "_compound": compound, "_said_at": said_at})
    if len(table) - header - 1 > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(n)s rows; split it.") % {"n": MAX_ROWS})
    if result.errors and not skip_bad_rows:
        return result
    if dry_run:
        return result
    with transaction.atomic():
        for row in result.rows:
            try:
                services.suggestion_submit(actor=actor, campaign=campaign, compound=row["_compound"], text=row["text"],
                                           channel=row["channel"], name=row["name"], phone=row["phone"],
                                           said_at=row["_said_at"])
            except (DomainError, ValidationError) as error:
                if not skip_bad_rows:
                    transaction.set_rollback(True)
                    result.errors.append({"row": row["row"], "message": error_text(error)})
                    return result
                result.skipped.append({"row": row["row"], "why": error_text(error)})
                continue
            result.created += 1
    result.written = True
    return result
