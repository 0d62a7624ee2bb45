from django.core.management.base import BaseCommand
from django.db import transaction

from jiceng.core.context import request_context
from jiceng.core.demo import loaders


class Command(BaseCommand):
    help = "Load the Shangjie demo (every installed module's part) into a migrated database; does nothing twice."

    def handle(self, *args, **options):
        with request_context("load_demo"):
            for loader in loaders():
                if loader.is_loaded():
                    self.stdout.write(f"{loader.name}: already loaded, nothing to do")
                    continue
                with transaction.atomic():
                    result = loader.load()
                self.stdout.write(self.style.SUCCESS(f"{loader.name}: loaded {result or ''}".rstrip()))
