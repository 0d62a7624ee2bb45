"""Regenerate the committed ledger fixtures and their expected JSON.

    DJANGO_SETTINGS_MODULE=jiceng.settings.test .venv/bin/python jiceng/ledger/tests/data/make_fixtures.py

``excel_saved_ledger.xlsx`` is laid out and stored the way Excel saves an office ledger (shared strings,
cached formula results, Chinese builtin date formats, merged two-level header, sections, subtotals, notes);
``bad_ledger.xlsx`` carries one of each cell error.  Review the JSON by eye before committing it.
"""

import datetime as dt
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[3]))

import django  # noqa: E402

django.setup()

from jiceng.ledger.importer import as_json, read_ledger  # noqa: E402
from jiceng.ledger.tests import test_importer  # noqa: E402
from jiceng.ledger.tests.builders import (  # noqa: E402
    builtin_number_format,
    cache_formula_values,
    shared_strings,
    xlsx,
)


def excel_saved_ledger() -> bytes:
    fields = ["序号", "项目名称", "牵头单位", "责任人", "计划开始时间", "完成时限", "年度目标", "备注"]
    rows = [
        ["上街区2020年“美丽人居”建设挂图作战台账"],
        ["填报单位：区委社治委", None, None, None, None, None, "截至2020年6月30日"],
        fields + ["4月", None, "5月", None, "6月", None],
        [None] * 8 + ["计划进度", "完成进度"] * 3,
        ["一", "阵地建设"] + [None] * 12,
        [1, "居民议事场所建设", "区委社治委", "张三", dt.datetime(2020, 3, 1), "年底", "全区59个城乡社区推广", None,
         0.3, 0.3, 0.5, 0.45, 0.8, "=M6-0.1"],
        [2, "新时代文明实践站", "济源路街道", "李四", dt.datetime(2020, 4, 1), dt.datetime(2020, 9, 30), "建成9个站",
         "=\"已建成\"&9&\"个\"", "20%", "20%", "40%", "35%", "60%", "55%"],
        [None, "小计", None, None, None, None, None, None, "=AVERAGE(I6:I7)"],
        ["二", "楼院治理"] + [None] * 12,
        [3, "无主管楼院结对", "工业路街道", "王五", dt.datetime(2020, 2, 1), "2020.10", "134个楼院", None,
         "40%", "40%", "60%", "60%", "完成", "完成"],
        [],
        ["注：1.进度按累计完成百分比填写；2.每月25日前报送。"],
        ["填报人：赵六", None, None, "审核人：钱七", None, None, "联系电话：0371-00000000"],
    ]
    merges = ["A1:N1", "A2:F2", "G2:N2", "I3:J3", "K3:L3", "M3:N3", "A12:N12"]
    merges += [f"{col}3:{col}4" for col in "ABCDEFGH"]
    formats = {"E6": 'yyyy"年"m"月"', "E7": 'yyyy"年"m"月"', "F7": 'm"月"d"日"', "E10": 'yyyy"年"m"月"'}
    data = xlsx(rows, merges=merges, formats=formats, title="挂图作战")
    data = builtin_number_format(data, 'yyyy"年"m"月"', 57)
    data = builtin_number_format(data, 'm"月"d"日"', 58)
    data = cache_formula_values(data, {"N6": "0.7", "H7": "已建成9个", "I8": "0.25"})
    return shared_strings(data)


def main() -> None:
    for name, data in (("excel_saved_ledger", excel_saved_ledger()), ("bad_ledger", test_importer.bad_ledger())):
        (HERE / f"{name}.xlsx").write_bytes(data)
        result = read_ledger(data, unit_resolver=test_importer.UNITS.get, today=test_importer.TODAY)
        (HERE / f"{name}.expected.json").write_text(
            json.dumps(as_json(result), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(name, len(result.projects), "projects", len(result.errors), "errors", result.warnings)


if __name__ == "__main__":
    main()
