"""Background work of the core app (django-tasks).

Tasks take ids and plain JSON values, never model instances: a worker in another process reads the
rows itself, and a row changed since the task was queued is read as it is now. The work lives in the
service modules; these wrappers only make it queueable.
"""

from django_tasks import task

from . import notifications


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """Mail these notifications to their recipients; returns how many were sent (see notifications.deliver_emails)."""
    return notifications.deliver_emails(notification_ids=notification_ids)


@task()
def deliver_webhook(endpoint_id: int, message: dict) -> dict:
    """POST one notification to one webhook endpoint (see notifications.deliver_webhook)."""
    return notifications.deliver_webhook(endpoint_id=endpoint_id, message=message)
