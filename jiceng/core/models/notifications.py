from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel


class HttpURLField(models.URLField):
    """A URL limited to http:// and https://: a webhook must never read a local file (file://) or speak ftp."""

    default_validators = [
        URLValidator(schemes=["http", "https"], message=_("Enter a valid address starting with http:// or https://.")),
    ]


class Notification(TimeStampedModel):
    """An in-app message to one user; `read_at` tells a sender who has not opened it."""

    class Level(models.TextChoices):
        INFO = "info", _("Information")
        REMINDER = "reminder", _("Reminder")
        URGENT = "urgent", _("Urgent")

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=100)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices, default=Level.INFO)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    target_type = models.CharField(max_length=100, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="core_notification_unread_idx"),
            models.Index(fields=["target_type", "target_id", "read_at"], name="core_notification_target_idx"),
        ]

    def __str__(self):
        return self.title


class WebhookEndpoint(TimeStampedModel):
    """A chat robot (WeCom, DingTalk) or any JSON endpoint that receives notifications for a group of users.

    `kinds` empty means every kind. An endpoint with an owner (a unit, say) only receives the notifications
    whose sender names that owner; one without an owner receives all of the kinds it lists. The `last_*`
    fields and `failure_count` record the outcome of the latest delivery, so an operator sees a broken robot
    on the endpoint itself.
    """

    class Flavour(models.TextChoices):
        WECOM = "wecom", _("WeCom group robot")
        DINGTALK = "dingtalk", _("DingTalk group robot")
        JSON = "json", _("Generic JSON")

    name = models.CharField(_("name"), max_length=100)
    flavour = models.CharField(_("type"), max_length=20, choices=Flavour.choices, default=Flavour.WECOM)
    url = HttpURLField(_("address"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=200, blank=True)
    kinds = models.JSONField(_("notification kinds"), default=list, blank=True)
    owner_type = models.CharField(max_length=100, blank=True)
    owner_id = models.CharField(max_length=64, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True, editable=False)
    last_status_code = models.PositiveSmallIntegerField(_("last HTTP status"), null=True, blank=True, editable=False)
    last_error = models.CharField(_("last error"), max_length=500, blank=True, editable=False)
    failure_count = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name

    def clean(self):
        """Refuse `kinds` that is not a list of non-empty strings (raises ValidationError)."""
        super().clean()
        kinds = self.kinds
        if not isinstance(kinds, list) or not all(isinstance(kind, str) and kind.strip() for kind in kinds):
            raise ValidationError({"kinds": _("List the notification kinds as text, or leave the list empty.")})

    def accepts(self, kind: str) -> bool:
        """Whether this endpoint wants notifications of `kind` (an empty list wants all of them)."""
        return not self.kinds or kind in self.kinds
