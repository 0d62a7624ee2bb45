"""The issue in the bulletin layout: PDF and web page from one template context, DOCX from the same data.

Masthead: the series name in large red type, "第 N 期" under it, the office at the left and the date at the
right of the next line, a red rule. Items open with the headline (bold; the lead article's headline as its
own title) and end with the source unit in parentheses. The distribution block closes the issue.
"""

from dataclasses import dataclass

from jiceng.core.documents import (
    DOCX_CONTENT_TYPE,
    PDF_CONTENT_TYPE,
    format_date,
    render_document_html,
    render_document_pdf,
)

__all__ = ["DOCX_CONTENT_TYPE", "PDF_CONTENT_TYPE", "IssueView", "issue_view", "render_docx", "render_html",
           "render_pdf"]


@dataclass(frozen=True)
class ItemView:
    headline: str
    paragraphs: tuple[str, ...]
    source: str
    is_lead: bool


@dataclass(frozen=True)
class IssueView:
    series: str
    number_text: str
    office: str
    date_text: str
    items: tuple[ItemView, ...]
    distribution: tuple[tuple[str, str], ...]
    copies: int | None
    filename: str


def _paragraphs(body: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in body.replace("\r\n", "\n").split("\n") if p.strip()) or ("",)


def issue_view(issue, items) -> IssueView:
    """What every rendering shows, from an Issue and its items in order."""
    number_text = f"增刊第 {issue.number} 期" if issue.is_supplement else f"第 {issue.number} 期"
    views = tuple(ItemView(headline=i.headline, paragraphs=_paragraphs(i.body), source=i.source_label,
                           is_lead=i.is_lead) for i in items)
    series = issue.series
    return IssueView(series=series.name, number_text=number_text, office=issue.office_name or series.office_name,
                     date_text=format_date(issue.date), items=views,
                     distribution=tuple((str(a), str(b)) for a, b in (series.distribution or [])),
                     copies=series.copies, filename=f"{series.name}{issue.year}年{number_text.replace(' ', '')}")


def render_pdf(view: IssueView) -> bytes:
    return render_document_pdf("bulletin/print/issue.html", {"issue": view}, page="A4")


def render_html(view: IssueView) -> str:
    return render_document_html("bulletin/print/issue.html", {"issue": view}, page="A4")


def render_docx(view: IssueView) -> bytes:
    from .docx import issue_docx

    return issue_docx(view)
