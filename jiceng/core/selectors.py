"""Reads of core records, limited to what the user may see."""

from .models import Notification


def notifications_for(user):
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_notification_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
