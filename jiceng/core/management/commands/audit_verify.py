from django.core.management.base import BaseCommand, CommandError

from jiceng.core.audit.chain import iter_fields, verify_chain
from jiceng.core.models import AuditChainHead, AuditEvent


class Command(BaseCommand):
    help = "Verify the audit hash chain, streaming the table in order; exits non-zero on a break."

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=2000)

    def handle(self, *args, chunk_size, **options):
        head = AuditChainHead.objects.filter(pk=1).first()
        rows = AuditEvent.objects.order_by("id").iterator(chunk_size=chunk_size)
        report = verify_chain(
            iter_fields(rows),
            head_hash=head.last_hash if head else None,
            head_length=head.length if head else 0,
        )
        if report.ok:
            self.stdout.write(f"audit chain OK: {report.checked} events, last hash {report.last_hash}")
            return
        for item in report.breaks:
            self.stderr.write(f"event {item.event_id}: {item.reason}")
        raise CommandError(f"audit chain BROKEN: {len(report.breaks)} problem(s) in {report.checked} events checked")
