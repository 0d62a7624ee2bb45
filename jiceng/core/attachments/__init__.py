"""Attachments: files attached to any record, checked by their content, never by their name.

    from jiceng.core.attachments import attachment_create, attachments_of
    photo = attachment_create(actor=user, file=request.FILES["photo"], owner=inspection,
                              allowed_kinds=("image",))

See services.py for the write path and content.py for what is accepted.
"""

from .errors import AttachmentRejected
from .services import attachment_archive, attachment_create, attachment_download_response, attachments_of

__all__ = [
    "AttachmentRejected",
    "attachment_archive",
    "attachment_create",
    "attachment_download_response",
    "attachments_of",
]
