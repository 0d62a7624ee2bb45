from django.core.management.base import BaseCommand
from django.utils import timezone

from jiceng.ledger import cells, services
from jiceng.ledger.models import Project


class Command(BaseCommand):
    help = ("Daily: recompute every project's lights (a report becomes late when the window closes) and escalate "
            "overdue rectifications to the unit's leaders and the supervisors.")

    def add_arguments(self, parser):
        parser.add_argument("--escalate-after", type=int, default=3, help="working days past the deadline")

    def handle(self, *args, escalate_after, **options):
        today = timezone.localdate()
        count = 0
        for project in Project.objects.filter(archived_at__isnull=True).prefetch_related("milestones", "reports"):
            cells.refresh_project(project, today=today)
            count += 1
        escalated = services.rectifications_escalate(today=today, after_workdays=escalate_after)
        self.stdout.write(f"{count} projects refreshed, {escalated} rectifications escalated")
