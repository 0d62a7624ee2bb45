"""The issue as a Word/WPS file on the core document primitives."""

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Pt, RGBColor

from jiceng.core.documents.docx import (
    add_distribution,
    add_paragraph,
    add_red_rule,
    add_title,
    document_bytes,
    new_document,
    set_run_font,
)

RED = RGBColor(0xE6, 0x00, 0x00)


def issue_docx(view) -> bytes:
    document = new_document(page="A4", title=f"{view.series} {view.number_text}")
    masthead = document.add_paragraph()
    masthead.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(masthead.add_run(view.series), "xbs", size_pt=48, color=RED)
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(number.add_run(view.number_text), "fang")
    line = document.add_paragraph()
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    line.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    set_run_font(line.add_run(f"{view.office}\t{view.date_text}"), "fang")
    add_red_rule(document)
    for item in view.items:
        if item.is_lead:
            add_title(document, item.headline)
            for index, text in enumerate(item.paragraphs):
                last = index == len(item.paragraphs) - 1
                add_paragraph(document, text + (f"（{item.source}）" if last and item.source else ""))
            continue
        for index, text in enumerate(item.paragraphs):
            paragraph = add_paragraph(document, "")
            if index == 0:
                set_run_font(paragraph.add_run(item.headline), "hei_bold")
                set_run_font(paragraph.add_run("  "), "fang")
            set_run_font(paragraph.add_run(text), "fang")
            if index == len(item.paragraphs) - 1 and item.source:
                set_run_font(paragraph.add_run(f"（{item.source}）"), "fang")
    lines = list(view.distribution)
    if view.copies:
        lines.append(("", f"共印 {view.copies} 份"))
    if lines:
        add_distribution(document, lines)
    for paragraph in document.paragraphs:
        paragraph.paragraph_format.space_after = Pt(0)
    return document_bytes(document)
