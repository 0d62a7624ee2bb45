from .attachments import Attachment
from .audit import AuditChainHead, AuditEvent
from .base import TimeStampedModel
from .calendar import CalendarDay, CalendarYear
from .notifications import Notification, WebhookEndpoint
from .search import SearchEntry

__all__ = [
    "Attachment",
    "AuditChainHead",
    "AuditEvent",
    "CalendarDay",
    "CalendarYear",
    "Notification",
    "SearchEntry",
    "TimeStampedModel",
    "WebhookEndpoint",
]
