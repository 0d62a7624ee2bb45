"""The XLSX export service, read back with openpyxl as a spreadsheet program would open it."""

import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from jiceng.core.exports import Column, clean_sheet_title, safe_cell, xlsx_bytes

FORMULA_LOOKING = ["=1+1", "+cmd|' /C calc'!A0", "-2", "@SUM(A1:A9)", "＝1+1", "＋1", "－1", "＠SUM(A1)", "\t=1"]


def export(values, *, title="Export", header="Value"):
    """Export one column of values and open the workbook's sheet."""
    data = xlsx_bytes(title=title, columns=[Column(header, lambda value: value)], rows=values)
    return load_workbook(io.BytesIO(data)).active


@pytest.mark.parametrize("text", FORMULA_LOOKING)
def test_formula_looking_text_is_stored_as_a_string_not_a_formula(text):
    sheet = export([text])

    assert sheet["A2"].data_type == "s"


@pytest.mark.parametrize("text", FORMULA_LOOKING)
def test_formula_looking_text_keeps_a_leading_quote(text):
    sheet = export([text])

    assert sheet["A2"].value == "'" + text


def test_ordinary_text_is_written_unchanged():
    sheet = export(["济源路街道 <b>1</b>", "a=b", "中-1"])

    assert [sheet["A2"].value, sheet["A3"].value, sheet["A4"].value] == ["济源路街道 <b>1</b>", "a=b", "中-1"]


def test_a_formula_looking_header_is_inert_too():
    sheet = export(["x"], header="=HYPERLINK(\"http://example.com\")")

    assert sheet["A1"].data_type == "s" and sheet["A1"].value.startswith("'=")


def test_the_header_row_is_bold():
    sheet = export(["x"])

    assert sheet["A1"].font.bold is True


def test_the_header_row_is_frozen():
    sheet = export(["x"])

    assert sheet.freeze_panes == "A2"


def test_aware_datetimes_are_written_in_local_time(settings):
    settings.TIME_ZONE = "Asia/Shanghai"
    sheet = export([datetime(2020, 6, 8, 0, 30, tzinfo=UTC)])

    assert sheet["A2"].value == datetime(2020, 6, 8, 8, 30)


def test_numbers_dates_and_decimals_stay_numbers_and_dates():
    sheet = export([12, 0.75, Decimal("1.50"), date(2020, 6, 8)])

    assert [sheet[f"A{row}"].data_type for row in range(2, 6)] == ["n", "n", "n", "d"]


def test_none_is_an_empty_cell():
    sheet = export([None, "x"])

    assert sheet["A2"].value is None


def test_control_characters_that_xlsx_cannot_hold_are_dropped():
    sheet = export(["上街\x07区\x0b"])

    assert sheet["A2"].value == "上街区"


def test_a_title_with_characters_excel_forbids_still_names_the_sheet():
    sheet = export(["x"], title="2020/Q2 [台账]: 进度?")

    assert sheet.title == "2020_Q2 _台账__ 进度_"


def test_long_sheet_titles_are_cut_to_31_characters():
    assert len(clean_sheet_title("项" * 40)) == 31


def test_lazy_translated_text_is_exported_as_text():
    from django.utils.translation import gettext_lazy

    assert safe_cell(gettext_lazy("yes")) == str(gettext_lazy("yes"))
