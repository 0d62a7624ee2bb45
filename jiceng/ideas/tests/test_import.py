import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from jiceng.ideas import services
from jiceng.ideas.models import Suggestion
from jiceng.ideas.tests.helpers import csv_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(world):
    return services.campaign_create(actor=None, owner_unit=world.unit_a, title="金点子征集", code="gyl-import",
                                    starts_on=dt.date(2020, 5, 6), ends_on=dt.date(2020, 5, 31),
                                    compounds=[world.compound_a, world.managed_a])




def _run(tmp_path, data, *args, suffix=".csv"):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(data)
    out = io.StringIO()
    call_command("ideas_import", str(path), "--campaign", "gyl-import", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


def test_a_wechat_export_in_gbk_imports_every_message(tmp_path, world, campaign):
    data = csv_bytes([["时间", "昵称", "内容", "楼院"], ["2020-05-07 20:01", "老王", "楼道灯坏了", "红旗花园小区"],
                 ["2020-05-07 20:03", "李姐", "院里停车太乱", "红旗花园小区"]], encoding="gb18030")
    result = _run(tmp_path, data)
    assert result["created"] == 2
    assert set(Suggestion.objects.values_list("channel", flat=True)) == {"wechat"}


def test_a_bad_row_is_reported_by_row_and_nothing_is_written(tmp_path, world, campaign):
    data = csv_bytes([["内容", "楼院", "电话"], ["楼道灯坏了", "红旗花园小区", ""], ["院里停车太乱", "不存在的院", ""],
                 ["下水道堵了", "红旗花园小区", "123"]])
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("ideas_import", str(path), "--campaign", "gyl-import", "--json", stdout=out)
    errors = json.loads(out.getvalue())["errors"]
    assert [e["row"] for e in errors] == [3, 4] and "不存在的院" in errors[0]["message"]
    assert not Suggestion.objects.exists()


def test_skipping_bad_rows_imports_the_rest(tmp_path, world, campaign):
    data = csv_bytes([["内容", "楼院"], ["楼道灯坏了", "红旗花园小区"], ["院里停车太乱", "不存在的院"]])
    assert _run(tmp_path, data, "--skip-bad-rows")["created"] == 1


def test_a_dry_run_writes_nothing(tmp_path, world, campaign):
    data = csv_bytes([["内容"], ["楼道灯坏了"]])
    result = _run(tmp_path, data, "--dry-run", "--compound", "红旗花园小区")
    assert result["rows"] == 1 and result["created"] == 0 and not Suggestion.objects.exists()


def test_an_xlsx_export_with_a_formula_keeps_the_text_unevaluated(tmp_path, world, campaign):
    book = Workbook()
    sheet = book.active
    sheet.append(["消息", "楼院"])
    sheet.append(["=HYPERLINK(\"http://x\",\"点我\")", "红旗花园小区"])
    sheet.append(["晾衣服没地方", "红旗花园小区"])
    buffer = io.BytesIO()
    book.save(buffer)
    result = _run(tmp_path, buffer.getvalue(), suffix=".xlsx")
    assert result["created"] == 1  # the formula has no cached value: an empty message, skipped
    assert Suggestion.objects.get().text == "晾衣服没地方"


@pytest.mark.parametrize("data", [b"MZ\x90\x00" + bytes(300), b"PK\x03\x04broken", b""])
def test_hostile_files_are_refused_in_chinese(tmp_path, world, campaign, data):
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    with pytest.raises(CommandError) as info:
        call_command("ideas_import", str(path), "--campaign", "gyl-import", stdout=io.StringIO())
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value))
    assert not Suggestion.objects.exists()


def test_a_file_without_a_message_column_is_refused(tmp_path, world, campaign):
    with pytest.raises(CommandError, match="内容"):
        _run(tmp_path, csv_bytes([["时间", "昵称"], ["2020-05-07", "老王"]]))
