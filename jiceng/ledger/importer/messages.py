"""Chinese messages of the ledger importer.

Messages are marked with ``gettext`` (English msgids) so the project catalogue translates them.  Until the
catalogue has an entry, ``zh`` gives the Chinese below whenever the active language is Chinese (the
project default), so errors never reach a user in English by accident.  The same pairs are written to
``var/i18n/ledger-importer.json`` for the catalogue (a test keeps the two identical).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

ZH_HANS: dict[str, str] = {
    # The file as a whole (archive.py, grid.py, reader.py)
    "The ledger file could not be read.": "台账文件无法读取。",
    "The file is empty.": "文件为空。",
    "The file is too large (%(size)s MB; at most %(limit)s MB).": "文件过大（%(size)s MB，最大允许 %(limit)s MB）。",
    "The file is damaged or incomplete (perhaps the upload was cut short); open it in Excel, save it again and "
    "upload it once more.": "文件已损坏或不完整（可能上传中断），请用 Excel 打开并重新保存后再上传。",
    "The workbook is protected by a password; remove the password in Excel and upload it again.":
        "工作簿设置了打开密码（已加密），请在 Excel 中取消密码后重新上传。",
    "The file is not an Excel workbook (.xlsx); open the ledger in Excel and save it as .xlsx.":
        "文件不是 Excel 工作簿（.xlsx），请用 Excel 打开台账并另存为 .xlsx 格式。",
    "The file is an old Excel 97-2003 workbook (.xls); open it in Excel, save it as .xlsx and upload it again.":
        "这是旧版 Excel 97-2003 工作簿（.xls），请用 Excel 打开后另存为 .xlsx 格式再上传。",
    "The file is a Word document, not an Excel workbook; upload the ledger saved as .xlsx.":
        "这是 Word 文档，不是 Excel 工作簿，请上传另存为 .xlsx 格式的台账。",
    "The file is a program, not an Excel workbook.": "这是可执行程序，不是 Excel 工作簿。",
    "The file is a PDF, not an Excel workbook; upload the ledger as .xlsx.":
        "这是 PDF 文件，不是 Excel 工作簿，请上传 .xlsx 格式的台账。",
    "The file is a web page or XML file saved with an Excel name, not a real .xlsx workbook; open it in Excel "
    "and save it as .xlsx.": "这是网页或 XML 文件（只是改成了 Excel 的文件名），不是真正的 .xlsx 工作簿，"
                             "请用 Excel 打开后另存为 .xlsx 格式。",
    "The file is a text or CSV file, not an Excel workbook; open it in Excel and save it as .xlsx.":
        "这是文本或 CSV 文件，不是 Excel 工作簿，请用 Excel 打开后另存为 .xlsx 格式。",
    "The file is a PowerPoint presentation, not an Excel workbook.": "这是 PowerPoint 演示文稿，不是 Excel 工作簿。",
    "The file is a binary Excel workbook (.xlsb); open it in Excel, save it as .xlsx and upload it again.":
        "这是 Excel 二进制工作簿（.xlsb），请用 Excel 打开后另存为 .xlsx 格式再上传。",
    "The file is an OpenDocument spreadsheet; save it as an Excel workbook (.xlsx) and upload it again.":
        "这是 OpenDocument 电子表格，请另存为 Excel 工作簿（.xlsx）后再上传。",
    "The file holds too many parts (%(count)s) to be a ledger workbook.":
        "文件内部包含的部件过多（%(count)s 个），不是正常的台账工作簿。",
    "The file is refused: unpacked it would take %(size)s MB (at most %(limit)s MB).":
        "文件被拒绝：解压后将占用 %(size)s MB（最多允许 %(limit)s MB）。",
    "The file is refused: one of its parts would inflate %(ratio)s times, which only a malicious file does.":
        "文件被拒绝：其中的部件解压后将膨胀 %(ratio)s 倍，只有恶意文件才会这样。",
    "The file is refused: it contains XML declarations that real Excel files never have.":
        "文件被拒绝：其中含有正常 Excel 文件不会有的 XML 声明。",
    "The workbook could not be opened: its content is damaged or not produced by a spreadsheet program. Open it "
    "in Excel, save it again and upload it once more.": "工作簿无法打开：内容已损坏或不是由电子表格软件生成的。"
                                                        "请用 Excel 打开并重新保存后再上传。",
    "The sheet “%(sheet)s” is too large: it has or declares %(count)s rows (at most %(limit)s). Delete the empty "
    "rows below the table and upload it again.":
        "工作表“%(sheet)s”过大：包含或声明了 %(count)s 行（最多 %(limit)s 行）。请删除表格下方的空行后重新上传。",
    "The sheet “%(sheet)s” is too wide: it has or declares %(count)s columns (at most %(limit)s). Delete the "
    "empty columns to the right of the table and upload it again.":
        "工作表“%(sheet)s”过宽：包含或声明了 %(count)s 列（最多 %(limit)s 列）。请删除表格右侧的空列后重新上传。",
    "The sheet “%(sheet)s” is damaged and cannot be read. Open the file in Excel, save it again and upload it "
    "once more.": "工作表“%(sheet)s”已损坏，无法读取。请用 Excel 打开并重新保存后再上传。",
    "The sheet “%(sheet)s” holds more than %(limit)s filled cells, far more than a ledger; split it and upload "
    "the parts.": "工作表“%(sheet)s”中已填写的单元格超过 %(limit)s 个，远超台账的规模，请拆分后分别上传。",
    "The sheet “%(sheet)s” has merged ranges that are far too large; unmerge the empty area and upload it again.":
        "工作表“%(sheet)s”的合并单元格范围过大，请取消空白区域的合并后重新上传。",
    "The workbook has no sheet named “%(sheet)s”.": "工作簿中没有名为“%(sheet)s”的工作表。",
    "The workbook has no visible worksheet.": "工作簿中没有可见的工作表。",
    "No ledger table was found: the header must name the project (项目名称 or 工作任务) and at least one other "
    "column such as 责任单位, within the first %(rows)s rows.":
        "未找到台账表格：表头须在前 %(rows)s 行内，包含“项目名称”（或“工作任务”）列和至少一个其他列（如“责任单位”）。",
    "Only the sheet “%(sheet)s” was read; the workbook also has: %(others)s.":
        "只读取了工作表“%(sheet)s”，工作簿中还有：%(others)s。",
    # Columns (headers.py, reader.py)
    "The ledger does not say which year it covers; the months are read as %(year)s.":
        "台账中没有写明年份，月份按 %(year)s 年读取。",
    "The column “%(label)s” repeats the column “%(first)s” and was ignored.":
        "“%(label)s”列与“%(first)s”列重复，已忽略。",
    "The column “%(label)s” was not recognised and was ignored.": "未识别的列“%(label)s”，已忽略。",
    "The column “%(label)s” is not imported.": "“%(label)s”列不导入。",
    "The month columns %(labels)s do not say whether they hold the plan or the actual; they were read as the "
    "actual progress.": "月份列%(labels)s没有写明是计划还是实际，按实际进度读取。",
    "Column %(letter)s has content but no header; it was ignored.": "%(letter)s 列有内容但没有表头，已忽略。",
    "responsible unit": "责任单位",
    "The table has no responsible-unit column (责任单位).": "表格中缺少“责任单位”列。",
    # Rows skipped
    "blank row": "空行",
    "subtotal or total row": "合计或小计行",
    "signature or footer row": "表尾签字行",
    "note row": "说明行",
    "section title: %(title)s": "分类标题：%(title)s",
    "repeated header row": "重复的表头行",
    "title row": "标题行",
    "text row merged across the table": "跨列合并的文字行",
    "no content to import": "没有可导入的内容",
    # Cells
    "The project name is empty.": "项目名称为空。",
    "The responsible unit is empty.": "责任单位为空。",
    "The unit “%(unit)s” does not exist.": "单位不存在：“%(unit)s”。",
    "Row %(row)s names several units (“%(text)s”); the first, %(unit)s, was taken as the responsible unit.":
        "第 %(row)s 行填写了多个单位（“%(text)s”），已取第一个“%(unit)s”作为责任单位。",
    "The project name repeats the one in row %(row)s.": "项目名称与第 %(row)s 行重复。",
    "The target quantity “%(value)s” is not a number.": "目标数量“%(value)s”不是数字。",
    "The planned end (%(end)s) is before the planned start (%(start)s).":
        "计划完成时间（%(end)s）早于计划开始时间（%(start)s）。",
    "The formula has not been calculated (the file holds no result for it); paste it as a value.":
        "公式未计算（文件中没有保存公式的结果），请粘贴为数值。",
    "The cell holds the Excel error %(value)s; correct the formula or paste a value.":
        "单元格是 Excel 错误值 %(value)s，请修正公式或粘贴为数值。",
    "Progress cannot exceed 100%%: %(value)s": "进度不能超过100%%：%(value)s",
    "Progress cannot be negative: %(value)s": "进度不能为负数：%(value)s",
    "The planned progress is written as text (“%(value)s”); enter a percentage such as 80%%.":
        "计划进度只写了文字（“%(value)s”），请填写百分比，如 80%%。",
    "The progress “%(value)s” is not a percentage; enter a percentage such as 80%% or “完成”.":
        "进度“%(value)s”不是百分比，请填写百分比（如 80%%）或“完成”。",
    "The date “%(value)s” is not recognised; write it as 2020年6月 or 2020年6月8日.":
        "无法识别的日期“%(value)s”，请写成 2020年6月 或 2020年6月8日。",
    "The date “%(value)s” does not exist.": "日期不存在：“%(value)s”。",
    "The date has no year and none could be inferred.": "日期没有写年份，也无法推断年份。",
}


def zh(translated: str) -> str:
    """Return a gettext result, or its Chinese translation from this module when the catalogue lacks it.

    Pass the result of ``gettext(msgid)``: when it is still the English msgid and the active language is
    Chinese (or none is active), the Chinese text above is returned instead.
    """
    if translated not in ZH_HANS:
        return translated
    try:
        language = translation.get_language()
    except ImproperlyConfigured:
        language = None
    if language is None or language.lower().startswith("zh"):
        return ZH_HANS[translated]
    return translated
