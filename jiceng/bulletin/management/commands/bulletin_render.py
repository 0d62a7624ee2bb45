from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiceng.bulletin import render, selectors
from jiceng.bulletin.models import Issue
from jiceng.core.errors import DomainError


class Command(BaseCommand):
    help = "Print an issue of a bulletin as PDF or DOCX (by the extension of --out)."

    def add_arguments(self, parser):
        parser.add_argument("--series", required=True)
        parser.add_argument("--number", required=True, type=int)
        parser.add_argument("--year", type=int, help="needed when the series has several issues with this number")
        parser.add_argument("--supplement", action="store_true")
        parser.add_argument("--out", required=True)

    def handle(self, *args, series, number, year, supplement, out, **options):
        issues = Issue.objects.filter(series__name=series, number=number, is_supplement=supplement)
        if year:
            issues = issues.filter(year=year)
        found = list(issues.select_related("series").order_by("-year")[:2])
        if not found:
            raise CommandError(f"no issue {number} of {series!r}")
        if len(found) > 1 and not year:
            raise CommandError(f"{series!r} has issue {number} in several years ({found[0].year}, {found[1].year}); "
                               "give --year")
        issue = found[0]
        view = render.issue_view(issue, selectors.items_of(issue))
        suffix = Path(out).suffix.lower()
        try:
            if suffix == ".pdf":
                content = render.render_pdf(view)
            elif suffix == ".docx":
                content = render.render_docx(view)
            else:
                raise CommandError("--out must end in .pdf or .docx")
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        Path(out).write_bytes(content)
        self.stdout.write(f"{out}: {len(content)} bytes")
