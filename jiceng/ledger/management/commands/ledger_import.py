import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiceng.core.context import request_context
from jiceng.core.errors import DomainError
from jiceng.ledger.importing import ledger_import
from jiceng.ledger.models import Programme


class Command(BaseCommand):
    help = ("Import an office's XLSX ledger into a programme. Nothing is written unless the file is valid or "
            "--skip-bad-rows is given; importing the same file again changes nothing. Exits non-zero on errors.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--programme", required=True, help="the programme's name")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--skip-bad-rows", action="store_true")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, file, programme, dry_run, skip_bad_rows, json: bool, **options):
        target = Programme.objects.filter(name=programme, archived_at__isnull=True).first()
        if target is None:
            raise CommandError(f"no programme named {programme!r}")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        try:
            with request_context(None):
                result = ledger_import(actor=None, programme=target, data=data, dry_run=dry_run,
                                       skip_bad_rows=skip_bad_rows)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        if json:
            self.stdout.write(_dumps(result.as_json(with_projects=dry_run)))
        else:
            self.stdout.write(f"created {result.created}, updated {result.updated}, unchanged {result.unchanged}, "
                              f"skipped rows {len(result.skipped_rows)}")
            for error in result.errors:
                self.stderr.write(f"{error['sheet']}!{error['row']} [{error['column']}]: {error['message']}")
        if result.errors:  # the JSON (or the list above) is on stdout; the exit status says it failed
            raise CommandError(f"{len(result.errors)} errors; nothing was written", returncode=1)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)
