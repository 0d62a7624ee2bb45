from django.core.management.base import BaseCommand

from jiceng.core import search


class Command(BaseCommand):
    help = "Rebuild the search index from every registered provider (or one model, e.g. org.division)."

    def add_arguments(self, parser):
        parser.add_argument("model", nargs="?", help="app_label.model_name; all models when omitted")

    def handle(self, *args, model=None, **options):
        count = search.reindex(model)
        self.stdout.write(f"indexed {count} records")
