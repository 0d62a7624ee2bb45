"""``parse_text``: pdftotext output of one bulletin issue → masthead, items and warnings."""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .masthead import parse_masthead
from .structure import (
    Line,
    body_text,
    clean_distribution,
    drop_furniture,
    drop_running_headers,
    find_distribution,
    find_sources,
    full_width,
    item_starts,
    merge_fragments,
    prepare_lines,
    split_headline,
)


@dataclass
class ParsedItem:
    """One item of an issue: headline, body (paragraphs separated by newlines) and source unit (None for the
    office's own lead article or when the item names none)."""

    headline: str
    body: str
    source: str | None = None

    def as_json(self) -> dict:
        return {"headline": self.headline, "body": self.body, "source": self.source}


@dataclass
class ParsedIssue:
    """What the importer read from one issue, and the warnings about what it could not recognise.

    ``as_json()`` gives exactly series, number, office, date, items and warnings; the distribution block,
    the running number (总第 N 期), the supplement flag (增刊) and an editor's note (编者按) are kept as
    attributes.
    """

    series: str | None
    number: int | None
    office: str | None
    date: datetime.date | None
    items: list[ParsedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    total_number: int | None = None
    supplement: bool = False
    editor_note: str | None = None

    def as_json(self) -> dict:
        return {
            "series": self.series,
            "number": self.number,
            "office": self.office,
            "date": self.date.isoformat() if self.date else None,
            "items": [item.as_json() for item in self.items],
            "warnings": list(self.warnings),
        }


def _chunks(lines: list[Line]) -> list[tuple[list[Line], str | None]]:
    """Cut the body at every (unit) that ends an item: [(lines, unit)], the last stretch with unit None."""
    stream = "\n".join(line.text for line in lines)
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line.text) + 1

    def locate(index: int) -> tuple[int, int]:
        n = bisect.bisect_right(offsets, index) - 1
        return n, index - offsets[n]

    out: list[tuple[list[Line], str | None]] = []
    start = 0
    for open_at, close_at, unit in find_sources(stream):
        k, column = locate(open_at)
        m, _column = locate(close_at - 1)
        if k < start:
            continue
        chunk = list(lines[start:k])
        head = lines[k].text[:column].rstrip()
        if head:
            original = lines[k]
            chunk.append(Line(head, blank_before=original.blank_before,
                              page_break_before=original.page_break_before, width=original.width))
        out.append((chunk, unit))
        start = m + 1
    if start < len(lines):
        out.append((list(lines[start:]), None))
    return out


def parse_text(text: str) -> ParsedIssue:
    """Read one bulletin issue from its pdftotext output.

    Undoes page markers, hard line breaks, letter spacing and stray spaces; finds the masthead, the items
    (headline, body, source) and the distribution block.  Never raises: whatever is missing or cannot be told
    apart is reported in ``warnings`` (Chinese when the active language is Chinese) instead of guessed.
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    lines = prepare_lines(text)
    if not lines:
        return ParsedIssue(None, None, None, None, warnings=[_("The text is empty.")])

    head = parse_masthead([line.text for line in lines])
    warnings: list[str] = []
    if not head.series:
        warnings.append(_("No series name (masthead) was found."))
    if head.number is None:
        warnings.append(_("No issue number was found."))
    if not head.office:
        warnings.append(_("No issuing office was found."))
    if head.date_text and head.date is None:
        warnings.append(_("The issue date “%(text)s” is not a valid date.") % {"text": head.date_text})
    elif not head.date_text:
        warnings.append(_("No issue date was found."))
    for unknown in head.unknown:
        warnings.append(_("Unrecognised text in the masthead was ignored: %(text)s") % {"text": unknown})

    body = drop_running_headers(lines[head.lines_used :], head.series)
    width = full_width(body)
    cut = find_distribution(body)
    distribution = clean_distribution(body[cut:], width)
    body = merge_fragments(drop_furniture(body[:cut]), width)

    issue = ParsedIssue(head.series, head.number, head.office, head.date, distribution=distribution,
                        total_number=head.total_number, supplement=head.supplement)
    for chunk, unit in _chunks(body):
        starts = item_starts(chunk, width)
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(chunk)
            source = unit if end == len(chunk) else None
            item_lines = chunk[start:end]
            if not issue.items and issue.editor_note is None and re.match(r"^[【\[]?编者按", item_lines[0].text):
                issue.editor_note = body_text(item_lines, width)
                continue
            index = len(issue.items) + 1
            split = split_headline(item_lines, width)
            if split.headline is None:
                warnings.append(_("Item %(index)s has no recognisable headline; all its text was kept as the body.")
                                % {"index": index})
                item = ParsedItem("", body_text(item_lines, width), source)
            else:
                item = ParsedItem(split.headline, body_text(split.body, width), source)
            if not item.body:
                warnings.append(_("Item %(index)s has no body text.") % {"index": index})
            issue.items.append(item)
    if not issue.items:
        warnings.append(_("No items were found."))
    issue.warnings = warnings
    return issue
