import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils.translation import gettext as _

from jiceng.ideas.grouping.csvfile import SuggestionFileError, read_suggestions

ROOT = Path(__file__).resolve().parents[3]
ROWS = "id,text,compound\n1,楼道灯坏了,纺织厂家属院\n2,3号楼楼道的灯不亮,机械厂宿舍\n3,楼道堆满杂物,纺织厂家属院\n"


def write(tmp_path, content: bytes, name="suggestions.csv"):
    path = tmp_path / name
    path.write_bytes(content)
    return str(path)


def run(path, *options):
    out = StringIO()
    call_command("ideas_group", path, *options, stdout=out)
    return out.getvalue()


def test_json_output_lists_every_id_once_in_groups(tmp_path):
    output = json.loads(run(write(tmp_path, ROWS.encode()), "--json"))

    assert list(output) == ["groups"]
    assert sorted(ident for group in output["groups"] for ident in group) == [1, 2, 3]
    assert [1, 2] in output["groups"]


def test_ids_stay_strings_unless_every_id_is_a_plain_integer(tmp_path):
    content = "id,text\nA-1,楼道灯坏了\n007,楼梯灯不亮\n".encode()

    output = json.loads(run(write(tmp_path, content), "--json"))

    assert output == {"groups": [["A-1", "007"]]}


def test_zero_padded_integer_ids_stay_strings(tmp_path):
    output = json.loads(run(write(tmp_path, "id,text\n01,楼道灯坏了\n2,楼梯灯不亮\n".encode()), "--json"))

    assert output == {"groups": [["01", "2"]]}


def test_utf8_with_the_bom_excel_writes_is_read(tmp_path):
    output = json.loads(run(write(tmp_path, b"\xef\xbb\xbf" + ROWS.encode()), "--json"))

    assert [1, 2] in output["groups"]


def test_gbk_from_excel_or_wps_on_chinese_windows_is_read(tmp_path):
    output = json.loads(run(write(tmp_path, ROWS.encode("gbk")), "--json"))

    assert [1, 2] in output["groups"]


def test_tab_separated_files_and_chinese_column_names_are_read(tmp_path):
    content = "编号\t内容\t楼院\n1\t楼道灯坏了\t纺织厂\n2\t楼梯的灯不亮\t纺织厂\n".encode()

    assert json.loads(run(write(tmp_path, content), "--json")) == {"groups": [[1, 2]]}


def test_quoted_texts_with_commas_and_line_breaks_are_read(tmp_path):
    content = 'id,text\n1,"楼道灯坏了，\n好几天了"\n2,"楼梯灯不亮, 黑"\n'.encode()

    assert json.loads(run(write(tmp_path, content), "--json")) == {"groups": [[1, 2]]}


def test_without_json_a_readable_table_is_printed(tmp_path):
    output = run(write(tmp_path, ROWS.encode()))

    assert _("Group %(number)d (%(count)d suggestions)") % {"number": 1, "count": 2} in output
    assert "3号楼楼道的灯不亮" in output
    assert _("%(suggestions)d suggestions in %(groups)d groups.") % {"suggestions": 3, "groups": 2} in output


def test_separate_compounds_keeps_compounds_apart(tmp_path):
    output = json.loads(run(write(tmp_path, ROWS.encode()), "--json", "--separate-compounds"))

    assert [1, 2] not in output["groups"]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "The file is empty."),
    (b"\xef\xbb\xbf\r\n \r\n", "The file is empty."),
    (b"id,text\n", "The file has a header row but no suggestions."),
    (b"PK\x03\x04\x14\x00\x06\x00", "This is an Excel or WPS workbook, not a CSV file: save it as CSV (UTF-8) first."),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a CSV text file."),
    (bytes(range(256)) * 4, "This is not a CSV text file."),
])
def test_unreadable_files_are_refused_with_a_clear_message(tmp_path, content, message):
    with pytest.raises(CommandError) as raised:
        run(write(tmp_path, content))

    assert str(raised.value) == _(message)


def test_a_missing_text_column_is_named(tmp_path):
    with pytest.raises(CommandError) as raised:
        run(write(tmp_path, "id,内容说明\n1,楼道灯坏了\n".encode()))

    assert str(raised.value) == _("The file has no %(columns)s column; the first row must name the columns, "
                                  "e.g. id,text,compound.") % {"columns": "text"}


def test_a_duplicate_id_is_named_with_its_rows(tmp_path):
    with pytest.raises(CommandError) as raised:
        run(write(tmp_path, "id,text\n1,楼道灯坏了\n2,漏水\n1,停车难\n".encode()))

    assert str(raised.value) == _("The id %(id)s appears twice (rows %(first)d and %(second)d).") % {
        "id": "1", "first": 2, "second": 4}


def test_a_row_without_an_id_is_named(tmp_path):
    with pytest.raises(CommandError) as raised:
        run(write(tmp_path, "id,text\n1,楼道灯坏了\n,漏水\n".encode()))

    assert str(raised.value) == _("Row %(row)d has no id.") % {"row": 3}


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(CommandError) as raised:
        run(str(tmp_path / "nothing.csv"))

    assert str(raised.value) == _("File %(path)s not found.") % {"path": str(tmp_path / "nothing.csv")}


def test_a_threshold_outside_zero_to_one_is_refused(tmp_path):
    with pytest.raises(CommandError):
        run(write(tmp_path, ROWS.encode()), "--threshold", "2")


def test_the_command_exits_non_zero_and_explains_on_stderr(tmp_path):
    result = subprocess.run([sys.executable, "manage.py", "ideas_group", write(tmp_path, b""), "--json"],  # noqa: S603
                            cwd=ROOT, capture_output=True, text=True, check=False)

    assert result.returncode != 0
    assert result.stdout == ""
    assert _("The file is empty.") in result.stderr or "文件" in result.stderr


def test_the_reader_keeps_compounds_when_the_file_has_them():
    suggestions = read_suggestions(ROWS.encode())

    assert suggestions.items()[0] == (1, "楼道灯坏了", "纺织厂家属院")


def test_the_reader_refuses_text_in_an_unknown_encoding():
    with pytest.raises(SuggestionFileError):
        read_suggestions(b"id,text\n1,\xff\xfe\xfd\xfc\x80\x81\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f")
