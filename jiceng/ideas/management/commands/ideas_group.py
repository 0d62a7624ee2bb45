"""``manage.py ideas_group FILE.csv [--json]``: group near-duplicate residents' suggestions from a CSV file.

The file needs a header row with ``id`` and ``text`` (optionally ``compound``); see ``grouping.csvfile`` for the
encodings and column names accepted.  With ``--json`` it prints ``{"groups": [[id, ...], ...]}`` — every id exactly
once, as an integer when every id in the file is a plain integer (``7``, ``-3``; not ``007``), else as the string
in the file.  Without it, a table for reading.  Errors go to stderr in Chinese with a non-zero exit code.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from jiceng.ideas.grouping import DEFAULT_THRESHOLD, group_suggestions
from jiceng.ideas.grouping.csvfile import SuggestionFileError, read_suggestions

PREVIEW = 60  # characters of each text shown in the table


class Command(BaseCommand):
    help = "Group near-duplicate residents' suggestions from a CSV file (columns id,text and optionally compound)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file with a header row: id,text[,compound] (UTF-8 or GBK)")
        parser.add_argument("--json", action="store_true", dest="as_json", help='print {"groups": [[id, ...], ...]}')
        parser.add_argument("--threshold", type=float, default=None,
                            help=f"average similarity two groups need to merge, 0-1 (default {DEFAULT_THRESHOLD})")
        parser.add_argument("--separate-compounds", action="store_true",
                            help="never put suggestions from different compounds in one group")

    def handle(self, *args, file, as_json, threshold, separate_compounds, **options):
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except FileNotFoundError as error:
            raise CommandError(_("File %(path)s not found.") % {"path": file}) from error
        except IsADirectoryError as error:
            raise CommandError(_("%(path)s is a folder, not a file.") % {"path": file}) from error
        except OSError as error:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": file, "error": error}) from error
        try:
            suggestions = read_suggestions(data)
        except SuggestionFileError as error:
            raise CommandError(str(error)) from error
        if threshold is not None and not 0 < threshold <= 1:
            raise CommandError(_("The threshold must be greater than 0 and at most 1."))
        groups = group_suggestions(suggestions.items(), threshold=threshold, separate_compounds=separate_compounds)
        if as_json:
            self.stdout.write(_dump({"groups": groups}))
        else:
            self._write_table(groups, dict(zip(suggestions.ids, suggestions.texts, strict=True)))

    def _write_table(self, groups, texts):
        width = max((len(str(ident)) for group in groups for ident in group), default=2)
        for number, group in enumerate(groups, start=1):
            self.stdout.write(_("Group %(number)d (%(count)d suggestions)") % {"number": number, "count": len(group)})
            for ident in group:
                text = " ".join(texts[ident].split())
                if len(text) > PREVIEW:
                    text = text[:PREVIEW - 1] + "…"
                self.stdout.write(f"  {str(ident).ljust(width)}  {text}")
        self.stdout.write(_("%(suggestions)d suggestions in %(groups)d groups.")
                          % {"suggestions": sum(len(group) for group in groups), "groups": len(groups)})


def _dump(payload) -> str:
    return json.dumps(payload, ensure_ascii=False)
