"""Notifications: in the app, by e-mail, and by webhook (WeCom / DingTalk robots)."""

from django.db import transaction
from django.utils import timezone

from .models import Notification


def mark_read(*, actor, notification: Notification) -> Notification:
    if notification.read_at is None:
        with transaction.atomic():
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at", "updated_at"])
    return notification


def mark_all_read(*, actor) -> int:
    return Notification.objects.filter(recipient=actor, read_at__isnull=True).update(read_at=timezone.now())
