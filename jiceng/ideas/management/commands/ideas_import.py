import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from jiceng.core.context import request_context
from jiceng.core.errors import DomainError
from jiceng.ideas.importing import import_suggestions
from jiceng.ideas.models import Campaign


class Command(BaseCommand):
    help = ("Import suggestions from a chat-group export or a spreadsheet (CSV/XLSX) into a campaign; nothing is "
            "written unless every row is good or --skip-bad-rows is given. Exits non-zero on errors.")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--campaign", required=True, help="the campaign's public code")
        parser.add_argument("--compound", help="the compound of every row without one")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument("--skip-bad-rows", action="store_true")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, file, campaign, compound, dry_run, skip_bad_rows, json: bool, **options):
        target = Campaign.objects.filter(code=campaign).first()
        if target is None:
            raise CommandError(f"no campaign with code {campaign!r}")
        default = target.compounds.filter(name=compound).first() if compound else None
        if compound and default is None:
            raise CommandError(f"{compound!r} is not a compound of the campaign")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        try:
            with request_context(None):
                result = import_suggestions(actor=None, campaign=target, data=data, default_compound=default,
                                            dry_run=dry_run, skip_bad_rows=skip_bad_rows)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        summary = {"created": result.created, "rows": len(result.rows), "errors": result.errors,
                   "skipped_rows": result.skipped}
        self.stdout.write(_dumps(summary) if json else f"{len(result.rows)} rows read, {result.created} created, "
                          f"{len(result.errors)} errors, {len(result.skipped)} skipped")
        if result.errors and not skip_bad_rows:
            raise CommandError(f"{len(result.errors)} rows have errors; nothing was written", returncode=1)


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
