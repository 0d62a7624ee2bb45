"""Chinese messages of the importer.

Warnings and errors are marked with ``gettext`` (English msgids) so the project catalogue translates them.
The parser returns warnings as plain strings, so they must already be Chinese when they leave it: when the
active language is Chinese and the catalogue has no entry yet, the translation below is used.  The same
pairs are exported to ``var/i18n/bulletin-importer.json`` for the catalogue.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

ZH_HANS: dict[str, str] = {
    "The text is empty.": "文本为空。",
    "No series name (masthead) was found.": "未识别到刊名（报头）。",
    "No issue number was found.": "未识别到期号。",
    "No issuing office was found.": "未识别到编印单位。",
    "No issue date was found.": "未识别到印发日期。",
    "The issue date “%(text)s” is not a valid date.": "印发日期“%(text)s”不是有效日期。",
    "Unrecognised text in the masthead was ignored: %(text)s": "报头中有无法识别的内容，已忽略：%(text)s",
    "No items were found.": "未识别到任何信息条目。",
    "Item %(index)s has no recognisable headline; all its text was kept as the body.":
        "第%(index)s条信息未能识别出标题，全文已作为正文保留。",
    "Item %(index)s has no body text.": "第%(index)s条信息没有正文。",
    "The file is empty.": "文件为空。",
    "The file is not a PDF.": "上传的文件不是 PDF 文件。",
    "The PDF is too large (%(size)s MB; at most %(limit)s MB).": "PDF 文件过大（%(size)s MB，最大允许 %(limit)s MB）。",
    "The PDF is damaged or incomplete and cannot be read.": "PDF 文件已损坏或不完整，无法读取。",
    "The PDF is password-protected; please upload an unprotected copy.": "PDF 文件已加密，请上传未加密的版本。",
    "The PDF has no text layer (it is probably a scanned image), so no text can be extracted.":
        "PDF 文件没有文字层（可能是扫描图片），无法提取文字。",
    "Extracting the text of the PDF took too long.": "提取 PDF 文字超时。",
    "The PDF text extractor (pdftotext from poppler-utils) is not installed on the server.":
        "服务器未安装 PDF 文字提取工具（poppler-utils 中的 pdftotext）。",
    "The bulletin could not be imported.": "简报导入失败。",
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
