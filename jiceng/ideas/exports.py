"""Ideas tables and documents: everything as XLSX (contacts masked), the governance plan as PDF and DOCX."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from jiceng.core.crypto import mask_name, mask_phone
from jiceng.core.documents import Heading, OfficialDocument, Paragraph, Table
from jiceng.core.exports import safe_cell

from . import importing
from .choices import IdeaStatus


def campaign_xlsx(campaign, suggestions, ideas) -> bytes:
    """Two sheets: every suggestion (words as said, contacts masked) and every idea with its decision."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Suggestions")[:31]
    headers = [_("Receipt"), _("Compound"), _("Channel"), _("The resident's words"), _("Contact"), _("Category"),
               _("Idea"), _("Said at"), _("Received")]
    sheet.append([safe_cell(h) for h in headers])
    for s in suggestions:
        sheet.append([safe_cell(v) for v in (
            s.receipt, s.compound.name, s.get_channel_display(), s.text,
            f"{mask_name(s.name)} {mask_phone(s.phone)}".strip(), s.category or s.suggested_category,
            s.idea.title if s.idea_id else "",
            timezone.localtime(s.said_at).replace(tzinfo=None) if s.said_at else "",
            timezone.localtime(s.created_at).replace(tzinfo=None))])
    ideas_sheet = workbook.create_sheet(_("Ideas")[:31])
    ideas_sheet.append([safe_cell(h) for h in (_("Title"), _("Category"), _("Residents"), _("Status"), _("Reason"),
                                               _("Summary"))])
    for idea in ideas:
        ideas_sheet.append([safe_cell(v) for v in (idea.title, idea.category, getattr(idea, "residents", None),
                                                   idea.get_status_display(), idea.decision_reason, idea.summary)])
    for ws in (sheet, ideas_sheet):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def plan_document(campaign, ideas) -> OfficialDocument:
    """The governance plan (治理提升方案): the adopted ideas by category, with the residents behind each."""
    adopted = [i for i in ideas if i.status == IdeaStatus.ADOPTED]
    blocks = [Heading(1, "一、" + _("Background")),
              Paragraph(_("From %(start)s to %(end)s, %(unit)s collected residents' suggestions in %(count)s "
                          "compounds; they were sorted into %(ideas)s ideas, of which %(adopted)s are adopted into "
                          "this plan and run as projects.") % {
                  "start": f"{campaign.starts_on.year}年{campaign.starts_on.month}月{campaign.starts_on.day}日",
                  "end": f"{campaign.ends_on.month}月{campaign.ends_on.day}日", "unit": campaign.owner_unit.name,
                  "count": campaign.compounds.count(), "ideas": len(ideas), "adopted": len(adopted)}),
              Heading(1, "二、" + _("Projects of the plan"))]
    rows = [[str(n), i.title, i.category, str(getattr(i, "residents", "")), i.compound.name if i.compound_id else ""]
            for n, i in enumerate(adopted, start=1)]
    blocks.append(Table(headers=[_("No."), _("Idea"), _("Category"), _("Residents"), _("Compound")], rows=rows,
                        widths=[0.6, 4, 1.4, 1, 2.4]) if rows else Paragraph(_("No idea is adopted yet.")))
    blocks += [Heading(1, "三、" + _("Carrying it out")),
               Paragraph(_("Each project is run and reported in the supervision ledger; residents follow their "
                           "suggestions with their receipt codes."))]
    return OfficialDocument(issuer=campaign.owner_unit.name, title=_("%(campaign)s governance plan") % {
        "campaign": campaign.title}, blocks=blocks, signature=campaign.owner_unit.name, date=timezone.localdate())


def import_template_xlsx(campaign) -> bytes:
    """A workbook staff fill in and import: the columns the importer reads, the campaign's compounds and the
    channels offered as drop-down lists, and a sheet of instructions after the data sheet."""
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "建议"
    sheet.append(["时间", "楼院", "渠道", "发言人", "手机", "内容"])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEF", (18, 20, 12, 12, 14, 60), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    lists = workbook.create_sheet("选项")
    compounds = [c.name for c in campaign.compounds.order_by("name")]
    for row, name in enumerate(compounds, start=1):
        lists.cell(row=row, column=1, value=safe_cell(name))
    for row, channel in enumerate(importing.TEMPLATE_CHANNELS, start=1):
        lists.cell(row=row, column=2, value=channel)
    lists.sheet_state = "hidden"
    if compounds:
        compound_list = DataValidation(type="list", formula1=f"=选项!$A$1:$A${len(compounds)}", allow_blank=True,
                                       showErrorMessage=True, errorTitle=_("Compound"),
                                       error=_("Choose one of the campaign's compounds from the list."))
        compound_list.add("B2:B5001")
        sheet.add_data_validation(compound_list)
    channel_list = DataValidation(type="list", formula1=f"=选项!$B$1:$B${len(importing.TEMPLATE_CHANNELS)}",
                                  allow_blank=True)
    channel_list.add("C2:C5001")
    sheet.add_data_validation(channel_list)
    notes = workbook.create_sheet(_("Instructions")[:31])
    for line in (_("%(campaign)s: residents' suggestions to import") % {"campaign": campaign.title},
                 _("One suggestion a row, the resident's own words in the last column, not rewritten; do not change "
                   "the column names in the first row."),
                 _("Write the time as 2020-05-07 20:15 (left empty, the time of the import counts); choose the "
                   "compound and the channel from the lists."),
                 _("The speaker and the mobile may be left empty; a mobile is kept encrypted and shown masked, to "
                   "staff only."),
                 _("Then, on the campaign's page, choose 'Import a chat-group export', check it with a dry run, and "
                   "import.")):
        notes.append([line])
    notes.column_dimensions["A"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
