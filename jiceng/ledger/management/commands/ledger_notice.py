import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jiceng.core.documents import render_docx, render_pdf
from jiceng.core.errors import DomainError
from jiceng.ledger import services
from jiceng.ledger.documents import notice_for_print
from jiceng.ledger.models import Notice, Programme


class Command(BaseCommand):
    help = "Print a programme's quarterly notice (drafted now if there is none) as PDF or DOCX, e.g. --quarter 2020Q2."

    def add_arguments(self, parser):
        parser.add_argument("--programme", required=True)
        parser.add_argument("--quarter", required=True, help="YYYYQn, e.g. 2020Q2")
        parser.add_argument("--out", required=True, help="FILE.pdf or FILE.docx")

    def handle(self, *args, programme, quarter, out, **options):
        match = re.fullmatch(r"(\d{4})Q([1-4])", quarter.strip().upper())
        if not match:
            raise CommandError("--quarter must look like 2020Q2")
        year, number = int(match.group(1)), int(match.group(2))
        target = Programme.objects.filter(name=programme, archived_at__isnull=True).first()
        if target is None:
            raise CommandError(f"no programme named {programme!r}")
        suffix = Path(out).suffix.lower()
        if suffix not in (".pdf", ".docx"):
            raise CommandError("--out must end in .pdf or .docx")
        try:
            notice = Notice.objects.filter(programme=target, year=year, quarter=number).first() or \
                services.notice_draft(actor=None, programme=target, year=year, quarter=number,
                                      date=timezone.localdate())
            document = notice_for_print(notice)
            content = render_pdf(document) if suffix == ".pdf" else render_docx(document)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        Path(out).write_bytes(content)
        self.stdout.write(f"{out}: {notice.title}, {notice.entries.count()} projects named")
