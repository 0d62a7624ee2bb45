from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from jiceng.bulletin import services
from jiceng.core.errors import DomainError


class Command(BaseCommand):
    help = "Send the day's reminders and 催办 for commissioned pieces (run daily, e.g. from cron at 08:30)."

    def add_arguments(self, parser):
        parser.add_argument("--before", type=int, default=2, help="remind this many working days before the deadline")

    def handle(self, *args, before, **options):
        try:
            sent = services.topic_send_reminders(today=timezone.localdate(), remind_before=before)
        except DomainError as error:
            raise CommandError(str(error.message)) from error
        self.stdout.write(f"{sent} reminders sent")
