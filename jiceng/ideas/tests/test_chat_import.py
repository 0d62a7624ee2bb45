"""Importing chat-group exports as they come: a title above the header, other column names, pictures and notices,
message times, an export imported twice; and the upload page with its dry run."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import Workbook

from jiceng.core.errors import DomainError
from jiceng.core.models import AuditEvent
from jiceng.ideas import importing, services
from jiceng.ideas.models import Suggestion
from jiceng.ideas.tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(world):
    return services.campaign_create(actor=None, owner_unit=world.unit_a, title="金点子征集", code="gyl-chat",
                                    starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                    compounds=[world.compound_a, world.managed_a])




def _xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


EXPORT = [
    ["红旗花园小区居民群 聊天记录导出", "", "", ""],
    ["导出时间：2020-05-20", "", "", ""],
    ["发送时间", "发言人", "消息类型", "发言内容"],
    ["2020-05-07 20:01:12", "老王", "文本", "楼道灯坏了好几个月了"],
    ["2020-05-07 20:02:40", "李姐", "图片", "[图片]"],
    ["2020-05-07 20:03:05", "李姐", "文本", "[语音]"],
    ["2020-05-07 20:04:00", "", "系统消息", "\"张三\"加入了群聊"],
    ["2020-05-07 20:05:00", "老王", "文本", "老王撤回了一条消息"],
    ["2020-05-07 20:06:31", "赵叔", "文本", "院里停车太乱了，消防通道都堵了"],
]


def test_an_export_with_a_title_above_the_header_and_other_column_names(world, campaign):
    result = importing.import_suggestions(actor=world.user("admin_a"), campaign=campaign, data=csv_bytes(EXPORT),
                                          default_compound=world.managed_a)
    assert result.written and result.created == 2
    said = dict(Suggestion.objects.values_list("text", "said_at"))
    local = timezone.get_current_timezone()
    assert said["楼道灯坏了好几个月了"] == dt.datetime(2020, 5, 7, 20, 1, 12, tzinfo=local)
    assert said["院里停车太乱了，消防通道都堵了"] == dt.datetime(2020, 5, 7, 20, 6, 31, tzinfo=local)
    assert [s["row"] for s in result.skipped] == [5, 6, 7, 8]
    reasons = " ".join(s["why"] for s in result.skipped)
    assert "图片" in reasons and "语音" in reasons and "群" in reasons  # said in Chinese, with what it was


def test_importing_the_same_export_twice_records_nothing_new(world, campaign):
    admin = world.user("admin_a")
    importing.import_suggestions(actor=admin, campaign=campaign, data=csv_bytes(EXPORT),
                                 default_compound=world.managed_a)
    before = (Suggestion.objects.count(), AuditEvent.objects.count())
    again = importing.import_suggestions(actor=admin, campaign=campaign, data=csv_bytes(EXPORT),
                                         default_compound=world.managed_a)
    assert again.created == 0 and (Suggestion.objects.count(), AuditEvent.objects.count()) == before
    receipts = set(Suggestion.objects.values_list("receipt", flat=True))
    already = [s["why"] for s in again.skipped if s["row"] in (4, 9)]
    assert len(already) == 2 and all(any(r in why for r in receipts) for why in already)


def test_an_overlapping_later_export_adds_only_the_new_messages(world, campaign):
    admin = world.user("admin_a")
    importing.import_suggestions(actor=admin, campaign=campaign, data=csv_bytes(EXPORT),
                                 default_compound=world.managed_a)
    later = [EXPORT[2], EXPORT[8], ["2020-05-08 07:15:00", "孙阿姨", "文本", "垃圾桶旁边老鼠太多"],
             ["2020-05-08 07:16:00", "孙阿姨", "文本", "楼道灯坏了好几个月了"]]  # the same words, said again later
    result = importing.import_suggestions(actor=admin, campaign=campaign, data=csv_bytes(later),
                                          default_compound=world.managed_a)
    assert result.created == 2 and Suggestion.objects.count() == 4


def test_the_same_message_twice_in_a_file_without_times_is_recorded_once(world, campaign):
    data = csv_bytes([["内容"], ["楼道灯坏了好几个月了"], ["楼道灯坏了好几个月了"], ["车棚漏雨"]])
    result = importing.import_suggestions(actor=None, campaign=campaign, data=data, default_compound=world.managed_a)
    assert result.created == 2 and result.skipped == [{"row": 3, "why": "与第 2 行是同一条消息"}]


@pytest.mark.parametrize(("time", "says"), [("昨天晚上", "无法识别"), ("2020-02-30 10:00", "无法识别"),
                                            ("2099-01-01 10:00", "未来")])
def test_a_bad_time_is_a_row_error_and_nothing_is_written(world, campaign, time, says):
    data = csv_bytes([["时间", "内容"], ["2020-05-07 20:01", "楼道灯坏了好几个月了"], [time, "院里停车太乱"]])
    before = AuditEvent.objects.count()
    result = importing.import_suggestions(actor=None, campaign=campaign, data=data, default_compound=world.managed_a)
    assert not result.written and [e["row"] for e in result.errors] == [3] and says in result.errors[0]["message"]
    assert not Suggestion.objects.exists() and AuditEvent.objects.count() == before


def test_an_xlsx_export_with_real_date_cells_and_month_day_times(world, campaign):
    data = _xlsx([["时间", "昵称", "内容", "楼院"],
                  [dt.datetime(2020, 5, 9, 9, 30), "老王", "楼道灯坏了好几个月了", "红旗花园小区"],
                  ["5月10日 下午3:05", "李姐", "院里停车太乱", "红旗花园小区"]])
    importing.import_suggestions(actor=None, campaign=campaign, data=data)
    local = timezone.get_current_timezone()
    assert sorted(Suggestion.objects.values_list("said_at", flat=True)) == [
        dt.datetime(2020, 5, 9, 9, 30, tzinfo=local), dt.datetime(2020, 5, 10, 15, 5, tzinfo=local)]


def test_a_header_too_far_down_is_not_guessed(world, campaign):
    rows = [["说明"]] * 12 + [["内容"], ["楼道灯坏了"]]
    with pytest.raises(importing.ImportFileError, match="内容"):
        importing.import_suggestions(actor=None, campaign=campaign, data=csv_bytes(rows),
                                     default_compound=world.managed_a)


def test_the_service_refuses_a_time_in_the_future_and_keeps_the_time_through_a_correction(world, campaign):
    with pytest.raises(DomainError, match="未来"):
        services.suggestion_submit(actor=None, campaign=campaign, compound=world.managed_a, text="楼道灯坏了好久了",
                                   channel="phone", said_at=timezone.now() + dt.timedelta(days=1))
    with pytest.raises(DomainError, match="2000"):
        services.suggestion_submit(actor=None, campaign=campaign, compound=world.managed_a, text="楼道灯坏了好久了",
                                   channel="phone", said_at=dt.datetime(1999, 12, 31, 23, 0))
    said = dt.datetime(2020, 5, 7, 20, 1)  # naive: local time
    first = services.suggestion_submit(actor=None, campaign=campaign, compound=world.managed_a,
                                       text="楼道灯坏了好久了", channel="phone", said_at=said)
    assert first.said_at == timezone.make_aware(said)
    correction = services.suggestion_correct(actor=world.user("admin_a"), suggestion=first, text="楼道的灯坏了好久了")
    assert correction.said_at == first.said_at
    event = AuditEvent.objects.filter(action="ideas.suggestion.received").order_by("pk").first()
    assert "2020-05-07" in str(event.changes["said_at"])


def test_a_resident_on_the_public_page_cannot_set_when_it_was_said(world, campaign):
    assert campaign.public_intake and campaign.status == "open"
    suggestion = services.suggestion_submit(actor=None, campaign=campaign, compound=world.managed_a, public=True,
                                            text="楼道灯坏了好久了", channel="online",
                                            said_at=dt.datetime(2020, 5, 7, 20, 1))
    assert suggestion.said_at is None


# the upload page


def _upload(data, name="群聊导出.csv"):
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_the_page_previews_without_writing_and_masks_contacts(client, world, campaign):
    rows = [EXPORT[2] + ["手机"], EXPORT[3] + ["13812345678"]]
    client.force_login(world.user("admin_a"))
    response = client.post(f"/ideas/campaigns/{campaign.pk}/import/",
                           {"file": _upload(csv_bytes(rows)), "compound": world.managed_a.pk, "channel": "wechat",
                            "preview": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and 'data-testid="import-result"' in html
    assert "楼道灯坏了好几个月了" in html and "2020-05-07 20:01" in html
    assert "13812345678" not in html and "138****5678" in html and "老王" not in html
    assert not Suggestion.objects.exists()


def test_the_page_imports_and_goes_back_to_the_campaign(client, world, campaign):
    client.force_login(world.user("admin_a"))
    response = client.post(f"/ideas/campaigns/{campaign.pk}/import/",
                           {"file": _upload(csv_bytes(EXPORT)), "compound": world.managed_a.pk, "channel": "wechat",
                            "confirm": "1"})
    assert response.status_code == 302 and response["Location"] == f"/ideas/campaigns/{campaign.pk}/"
    assert Suggestion.objects.filter(channel="wechat", entered_by=world.user("admin_a")).count() == 2
    page = client.get(response["Location"]).content.decode()
    assert "已导入 2 条建议" in page and "2020-05-07 20:01" in page


@pytest.mark.parametrize("data", [b"MZ\x90\x00" + bytes(300), b"PK\x03\x04broken", b"\x00\x01\x02", b"",
                                  csv_bytes([["时间", "昵称"], ["2020-05-07", "老王"]])])
def test_the_page_refuses_a_hostile_or_unreadable_file_in_chinese(client, world, campaign, data):
    client.force_login(world.user("admin_a"))
    response = client.post(f"/ideas/campaigns/{campaign.pk}/import/",
                           {"file": _upload(data), "compound": world.managed_a.pk, "channel": "wechat",
                            "confirm": "1"})
    assert response.status_code == 400 and not Suggestion.objects.exists()
    errors = response.context["form"].errors
    assert errors and all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for ms in errors.values() for m in ms)


def test_a_compound_of_another_campaign_is_not_accepted_as_the_default(client, world, campaign):
    client.force_login(world.user("admin_a"))
    response = client.post(f"/ideas/campaigns/{campaign.pk}/import/",
                           {"file": _upload(csv_bytes([["内容"], ["楼道灯坏了"]])), "compound": world.compound_b.pk,
                            "channel": "wechat", "confirm": "1"})
    assert response.status_code == 400 and "compound" in response.context["form"].errors
    assert not Suggestion.objects.exists()


def test_a_leader_can_look_but_not_import(client, world, campaign):
    client.force_login(world.user("leader_a"))
    assert client.get(f"/ideas/campaigns/{campaign.pk}/import/").status_code == 403
    assert client.post(f"/ideas/campaigns/{campaign.pk}/import/",
                       {"file": _upload(csv_bytes([["内容"], ["楼道灯坏了"]])), "compound": world.managed_a.pk,
                        "channel": "wechat", "confirm": "1"}).status_code == 403
    assert not Suggestion.objects.exists()


def test_the_api_takes_and_shows_when_it_was_said(world, campaign):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_login(world.user("admin_a"))
    url = f"/api/ideas/campaigns/{campaign.pk}/suggestions/"
    body = {"compound": world.managed_a.pk, "channel": "phone", "text": "电话里说楼道灯坏了"}
    created = api.post(url, {**body, "said_at": "2020-05-07T20:01:00+08:00"}, format="json")
    assert created.status_code == 201, created.content
    shown = api.get(f"/api/ideas/suggestions/{created.json()['id']}/").json()
    assert shown["said_at"].startswith("2020-05-07T20:01:00")
    future = api.post(url, {**body, "said_at": "2099-01-01T00:00:00+08:00"}, format="json")
    assert future.status_code == 400 and "未来" in future.content.decode()
    assert Suggestion.objects.count() == 1


def test_a_cover_sheet_before_the_messages_is_passed_over(world, campaign):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本表由群管理员导出，共两页"])
    messages = book.create_sheet("聊天记录")
    for row in (["发送时间", "发言人", "发言内容"], ["2020-05-07 20:01", "老王", "楼道灯坏了好几个月了"]):
        messages.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    result = importing.import_suggestions(actor=None, campaign=campaign, data=buffer.getvalue(),
                                          default_compound=world.managed_a)
    assert result.created == 1 and Suggestion.objects.get().text == "楼道灯坏了好几个月了"


def test_a_tab_separated_export_with_a_title_line(world, campaign):
    data = "居民群聊天记录\n时间\t昵称\t内容\n2020-05-07 20:01\t老王\t楼道灯坏了，好几个月了\n".encode("gb18030")
    result = importing.import_suggestions(actor=None, campaign=campaign, data=data, default_compound=world.managed_a)
    assert result.created == 1 and Suggestion.objects.get().text == "楼道灯坏了，好几个月了"


def test_an_old_xls_workbook_is_refused_with_what_to_do(world, campaign):
    with pytest.raises(importing.ImportFileError, match="xlsx"):
        importing.import_suggestions(actor=None, campaign=campaign, data=b"\xd0\xcf\x11\xe0" + bytes(600),
                                     default_compound=world.managed_a)
    assert not Suggestion.objects.exists()


def test_staff_may_say_when_a_suggestion_heard_earlier_was_said(client, world, campaign):
    client.force_login(world.user("admin_a"))
    url = f"/ideas/campaigns/{campaign.pk}/"
    heard = {"compound": world.managed_a.pk, "channel": "meeting", "text": "坝坝会上说楼道灯坏了"}
    assert client.post(url, {**heard, "said_at": "2020-05-09T19:30"}).status_code == 302
    assert Suggestion.objects.get().said_at == dt.datetime(2020, 5, 9, 19, 30, tzinfo=timezone.get_current_timezone())
    response = client.post(url, {**heard, "text": "明天要说的话", "said_at": "2099-05-09T19:30"})
    assert response.status_code == 400 and "未来" in response.content.decode() and Suggestion.objects.count() == 1
    assert client.post(url, {**heard, "text": "刚刚听到的"}).status_code == 302
    assert Suggestion.objects.get(text="刚刚听到的").said_at is None  # just now: the time recorded counts


def test_the_sheet_to_fill_in_imports_as_it_is_filled(client, world, campaign):
    from openpyxl import load_workbook

    client.force_login(world.user("admin_a"))
    response = client.get(f"/ideas/campaigns/{campaign.pk}/import/", {"template": "1"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == ["时间", "楼院", "渠道", "发言人", "手机", "内容"]
    assert sheet.max_row == 1  # no example row that would be imported by mistake
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists == {"B2:B5001": "=选项!$A$1:$A$2", "C2:C5001": "=选项!$B$1:$B$5"}
    names = [row[0] for row in book["选项"].iter_rows(values_only=True) if row[0]]
    assert sorted(names) == sorted([world.compound_a.name, world.managed_a.name])
    sheet.append(["2020-05-09 19:30", world.managed_a.name, "室外征集会", "老王", "13812345678",
                  "楼道灯坏了好几个月了"])
    filled = io.BytesIO()
    book.save(filled)
    result = importing.import_suggestions(actor=world.user("admin_a"), campaign=campaign, data=filled.getvalue())
    assert result.created == 1 and not result.errors
    said = Suggestion.objects.get()
    assert (said.compound, said.channel, said.phone) == (world.managed_a, "meeting", "13812345678")
    client.force_login(world.user("leader_a"))
    assert client.get(f"/ideas/campaigns/{campaign.pk}/import/", {"template": "1"}).status_code == 403


HTML_XLS = """<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="gb2312">
<style>td {{ mso-number-format:"\\@"; }}</style><script>alert("x")</script></head><body>
<table border=1><tr><td colspan=4><b>红旗花园小区居民群</b> 聊天记录</td></tr>
<tr><th>发送时间</th><th>发言人</th><th>发言内容</th><th>楼院</th></tr>
<tr><td>2020-05-07 20:01</td><td>老王</td><td>楼道灯坏了<br>好几个月了&nbsp;&amp;没人管</td><td>{compound}</td></tr>
<tr><td>2020-05-07 20:02</td><td>李姐</td><td>[图片]</td><td>{compound}</td></tr>
</table></body></html>"""


def test_a_web_page_saved_as_xls_by_an_office_system_is_read_as_its_table(world, campaign):
    data = HTML_XLS.format(compound=world.managed_a.name).encode("gb18030")
    result = importing.import_suggestions(actor=None, campaign=campaign, data=data)
    assert result.created == 1 and [s["row"] for s in result.skipped] == [4]
    assert Suggestion.objects.get().text == "楼道灯坏了\n好几个月了 &没人管"


@pytest.mark.parametrize("page", ["<html><body><p>没有表格</p></body></html>",
                                  "<table><tr><td>" + "内" * 10 + "</td></tr>" * 3,
                                  "<table><tr><td>内容</td></tr><tr><td><script>alert(1)</script></td></tr></table>"])
def test_a_web_page_without_a_usable_table_is_refused_or_gives_nothing(world, campaign, page):
    try:
        result = importing.import_suggestions(actor=None, campaign=campaign, data=page.encode(),
                                              default_compound=world.managed_a)
    except importing.ImportFileError as error:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in str(error.message))
    else:
        assert result.created == 0
    assert not Suggestion.objects.exists()


def test_a_csv_whose_message_mentions_markup_is_still_a_csv(world, campaign):
    data = csv_bytes([["内容"], ["网页上写着<table>看不懂，社区公众号能不能做简单点"]])
    result = importing.import_suggestions(actor=None, campaign=campaign, data=data, default_compound=world.managed_a)
    assert result.created == 1 and "<table>" in Suggestion.objects.get().text


def test_the_sheets_channel_list_names_every_channel_once_in_words_the_importer_reads():
    from jiceng.ideas.choices import Channel

    read = [importing.CHANNEL_WORDS[word] for word in importing.TEMPLATE_CHANNELS]
    assert sorted(read) == sorted(Channel.values)
