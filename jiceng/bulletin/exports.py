"""Bulletin tables: submissions as XLSX, the ranking as XLSX and as a PDF notice."""

from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core.documents import PDF_CONTENT_TYPE, OfficialDocument, Paragraph, Table, format_date, render_pdf
from jiceng.core.exports import XLSX_CONTENT_TYPE, Column, xlsx_bytes


def submissions_xlsx(submissions) -> bytes:
    columns = [
        Column(_("Submitted at"), lambda s: timezone.localtime(s.submitted_at) if s.submitted_at else None, 18),
        Column(_("Unit"), lambda s: s.unit.display_name, 16),
        Column(_("Headline"), lambda s: s.headline, 40),
        Column(_("Status"), lambda s: s.get_status_display(), 12),
        Column(_("Edited headline"), lambda s: s.edited_headline, 30),
        Column(_("Commissioned topic"), lambda s: s.topic.title if s.topic_id else "", 20),
        Column(_("Body"), lambda s: s.final_body, 60),
    ]
    return xlsx_bytes(title=_("Submissions"), columns=columns, rows=submissions)


def _rate(row) -> str:
    return f"{row.adoption_rate:.0%}" if row.adoption_rate is not None else "—"


def _picker(values, index):
    return lambda row: values(row)[index]


def ranking(rows, *, fmt: str, series, start, end):
    """The ranking table of units as (content, file name, content type), XLSX or PDF."""
    title = _("%(series)s: information submitted and adopted by unit, %(start)s to %(end)s") % {
        "series": series.name, "start": format_date(start), "end": format_date(end)}
    headers = [_("Rank"), _("Unit"), _("Number submitted"), _("Number adopted"), _("Adoption rate"), _("Lead articles"),
               _("Commissioned"), _("Missed commissions"), _("Higher-level adoptions"), _("Points")]

    def values(row):
        name = row.unit.display_name if row.unit else str(row.unit_id)
        return [row.rank, name, row.submitted, row.adopted, _rate(row), row.lead, row.commissioned,
                row.commissioned_missed, row.higher, float(row.points)]

    filename = f"{series.name}{start:%Y%m%d}-{end:%Y%m%d}"
    if fmt == "xlsx":
        columns = [Column(header, _picker(values, index), 24 if index == 1 else 12)
                   for index, header in enumerate(headers)]
        return xlsx_bytes(title=title, sheet_title=_("Ranking"), columns=columns, rows=rows), \
            filename + ".xlsx", XLSX_CONTENT_TYPE
    table = Table(headers=headers, rows=[[str(v) for v in values(r)] for r in rows],
                  widths=[1, 3, 1, 1, 1.3, 1, 1, 1, 1.2, 1])
    blocks = [Paragraph(_("Points are counted under the scoring rules of the series.")), table] if rows else [
        Paragraph(_("No unit submitted or had an item adopted in this period."))]
    document = OfficialDocument(title=title, blocks=blocks, issuer=series.office_name or None,
                                date=timezone.localdate(), page="A4")
    return render_pdf(document), filename + ".pdf", PDF_CONTENT_TYPE
