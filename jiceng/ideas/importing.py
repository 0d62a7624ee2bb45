"""Import of a chat-group export (微信群, as CSV or XLSX) or a spreadsheet of suggestions heard at meetings.

Columns are found by their header: the message (内容/消息/建议/text, required), and optionally the compound
(楼院/小区/compound), the sender (昵称/发送人/姓名/name), a phone (电话/手机/phone) and the channel (渠道). A dry run
lists what each row would become and every error with its row; nothing is written unless every row is good or
the user chose to skip the bad ones. Formulas are never evaluated; files that are not tables are refused.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core.crypto import normalize_mobile, validate_mobile
from jiceng.core.errors import DomainError, error_text

from . import services
from .choices import Channel
from .grouping.csvfile import decode

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
HEADERS = {
    "text": ("内容", "消息", "消息内容", "建议", "建议内容", "聊天内容", "text", "message"),
    "compound": ("楼院", "小区", "院落", "compound"),
    "name": ("昵称", "发送人", "发送者", "姓名", "群昵称", "name"),
    "phone": ("电话", "手机", "手机号", "联系电话", "phone"),
    "channel": ("渠道", "来源", "channel"),
}
CHANNEL_WORDS = {"走访": Channel.VISIT, "微信": Channel.WECHAT, "微信群": Channel.WECHAT, "电话": Channel.PHONE,
                 "征集会": Channel.MEETING, "室外征集会": Channel.MEETING, "线上": Channel.ONLINE}


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


def _table(data: bytes) -> list[list[str]]:
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB."))
    if data[:4] == b"PK\x03\x04":
        _check_zip(data)
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:
            raise ImportFileError(_("The workbook could not be read; save it again as .xlsx or .csv.")) from error
        rows = []
        for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1):
            rows.append(["" if v is None else str(v).strip() for v in row[:20]])
        return rows
    try:
        text = decode(data)
    except ValueError as error:
        raise ImportFileError(str(error)) from error
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",\t;") if text.strip() else csv.excel
    except csv.Error:
        dialect = csv.excel  # one column: nothing to sniff
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)][:MAX_ROWS + 1]


def _columns(header: list[str]) -> dict[str, int]:
    found = {}
    for index, label in enumerate(header):
        clean = label.strip().lower()
        for key, names in HEADERS.items():
            if key not in found and clean in {n.lower() for n in names}:
                found[key] = index
    if "text" not in found:
        raise ImportFileError(_("No column of messages was found: name one 内容, 消息 or 建议."))
    return found


def import_suggestions(*, actor, campaign, data: bytes, default_compound=None, channel: str = Channel.WECHAT,
                       dry_run: bool = False, skip_bad_rows: bool = False) -> ImportResult:
    """Read the file, check every row, and (unless a dry run) write the good rows through suggestion_submit."""
    table = [row for row in _table(data)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    columns = _columns(table[0])
    compounds = {c.name: c for c in campaign.compounds.all()}
    result = ImportResult()
    for number, row in enumerate(table[1:], start=2):
        def cell(key, row=row):
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        text = cell("text")
        if not text:
            result.skipped.append({"row": number, "why": _("empty message")})
            continue
        compound = compounds.get(cell("compound")) if cell("compound") else default_compound
        problems = []
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
        result.rows.append({"row": number, "text": text, "compound": compound.name, "channel": row_channel,
                            "name": cell("name"), "phone": cell("phone"), "_compound": compound})
    if len(table) - 1 > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(n)s rows; split it.") % {"n": MAX_ROWS})
    if result.errors and not skip_bad_rows:
        return result
    if dry_run:
        return result
    with transaction.atomic():
        for row in result.rows:
            try:
                services.suggestion_submit(actor=actor, campaign=campaign, compound=row["_compound"], text=row["text"],
                                           channel=row["channel"], name=row["name"], phone=row["phone"])
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
