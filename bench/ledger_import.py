"""Benchmark: reading a generated 10,000-row ledger with ``read_ledger``, against plain openpyxl.

Prints figures and asserts nothing.  The baseline is ``openpyxl.load_workbook(read_only=True)`` iterating
every row of the same file in the same run (once with ``values_only=True``, once over cell objects), so
the ratio says what the importer adds on top of the cheapest way to stream the sheet.  The runs are
interleaved and the median is shown, because the machine may be busy.  The ledger is measured twice: as
openpyxl writes it (text as inline strings) and as Excel saves it (text in a shared-string table).

    .venv/bin/python bench/ledger_import.py [--rows 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings.test")

import django  # noqa: E402

django.setup()

from openpyxl import Workbook, load_workbook  # noqa: E402

from jiceng.ledger.importer import read_ledger  # noqa: E402
from jiceng.ledger.tests.builders import shared_strings  # noqa: E402

NUMERALS = "一二三四五六七八九十"
CATEGORIES = ("基础设施类", "组织建设类", "环境整治类", "公共服务类", "文明创建类")
UNITS = {f"单位{index}": f"上街区第{index}单位" for index in range(40)}


def build(rows: int, seed: int = 2020) -> bytes:
    """A ledger like the ones offices keep: title, subtitle, two-level header with 12 months of 计划/实际,
    a section title every 50 projects, a subtotal after each section, and notes at the end."""
    rng = random.Random(seed)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "推进台账"
    fields = ["序号", "项目名称", "责任单位", "责任人", "计划开始", "计划完成", "年度目标", "类别", "备注"]
    width = len(fields) + 24
    sheet.append(["2020年美丽人居建设项目推进台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append(["填报单位：区委社治委", None, None, None, None, None, None, None, "填报时间：2020年12月31日"])
    sheet.append(fields + [label for month in range(1, 13) for label in (f"{month}月", None)])
    sheet.append([None] * len(fields) + ["计划", "实际"] * 12)
    for col in range(1, len(fields) + 1):
        sheet.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
    for month in range(12):
        col = len(fields) + 1 + month * 2
        sheet.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + 1)
    number = 0
    section = 0
    while number < rows:
        section += 1
        sheet.append([f"{NUMERALS[(section - 1) % 10]}、{CATEGORIES[(section - 1) % len(CATEGORIES)]}"])
        for _ in range(min(50, rows - number)):
            number += 1
            plan = sorted(rng.random() for _ in range(12))
            actual = [max(0.0, value - rng.random() * 0.1) for value in plan]
            monthly = [value for pair in zip(plan, actual, strict=True) for value in
                       (f"{round(pair[0] * 100)}%", round(pair[1], 2))]
            sheet.append([number, f"项目{number}", f"单位{rng.randrange(40)}", "张三", "2020年1月",
                          f"2020年{rng.randrange(6, 13)}月底", f"建成{rng.randrange(1, 99)}个", None, None,
                          *monthly])
        sheet.append([None, "小计"])
    sheet.append(["注：进度按累计完成百分比填写。"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def measure(data: bytes, repeat: int) -> dict[str, float]:
    """Median seconds of the two openpyxl baselines and of read_ledger, run interleaved on the same bytes."""

    def plain_values():
        workbook = load_workbook(io.BytesIO(data), read_only=True)
        for _row in workbook.active.iter_rows(values_only=True):
            pass
        workbook.close()

    def plain_cells():
        workbook = load_workbook(io.BytesIO(data), read_only=True)
        for row in workbook.active.iter_rows():
            for cell in row:
                cell.value  # noqa: B018
        workbook.close()

    def ours():
        read_ledger(data, unit_resolver=UNITS.get)

    runs = {"values": [], "cells": [], "ours": []}
    for _ in range(repeat):
        for name, function in (("values", plain_values), ("cells", plain_cells), ("ours", ours)):
            start = time.perf_counter()
            function()
            runs[name].append(time.perf_counter() - start)
    return {name: statistics.median(times) for name, times in runs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    inline = build(args.rows)
    variants = (("as openpyxl writes it (inline strings)", inline),
                ("as Excel saves it (shared strings)", shared_strings(inline)))
    for title, data in variants:
        result = read_ledger(data, unit_resolver=UNITS.get)
        figures = measure(data, args.repeat)
        print(f"{args.rows} projects {title}: {len(data) / 1024 / 1024:.1f} MB; read {len(result.projects)} "
              f"projects, {len(result.errors)} errors, {len(result.skipped_rows)} skipped rows")
        print(f"  openpyxl read_only iter_rows(values_only=True): {figures['values']:.2f} s "
              f"(median of {args.repeat})")
        print(f"  openpyxl read_only iter_rows(), reading .value: {figures['cells']:.2f} s")
        print(f"  read_ledger:                                    {figures['ours']:.2f} s")
        print(f"  ratio to values_only iteration:                 {figures['ours'] / figures['values']:.2f}")
        print(f"  ratio to cell iteration:                        {figures['ours'] / figures['cells']:.2f}")


if __name__ == "__main__":
    main()
