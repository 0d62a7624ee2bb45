import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiceng.bulletin import services
from jiceng.bulletin.importing import BulletinImportError, parse_upload
from jiceng.core.context import request_context
from jiceng.core.errors import DomainError


class Command(BaseCommand):
    help = ("Read an old issue of a bulletin (.txt as extracted from a PDF, or a .pdf through its text layer) and "
            "bring it into the archive. --dry-run only reads; --json prints what was read.")

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
        parser.add_argument("--json", action="store_true", help="print what was read as JSON")
        parser.add_argument("--series", help="file the issue under this series name instead of its masthead")

    def handle(self, *args, path, dry_run, json: bool, series=None, **options):
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: {error.strerror}") from error
        try:
            parsed = parse_upload(data, path)
        except BulletinImportError as error:
            raise CommandError(str(error.message)) from error
        if json:
            self.stdout.write(_dumps(parsed.as_json()))
        else:
            self.stdout.write(f"{parsed.series} 第{parsed.number}期 {parsed.office} {parsed.date}")
            for index, item in enumerate(parsed.items, start=1):
                self.stdout.write(f"{index}. {item.headline}（{item.source or '—'}）")
            for warning in parsed.warnings:
                self.stderr.write(f"warning: {warning}")
        if dry_run:
            return
        try:
            with request_context(None):
                issue = services.issue_import(actor=None, parsed=parsed, series_name=series)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        if not json:
            self.stdout.write(self.style.SUCCESS(f"imported as issue id {issue.pk}"))


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
