"""The pure rules of the ledger importer: month labels, progress, dates, periods, quantities, header names."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiceng.ledger.importer import CellValueError, match_header, parse_date, parse_month, parse_period, parse_progress
from jiceng.ledger.importer.values import (
    ACTUAL,
    PLAN,
    LedgerDate,
    MonthLabel,
    clean_text,
    cn_number,
    display_text,
    is_ditto,
    parse_quantity,
    progress_kind,
)

# parse_month -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("label", "expected"), [
    ("1月", MonthLabel(None, 1)),
    ("6月", MonthLabel(None, 6)),
    ("12月", MonthLabel(None, 12)),
    ("06月", MonthLabel(None, 6)),
    ("6月份", MonthLabel(None, 6)),
    (" 6 月 ", MonthLabel(None, 6)),
    ("６月", MonthLabel(None, 6)),
    ("一月", MonthLabel(None, 1)),
    ("元月", MonthLabel(None, 1)),
    ("十月", MonthLabel(None, 10)),
    ("十一月", MonthLabel(None, 11)),
    ("十二月", MonthLabel(None, 12)),
    ("2020年1月", MonthLabel(2020, 1)),
    ("2020年06月", MonthLabel(2020, 6)),
    ("２０２０年６月", MonthLabel(2020, 6)),
    ("20年6月", MonthLabel(2020, 6)),
    ("2020年一月", MonthLabel(2020, 1)),
    ("2020.1", MonthLabel(2020, 1)),
    ("2020.10", MonthLabel(2020, 10)),
    ("2020.06", MonthLabel(2020, 6)),
    ("2020-06", MonthLabel(2020, 6)),
    ("2020/6", MonthLabel(2020, 6)),
    ("2020.6月", MonthLabel(2020, 6)),
    ("6月计划", MonthLabel(None, 6, PLAN)),
    ("6月实际", MonthLabel(None, 6, ACTUAL)),
    ("6月计划进度", MonthLabel(None, 6, PLAN)),
    ("6月完成进度", MonthLabel(None, 6, ACTUAL)),
    ("6月实际进度", MonthLabel(None, 6, ACTUAL)),
    ("6月（计划）", MonthLabel(None, 6, PLAN)),
    ("2020年6月 实际", MonthLabel(2020, 6, ACTUAL)),
    ("6月底完成情况", MonthLabel(None, 6, ACTUAL)),
    ("计划6月", MonthLabel(None, 6, PLAN)),
    ("实际-6月", MonthLabel(None, 6, ACTUAL)),
    ("2020.6目标", MonthLabel(2020, 6, PLAN)),
])
def test_parse_month_reads_every_way_offices_label_a_month(label, expected):
    assert parse_month(label) == expected


@pytest.mark.parametrize("label", [
    None, "", "项目名称", "责任单位", "13月", "0月", "2020年13月", "2020.6.8", "2020-06-08", "6月8日",
    "6月底前完成招标工作",
    "2020年美丽人居建设项目推进台账", "1-2月", "第一季度", "计划", "实际", 6, 2020, True, "6", "月",
])
def test_parse_month_says_none_for_what_is_not_a_month_label(label):
    assert parse_month(label) is None


def test_parse_month_reads_a_date_cell_as_its_month():
    assert parse_month(dt.datetime(2020, 6, 1)) == MonthLabel(2020, 6)
    assert parse_month(dt.date(2021, 1, 31)) == MonthLabel(2021, 1)


def test_parse_month_flags_a_number_like_2020_1_as_maybe_october():
    assert parse_month(2020.1) == MonthLabel(2020, 1, maybe_october=True)
    assert parse_month(2020.06) == MonthLabel(2020, 6)
    assert parse_month(2020.12) == MonthLabel(2020, 12)
    assert parse_month(2020.123) is None


@given(year=st.integers(1990, 2100), month=st.integers(1, 12),
       template=st.sampled_from(["{y}年{m}月", "{y}年{m:02d}月", "{y}.{m}", "{y}-{m:02d}", "{y}/{m}", "{y}年{m}月份"]))
def test_parse_month_reads_any_year_and_month_in_any_written_form(year, month, template):
    assert parse_month(template.format(y=year, m=month)) == MonthLabel(year, month)


@given(month=st.integers(1, 12), suffix=st.sampled_from(["计划", "计划进度", "目标"]))
def test_parse_month_reads_a_plan_suffix_as_the_plan(month, suffix):
    assert parse_month(f"{month}月{suffix}") == MonthLabel(None, month, PLAN)


# progress ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (None, None),
    ("", None),
    ("  ", None),
    ("-", None),
    ("—", None),
    ("/", None),
    ("无", None),
    ("80%", 0.8),
    ("80 %", 0.8),
    ("80％", 0.8),
    ("８０％", 0.8),
    ("80.5%", 0.805),
    ("100%", 1.0),
    ("0%", 0.0),
    ("0.8", 0.8),
    ("80", 0.8),
    (0.8, 0.8),
    (80, 0.8),
    (80.0, 0.8),
    (1, 1.0),
    (0, 0.0),
    (100, 1.0),
    (0.333333333, 0.333333),
    ("完成", 1.0),
    ("已完成", 1.0),
    ("全部完成", 1.0),
    ("完工", 1.0),
    ("√", 1.0),
    ("未开工", 0.0),
    ("未启动", 0.0),
    ("已完成80%", 0.8),
    ("完成80%", 0.8),
    ("累计完成60%", 0.6),
    ("50%（滞后）", 0.5),
])
def test_parse_progress_reads_every_written_form_as_a_fraction(value, expected):
    assert parse_progress(value) == expected


def test_parse_progress_takes_a_percent_formatted_number_as_the_fraction_it_stores():
    assert parse_progress(0.8, percent_format=True) == 0.8
    assert parse_progress(1, percent_format=True) == 1.0
    with pytest.raises(CellValueError) as info:
        parse_progress(80, percent_format=True)
    assert info.value.code == "progress_over_100"
    assert "8000%" in info.value.message


@pytest.mark.parametrize(("value", "code"), [
    ("120%", "progress_over_100"),
    ("100.1%", "progress_over_100"),
    (120, "progress_over_100"),
    ("150", "progress_over_100"),
    (101, "progress_over_100"),
    ("-5%", "progress_negative"),
    (-0.1, "progress_negative"),
    (-5, "progress_negative"),
    ("完成招标", "progress_not_number"),
    ("正在推进", "progress_not_number"),
    ("80%以上", "progress_not_number"),
    ("约80%", "progress_not_number"),
    (True, "progress_not_number"),
    (dt.datetime(2020, 6, 1), "progress_not_number"),
    (float("nan"), "progress_not_number"),
])
def test_parse_progress_refuses_what_is_not_a_progress_between_0_and_100_percent(value, code):
    with pytest.raises(CellValueError) as info:
        parse_progress(value)
    assert info.value.code == code


def test_parse_progress_reads_1_point_2_as_120_percent_when_the_sheet_writes_fractions():
    assert parse_progress(1.2) == 0.012
    with pytest.raises(CellValueError) as info:
        parse_progress(1.2, fraction_scale=True)
    assert info.value.code == "progress_over_100"
    assert parse_progress(50, fraction_scale=True) == 0.5


def test_parse_progress_names_the_plan_when_a_plan_is_written_in_words():
    with pytest.raises(CellValueError) as plan:
        parse_progress("完成设计", kind=PLAN)
    with pytest.raises(CellValueError) as actual:
        parse_progress("完成设计", kind=ACTUAL)
    assert "计划进度只写了文字" in plan.value.message
    assert "完成设计" in plan.value.message
    assert "计划" not in actual.value.message


@given(st.integers(0, 100))
def test_parse_progress_reads_any_whole_percentage_in_every_notation(percent):
    expected = round(percent / 100, 6)
    assert parse_progress(f"{percent}%") == expected
    assert parse_progress(f"{percent}％") == expected
    if percent > 1:
        assert parse_progress(percent) == expected
        assert parse_progress(str(percent)) == expected


@given(st.floats(0, 1))
def test_parse_progress_keeps_any_fraction_between_0_and_1(fraction):
    assert parse_progress(fraction) == pytest.approx(fraction, abs=1e-6)


@given(st.one_of(st.integers(101, 10**9), st.floats(100.001, 1e12)))
def test_parse_progress_refuses_any_number_above_100(number):
    with pytest.raises(CellValueError) as info:
        parse_progress(number)
    assert info.value.code == "progress_over_100"


@given(st.one_of(st.integers(-10**9, -1), st.floats(-1e12, -1e-9)))
def test_parse_progress_refuses_any_negative_number(number):
    with pytest.raises(CellValueError) as info:
        parse_progress(number)
    assert info.value.code == "progress_negative"


# dates -------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "end", "expected"), [
    ("2020年6月", False, "2020-06"),
    ("2020年06月", False, "2020-06"),
    ("2020年6月8日", False, "2020-06-08"),
    ("2020年6月8号", False, "2020-06-08"),
    ("2020.6", False, "2020-06"),
    ("2020.06", False, "2020-06"),
    ("2020.10", False, "2020-10"),
    ("2020.6.8", False, "2020-06-08"),
    ("2020-06", False, "2020-06"),
    ("2020-6-8", False, "2020-06-08"),
    ("2020-06-08 00:00:00", False, "2020-06-08"),
    ("2020/6/8", False, "2020-06-08"),
    ("2020/6", False, "2020-06"),
    ("２０２０年６月", False, "2020-06"),
    ("20年6月", False, "2020-06"),
    ("6月", False, "2020-06"),
    ("6月份", False, "2020-06"),
    ("六月", False, "2020-06"),
    ("6月8日", False, "2020-06-08"),
    ("6/30", True, "2020-06-30"),
    ("2021年第二季度", True, "2021-06"),
    ("2020年6月30日前", True, "2020-06-30"),
    ("6月底", True, "2020-06"),
    ("6月底前", True, "2020-06"),
    ("6月底前完成", True, "2020-06"),
    ("6月中旬", True, "2020-06"),
    ("2020年6月底", True, "2020-06"),
    ("截至2020年6月", True, "2020-06"),
    ("年底", True, "2020-12"),
    ("年底前", True, "2020-12"),
    ("年末", True, "2020-12"),
    ("2020年底", True, "2020-12"),
    ("2021年底", True, "2021-12"),
    ("年内", True, "2020-12"),
    ("上半年", True, "2020-06"),
    ("下半年", True, "2020-12"),
    ("下半年", False, "2020-07"),
    ("二季度", True, "2020-06"),
    ("第三季度", False, "2020-07"),
    ("三季度末", False, "2020-09"),
    ("2020年", True, "2020-12"),
    ("2020年", False, "2020-01"),
    (dt.datetime(2020, 6, 8), False, "2020-06-08"),
    (dt.date(2020, 6, 8), False, "2020-06-08"),
    (2020.6, False, "2020-06"),
    (2020.12, False, "2020-12"),
    (20200608, False, "2020-06-08"),
    (202006, False, "2020-06"),
    (2020, True, "2020-12"),
    (6, True, "2020-06"),
    (43990, False, "2020-06-08"),
])
def test_parse_date_reads_every_way_offices_write_a_date(value, end, expected):
    assert parse_date(value, year=2020, end=end).isoformat() == expected


def test_parse_date_keeps_only_the_month_of_a_date_cell_formatted_to_the_month():
    assert parse_date(dt.datetime(2020, 3, 1), precision="month") == LedgerDate(2020, 3, None)


def test_parse_date_says_whether_the_year_was_written():
    assert parse_date("2020年6月", year=2019).explicit_year is True
    assert parse_date("6月", year=2019) == LedgerDate(2019, 6, None, explicit_year=False)


@pytest.mark.parametrize("value", [None, "", "-", "长期", "持续推进", "常态化", "长期坚持"])
def test_parse_date_reads_blank_and_ongoing_as_no_date(value):
    assert parse_date(value, year=2020) is None


@pytest.mark.parametrize(("value", "code"), [
    ("2020年13月", "date_invalid"),
    ("2020年2月30日", "date_invalid"),
    ("2020-02-30", "date_invalid"),
    ("2020.0.5", "date_invalid"),
    ("1850年6月", "date_invalid"),
    ("明年", "date_unrecognised"),
    ("尽快", "date_unrecognised"),
    ("2020年6月8日至9日", "date_unrecognised"),
    (6.15, "date_unrecognised"),
    (True, "date_unrecognised"),
    (123456789, "date_unrecognised"),
])
def test_parse_date_refuses_dates_that_do_not_exist_or_cannot_be_read(value, code):
    with pytest.raises(CellValueError) as info:
        parse_date(value, year=2020)
    assert info.value.code == code


def test_parse_date_needs_a_year_for_a_month_written_without_one():
    with pytest.raises(CellValueError) as info:
        parse_date("6月")
    assert info.value.code == "date_no_year"


@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
       st.sampled_from(["{y}年{m}月{d}日", "{y}/{m}/{d}", "{y}-{m:02d}-{d:02d}", "{y}.{m}.{d}", "{y}{m:02d}{d:02d}"]))
def test_parse_date_reads_any_real_day_in_any_notation(day, template):
    text = template.format(y=day.year, m=day.month, d=day.day)
    assert parse_date(text, year=2000).isoformat() == day.isoformat()


# periods -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2020年3月-12月", "2020-03", "2020-12"),
    ("2020年3月—2020年12月", "2020-03", "2020-12"),
    ("2020.3-2020.12", "2020-03", "2020-12"),
    ("2020-03-2020-12", "2020-03", "2020-12"),
    ("2020.3.1-2020.6.30", "2020-03-01", "2020-06-30"),
    ("3月至6月底", "2020-03", "2020-06"),
    ("2020年11月～2月", "2020-11", "2021-02"),
    ("2020年3月到年底", "2020-03", "2020-12"),
    ("2020年12月", None, "2020-12"),
    ("长期", None, None),
    (None, None, None),
])
def test_parse_period_splits_a_planned_period_into_start_and_end(value, start, end):
    parsed_start, parsed_end = parse_period(value, year=2020)
    assert (parsed_start.isoformat() if parsed_start else None) == start
    assert (parsed_end.isoformat() if parsed_end else None) == end


def test_parse_period_refuses_a_period_it_cannot_read():
    with pytest.raises(CellValueError):
        parse_period("分阶段推进", year=2020)


# quantities, text, header names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("全区59个城乡社区", Decimal(59)),
    ("完成80%", Decimal("0.8")),
    ("完成 100%", Decimal(1)),
    ("2020年建成12个站点", Decimal(12)),
    ("改造1.5公里", Decimal("1.5")),
    ("建成134个无主管楼院结对机制", Decimal(134)),
    ("推广居民议事场所", None),
    (59, Decimal(59)),
    (0.8, Decimal("0.8")),
    (None, None),
    (True, None),
])
def test_parse_quantity_finds_the_measurable_number_of_a_target(value, expected):
    assert parse_quantity(value) == expected


@pytest.mark.parametrize(("text", "field"), [
    ("序号", "seq"),
    ("项目名称", "name"),
    ("项 目 名 称", "name"),
    ("项目\n名称", "name"),
    ("项目名称（必填）", "name"),
    ("项目名称：", "name"),
    ("工作任务", "name"),
    ("任务名称", "name"),
    ("重点任务", "name"),
    ("责任单位", "unit"),
    ("牵头单位", "unit"),
    ("承办单位", "unit"),
    ("责任单位（盖章）", "unit"),
    ("责任人", "person"),
    ("联系人", "person"),
    ("负责人", "person"),
    ("计划开始", "planned_start"),
    ("计划开始时间", "planned_start"),
    ("开工时间", "planned_start"),
    ("计划完成", "planned_end"),
    ("完成时限", "planned_end"),
    ("计划完成时间", "planned_end"),
    ("计划完成时间（年月）", "planned_end"),
    ("工作任务完成时限", "planned_end"),
    ("起止时间", "period"),
    ("年度目标", "target"),
    ("目标任务", "target"),
    ("建设内容", "target"),
    ("目标数量", "quantity"),
    ("类别", "category"),
    ("项目类别", "category"),
    ("备注", "note"),
    ("配合单位", "ignored"),
    ("联系电话", "ignored"),
    ("总投资（万元）", "ignored"),
    ("建设地点", "ignored"),
    ("2020年美丽人居建设项目推进台账", None),
    ("填报单位：区委社治委", None),
    ("", None),
    (None, None),
    (12, None),
])
def test_match_header_recognises_the_synonyms_offices_use(text, field):
    assert match_header(text) == field


@pytest.mark.parametrize(("text", "kind"), [
    ("计划", PLAN), ("计划进度", PLAN), ("目标", PLAN), ("序时进度", PLAN), ("计划完成", PLAN),
    ("实际", ACTUAL), ("实际进度", ACTUAL), ("完成进度", ACTUAL), ("完成情况", ACTUAL), ("进展", ACTUAL),
    ("2020年月度推进计划", PLAN), ("项目名称", None), ("责任单位", None), (None, None),
    ("这是一段很长的关于计划的说明文字不是表头", None),
])
def test_progress_kind_tells_plan_words_from_actual_words(text, kind):
    assert progress_kind(text) == kind


@pytest.mark.parametrize(("text", "number"), [
    ("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十二", 12), ("二十", 20), ("二十三", 23), ("九十九", 99),
    ("12", 12), ("", None), ("十十", None), ("一二", None), ("百", None),
])
def test_cn_number_reads_small_chinese_numerals(text, number):
    assert cn_number(text) == number


def test_clean_text_collapses_whitespace_and_drops_it_between_chinese_characters():
    assert clean_text("  居民议事\n场所  建设 ") == "居民议事场所建设"
    assert clean_text("A  B\u3000C") == "A B C"
    assert clean_text(59.0) == "59"
    assert clean_text(None) == ""


def test_display_text_shows_numbers_and_dates_as_a_person_would_write_them():
    assert display_text(80.0) == "80"
    assert display_text(0.8) == "0.8"
    assert display_text(dt.datetime(2020, 6, 8)) == "2020-06-08"
    assert display_text(True) == "TRUE"


@pytest.mark.parametrize(("value", "ditto"), [
    ("同上", True), ("〃", True), (" 同 上 ", True), ("上街", False), (1, False)])
def test_is_ditto_recognises_ditto_marks(value, ditto):
    assert is_ditto(value) is ditto
