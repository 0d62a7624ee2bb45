"""The ledger's printed forms: the quarterly notice (GB/T 9704, PDF and DOCX), the battle map on one A3
landscape sheet, and the ledger as XLSX in the layout offices keep (merged title, two-level month headers)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from jiceng.core.documents import Heading, OfficialDocument, Paragraph, Table, format_date, render_document_pdf
from jiceng.core.exports import safe_cell

CHINESE_NUMERALS = "一二三四五六七八九十"
LIGHT_FILL = {"green": "C6EFCE", "yellow": "FFEB9C", "red": "FFC7CE", "grey": "EDEDED"}


def _pct(value) -> str:
    return f"{float(value) * 100:.0f}%" if value is not None else "—"


def notice_document(notice, entries, *, issuer: str) -> OfficialDocument:
    """The notice as an official document: overview, the projects named by unit, the deadline, the demands."""
    from jiceng.core.workdays import add_workdays

    deadline = add_workdays(notice.date, notice.rectify_workdays)
    units = {}
    for entry in entries:
        units.setdefault(entry.project.unit.display_name, []).append(entry)
    blocks = [Heading(1, "一、" + _("Overall progress")),
              Paragraph(_("In quarter %(quarter)s of %(year)s the %(programme)s programme counts %(total)s projects; "
                          "%(named)s of them are behind plan or expected to miss their annual target and are named "
                          "below.") % {"quarter": CHINESE_NUMERALS[notice.quarter - 1], "year": notice.year,
                                       "programme": notice.programme.name, "total": notice.programme.projects.filter(
                                           archived_at__isnull=True).count(), "named": len(entries)}),
              Heading(1, "二、" + _("Projects named"))]
    if entries:
        rows = []
        for index, entry in enumerate(entries, start=1):
            rows.append([str(index), entry.project.unit.display_name, entry.project.name, _pct(entry.planned),
                         _pct(entry.actual), entry.reason])
        blocks.append(Table(headers=[_("No."), _("Responsible unit"), _("Project"), _("Plan"), _("Actual"),
                                     _("Reason")], rows=rows, widths=[0.6, 2, 4, 1, 1, 2.4]))
        for number, (unit, items) in enumerate(units.items(), start=1):
            blocks.append(Heading(2, f"（{CHINESE_NUMERALS[(number - 1) % 10]}）{unit}"))
            for entry in items:
                blocks.append(Paragraph(_("%(project)s: planned %(plan)s, reached %(actual)s; %(reason)s.") % {
                    "project": entry.project.name, "plan": _pct(entry.planned), "actual": _pct(entry.actual),
                    "reason": entry.reason}))
    else:
        blocks.append(Paragraph(_("No project is behind plan this quarter.")))
    blocks += [Heading(1, "三、" + _("Rectification")),
               Paragraph(_("The units named above shall put things right and report in writing by %(deadline)s "
                           "(%(days)s working days). The office will verify on site and close each item.") % {
                   "deadline": format_date(deadline), "days": notice.rectify_workdays})]
    return OfficialDocument(issuer=issuer, doc_number=notice.doc_number or None, title=notice.title,
                            recipients=_("All responsible units:"), blocks=blocks, signature=issuer,
                            date=notice.date)


def notice_for_print(notice) -> OfficialDocument:
    """The notice as printed, its projects ordered by unit, issued in the name of the programme's owner unit."""
    entries = list(notice.entries.select_related("project__unit").order_by("project__unit__sort_order",
                                                                           "project__unit__name", "project__name"))
    return notice_document(notice, entries, issuer=notice.programme.owner_unit.name)


def battle_map_pdf(*, programme, projects, months) -> bytes:
    rows = []
    for project in projects:
        by_month = {c.month: c for c in project.cells.all()}
        rows.append({"project": project, "cells": [by_month.get(m) for m in months]})
    return render_document_pdf("ledger/print/battle_map.html", {
        "programme": programme, "months": months, "rows": rows, "fills": LIGHT_FILL}, page="A3-landscape")


def ledger_xlsx(*, programme, projects, months) -> bytes:
    """The ledger in the layout offices keep: merged title, 序号…备注, then 计划/实际 under each month."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Ledger")[:31]
    fixed = [_("No."), _("Project"), _("Responsible unit"), _("Responsible person"), _("Planned start"),
             _("Planned end"), _("Annual target"), _("Category")]
    width = len(fixed) + 2 * len(months) + 2
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1, safe_cell(_("%(programme)s project ledger") % {"programme": programme.name})).font = Font(
        bold=True, size=16)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    for col, header in enumerate(fixed, start=1):
        sheet.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        sheet.cell(2, col, header)
    for index, month in enumerate(months):
        col = len(fixed) + 1 + 2 * index
        sheet.merge_cells(start_row=2, start_column=col, end_row=2, end_column=col + 1)
        sheet.cell(2, col, f"{month.year}年{month.month}月")
        sheet.cell(3, col, _("Plan"))
        sheet.cell(3, col + 1, _("Actual"))
    for col, header in ((width - 1, _("Light")), (width, _("Note"))):
        sheet.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)
        sheet.cell(2, col, header)
    for row in (2, 3):
        for col in range(1, width + 1):
            cell = sheet.cell(row, col)
            cell.font, cell.border = Font(bold=True), border
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.fill = PatternFill("solid", fgColor="F2F2F2")
    for number, project in enumerate(projects, start=1):
        r = number + 3
        values = [number, project.name, project.unit.name, project.person, project.planned_start, project.planned_end,
                  project.target, project.category]
        by_month = {c.month: c for c in project.cells.all()}
        for month in months:
            cell = by_month.get(month)
            values += [float(cell.planned) if cell and cell.planned is not None else None,
                       float(cell.actual) if cell and cell.actual is not None else None]
        values += [project.get_light_display() if hasattr(project, "get_light_display") else project.light,
                   project.note]
        for col, value in enumerate(values, start=1):
            c = sheet.cell(r, col, safe_cell(value))
            c.border = border
            if len(fixed) < col <= len(fixed) + 2 * len(months):
                c.number_format = "0%"
                month_cell = by_month.get(months[(col - len(fixed) - 1) // 2])
                if month_cell is not None and (col - len(fixed)) % 2 == 0:
                    c.fill = PatternFill("solid", fgColor=LIGHT_FILL.get(month_cell.light, "FFFFFF"))
            elif col in (5, 6):
                c.number_format = "yyyy-mm-dd"
    for col, w in enumerate([6, 36, 24, 10, 12, 12, 24, 12], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = w
    sheet.freeze_panes = sheet.cell(4, 3)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
