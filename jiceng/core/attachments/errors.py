"""The refusal every attachment check raises."""

from django.utils.translation import gettext_lazy as _

from ..errors import DomainError


class AttachmentRejected(DomainError):
    """An uploaded file was refused (empty, too large, an unaccepted or disguised type, damaged, hostile).

    The message says why in the user's language; `code` names the reason for API
    clients (attachment_empty, attachment_too_large, attachment_type,
    attachment_kind_not_allowed, attachment_old_office, attachment_damaged,
    attachment_too_many_pixels, attachment_zip_bomb, attachment_encrypted,
    attachment_macros, attachment_polyglot, attachment_web_content). Nothing is
    stored when it is raised.
    """

    code = "attachment_rejected"
    default_message = _("The file was not accepted.")

    def __init__(self, message=None, *, code: str | None = None, details=None):
        super().__init__(message, code=code, field="file", details=details)
