from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel


def attachment_path(instance, filename):
    # The stored name never comes from the uploader: sha256 plus the extension of the detected type.
    return f"attachments/{instance.sha256[:2]}/{instance.sha256}.{instance.extension}"


def thumbnail_path(instance, filename):
    return f"thumbnails/{instance.sha256[:2]}/{instance.sha256}.jpg"


class Attachment(TimeStampedModel):
    """A file attached to any record (photo, scan, document), type checked by its content, never its name."""

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF document")
        OFFICE = "office", _("Office document")

    owner_type = models.CharField(max_length=100, blank=True, db_index=True)
    owner_id = models.CharField(max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    content_type = models.CharField(_("content type"), max_length=100)
    extension = models.CharField(max_length=10)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(max_length=64, db_index=True)
    file = models.FileField(upload_to=attachment_path, max_length=255)
    thumbnail = models.FileField(upload_to=thumbnail_path, max_length=255, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="core_attachment_owner_idx")]

    def __str__(self):
        return self.original_name
