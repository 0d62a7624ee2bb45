"""Reading real-layout ledgers: layouts, every date and progress form, every error at its cell, hostile files."""

import ast
import datetime as dt
import io
import json
import re
import struct
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.utils.cell import get_column_letter

from jiceng.core.errors import DomainError
from jiceng.ledger import importer
from jiceng.ledger.importer import LedgerFileError, as_json, read_ledger
from jiceng.ledger.importer import archive as archive_module

from .builders import (
    SHEET1,
    builtin_number_format,
    cache_formula_values,
    encrypt_flags,
    ole2_file,
    rewrite,
    shared_strings,
    xlsx,
    zip_with,
)

TODAY = dt.date(2021, 3, 15)
UNITS = {
    "区委社治委": "中共上街区委社会治理委员会",
    "中共上街区委社会治理委员会": "中共上街区委社会治理委员会",
    "区住建局": "上街区住房和城乡建设局",
    "上街区住房和城乡建设局": "上街区住房和城乡建设局",
    "工业路街道": "上街区工业路街道办事处",
    "济源路街道": "上街区济源路街道办事处",
}
SHEJI = "中共上街区委社会治理委员会"
ZHUJIAN = "上街区住房和城乡建设局"
GONGYE = "上街区工业路街道办事处"
JIYUAN = "上街区济源路街道办事处"
PACKAGE = Path(importer.__file__).resolve().parent
DATA = Path(__file__).resolve().parent / "data"


def read(data, **options):
    options.setdefault("unit_resolver", UNITS.get)
    options.setdefault("today", TODAY)
    return read_ledger(data, **options)


def project(row, name, unit, monthly, *, person="", start=None, end=None, target=""):
    return {"row": row, "name": name, "unit": unit, "person": person, "planned_start": start, "planned_end": end,
            "target": target, "monthly": monthly}


def pa(plan, actual):
    return {"plan": plan, "actual": actual}


def located(result):
    return [(error.row, error.column, error.code) for error in result.errors]


# Layouts -----------------------------------------------------------------------------------------------------------


def title_subtitle_two_level_ledger():
    """The seed's 挂图作战 ledger: merged title, 填报单位 subtitle, fields merged over two header rows, months
    “2020年N月” merged over 计划/实际, section rows, a subtotal, a blank row and a note."""
    fields = ["序号", "项目名称", "责任单位", "责任人", "计划开始", "计划完成", "年度目标", "备注"]
    rows = [
        ["2020年美丽人居建设项目推进台账"],
        ["填报单位：区委社治委（盖章）", None, None, None, None, None, "填报时间：2020年7月5日"],
        fields + ["2020年5月", None, "2020年6月", None, "2020年7月", None],
        [None] * 8 + ["计划", "实际"] * 3,
        ["一、基础设施类"],
        [1, "居民议事场所建设", "区委社治委", "张三", "2020年3月", "2020年12月", "全区59个城乡社区推广", None,
         "50%", "40%", 0.6, 0.55, 70, None],
        [2, "无主管楼院整治提升", "区住建局", "李四", "2020.4", "年底", "134个楼院", "滞后", 0.5, "完成", "80％", 0.3,
         "90%", None],
        [None, "小计"],
        [],
        ["二、组织建设类"],
        [3, "社区社会组织摸底登记", "工业路街道", "王五", "2020/3/1", "6月底", "59个社区", None, 1, 1, None, None,
         None, None],
        ["注：进度按累计完成百分比填写。"],
    ]
    merges = ["A1:N1", "A2:F2", "G2:N2", "I3:J3", "K3:L3", "M3:N3", "A5:N5", "A10:N10", "A12:N12"]
    merges += [f"{col}3:{col}4" for col in "ABCDEFGH"]
    return xlsx(rows, merges=merges)


def test_a_titled_ledger_with_two_header_rows_sections_and_subtotals_is_read_project_by_project():
    result = read(title_subtitle_two_level_ledger())

    assert as_json(result) == {
        "projects": [
            project(6, "居民议事场所建设", SHEJI, {"2020-05": pa(0.5, 0.4), "2020-06": pa(0.6, 0.55),
                                                "2020-07": pa(0.7, None)},
                    person="张三", start="2020-03", end="2020-12", target="全区59个城乡社区推广"),
            project(7, "无主管楼院整治提升", ZHUJIAN, {"2020-05": pa(0.5, 1.0), "2020-06": pa(0.8, 0.3),
                                                  "2020-07": pa(0.9, None)},
                    person="李四", start="2020-04", end="2020-12", target="134个楼院"),
            project(11, "社区社会组织摸底登记", GONGYE, {"2020-05": pa(1.0, 1.0)},
                    person="王五", start="2020-03-01", end="2020-06", target="59个社区"),
        ],
        "errors": [],
        "skipped_rows": [
            {"row": 5, "why": "分类标题：基础设施类"},
            {"row": 8, "why": "合计或小计行"},
            {"row": 9, "why": "空行"},
            {"row": 10, "why": "分类标题：组织建设类"},
            {"row": 12, "why": "说明行"},
        ],
    }
    assert result.sheet == "台账"
    assert result.warnings == []


def test_a_section_row_gives_its_category_to_the_projects_under_it():
    result = read(title_subtitle_two_level_ledger())

    assert [(row.name, row.category) for row in result.projects] == [
        ("居民议事场所建设", "基础设施类"),
        ("无主管楼院整治提升", "基础设施类"),
        ("社区社会组织摸底登记", "组织建设类"),
    ]
    assert result.projects[0].target_quantity == Decimal(59)
    assert result.projects[1].note == "滞后"
    assert result.projects[0].sheet == "台账"


def test_a_one_level_header_with_month_plan_and_actual_columns_in_another_order_is_read():
    rows = [
        ["责任单位", "项目名称", "1月计划", "1月实际", "2月计划", "2月实际", "联系人", "完成时限", "序号"],
        ["区委社治委", "居民议事场所建设", "10%", "8%", "20％", "20", "张三", "2021年6月底", 1],
        ["区住建局", "楼院整治", 0.1, 0.1, 0.2, None, "李四", "2021/6/8", 2],
    ]

    result = read(xlsx(rows))

    assert as_json(result)["projects"] == [
        project(2, "居民议事场所建设", SHEJI, {"2021-01": pa(0.1, 0.08), "2021-02": pa(0.2, 0.2)},
                person="张三", end="2021-06"),
        project(3, "楼院整治", ZHUJIAN, {"2021-01": pa(0.1, 0.1), "2021-02": pa(0.2, None)},
                person="李四", end="2021-06-08"),
    ]
    assert result.errors == []
    assert result.warnings == ["台账中没有写明年份，月份按 2021 年读取。"]


def test_months_written_as_numbers_with_plan_and_done_sub_headers_and_date_cells_are_read():
    rows = [
        ["2020年度重点项目推进台账"],
        ["序号", "工作任务", "牵头单位", "联系人", "计划开始时间", "计划完成时间",
         2020.9, None, 2020.1, None, 2020.11, None],
        [None] * 6 + ["计划进度", "完成进度"] * 3,
        [1, "社区服务中心改造", "区委社治委", "王五", dt.datetime(2020, 9, 1), dt.datetime(2020, 11, 15),
         0.3, 0.2, 0.6, 0.6, 1, 0.9],
    ]
    merges = ["A1:L1", "G2:H2", "I2:J2", "K2:L2"] + [f"{col}2:{col}3" for col in "ABCDEF"]
    formats = {"E4": 'yyyy"年"m"月"', "F4": "yyyy-mm-dd", "G4": "0%", "H4": "0%", "I4": "0%", "J4": "0%"}

    result = read(xlsx(rows, merges=merges, formats=formats))

    assert as_json(result)["projects"] == [
        project(4, "社区服务中心改造", SHEJI,
                {"2020-09": pa(0.3, 0.2), "2020-10": pa(0.6, 0.6), "2020-11": pa(1.0, 0.9)},
                person="王五", start="2020-09", end="2020-11-15"),
    ]
    assert result.errors == []


def test_plan_and_actual_written_as_two_rows_per_project_make_one_project():
    rows = [
        ["项目推进情况表（2020年）"],
        ["序号", "项目名称", "责任单位", "责任人", "进度", "1月", "2月", "3月"],
        [1, "楼院党支部结对", "区委社治委", "赵六", "计划", "10%", "30%", "50%"],
        [None, None, None, None, "实际", "5%", "25%", None],
        [2, "文明实践站建设", "济源路街道", "钱七", "计划", "20%", "40%", "60%"],
        [None, None, None, None, "实际", "20%", "40%", "70%"],
    ]
    merges = ["A1:H1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "A5:A6", "B5:B6", "C5:C6", "D5:D6"]

    result = read(xlsx(rows, merges=merges))

    assert as_json(result)["projects"] == [
        project(3, "楼院党支部结对", SHEJI,
                {"2020-01": pa(0.1, 0.05), "2020-02": pa(0.3, 0.25), "2020-03": pa(0.5, None)}, person="赵六"),
        project(5, "文明实践站建设", JIYUAN,
                {"2020-01": pa(0.2, 0.2), "2020-02": pa(0.4, 0.4), "2020-03": pa(0.6, 0.7)}, person="钱七"),
    ]
    assert result.projects[0].rows == (3, 4)
    assert result.errors == [] and result.skipped_rows == []


def test_plan_and_actual_rows_need_no_merged_name_when_the_actual_row_leaves_it_blank():
    rows = [
        ["项目名称", "责任单位", "类别", "2020年1月", "2020年2月"],
        ["楼院党支部结对", "区委社治委", "计划", "10%", "30%"],
        [None, None, "实际", "5%", "25%"],
    ]

    result = read(xlsx(rows))

    assert as_json(result)["projects"] == [
        project(2, "楼院党支部结对", SHEJI, {"2020-01": pa(0.1, 0.05), "2020-02": pa(0.3, 0.25)})]


def test_a_three_level_header_with_a_numbering_row_and_a_period_column_is_read():
    rows = [
        ["2020年美丽人居建设项目推进台账"],
        ["序号", "工作任务", "牵头单位", "起止时间", "年度目标", "2020年月度推进计划", None, None, None, None, None],
        [None] * 5 + ["一月", None, "二月", None, "三月", None],
        [None] * 5 + ["计划", "实际"] * 3,
        list(range(1, 12)),
        [1, "议事场所建设", "区委社治委", "2020.3-2020.12", "建成59个", "10%", "10%", "20%", "15%", "30%", None],
        [2, "楼院结对", "工业路街道", "3月至6月底", "134个楼院", None, None, None, None, "50%", "40%"],
    ]
    merges = ["A1:K1", "F2:K2", "F3:G3", "H3:I3", "J3:K3"] + [f"{col}2:{col}4" for col in "ABCDE"]

    result = read(xlsx(rows, merges=merges))

    assert as_json(result)["projects"] == [
        project(6, "议事场所建设", SHEJI, {"2020-01": pa(0.1, 0.1), "2020-02": pa(0.2, 0.15), "2020-03": pa(0.3, None)},
                start="2020-03", end="2020-12", target="建成59个"),
        project(7, "楼院结对", GONGYE, {"2020-03": pa(0.5, 0.4)}, start="2020-03", end="2020-06", target="134个楼院"),
    ]
    assert result.skipped_rows == []


def test_a_three_level_header_shows_every_level_in_the_column_of_an_error():
    rows = [
        ["序号", "工作任务", "牵头单位", "2020年月度推进计划", None],
        [None, None, None, "一月", None],
        [None, None, None, "计划", "实际"],
        [1, "议事场所建设", "区委社治委", "10%", "120%"],
    ]
    merges = ["D1:E1", "D2:E2", "A1:A3", "B1:B3", "C1:C3"]

    result = read(xlsx(rows, merges=merges))

    assert located(result) == [(4, "2020年月度推进计划 一月 实际", "progress_over_100")]


def test_spaced_headers_unknown_columns_repeated_headers_ditto_marks_and_footers_are_handled():
    header = ["序  号", "项 目\n名 称", "责任\n单位", "责任人", "总投资（万元）", "推进亮点",
              "11月", "12月", "1月", "备注"]
    rows = [
        ["美丽人居项目推进台账"],
        header,
        [None] * 6 + ["实际"] * 3,
        [1, "议事场所建设", "区委社治委", "张三", 100, "示范", "50%", "60%", "70%", None],
        [2, "楼院整治", "同上", "同上", 50, None, "10%", None, "30%", "滞后"],
        header,
        [None] * 6 + ["实际"] * 3,
        [3, "文明实践站", "区住建局", "李四", None, None, None, None, None, None],
        ["填报人：张三", None, None, "审核人：李四"],
        ["联系电话：0371-00000000"],
    ]

    result = read(xlsx(rows, merges=["A1:J1"]))

    assert as_json(result) == {
        "projects": [
            project(4, "议事场所建设", SHEJI,
                    {"2020-11": pa(None, 0.5), "2020-12": pa(None, 0.6), "2021-01": pa(None, 0.7)}, person="张三"),
            project(5, "楼院整治", SHEJI, {"2020-11": pa(None, 0.1), "2021-01": pa(None, 0.3)}, person="张三"),
            project(8, "文明实践站", ZHUJIAN, {}, person="李四"),
        ],
        "errors": [],
        "skipped_rows": [
            {"row": 6, "why": "重复的表头行"},
            {"row": 7, "why": "重复的表头行"},
            {"row": 9, "why": "表尾签字行"},
            {"row": 10, "why": "表尾签字行"},
        ],
    }
    assert result.warnings == [
        "台账中没有写明年份，月份按 2020 年读取。",
        "“总投资（万元）”列不导入。",
        "未识别的列“推进亮点”，已忽略。",
    ]


def test_bare_month_numbers_under_a_month_group_and_arabic_numbered_sections_are_read():
    rows = [
        ["序号", "项目名称", "责任单位", "2020年各月完成进度（%）", None, None],
        [None, None, None, 1, 2, 3],
        ["1、基础设施类"],
        [1, "议事场所建设", "区委社治委", 10, 20, 35],
        ["2、组织建设类"],
        [2, "楼院结对", "区住建局", 50, None, 100],
    ]

    result = read(xlsx(rows, merges=["A1:A2", "B1:B2", "C1:C2", "D1:F1"]))

    assert as_json(result)["projects"] == [
        project(4, "议事场所建设", SHEJI,
                {"2020-01": pa(None, 0.1), "2020-02": pa(None, 0.2), "2020-03": pa(None, 0.35)}),
        project(6, "楼院结对", ZHUJIAN, {"2020-01": pa(None, 0.5), "2020-03": pa(None, 1.0)}),
    ]
    assert [project.category for project in result.projects] == ["基础设施类", "组织建设类"]
    assert result.warnings == []


def test_a_workbook_saved_by_excel_with_shared_strings_cached_formulas_and_chinese_date_formats_is_read():
    rows = [
        ["2020年项目台账"],
        ["项目名称", "责任单位", "计划开始", "计划完成", "6月计划", "6月实际", "年度目标"],
        ["议事场所建设", "区委社治委", dt.datetime(2020, 3, 1), dt.datetime(2020, 12, 31), "=0.5+0.1", "=E3-0.1",
         "=\"建成\"&59&\"个\""],
    ]
    data = xlsx(rows, merges=["A1:G1"], formats={"C3": 'yyyy"年"m"月"', "D3": 'm"月"d"日"'})
    data = builtin_number_format(data, 'yyyy"年"m"月"', 57)
    data = builtin_number_format(data, 'm"月"d"日"', 58)
    data = cache_formula_values(data, {"E3": "0.6", "F3": "0.5", "G3": "建成59个"})
    data = shared_strings(data)

    result = read(data)

    assert as_json(result)["projects"] == [
        project(3, "议事场所建设", SHEJI, {"2020-06": pa(0.6, 0.5)}, start="2020-03", end="2020-12-31",
                target="建成59个"),
    ]
    assert result.errors == []


def test_a_month_typed_only_over_the_plan_column_also_heads_the_actual_column_beside_it():
    rows = [
        ["项目名称", "责任单位", "2020年6月", None, "2020年7月", None],
        [None, None, "计划", "实际", "计划", "实际"],
        ["议事场所建设", "区委社治委", "60%", "50%", "70%", "65%"],
    ]

    result = read(xlsx(rows, merges=["A1:A2", "B1:B2"]))

    assert as_json(result)["projects"][0]["monthly"] == {"2020-06": pa(0.6, 0.5), "2020-07": pa(0.7, 0.65)}


def test_a_text_row_merged_across_the_table_and_rows_with_only_a_number_are_skipped():
    rows = [
        ["序号", "项目名称", "责任单位", "2020年6月实际"],
        [1, "议事场所建设", "区委社治委", "50%"],
        ["（以下为年中新增项目）"],
        [2, "楼院结对", "区住建局", "10%"],
        [3],
        [4],
        [],
        [],
    ]

    result = read(xlsx(rows, merges=["A3:D3"]))

    assert [project.name for project in result.projects] == ["议事场所建设", "楼院结对"]
    assert as_json(result)["skipped_rows"] == [
        {"row": 3, "why": "跨列合并的文字行"},
        {"row": 5, "why": "没有可导入的内容"},
        {"row": 6, "why": "没有可导入的内容"},
    ]


def test_a_unit_merged_down_over_several_projects_belongs_to_each_of_them():
    rows = [
        ["项目名称", "责任单位", "责任人", "2020年6月实际"],
        ["议事场所建设", "区委社治委", "张三", "50%"],
        ["楼院结对", None, "李四", "10%"],
        ["社会组织登记", None, "王五", "20%"],
        ["文明实践站", "区住建局", "赵六", "30%"],
    ]

    result = read(xlsx(rows, merges=["B2:B4"]))

    assert [(project.name, project.unit) for project in result.projects] == [
        ("议事场所建设", SHEJI), ("楼院结对", SHEJI), ("社会组织登记", SHEJI), ("文明实践站", ZHUJIAN)]


def test_a_category_column_wins_over_the_section_title():
    rows = [
        ["项目名称", "责任单位", "类别"],
        ["一、基础设施类"],
        ["议事场所建设", "区委社治委", "阵地建设"],
        ["楼院结对", "区住建局", None],
    ]

    result = read(xlsx(rows))

    assert [(project.name, project.category) for project in result.projects] == [
        ("议事场所建设", "阵地建设"), ("楼院结对", "基础设施类")]


def test_full_and_short_unit_names_resolve_to_the_full_name_and_without_a_resolver_the_text_is_kept():
    rows = [["项目名称", "责任单位"], ["甲", "区委社治委"], ["乙", "中共上街区委社会治理委员会"],
            ["丙", " 区委 社治委 "]]

    resolved = read(xlsx(rows))
    kept = read(xlsx(rows), unit_resolver=None)

    assert [project.unit for project in resolved.projects] == [SHEJI, SHEJI, SHEJI]
    assert [project.unit for project in kept.projects] == ["区委社治委", "中共上街区委社会治理委员会", "区委社治委"]


def test_a_row_naming_several_units_takes_the_first_as_the_responsible_unit():
    rows = [["项目名称", "责任单位"], ["甲", "区委社治委、区住建局"]]

    result = read(xlsx(rows))

    assert result.projects[0].unit == SHEJI
    assert "已取第一个“中共上街区委社会治理委员会”作为责任单位" in result.warnings[0]


def test_the_first_visible_sheet_with_a_ledger_header_is_read_and_the_others_are_named():
    ledger = [["项目名称", "责任单位"], ["甲", "区委社治委"]]
    data = xlsx(ledger, title="2020年台账", hidden_first=[["项目名称", "责任单位"], ["隐藏", "区委社治委"]],
                extra_sheets=[("填表说明", [["本表按月填报"]])])

    result = read(data)

    assert result.sheet == "2020年台账"
    assert [project.name for project in result.projects] == ["甲"]
    assert result.warnings[0] == "只读取了工作表“2020年台账”，工作簿中还有：填表说明。"


def test_a_sheet_that_only_explains_the_form_is_passed_over_for_the_ledger_after_it():
    data = xlsx([["填表说明"], ["1. 进度按累计填写"]], title="说明",
                extra_sheets=[("台账", [["项目名称", "责任单位"], ["甲", "区委社治委"]])])

    result = read(data)

    assert result.sheet == "台账"
    assert [project.name for project in result.projects] == ["甲"]


def test_a_sheet_can_be_chosen_by_name():
    data = xlsx([["项目名称", "责任单位"], ["甲", "区委社治委"]],
                extra_sheets=[("第二批", [["项目名称", "责任单位"], ["乙", "区住建局"]])])

    result = read(data, sheet="第二批")

    assert result.sheet == "第二批"
    assert [project.name for project in result.projects] == ["乙"]
    with pytest.raises(LedgerFileError) as info:
        read(data, sheet="没有这个表")
    assert info.value.reason == "no_sheet"


def test_two_columns_naming_the_same_field_keep_the_more_specific_header():
    rows = [["2020年台账"], ["项目名称", "建设内容", "年度目标", "联系人", "责任人", "牵头单位"],
            ["议事场所建设", "改造场所", "建成59个", "联系人甲", "责任人乙", "区委社治委"]]

    result = read(xlsx(rows))

    assert (result.projects[0].target, result.projects[0].person) == ("建成59个", "责任人乙")
    assert result.warnings == ["“建设内容”列与“年度目标”列重复，已忽略。", "“联系人”列与“责任人”列重复，已忽略。"]


def test_a_column_under_a_month_that_is_neither_plan_nor_actual_is_not_imported():
    rows = [["2020年台账"], ["项目名称", "责任单位", "6月", None, None],
            [None, None, "计划（%）", "实际（%）", "存在问题"], ["议事场所建设", "区委社治委", 50, 40, "资金未到位"]]

    result = read(xlsx(rows, merges=["A2:A3", "B2:B3", "C2:E2"]))

    assert result.projects[0].monthly == {"2020-06": pa(0.5, 0.4)}
    assert result.warnings == ["“6月 存在问题”列不导入。"]


def test_as_of_words_and_units_around_a_month_header_are_understood():
    rows = [["2020年台账"], ["项目名称", "责任单位", "截至7月底完成进度（%）"], ["议事场所建设", "区委社治委", 60]]

    result = read(xlsx(rows))

    assert result.projects[0].monthly == {"2020-07": pa(None, 0.6)}


def test_months_written_in_the_row_above_the_field_names_head_the_plan_and_actual_columns():
    rows = [["2020年台账"], [None, None, None, "6月", None, "7月", None],
            ["序号", "项目名称", "责任单位", "计划", "实际", "计划", "实际"],
            [1, "议事场所建设", "区委社治委", "50%", "40%", "60%", "60%"]]

    result = read(xlsx(rows, merges=["D2:E2", "F2:G2"]))

    assert result.projects[0].monthly == {"2020-06": pa(0.5, 0.4), "2020-07": pa(0.6, 0.6)}


def test_a_planned_time_header_over_start_and_end_gives_both_dates():
    rows = [["2020年台账"], ["项目名称", "计划时间", None, "责任单位及责任人", None],
            [None, "开始", "结束", "单位", "责任人"], ["议事场所建设", "2020.3", "2020.12", "区委社治委", "张三"]]

    result = read(xlsx(rows, merges=["A2:A3", "B2:C2", "D2:E2"]))

    assert as_json(result)["projects"] == [
        project(4, "议事场所建设", SHEJI, {}, person="张三", start="2020-03", end="2020-12")]


def test_a_period_written_in_the_planned_end_column_gives_its_end():
    rows = [["2020年台账"], ["项目名称", "责任单位", "计划开始", "计划完成"],
            ["议事场所建设", "区委社治委", "2020年3月-4月", "2020年3月-6月"]]

    result = read(xlsx(rows))

    assert (result.projects[0].planned_start, result.projects[0].planned_end) == ("2020-03", "2020-06")


def test_a_unit_marked_as_lead_in_brackets_is_resolved():
    result = read(xlsx([["项目名称", "责任单位"], ["议事场所建设", "区委社治委（牵头）"]]))

    assert result.projects[0].unit == SHEJI


def test_a_short_title_merged_across_the_table_is_a_section():
    rows = [["项目名称", "责任单位", "6月实际"], ["基础设施类（2个）"], ["议事场所建设", "区委社治委", "50%"]]

    result = read(xlsx(rows, merges=["A2:C2"]))

    assert result.projects[0].category == "基础设施类"
    assert as_json(result)["skipped_rows"] == [{"row": 2, "why": "分类标题：基础设施类"}]


def test_a_project_row_with_words_merged_across_its_months_is_still_a_project_row():
    rows = [["2020年台账"], ["项目名称", "责任单位", "1月实际", "2月实际", "3月实际"],
            ["议事场所建设", "区委社治委", "全年持续推进"], ["楼院结对", "区住建局", 0.1, 0.2, 0.3]]

    result = read(xlsx(rows, merges=["C3:E3"]))

    assert located(result) == [(3, "1月实际", "progress_not_number")]
    assert [project.name for project in result.projects] == ["楼院结对"]


def test_a_ledger_titled_for_two_years_starts_its_months_in_the_first_year():
    rows = [["上街区2019-2020年度项目台账"], ["序号", "工作任务", "承办单位", "十一月", "十二月", "一月"],
            [1, "议事场所建设", "区委社治委", "50%", "80%", "完成"]]

    result = read(xlsx(rows))

    assert list(result.projects[0].monthly) == ["2019-11", "2019-12", "2020-01"]


def test_a_name_header_merged_over_two_columns_reads_the_name_from_the_first():
    rows = [["项目名称", None, "责任单位"], ["议事场所建设", None, "区委社治委"], ["楼院结对", "（续）", "区住建局"]]

    result = read(xlsx(rows, merges=["A1:B1", "A2:B2"]))

    assert [project.name for project in result.projects] == ["议事场所建设", "楼院结对"]
    assert result.warnings == []


def test_without_a_unit_column_no_row_becomes_a_project():
    result = read(xlsx([["项目名称", "1月计划", "1月实际"], ["议事场所建设", "10%", "5%"]]))

    assert result.projects == []
    assert located(result) == [(1, "责任单位", "unit_column_missing")]


def test_today_defaults_to_the_current_date():
    result = read_ledger(xlsx([["项目名称", "责任单位", "6月实际"], ["议事场所建设", "区委社治委", "50%"]]))

    assert list(result.projects[0].monthly) == [f"{dt.date.today().year}-06"]


def test_a_column_numbering_row_with_letters_under_the_header_is_not_read_as_data():
    rows = [["序号", "项目名称", "责任单位", "6月实际"], ["甲", "乙", 1, 2], [1, "议事场所建设", "区委社治委", "50%"]]

    result = read(xlsx(rows))

    assert [project.row for project in result.projects] == [3]
    assert result.skipped_rows == [] and result.errors == []


def test_uncalculated_formulas_in_subtotal_rows_and_the_number_column_are_not_errors():
    rows = [["2020年台账"], ["序号", "项目名称", "责任单位", "6月实际"],
            ["=ROW()-2", "议事场所建设", "区委社治委", "50%"], [None, "合计", None, "=AVERAGE(D3:D3)"]]

    result = read(xlsx(rows))

    assert result.errors == []
    assert [project.name for project in result.projects] == ["议事场所建设"]
    assert as_json(result)["skipped_rows"] == [{"row": 4, "why": "合计或小计行"}]


def test_a_cell_merged_down_over_a_plan_row_and_an_actual_row_counts_for_both():
    rows = [["2020年台账"], ["项目名称", "责任单位", "进度", "1月", "2月"],
            ["议事场所建设", "区委社治委", "计划", "10%", "完成"], [None, None, "实际", "5%", None]]

    result = read(xlsx(rows, merges=["A3:A4", "B3:B4", "E3:E4"]))

    assert result.projects[0].monthly == {"2020-01": pa(0.1, 0.05), "2020-02": pa(1.0, 1.0)}


def test_a_title_repeated_on_a_printed_page_is_skipped():
    rows = [["项目名称", "责任单位", "6月实际"], ["议事场所建设", "区委社治委", "50%"],
            ["2020年美丽人居建设项目推进台账（续表）"], ["项目名称", "责任单位", "6月实际"],
            ["楼院结对", "区住建局", "40%"]]

    result = read(xlsx(rows))

    assert [project.name for project in result.projects] == ["议事场所建设", "楼院结对"]
    assert as_json(result)["skipped_rows"] == [{"row": 3, "why": "标题行"}, {"row": 4, "why": "重复的表头行"}]


def test_a_row_explaining_the_fields_above_the_table_is_not_taken_for_the_header():
    rows = [["项目名称：填写项目全称", "责任单位：填写单位简称"], ["项目名称", "责任单位"],
            ["议事场所建设", "区委社治委"]]

    result = read(xlsx(rows))

    assert [project.row for project in result.projects] == [3]


def test_a_month_header_typed_as_a_date_cell_is_shown_as_a_month_in_errors():
    rows = [["项目名称", "责任单位", dt.datetime(2020, 6, 1), None], [None, None, "计划", "实际"],
            ["议事场所建设", "区委社治委", "50%", "150%"]]

    result = read(xlsx(rows, merges=["A1:A2", "B1:B2", "C1:D1"], formats={"C1": 'yyyy"年"m"月"'}))

    assert located(result) == [(3, "2020年6月 实际", "progress_over_100")]


def test_a_lone_sentence_or_a_seal_line_below_the_table_is_not_a_project():
    rows = [["项目名称", "责任单位", "6月实际"], ["议事场所建设", "区委社治委", "50%"],
            ["以上项目由区委社治委统一调度。"], ["填报单位（盖章）"]]

    result = read(xlsx(rows))

    assert result.errors == []
    assert as_json(result)["skipped_rows"] == [{"row": 3, "why": "说明行"}, {"row": 4, "why": "表尾签字行"}]


# Dates and progress in a sheet -------------------------------------------------------------------------------------


DATE_FORMS = [
    ("2020年6月", "2020-06"),
    ("2020年6月8日", "2020-06-08"),
    ("2020.6", "2020-06"),
    ("2020-06", "2020-06"),
    ("2020/6/8", "2020-06-08"),
    ("6月", "2020-06"),
    ("6月底", "2020-06"),
    ("年底", "2020-12"),
    ("2020.10", "2020-10"),
    (2020.6, "2020-06"),
    (dt.datetime(2020, 6, 8), "2020-06-08"),
    (20200608, "2020-06-08"),
    ("长期", None),
    (None, None),
]


def test_every_date_form_is_read_in_the_planned_end_column():
    rows = [["2020年项目台账"], ["项目名称", "责任单位", "计划完成"]]
    rows += [[f"项目{index}", "区委社治委", value] for index, (value, _expected) in enumerate(DATE_FORMS)]

    result = read(xlsx(rows))

    assert result.errors == []
    assert [project.planned_end for project in result.projects] == [expected for _value, expected in DATE_FORMS]


def test_a_month_without_a_year_takes_the_year_of_the_title_then_of_the_header_then_today():
    def end_of(rows):
        return read(xlsx(rows)).projects[0].planned_end

    assert end_of([["2019年台账"], ["项目名称", "责任单位", "完成时限", "2018年6月"], ["甲", "区委社治委", "6月底"]]) \
        == "2019-06"
    assert end_of([["项目名称", "责任单位", "完成时限", "2018年6月"], ["甲", "区委社治委", "6月底"]]) == "2018-06"
    assert end_of([["项目名称", "责任单位", "完成时限"], ["甲", "区委社治委", "6月底"]]) == "2021-06"


def test_a_planned_end_written_without_a_year_before_the_start_falls_in_the_next_year():
    rows = [["2020年台账"], ["项目名称", "责任单位", "计划开始", "计划完成"], ["甲", "区委社治委", "2020年11月", "3月"]]

    result = read(xlsx(rows))

    assert (result.projects[0].planned_start, result.projects[0].planned_end) == ("2020-11", "2021-03")


PROGRESS_FORMS = [("80%", 0.8), (0.8, 0.8), ("80％", 0.8), ("完成", 1.0), ("已完成", 1.0), ("-", None), ("0", 0.0),
                  ("100%", 1.0), (0.25, 0.25)]


def test_every_progress_form_is_read_in_a_month_column():
    rows = [["2020年台账"], ["项目名称", "责任单位", "6月实际"]]
    rows += [[f"项目{index}", "区委社治委", value] for index, (value, _expected) in enumerate(PROGRESS_FORMS)]
    rows.append(["百分比格式", "区委社治委", 0.35])

    result = read(xlsx(rows, formats={f"C{len(rows)}": "0%"}))

    assert result.errors == []
    actuals = [project.monthly.get("2020-06", {}).get("actual") for project in result.projects]
    assert actuals == [expected for _value, expected in PROGRESS_FORMS] + [0.35]


def test_whole_numbers_are_read_as_percentages_where_the_sheet_writes_percentages():
    rows = [["2020年台账"], ["项目名称", "责任单位", "5月实际", "6月实际"],
            ["甲", "区委社治委", 40, 80], ["乙", "区住建局", 1, 100]]

    result = read(xlsx(rows))

    assert [project.monthly for project in result.projects] == [
        {"2020-05": pa(None, 0.4), "2020-06": pa(None, 0.8)}, {"2020-05": pa(None, 1.0), "2020-06": pa(None, 1.0)}]


def test_a_number_just_above_1_is_more_than_100_percent_where_the_sheet_writes_fractions():
    rows = [["2020年台账"], ["项目名称", "责任单位", "5月实际", "6月实际"],
            ["甲", "区委社治委", 0.4, 0.8], ["乙", "区住建局", 0.9, 1.2]]

    result = read(xlsx(rows))

    assert located(result) == [(4, "6月实际", "progress_over_100")]


# Errors ------------------------------------------------------------------------------------------------------------


def bad_ledger():
    rows = [
        ["2020年美丽人居建设项目推进台账"],
        ["序号", "项目名称", "责任单位", "计划开始", "计划完成", "2020年6月", None, "目标数量"],
        [None, None, None, None, None, "计划", "实际", None],
        [1, "议事场所建设", "区委社治委", "2020年13月", "2020年6月", "80%", "-5%", "59个"],
        [2, "楼院结对", "区民政局", "2020-02-30", "明年", "完成招标", "150", "多个"],
        [3, None, "区委社治委", None, None, "=F4*2", "=1/0", None],
        [4, "议事场所建设", "区委社治委", "2020年6月", "2020年3月", None, None, None],
        [5, "社会组织登记", None, None, None, "#N/A", "120%", None],
        [6, "文明实践站", "区住建局", "2020年3月", "2020年9月", "60%", "50%", 9],
    ]
    merges = ["A1:H1", "F2:G2"] + [f"{col}2:{col}3" for col in "ABCDEH"]
    return cache_formula_values(xlsx(rows, merges=merges), {"G6": "#DIV/0!"})


def test_every_bad_cell_is_reported_at_its_row_and_column_without_stopping_at_the_first():
    result = read(bad_ledger())

    assert located(result) == [
        (4, "计划开始", "date_invalid"),
        (4, "2020年6月 实际", "progress_negative"),
        (5, "责任单位", "unit_unknown"),
        (5, "计划开始", "date_invalid"),
        (5, "计划完成", "date_unrecognised"),
        (5, "2020年6月 计划", "progress_not_number"),
        (5, "2020年6月 实际", "progress_over_100"),
        (5, "目标数量", "quantity_not_number"),
        (6, "项目名称", "name_missing"),
        (6, "2020年6月 计划", "formula_not_calculated"),
        (6, "2020年6月 实际", "error_value"),
        (7, "项目名称", "duplicate_name"),
        (7, "计划完成", "end_before_start"),
        (8, "责任单位", "unit_missing"),
        (8, "2020年6月 计划", "error_value"),
        (8, "2020年6月 实际", "progress_over_100"),
    ]
    assert [project.name for project in result.projects] == ["文明实践站"]
    assert {error.sheet for error in result.errors} == {"台账"}


def test_errors_carry_chinese_messages_naming_the_bad_value():
    errors = {(error.row, error.code): error for error in read(bad_ledger()).errors}

    assert errors[(5, "unit_unknown")].message == "单位不存在：“区民政局”。"
    assert errors[(6, "formula_not_calculated")].message.startswith("公式未计算")
    assert errors[(6, "formula_not_calculated")].message.endswith("请粘贴为数值。")
    assert errors[(5, "progress_not_number")].message == "计划进度只写了文字（“完成招标”），请填写百分比，如 80%。"
    assert errors[(5, "progress_over_100")].message == "进度不能超过100%：150"
    assert errors[(4, "progress_negative")].message == "进度不能为负数：-5%"
    assert errors[(7, "duplicate_name")].message == "项目名称与第 4 行重复。"
    assert errors[(4, "date_invalid")].message == "日期不存在：“2020年13月”。"
    assert errors[(5, "date_unrecognised")].message.startswith("无法识别的日期“明年”")
    assert errors[(6, "error_value")].message.startswith("单元格是 Excel 错误值 #DIV/0!")
    assert errors[(4, "date_invalid")].cell == "D4"


def test_the_error_json_has_exactly_sheet_row_column_and_message():
    result = as_json(read(bad_ledger()))

    assert result["errors"][0] == {
        "sheet": "台账", "row": 4, "column": "计划开始", "message": "日期不存在：“2020年13月”。"}
    assert set(result) == {"projects", "errors", "skipped_rows"}
    assert set(result["projects"][0]) == {"row", "name", "unit", "person", "planned_start", "planned_end", "target",
                                          "monthly"}


def test_a_formula_is_never_evaluated_its_cached_value_is_read_even_when_wrong():
    rows = [["2020年台账"], ["项目名称", "责任单位", "6月实际"], ["议事场所建设", "区委社治委", "=0.1+0.1"]]
    data = cache_formula_values(xlsx(rows), {"C3": "0.7"})

    result = read(data)

    assert result.projects[0].monthly == {"2020-06": pa(None, 0.7)}


def test_the_workbook_is_opened_for_cached_values_only(monkeypatch):
    calls = []
    original = importer.grid.load_workbook

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(importer.grid, "load_workbook", spy)
    read(title_subtitle_two_level_ledger())

    assert calls == [{"read_only": True, "data_only": True, "keep_links": False}]


def test_a_ledger_without_a_unit_column_reports_the_missing_column_at_the_header():
    result = read(xlsx([["2020年台账"], ["项目名称", "责任人"], ["甲", "张三"]]))

    assert located(result) == [(2, "责任单位", "unit_column_missing")]
    assert result.errors[0].message == "表格中缺少“责任单位”列。"
    assert result.projects == []


def test_a_duplicate_name_is_reported_at_every_repetition_and_the_first_is_kept():
    rows = [["项目名称", "责任单位"], ["甲", "区委社治委"], ["乙", "区委社治委"], [" 甲 ", "区住建局"],
            ["甲", "区住建局"]]

    result = read(xlsx(rows))

    assert located(result) == [(4, "项目名称", "duplicate_name"), (5, "项目名称", "duplicate_name")]
    assert [project.row for project in result.projects] == [2, 3]


def test_messages_follow_the_active_language():
    with translation.override("en"):
        english = read(bad_ledger())
    chinese = read(bad_ledger())

    assert english.errors[2].message == "The unit “区民政局” does not exist."
    assert chinese.errors[2].message == "单位不存在：“区民政局”。"


# Hostile files -----------------------------------------------------------------------------------------------------


def good_workbook():
    return xlsx([["项目名称", "责任单位"], ["甲", "区委社治委"]])


def word_document():
    import docx

    document = docx.Document()
    document.add_paragraph("美丽人居建设")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HOSTILE = {
    "an empty upload": (lambda: b"", "empty"),
    "an old .xls workbook": (lambda: ole2_file(["Workbook", "SummaryInformation"]), "legacy_xls"),
    "a password-protected workbook": (lambda: ole2_file(["EncryptionInfo", "EncryptedPackage"]), "encrypted"),
    "a Word 97 document renamed .xlsx": (lambda: ole2_file(["WordDocument"]), "not_xlsx"),
    "a CSV file renamed .xlsx": (lambda: "项目名称,责任单位\n甲,区委社治委\n".encode("gb18030"), "not_xlsx"),
    "a UTF-8 CSV file renamed .xlsx": (lambda: "项目名称,责任单位\n甲,区委社治委\n".encode(), "not_xlsx"),
    "a web page saved as .xls": (lambda: b"<html><body><table><tr><td>1</td></tr></table></body></html>", "not_xlsx"),
    "an executable renamed .xlsx": (lambda: b"MZ\x90\x00\x03" + bytes(range(256)) * 8, "not_xlsx"),
    "a PDF renamed .xlsx": (lambda: b"%PDF-1.7\n" + bytes(range(256)), "not_xlsx"),
    "random bytes": (lambda: bytes((index * 7919) % 256 for index in range(4096)), "not_xlsx"),
    "a Word .docx renamed .xlsx": (word_document, "not_xlsx"),
    "a zip that is not a workbook": (lambda: zip_with({"readme.txt": b"hello"}), "not_xlsx"),
    "an .xlsb workbook": (lambda: zip_with({"[Content_Types].xml": b"<Types/>", "xl/workbook.bin": b"\x00"}),
                          "not_xlsx"),
    "an OpenDocument spreadsheet": (lambda: zip_with({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                                                      "content.xml": b"<x/>"}), "not_xlsx"),
    "a truncated workbook": (lambda: good_workbook()[: len(good_workbook()) // 2], "damaged"),
    "a workbook cut off by one byte": (lambda: good_workbook()[:-1], "damaged"),
    "a zip with password-encrypted entries": (lambda: encrypt_flags(good_workbook()), "encrypted"),
    "a zip bomb": (lambda: zip_with({"[Content_Types].xml": b"<Types/>",
                                     SHEET1: b"<worksheet>" + b" " * 20_000_000 + b"</worksheet>"}), "zip_bomb"),
    "a workbook declaring A1:XFD1048576": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace('ref="A1:B2"', 'ref="A1:XFD1048576"')),
        "too_many_rows"),
    "a workbook declaring 702 columns": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace('ref="A1:B2"', 'ref="A1:ZZ2"')),
        "too_many_columns"),
    "a workbook with a row far below its declared size": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace('<row r="2"', '<row r="60001"')
                        .replace('r="A2"', 'r="A60001"').replace('r="B2"', 'r="B60001"')),
        "too_many_rows"),
    "a workbook with a cell far right of its declared size": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace('r="B2"', 'r="AAA2"')),
        "too_many_columns"),
    "a workbook with a DTD declaring entities": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace(
            "<worksheet", '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet', 1)),
        "unsafe_xml"),
    "a workbook hiding a DTD behind a long comment": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace(
            "<worksheet", "<!--" + "x" * 70_000 + '--><!DOCTYPE w [<!ENTITY a "a">]><worksheet', 1)),
        "unsafe_xml"),
    "a workbook whose sheet XML is broken": (
        lambda: rewrite(good_workbook(), SHEET1, lambda text: text.replace("</sheetData>", "</sheetDat>")), "damaged"),
    "a workbook without a ledger header": (lambda: xlsx([["通知"], ["请各单位按时填报"]]), "no_header"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_or_wrong_file_is_refused_with_a_clear_chinese_message(kind):
    make, reason = HOSTILE[kind]

    with pytest.raises(LedgerFileError) as info:
        read(make())

    assert info.value.reason == reason
    assert isinstance(info.value, DomainError)
    assert info.value.code == "ledger_file_invalid"
    message = str(info.value.message)
    assert any("\u4e00" <= char <= "\u9fff" for char in message), message
    assert message == str(info.value)


def test_a_zip_whose_directory_understates_a_part_is_refused_as_damaged():
    data = bytearray(good_workbook())
    patched = 0
    start = 0
    while (found := data.find(b"PK\x01\x02", start)) != -1:
        name_length = struct.unpack_from("<H", data, found + 28)[0]
        if data[found + 46: found + 46 + name_length] == SHEET1.encode():
            struct.pack_into("<I", data, found + 24, 10)  # uncompressed size in the central directory
            patched += 1
        start = found + 4
    assert patched == 1

    with pytest.raises(LedgerFileError) as info:
        read(bytes(data))

    assert info.value.reason == "damaged"


def test_the_size_limits_are_checked_from_the_zip_directory_before_anything_is_inflated(monkeypatch):
    data = good_workbook()
    monkeypatch.setattr(archive_module, "MAX_UNCOMPRESSED_BYTES", 1000)
    opened = []
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *args, **kwargs: opened.append(args) or 1 / 0)

    with pytest.raises(LedgerFileError) as info:
        read(data)

    assert info.value.reason == "zip_bomb"
    assert opened == []


def test_an_upload_larger_than_the_limit_is_refused_before_it_is_opened(monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_FILE_BYTES", 100)

    with pytest.raises(LedgerFileError) as info:
        read(good_workbook())

    assert info.value.reason == "too_large"
    assert "最大允许" in info.value.message


def test_a_part_with_too_many_entries_is_refused(monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_ZIP_ENTRIES", 3)

    with pytest.raises(LedgerFileError) as info:
        read(good_workbook())

    assert info.value.reason == "zip_bomb"


def test_a_sheet_with_more_filled_cells_than_a_ledger_can_have_is_refused(monkeypatch):
    monkeypatch.setattr(importer.grid, "MAX_CELLS", 3)

    with pytest.raises(LedgerFileError) as info:
        read(good_workbook())

    assert info.value.reason == "too_many_cells"


def test_merged_ranges_covering_an_absurd_area_are_refused(monkeypatch):
    rows = [["项目名称", "责任单位", "6月实际", "备注", "说明"], ["甲", "区委社治委", "50%"],
            ["乙", "区住建局", "40%", "某", "某"]]
    data = xlsx(rows, merges=["C2:E3"])
    monkeypatch.setattr(importer.grid, "MAX_MERGED_CELLS", 4)

    with pytest.raises(LedgerFileError) as info:
        read(data)

    assert info.value.reason == "too_many_merged_cells"


def test_a_title_merged_far_beyond_the_table_is_clipped_to_it():
    rows = [["2020年台账"], ["项目名称", "责任单位", "6月实际"], ["议事场所建设", "区委社治委", "50%"]]

    result = read(xlsx(rows, merges=["A1:CV1"]))

    assert result.projects[0].monthly == {"2020-06": pa(None, 0.5)}


def test_the_limits_are_module_constants():
    assert importer.MAX_ROWS >= 10_000
    assert importer.MAX_COLUMNS < 16384
    assert importer.MAX_UNCOMPRESSED_BYTES < 1024**3
    assert importer.MAX_COMPRESSION_RATIO <= 200


# Determinism and fixtures ------------------------------------------------------------------------------------------


def test_reading_the_same_file_twice_gives_identical_output():
    data = bad_ledger()

    first, second = read(data), read(data)

    assert as_json(first) == as_json(second)
    assert first.warnings == second.warnings
    assert json.dumps(as_json(first), ensure_ascii=False) == json.dumps(as_json(second), ensure_ascii=False)


@pytest.mark.parametrize("name", ["excel_saved_ledger", "bad_ledger"])
def test_the_committed_fixtures_read_as_recorded(name):
    data = (DATA / f"{name}.xlsx").read_bytes()
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))

    assert as_json(read(data)) == expected


# Messages ----------------------------------------------------------------------------------------------------------


def _msgids() -> set[str]:
    found = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("_", "gettext_lazy")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.add(node.args[0].value)
    return found


def test_every_message_of_the_importer_is_translated_to_chinese_in_the_catalogue():
    msgids = _msgids()
    assert msgids
    with translation.override("zh-hans"):
        for msgid in msgids:
            text = translation.gettext(msgid)
            assert text != msgid and any("\u4e00" <= char <= "\u9fff" for char in text), msgid
            assert re.findall(r"%\(\w+\)s", msgid) == re.findall(r"%\(\w+\)s", text), msgid


# Generated layouts -------------------------------------------------------------------------------------------------

NAME_HEADERS = ["项目名称", "工作任务", "任务名称", "项 目 名 称", "项目名称（必填）", "重点任务"]
UNIT_HEADERS = ["责任单位", "牵头单位", "承办单位", "责任\n单位"]
PERSON_HEADERS = ["责任人", "联系人", "负责人"]
END_HEADERS = ["计划完成", "完成时限", "计划完成时间"]
EXTRA_HEADERS = ["推进亮点", "配合单位", "总投资（万元）", "建设地点"]
KIND_LABELS = [("计划", "实际"), ("计划进度", "完成进度"), ("计划", "实际进度"), ("计划完成", "实际完成")]
MONTH_STYLES = {
    "short": lambda year, month: f"{month}月",
    "full": lambda year, month: f"{year}年{month}月",
    "dotted": lambda year, month: f"{year}.{month:02d}",
    "dashed": lambda year, month: f"{year}-{month:02d}",
    "chinese": lambda year, month: ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][
        month - 1] + "月",
    "date cell": lambda year, month: dt.datetime(year, month, 1),
}
NOTATIONS = {
    "percent": lambda percent: f"{percent}%",
    "full-width": lambda percent: f"{percent}％",
    "fraction": lambda percent: percent / 100,
    "number": lambda percent: percent if percent > 1 else f"{percent}%",
    "words": lambda percent: "完成" if percent == 100 else f"{percent}%",
}


@st.composite
def ledgers(draw):
    """A ledger laid out at random the ways offices do, with the projects and months it must import as."""
    year = draw(st.integers(2018, 2022))
    first_month = draw(st.integers(1, 12))
    months = [((year + (first_month + step - 1) // 12), (first_month + step - 1) % 12 + 1)
              for step in range(draw(st.integers(1, 4)))]
    month_style = draw(st.sampled_from(sorted(MONTH_STYLES)))
    two_level = draw(st.booleans()) or month_style == "date cell"
    kinds = draw(st.sampled_from(KIND_LABELS))
    titled = draw(st.booleans()) or month_style in ("short", "chinese")
    notation = draw(st.sampled_from(sorted(NOTATIONS)))
    fields = [("name", draw(st.sampled_from(NAME_HEADERS))), ("unit", draw(st.sampled_from(UNIT_HEADERS)))]
    for key, choices in (("person", PERSON_HEADERS), ("end", END_HEADERS), ("extra", EXTRA_HEADERS)):
        if draw(st.booleans()):
            fields.append((key, draw(st.sampled_from(choices))))
    if draw(st.booleans()):
        fields.insert(0, ("seq", "序号"))
    fields = draw(st.permutations(fields))
    count = draw(st.integers(1, 7))
    units = draw(st.lists(st.sampled_from(sorted(UNITS)), min_size=count, max_size=count))
    values = draw(st.lists(st.lists(st.one_of(st.none(), st.integers(0, 100)), min_size=2 * len(months),
                                    max_size=2 * len(months)), min_size=count, max_size=count))
    sections, subtotals, blanks = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())
    subtitle, numbering, footer = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())
    width = len(fields) + 2 * len(months)

    label = MONTH_STYLES[month_style]
    rows, merges = [], []
    if titled:
        rows.append([f"{year}年美丽人居建设项目推进台账"])
        merges.append(f"A1:{get_column_letter(width)}1")
    if subtitle:
        rows.append(["填报单位：区委社治委（盖章）"] + [None] * (width - 2) + ["单位：%"])
    header = [text for _key, text in fields]
    if two_level:
        top = len(rows) + 1
        rows.append(header + [text for y, month in months for text in (label(y, month), None)])
        rows.append([None] * len(fields) + list(kinds) * len(months))
        for index in range(len(fields)):
            merges.append(f"{get_column_letter(index + 1)}{top}:{get_column_letter(index + 1)}{top + 1}")
        for index in range(len(months)):
            left = len(fields) + 2 * index + 1
            merges.append(f"{get_column_letter(left)}{top}:{get_column_letter(left + 1)}{top}")
    else:
        rows.append(header + [label(y, month) + kind for y, month in months for kind in kinds])
    if numbering:
        rows.append(list(range(1, width + 1)))

    expected = []
    for number in range(count):
        if sections and number % 3 == 0:
            rows.append([f"{'一二三四五六七八九'[number // 3]}、第{number // 3 + 1}类"])
        cells = {"seq": number + 1, "name": f"项目{number + 1}", "unit": units[number], "person": f"责任人{number}",
                 "end": f"{year}年12月", "extra": "某某"}
        row = [cells[key] for key, _text in fields]
        monthly = {}
        for index, (y, month) in enumerate(months):
            plan, actual = values[number][2 * index], values[number][2 * index + 1]
            row += [None if plan is None else NOTATIONS[notation](plan),
                    None if actual is None else NOTATIONS[notation](actual)]
            if plan is not None or actual is not None:
                monthly[f"{y}-{month:02d}"] = {"plan": None if plan is None else plan / 100,
                                               "actual": None if actual is None else actual / 100}
        rows.append(row)
        expected.append((f"项目{number + 1}", UNITS[units[number]], monthly))
        if subtotals and number % 3 == 2:
            rows.append([None] * (len(fields) - 1) + ["小计"])
        if blanks and number % 2 == 1:
            rows.append([])
    rows.append([])
    rows.append([None] * draw(st.integers(0, 2)) + ["注：进度按累计完成百分比填写。"])
    if footer:
        rows.append(["填报人：张三", None, "审核人：李四"])
    return rows, merges, expected


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledgers())
def test_any_generated_office_layout_imports_exactly_its_projects_and_months(ledger):
    rows, merges, expected = ledger

    result = read(xlsx(rows, merges=merges))

    assert result.errors == []
    assert [(project.name, project.unit, project.monthly) for project in result.projects] == expected
